using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Tests.Live
{
    /// <summary>What the host does instead of answering one Web API request.</summary>
    internal enum Fault
    {
        /// <summary>429 with Retry-After: 1, as service protection limits answer.</summary>
        TooManyRequests,
        ServiceUnavailable,
        /// <summary>The connection is dropped before a response; a Custom API has already run by then.</summary>
        DropConnection,
        /// <summary>The token the request carries stops being accepted (it expired mid-run).</summary>
        ExpireToken,
    }

    /// <summary>
    /// A Dataverse environment on loopback for the tests: Kestrel on 127.0.0.1 (port 0) speaking the Web API's
    /// conventions over a local organisation (the in-memory store with the product's plugins in the local
    /// pipeline), plus a Microsoft Entra ID token endpoint for client credentials. It answers
    /// <c>WhoAmI</c>, <c>EntityDefinitions(LogicalName='…')</c>, <c>GET {entityset}?fetchXml=…</c> with
    /// OData JSON (annotations only under <c>Prefer: odata.include-annotations="*"</c>; the paging cookie in
    /// <c>@Microsoft.Dynamics.CRM.fetchxmlpagingcookie</c>, URL-encoded twice) and the product's unbound
    /// Custom APIs as actions, with Dataverse's error bodies. Faults are scripted per Web API request number.
    /// </summary>
    internal sealed partial class WebApiHost : IAsyncDisposable
    {
        public const string ClientId = "0c6f3c4e-7c55-4b1a-9d7e-1e0b7d1a7a11";
        public const string Tenant = "contoso.onmicrosoft.com";
        public const string SecretVariable = "LOYALTY_TEST_CLIENT_SECRET";
        public static readonly string Secret = "test-secret-" + Guid.NewGuid().ToString("N");
        public static readonly Guid UserId = new("5a1e5a1e-0000-0000-0000-00000000a001");

        private readonly WebApplication _app;
        private readonly LocalOrganisation _organisation;
        private readonly object _organisationGate = new();
        private readonly ConcurrentDictionary<int, Fault> _faults = new();
        private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _tables = new(StringComparer.Ordinal);
        private int _apiRequests;
        private int _tokensIssued;
        private int _inFlight;
        private int _maxInFlight;

        private WebApiHost(WebApplication app, LocalOrganisation organisation)
        {
            _app = app;
            _organisation = organisation;
        }

        public Uri Url { get; private set; } = null!;
        public LocalOrganisation Organisation => _organisation;

        /// <summary>Every Web API request as it arrived (time, method, path and query).</summary>
        public ConcurrentQueue<(DateTime At, string Method, string Path)> Requests { get; } = new();
        public int MaxInFlight => Volatile.Read(ref _maxInFlight);
        public int TokensIssued => Volatile.Read(ref _tokensIssued);

        /// <summary>Privileges the signed-in user lacks (prvReadAccount, prvCreateloy_rescorerequest).</summary>
        public HashSet<string> MissingPrivileges { get; } = new(StringComparer.Ordinal);

        /// <summary>How long each Web API request takes, to let concurrency show.</summary>
        public TimeSpan Latency { get; set; }

        /// <summary>The fault to answer the n-th Web API request (1-based) with.</summary>
        public void Inject(int request, Fault fault) => _faults[request] = fault;

        public static async Task<WebApiHost> Start(LocalOrganisation organisation)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var host = new WebApiHost(app, organisation);
            app.Run(host.Handle);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            host.Url = new Uri(address.Replace("[::1]", "127.0.0.1") + "/");
            return host;
        }

        private async Task Handle(HttpContext context)
        {
            var path = context.Request.Path.Value ?? "";
            if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                await Token(context);
                return;
            }
            if (path.EndsWith("/oauth2/v2.0/devicecode", StringComparison.Ordinal))
            {
                await DeviceCode(context);
                return;
            }
            if (!path.StartsWith("/api/data/v9.2/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("<html>Not a Dataverse environment</html>");
                return;
            }
            var number = Interlocked.Increment(ref _apiRequests);
            Requests.Enqueue((DateTime.UtcNow, context.Request.Method, path + context.Request.QueryString));
            var inFlight = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < inFlight && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen) { }
            try
            {
                if (Latency > TimeSpan.Zero) await Task.Delay(Latency);
                await Api(context, path.Substring("/api/data/v9.2/".Length), _faults.TryGetValue(number, out var fault) ? fault : null);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private async Task Api(HttpContext context, string resource, Fault? fault)
        {
            var token = context.Request.Headers.Authorization.ToString();
            token = token.StartsWith("Bearer ", StringComparison.Ordinal) ? token.Substring(7) : "";
            if (fault == Fault.ExpireToken) _tokens[token] = false;
            if (!_tokens.TryGetValue(token, out var valid) || !valid)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"The access token has expired\", authorization_uri=\"https://login.microsoftonline.com/{Tenant}/oauth2/authorize\"";
                return;
            }
            switch (fault)
            {
                case Fault.TooManyRequests:
                    context.Response.Headers.RetryAfter = "1";
                    await Error(context, 429, unchecked((int)0x80072322), "Number of requests exceeded the limit of 6000 over time window of 300 seconds.");
                    return;
                case Fault.ServiceUnavailable:
                    context.Response.StatusCode = 503;
                    return;
                case Fault.DropConnection when context.Request.Method == "GET":
                    context.Abort();
                    return;
            }

            try
            {
                if (context.Request.Method == "GET" && resource == "WhoAmI")
                    await Json(context, w => { w.WriteString("UserId", UserId); w.WriteString("BusinessUnitId", Guid.Empty); w.WriteString("OrganizationId", Guid.Empty); });
                else if (context.Request.Method == "GET" && resource.StartsWith("EntityDefinitions(LogicalName='", StringComparison.Ordinal))
                    await EntityDefinition(context, resource.Substring(31).TrimEnd(')', '\''));
                else if (context.Request.Method == "GET" && _tables.TryGetValue(resource, out var table) && context.Request.Query.TryGetValue("fetchXml", out var fetchXml))
                    await Fetch(context, table, fetchXml.ToString());
                else if (context.Request.Method == "POST" && _organisation.Pipeline.Registrations.CustomApi(resource) is not null)
                    await Action(context, resource, fault == Fault.DropConnection);
                else
                    await Error(context, 404, unchecked((int)0x8006088a), $"Resource not found for the segment '{resource}'.");
            }
            catch (FaultException<OrganizationServiceFault> e)
            {
                await Error(context, e.Detail.ErrorCode == unchecked((int)0x80040220) ? 403 : 400, e.Detail.ErrorCode, e.Detail.Message);
            }
        }

        private async Task EntityDefinition(HttpContext context, string table)
        {
            var set = table.EndsWith('y') ? table.Substring(0, table.Length - 1) + "ies" : table + "s";
            _tables[set] = table;
            await Json(context, w => { w.WriteString("LogicalName", table); w.WriteString("EntitySetName", set); });
        }

        private async Task Fetch(HttpContext context, string table, string fetchXml)
        {
            var privilege = "prvRead" + char.ToUpperInvariant(table[0]) + table.Substring(1);
            if (MissingPrivileges.Contains(privilege)) throw PrivilegeDenied(privilege, table);
            var document = XElement.Parse(fetchXml);
            EntityCollection result;
            lock (_organisationGate) result = _organisation.Service.RetrieveMultiple(new FetchExpression(fetchXml));
            var annotate = context.Request.Headers["Prefer"].ToString().Contains("odata.include-annotations=\"*\"", StringComparison.Ordinal);
            var page = (int?)document.Attribute("page") ?? 1;
            await Json(context, w =>
            {
                if (annotate && result.MoreRecords)
                {
                    var cookie = new XElement("cookie", new XAttribute("pagenumber", page + 1),
                        new XAttribute("pagingcookie", Uri.EscapeDataString(Uri.EscapeDataString(result.PagingCookie ?? ""))), new XAttribute("istracking", "False"));
                    w.WriteString("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", cookie.ToString(SaveOptions.DisableFormatting));
                    w.WriteBoolean("@Microsoft.Dynamics.CRM.morerecords", true);
                }
                w.WriteStartArray("value");
                foreach (var row in result.Entities) Row(w, row, annotate);
                w.WriteEndArray();
            });
        }

        private void Row(Utf8JsonWriter w, Entity row, bool annotate)
        {
            w.WriteStartObject();
            var primary = _organisation.Store.ActivityTables.Contains(row.LogicalName) ? ActivitySchema.Id : row.LogicalName + "id";
            w.WriteString(primary, row.Id);
            foreach (var (name, value) in row.Attributes)
            {
                if (name == primary) continue;
                switch (value)
                {
                    case EntityReference reference:
                        w.WriteString($"_{name}_value", reference.Id);
                        if (!annotate) break;
                        w.WriteString($"_{name}_value@Microsoft.Dynamics.CRM.lookuplogicalname", reference.LogicalName);
                        if (reference.Name is not null) w.WriteString($"_{name}_value@OData.Community.Display.V1.FormattedValue", reference.Name);
                        break;
                    case OptionSetValue option:
                        w.WriteNumber(name, option.Value);
                        if (annotate) w.WriteString(name + "@OData.Community.Display.V1.FormattedValue", option.Value.ToString(CultureInfo.InvariantCulture));
                        break;
                    case Money money:
                        w.WriteNumber(name, money.Value);
                        if (annotate) w.WriteString(name + "@OData.Community.Display.V1.FormattedValue", money.Value.ToString("C", CultureInfo.GetCultureInfo("en-US")));
                        break;
                    case DateTime date:
                        w.WriteString(name, DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                        break;
                    // An aggregate's alias is a plain property of the row ("Aggregate data using FetchXml").
                    case AliasedValue { Value: int count }: w.WriteNumber(name, count); break;
                    case AliasedValue { Value: string linked }: w.WriteString(name.Replace(".", ODataValues.LinkedColumnSeparator, StringComparison.Ordinal), linked); break;
                    case string text: w.WriteString(name, text); break;
                    case bool flag: w.WriteBoolean(name, flag); break;
                    case int whole: w.WriteNumber(name, whole); break;
                    case long big: w.WriteNumber(name, big); break;
                    case decimal number: w.WriteNumber(name, number); break;
                    case double real: w.WriteNumber(name, real); break;
                    case Guid id: w.WriteString(name, id); break;
                }
            }
            w.WriteEndObject();
        }

        private async Task Action(HttpContext context, string name, bool dropAfterwards)
        {
            if (name == CustomApiNames.RecalculateStale && MissingPrivileges.Contains(CustomApiNames.RecalculateStalePrivilege))
                throw PrivilegeDenied(CustomApiNames.RecalculateStalePrivilege, CustomApiNames.RescoreRequestTable);
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var request = new OrganizationRequest(name);
            foreach (var property in body.RootElement.EnumerateObject())
                request[property.Name] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetInt32() : property.Value.GetString();
            OrganizationResponse response;
            lock (_organisationGate)
            {
                response = _organisation.Service.Execute(request);
                _organisation.RunSystemJobs();
            }
            if (dropAfterwards)
            {
                context.Abort();
                return;
            }
            await Json(context, w =>
            {
                w.WriteString("@odata.context", $"{Url}api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.{name}Response");
                foreach (var (key, value) in response.Results)
                    if (value is int n) w.WriteNumber(key, n);
            });
        }

        private async Task Token(HttpContext context)
        {
            var form = await context.Request.ReadFormAsync();
            if (DeviceCodeGrants.Contains(form["grant_type"].ToString()))
            {
                await DeviceCodeToken(context, form);
                return;
            }
            if (form["client_id"] != ClientId || form["client_secret"] != Secret)
            {
                context.Response.StatusCode = 401;
                await Json(context, w =>
                {
                    w.WriteString("error", "invalid_client");
                    w.WriteString("error_description", $"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{form["client_id"]}'.");
                    w.WriteStartArray("error_codes");
                    w.WriteNumberValue(7000215);
                    w.WriteEndArray();
                });
                return;
            }
            var token = IssueToken();
            await Json(context, w => AccessToken(w, token));
        }

        /// <summary>Every access token the host has issued.</summary>
        public IReadOnlyCollection<string> IssuedTokens => _tokens.Keys.ToList();

        private string IssueToken()
        {
            var token = "token-" + Interlocked.Increment(ref _tokensIssued) + "-" + Guid.NewGuid().ToString("N");
            _tokens[token] = true;
            return token;
        }

        private static void AccessToken(Utf8JsonWriter w, string token)
        {
            w.WriteString("token_type", "Bearer");
            w.WriteNumber("expires_in", 3599);
            w.WriteNumber("ext_expires_in", 3599);
            w.WriteString("access_token", token);
        }

        private static FaultException<OrganizationServiceFault> PrivilegeDenied(string privilege, string table)
        {
            var message = $"Principal user (Id={UserId}, type=8, roleCount=1), is missing {privilege} privilege (Id={Guid.Empty}) on OTC=1 for entity '{table}'.";
            return new FaultException<OrganizationServiceFault>(new OrganizationServiceFault { ErrorCode = unchecked((int)0x80040220), Message = message }, message);
        }

        private static Task Error(HttpContext context, int status, int code, string message)
        {
            context.Response.StatusCode = status;
            return Json(context, w =>
            {
                w.WriteStartObject("error");
                w.WriteString("code", "0x" + code.ToString("x8", CultureInfo.InvariantCulture));
                w.WriteString("message", message);
                w.WriteEndObject();
            });
        }

        private static async Task Json(HttpContext context, Action<Utf8JsonWriter> write)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }
            context.Response.ContentType = "application/json; odata.metadata=minimal";
            context.Response.Headers["OData-Version"] = "4.0";
            await context.Response.Body.WriteAsync(buffer.ToArray());
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
