using System;
using System.Net.Http;
using Microsoft.Identity.Client;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// What a run needs to reach environments: the HTTP transport, MSAL's HTTP, the limits and the clock.
    /// The tool uses the defaults; the tests route both to a loopback host and shorten the waits.
    /// </summary>
    public sealed class LiveSettings
    {
        public HttpMessageHandler? Transport { get; init; }
        public IMsalHttpClientFactory? MsalHttp { get; init; }
        public Uri? AuthorityHost { get; init; }
        public RequestLimits Limits { get; init; } = new();
        public TimeProvider Time { get; init; } = TimeProvider.System;
        public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(3);
        /// <summary>Rows per FetchXML page, and per page of activities (whose ids go into the party query's URL).</summary>
        public int PageSize { get; init; } = EnvironmentRecords.PageSize;
        public int ActivityPageSize { get; init; } = EnvironmentRecords.ActivityPageSize;
    }

    /// <summary>One environment, signed in: the organization service over its Web API and what the run sent.</summary>
    public sealed class EnvironmentConnection : IDisposable
    {
        private readonly HttpClient _http;

        private EnvironmentConnection(HttpClient http, WebApiOrganizationService service, RequestStats stats, Guid userId, LiveSettings settings)
        {
            _http = http;
            Settings = settings;
            Service = service;
            Stats = stats;
            UserId = userId;
        }

        public WebApiOrganizationService Service { get; }
        public RequestStats Stats { get; }
        public Guid UserId { get; }
        public LiveSettings Settings { get; }

        /// <summary>Signs in and sends WhoAmI, so a wrong URL or a refused sign-in is told before any work starts.</summary>
        public static EnvironmentConnection Open(string url, SignInOptions signIn, LiveSettings settings, Action<string> tell)
        {
            var environment = Url(url);
            var stats = new RequestStats();
            var tokens = new MsalTokenSource(environment, signIn, tell, settings.AuthorityHost, settings.MsalHttp);
            return Open(environment, tokens, settings, stats);
        }

        public static EnvironmentConnection Open(Uri environment, ITokenSource tokens, LiveSettings settings, RequestStats stats)
        {
            var transport = settings.Transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            var handler = new BearerTokenHandler(new ResilientHandler(transport, settings.Limits, stats, settings.Time), tokens, stats);
            var http = new HttpClient(handler) { Timeout = settings.RequestTimeout };
            var service = new WebApiOrganizationService(http, environment);
            try
            {
                return new EnvironmentConnection(http, service, stats, service.WhoAmI(), settings);
            }
            catch
            {
                http.Dispose();
                throw;
            }
        }

        /// <summary>An environment URL: absolute http(s), reduced to its root.</summary>
        public static Uri Url(string text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                throw new EnvironmentException($"--environment '{text}' is not a URL such as https://contoso.crm4.dynamics.com.", EnvironmentFailure.Unreachable);
            return new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        }

        public void Dispose() => _http.Dispose();
    }
}
