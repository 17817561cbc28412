using System;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// How hard the tool may push one environment. Dataverse's service protection limits are evaluated per
    /// user in a 5-minute sliding window: 6,000 requests, 20 minutes of execution time, 52 concurrent
    /// requests ("Service protection API limits", learn.microsoft.com/power-apps/developer/data-platform/api-limits).
    /// The defaults stay below the first and the last, so a run is not the one that gets throttled; what the
    /// server still throttles is retried after its Retry-After.
    /// </summary>
    public sealed record RequestLimits
    {
        public const int PlatformConcurrency = 52;
        public const int PlatformRequestsPerWindow = 6000;

        public int MaxConcurrency { get; init; } = 16;
        public int RequestsPerWindow { get; init; } = 5000;
        public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

        /// <summary>Attempts after the first for one request (429, 503, 504, a dropped connection).</summary>
        public int MaxRetries { get; init; } = 8;

        /// <summary>The first backoff when the server gives no Retry-After; doubled per attempt, with jitter.</summary>
        public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

        /// <summary>A Retry-After longer than this ends the run with a message instead of waiting.</summary>
        public TimeSpan LongestWait { get; init; } = TimeSpan.FromMinutes(5);

        public RequestLimits Checked()
        {
            if (MaxConcurrency < 1 || MaxConcurrency >= PlatformConcurrency)
                throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, $"must be 1 to {PlatformConcurrency - 1}.");
            if (RequestsPerWindow < 1 || RequestsPerWindow >= PlatformRequestsPerWindow)
                throw new ArgumentOutOfRangeException(nameof(RequestsPerWindow), RequestsPerWindow, $"must be 1 to {PlatformRequestsPerWindow - 1}.");
            return this;
        }
    }
}
