using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// Every request to the environment passes here: at most <see cref="RequestLimits.MaxConcurrency"/> in
    /// flight, within the request budget, and retried with Polly when the platform asks for it. A 429 waits
    /// exactly its Retry-After (and holds the other requests back as long), as "Service protection API
    /// limits" tells clients to; 503, 504 and a dropped connection back off exponentially with jitter. A
    /// connection that never worked (a wrong URL) is not retried: it is reported at once.
    /// </summary>
    internal sealed class ResilientHandler : DelegatingHandler
    {
        private readonly SemaphoreSlim _inFlight;
        private readonly RequestBudget _budget;
        private readonly RequestStats _stats;
        private readonly RequestLimits _limits;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private volatile bool _reached;

        public ResilientHandler(HttpMessageHandler inner, RequestLimits limits, RequestStats stats, TimeProvider time)
            : base(inner)
        {
            _limits = limits.Checked();
            _stats = stats;
            _inFlight = new SemaphoreSlim(limits.MaxConcurrency, limits.MaxConcurrency);
            _budget = new RequestBudget(limits.RequestsPerWindow, limits.Window, time);
            _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = limits.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = limits.BaseDelay,
                    MaxDelay = limits.LongestWait,
                    ShouldHandle = args => new ValueTask<bool>(Reason(args.Outcome) is not null),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result)),
                    OnRetry = args =>
                    {
                        _stats.Retried(Reason(args.Outcome)!);
                        if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }) _budget.Pause(args.RetryDelay);
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                })
                .Build();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var response = await _pipeline.ExecuteAsync(async token =>
                {
                    await _budget.TakeAsync(token).ConfigureAwait(false);
                    _stats.Sent();
                    var sent = await base.SendAsync(Copy(request, body), token).ConfigureAwait(false);
                    _reached = true;
                    return sent;
                }, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && RetryAfter(response) is { } wait && wait > _limits.LongestWait)
                    throw new EnvironmentException($"the environment asks to wait {wait.TotalMinutes:N0} minutes before the next request (service protection limits); run again later.", EnvironmentFailure.Throttled);
                return response;
            }
            finally
            {
                _inFlight.Release();
            }
        }

        private string? Reason(Outcome<HttpResponseMessage> outcome)
        {
            if (outcome.Exception is HttpRequestException network)
                // A name that does not resolve, or a server never reached, is a wrong URL, not a hiccup.
                return _reached && network.HttpRequestError != HttpRequestError.NameResolutionError ? "network" : null;
            if (outcome.Result is not { } response) return null;
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests when RetryAfter(response) is not { } wait || wait <= _limits.LongestWait => "429",
                HttpStatusCode.ServiceUnavailable => "503",
                HttpStatusCode.GatewayTimeout => "504",
                _ => null,
            };
        }

        /// <summary>The server's Retry-After (seconds or a date), or null to use the backoff.</summary>
        private static TimeSpan? RetryAfter(HttpResponseMessage? response)
        {
            var header = response?.Headers.RetryAfter;
            if (header?.Delta is { } delta) return delta;
            if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero;
            return null;
        }

        /// <summary>A request can be sent once; each attempt sends a copy.</summary>
        private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
            foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body is not null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var header in request.Content!.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return copy;
        }
    }
}
