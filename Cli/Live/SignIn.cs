using System;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>How the tool signs in: an application user (client secret or certificate) or a person (device code or a browser).</summary>
    public sealed record SignInOptions
    {
        public required string ClientId { get; init; }
        public string Tenant { get; init; } = "organizations";
        /// <summary>The name of the environment variable holding the client secret (never the secret itself).</summary>
        public string? ClientSecretVariable { get; init; }
        public string? CertificatePath { get; init; }
        /// <summary>The environment variable with the certificate file's password, if it has one.</summary>
        public string? CertificatePasswordVariable { get; init; }
        public bool DeviceCode { get; init; }
        public bool Interactive { get; init; }
    }

    /// <summary>Access tokens for one environment.</summary>
    public interface ITokenSource
    {
        Task<string> TokenAsync(bool forceRefresh, CancellationToken cancellation);
    }

    /// <summary>
    /// Tokens from Microsoft Entra ID through MSAL, for the scope <c>&lt;environment&gt;/.default</c>. One MSAL
    /// application per run and environment keeps its tokens in MSAL's in-memory cache (nothing is written to
    /// disk); MSAL renews a token before it expires, and <c>forceRefresh</c> asks for a new one when the
    /// environment rejected the cached one. The secret is read from the named environment variable and
    /// handed only to MSAL.
    /// </summary>
    public sealed class MsalTokenSource : ITokenSource
    {
        private readonly string[] _scopes;
        private readonly SignInOptions _options;
        private readonly IConfidentialClientApplication? _application;
        private readonly IPublicClientApplication? _person;
        private readonly Action<string> _tell;

        /// <param name="authorityHost">https://login.microsoftonline.com unless a sovereign cloud.</param>
        /// <param name="http">MSAL's HTTP (tests route it to a loopback token endpoint); null for MSAL's own.</param>
        public MsalTokenSource(Uri environment, SignInOptions options, Action<string> tell, Uri? authorityHost = null, IMsalHttpClientFactory? http = null)
        {
            _options = options;
            _tell = tell;
            _scopes = new[] { new Uri(environment, "/.default").ToString() };
            var authority = new Uri(authorityHost ?? new Uri("https://login.microsoftonline.com"), options.Tenant).ToString();
            var methods = new[] { options.ClientSecretVariable is not null, options.CertificatePath is not null, options.DeviceCode, options.Interactive }.Count(m => m);
            if (methods != 1)
                throw new EnvironmentException("choose one way to sign in: --client-secret-env VAR, --certificate FILE.pfx, --device-code or --interactive.", EnvironmentFailure.SignInRefused);
            if (options.DeviceCode || options.Interactive)
            {
                var builder = PublicClientApplicationBuilder.Create(options.ClientId).WithAuthority(authority).WithRedirectUri("http://localhost");
                if (http is not null) builder = builder.WithHttpClientFactory(http).WithInstanceDiscovery(false);
                _person = builder.Build();
                return;
            }
            var confidential = ConfidentialClientApplicationBuilder.Create(options.ClientId).WithAuthority(authority);
            confidential = options.ClientSecretVariable is { } variable
                ? confidential.WithClientSecret(Secret(variable))
                : confidential.WithCertificate(Certificate(options.CertificatePath!, options.CertificatePasswordVariable));
            if (http is not null) confidential = confidential.WithHttpClientFactory(http).WithInstanceDiscovery(false);
            _application = confidential.Build();
        }

        public async Task<string> TokenAsync(bool forceRefresh, CancellationToken cancellation)
        {
            try
            {
                if (_application is not null)
                    return (await _application.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellation).ConfigureAwait(false)).AccessToken;
                var account = (await _person!.GetAccountsAsync().ConfigureAwait(false)).FirstOrDefault();
                if (account is not null)
                {
                    try
                    {
                        return (await _person.AcquireTokenSilent(_scopes, account).WithForceRefresh(forceRefresh).ExecuteAsync(cancellation).ConfigureAwait(false)).AccessToken;
                    }
                    catch (MsalUiRequiredException)
                    {
                        // The person signs in again below.
                    }
                }
                var result = _options.DeviceCode
                    ? await _person.AcquireTokenWithDeviceCode(_scopes, code => { _tell(code.Message); return Task.CompletedTask; }).ExecuteAsync(cancellation).ConfigureAwait(false)
                    : await _person.AcquireTokenInteractive(_scopes).ExecuteAsync(cancellation).ConfigureAwait(false);
                return result.AccessToken;
            }
            catch (MsalServiceException e)
            {
                throw new EnvironmentException($"Microsoft Entra ID refused the sign-in of {_options.ClientId} in tenant {_options.Tenant}: {e.ErrorCode} ({FirstLine(e.Message)}).", EnvironmentFailure.SignInRefused, e);
            }
            catch (MsalClientException e)
            {
                throw new EnvironmentException($"signing in failed: {e.ErrorCode} ({FirstLine(e.Message)}).", EnvironmentFailure.SignInRefused, e);
            }
        }

        private static string FirstLine(string text) => text.Split('\n')[0].Trim();

        private static string Secret(string variable) =>
            Environment.GetEnvironmentVariable(variable) is { Length: > 0 } secret ? secret
                : throw new EnvironmentException($"the environment variable {variable} (--client-secret-env) is not set; put the application user's client secret in it.", EnvironmentFailure.SignInRefused);

        private static X509Certificate2 Certificate(string path, string? passwordVariable)
        {
            if (!System.IO.File.Exists(path)) throw new EnvironmentException($"the certificate {path} (--certificate) does not exist.", EnvironmentFailure.SignInRefused);
            var password = passwordVariable is null ? null : Environment.GetEnvironmentVariable(passwordVariable);
            try
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new EnvironmentException($"the certificate {path} cannot be read ({e.Message.Split('\n')[0]}); is it a .pfx with its private key, and is its password in {passwordVariable ?? "the variable named by --certificate-password-env"}?", EnvironmentFailure.SignInRefused, e);
            }
        }
    }

    /// <summary>
    /// Puts the bearer token on every request. A 401 means the environment no longer accepts the token (it
    /// expired, or was revoked): the token is renewed once and the request sent again; a second 401 is a
    /// refused sign-in.
    /// </summary>
    internal sealed class BearerTokenHandler : DelegatingHandler
    {
        private readonly ITokenSource _tokens;
        private readonly RequestStats _stats;

        public BearerTokenHandler(HttpMessageHandler inner, ITokenSource tokens, RequestStats stats)
            : base(inner)
        {
            _tokens = tokens;
            _stats = stats;
        }

        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await _tokens.TokenAsync(false, cancellationToken).ConfigureAwait(false));
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized) return response;
            response.Dispose();
            _stats.TokenRefreshed();
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await _tokens.TokenAsync(true, cancellationToken).ConfigureAwait(false));
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                throw new EnvironmentException($"the environment {request.RequestUri!.GetLeftPart(UriPartial.Authority)} refused the token even after it was renewed: is the application user (or person) a user of this environment, in the tenant that owns it?", EnvironmentFailure.SignInRefused);
            return response;
        }
    }
}
