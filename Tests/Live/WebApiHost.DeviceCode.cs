using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LoyaltyHealth.Tests.Live
{
    /// <summary>
    /// The device authorization grant at the host's Microsoft Entra ID endpoints, as "Microsoft identity platform
    /// and the OAuth 2.0 device authorization grant flow" (learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code)
    /// documents it: <c>POST /{tenant}/oauth2/v2.0/devicecode</c> answers the device code, the user code, the
    /// verification URI, <c>expires_in</c>, <c>interval</c> and the message to show; the token endpoint's
    /// <c>grant_type=urn:ietf:params:oauth:grant-type:device_code</c> answers <c>authorization_pending</c> (400) until
    /// the person has signed in (here: the first poll), then the tokens, with the <c>id_token</c> and
    /// <c>client_info</c> that let MSAL keep the account and renew silently.
    /// </summary>
    internal sealed partial class WebApiHost
    {
        /// <summary>The grant as the page documents it, and the short form MSAL.NET sends (Entra ID accepts both).</summary>
        private static readonly string[] DeviceCodeGrants = { "urn:ietf:params:oauth:grant-type:device_code", "device_code" };
        public const string UserCode = "FJ8KQ2RZW";
        public const string VerificationUri = "https://microsoft.com/devicelogin";

        private readonly ConcurrentDictionary<string, int> _devicePolls = new(StringComparer.Ordinal);
        private int _deviceCodesIssued;

        public int DeviceCodesIssued => Volatile.Read(ref _deviceCodesIssued);

        /// <summary>How often the tool asked the token endpoint for a device code's token.</summary>
        public int DeviceCodePolls => _devicePolls.Values.Sum();

        /// <summary>The device codes handed out: they belong between the tool and Entra ID, never on the screen.</summary>
        public System.Collections.Generic.IReadOnlyCollection<string> DeviceCodes => _devicePolls.Keys.ToList();

        private async Task DeviceCode(HttpContext context)
        {
            var form = await context.Request.ReadFormAsync();
            if (form["client_id"] != ClientId)
            {
                await OAuthError(context, "unauthorized_client", $"AADSTS700016: Application with identifier '{form["client_id"]}' was not found in the directory '{Tenant}'.", 700016);
                return;
            }
            Interlocked.Increment(ref _deviceCodesIssued);
            var deviceCode = "device-" + Guid.NewGuid().ToString("N");
            _devicePolls[deviceCode] = 0;
            await Json(context, w =>
            {
                w.WriteString("user_code", UserCode);
                w.WriteString("device_code", deviceCode);
                w.WriteString("verification_uri", VerificationUri);
                w.WriteNumber("expires_in", 900);
                // The documented default is 5 seconds; 1 keeps the test short.
                w.WriteNumber("interval", 1);
                w.WriteString("message", $"To sign in, use a web browser to open the page {VerificationUri} and enter the code {UserCode} to authenticate.");
            });
        }

        private async Task DeviceCodeToken(HttpContext context, IFormCollection form)
        {
            var deviceCode = form["device_code"].ToString();
            if (form["client_id"] != ClientId || !_devicePolls.TryGetValue(deviceCode, out var polls))
            {
                await OAuthError(context, "invalid_grant", "AADSTS70000: The provided value for the 'device_code' is not valid.", 70000);
                return;
            }
            _devicePolls[deviceCode] = polls + 1;
            if (polls == 0)
            {
                await OAuthError(context, "authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.", 70016);
                return;
            }
            var token = IssueToken();
            await Json(context, w =>
            {
                AccessToken(w, token);
                w.WriteString("scope", form["scope"].ToString());
                w.WriteString("refresh_token", "refresh-" + Guid.NewGuid().ToString("N"));
                w.WriteString("id_token", IdToken());
                w.WriteString("client_info", Base64Url($"{{\"uid\":\"{UserId}\",\"utid\":\"{TenantId}\"}}"));
            });
        }

        private static readonly Guid TenantId = new("7e1e7e1e-0000-0000-0000-00000000c0de");

        /// <summary>An unsigned ID token with the claims MSAL reads for the account (MSAL does not check an ID token's signature).</summary>
        private static string IdToken()
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var claims = JsonSerializer.Serialize(new
            {
                aud = ClientId, iss = $"https://login.microsoftonline.com/{TenantId}/v2.0", iat = now, nbf = now, exp = now + 3599,
                oid = UserId, sub = "person", tid = TenantId, preferred_username = "person@" + Tenant, name = "A Person", ver = "2.0",
            });
            return Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url(claims) + ".";
        }

        private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        private static Task OAuthError(HttpContext context, string error, string description, int code)
        {
            context.Response.StatusCode = 400;
            return Json(context, w =>
            {
                w.WriteString("error", error);
                w.WriteString("error_description", description);
                w.WriteStartArray("error_codes");
                w.WriteNumberValue(code);
                w.WriteEndArray();
            });
        }
    }
}
