using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LoyaltyHealth.Cli.Output;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>What a run sent to the environment: requests, retries by reason, token refreshes; printed in its summary.</summary>
    public sealed class RequestStats
    {
        private readonly object _gate = new();
        private readonly SortedDictionary<string, int> _retries = new(System.StringComparer.Ordinal);
        private long _requests;
        private int _refreshes;

        public long Requests => Interlocked.Read(ref _requests);
        public int TokenRefreshes => Volatile.Read(ref _refreshes);

        public int Retries { get { lock (_gate) return _retries.Values.Sum(); } }

        public IReadOnlyDictionary<string, int> RetriesByReason { get { lock (_gate) return new SortedDictionary<string, int>(_retries, System.StringComparer.Ordinal); } }

        internal void Sent() => Interlocked.Increment(ref _requests);

        internal void Retried(string reason)
        {
            lock (_gate) _retries[reason] = _retries.TryGetValue(reason, out var n) ? n + 1 : 1;
        }

        internal void TokenRefreshed() => Interlocked.Increment(ref _refreshes);

        public string Summary()
        {
            var reasons = RetriesByReason;
            var retries = reasons.Count == 0 ? "no retries" : $"{reasons.Values.Sum()} retried ({string.Join(", ", reasons.Select(r => $"{r.Key}: {r.Value}"))})";
            return $"Requests sent {Requests.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}; {retries}; token refreshed {Quantity.Of(TokenRefreshes, "time", "times")}.";
        }
    }
}
