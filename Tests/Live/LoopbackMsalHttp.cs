using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace LoyaltyHealth.Tests.Live
{
    /// <summary>MSAL's HTTP, with every request to Microsoft Entra ID sent to the loopback host's token endpoint instead.</summary>
    internal sealed class LoopbackMsalHttp : IMsalHttpClientFactory
    {
        private readonly HttpClient _client;

        public LoopbackMsalHttp(Uri host) => _client = new HttpClient(new Redirect(host));

        public HttpClient GetHttpClient() => _client;

        private sealed class Redirect : DelegatingHandler
        {
            private readonly Uri _host;

            public Redirect(Uri host) : base(new SocketsHttpHandler()) => _host = host;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.RequestUri = new Uri(_host, request.RequestUri!.PathAndQuery);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
