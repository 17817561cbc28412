using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>
    /// Keeps a run under a number of requests per sliding window, as Dataverse counts them (per user, 5
    /// minutes), and holds every request back while the server has asked to wait (a 429's Retry-After
    /// applies to the user, not just to the request that got it).
    /// </summary>
    internal sealed class RequestBudget
    {
        private readonly Queue<DateTimeOffset> _sent = new();
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly TimeProvider _time;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        public RequestBudget(int limit, TimeSpan window, TimeProvider time)
        {
            _limit = limit;
            _window = window;
            _time = time;
        }

        /// <summary>Waits until a request may be sent, then counts it as sent.</summary>
        public async Task TakeAsync(CancellationToken cancellation)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_sent)
                {
                    var now = _time.GetUtcNow();
                    while (_sent.Count > 0 && now - _sent.Peek() >= _window) _sent.Dequeue();
                    if (now >= _pausedUntil && _sent.Count < _limit)
                    {
                        _sent.Enqueue(now);
                        return;
                    }
                    var windowFrees = _sent.Count < _limit ? now : _sent.Peek() + _window;
                    wait = (windowFrees > _pausedUntil ? windowFrees : _pausedUntil) - now;
                }
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), _time, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>Holds every request back for this long from now (the server's Retry-After).</summary>
        public void Pause(TimeSpan wait)
        {
            lock (_sent)
            {
                var until = _time.GetUtcNow() + wait;
                if (until > _pausedUntil) _pausedUntil = until;
            }
        }
    }
}
