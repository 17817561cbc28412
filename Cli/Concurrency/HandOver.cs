using System;
using System.Collections.Generic;
using System.Threading;

namespace LoyaltyHealth.Cli.Concurrency
{
    /// <summary>
    /// A bounded queue between two threads whose waits sleep at once instead of spinning first.
    /// <see cref="System.Collections.Concurrent.BlockingCollection{T}"/> waits on a <see cref="SemaphoreSlim"/>, which spins
    /// and yields the processor about a hundred times before it sleeps: where three staging threads share two cores, the
    /// threads waiting for the parser spun away processor time the parser needed (3.5 % of a run's samples at 20,000 × 100,
    /// docs/performance-log.md). <see cref="Monitor.Wait(object)"/> sleeps without spinning.
    /// </summary>
    internal sealed class HandOver<T>
    {
        private readonly Queue<T> _items;
        private readonly int _capacity;
        // A waiting side is woken only once half the queue is there for it (or the end), not for every item: waking a thread
        // is a system call on the waking side (a hand-over that woke the other thread for every batch staged slower, and a
        // trial that woke an inflating thread for every chunk cost the parser as much as that thread saved; docs/performance-log.md).
        private readonly int _wakeTakerAt, _wakeGiverAt;
        private bool _completed, _takerWaits, _giverWaits;
        // Read without the lock too (Stopped), by the giver between items.
        private volatile bool _stopped;

        public HandOver(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least one item.");
            _capacity = capacity;
            _items = new Queue<T>(capacity);
            _wakeTakerAt = Math.Max(1, capacity / 2);
            _wakeGiverAt = capacity / 2;
        }

        /// <summary>Adds an item, waiting while the queue is full; throws <see cref="OperationCanceledException"/> once the queue is stopped.</summary>
        public void Add(T item)
        {
            lock (_items)
            {
                while (_items.Count >= _capacity && !_stopped)
                {
                    _giverWaits = true;
                    Monitor.Wait(_items);
                }
                _giverWaits = false;
                if (_stopped) throw new OperationCanceledException("The receiving thread stopped.");
                if (_completed) throw new InvalidOperationException("Nothing can be added to a completed hand-over.");
                _items.Enqueue(item);
                if (_takerWaits && _items.Count >= _wakeTakerAt) Monitor.Pulse(_items);
            }
        }

        /// <summary>Takes the next item, waiting while the queue is empty; false once it is empty and completed (or stopped).</summary>
        public bool TryTake(out T item)
        {
            lock (_items)
            {
                while (_items.Count == 0 && !_completed && !_stopped)
                {
                    _takerWaits = true;
                    Monitor.Wait(_items);
                }
                _takerWaits = false;
                if (_items.Count == 0 || _stopped)
                {
                    item = default!;
                    return false;
                }
                item = _items.Dequeue();
                if (_giverWaits && _items.Count <= _wakeGiverAt) Monitor.Pulse(_items);
                return true;
            }
        }

        /// <summary>No more items will be added: a waiting taker receives what is left, then false.</summary>
        public void Complete()
        {
            lock (_items)
            {
                _completed = true;
                Monitor.PulseAll(_items);
            }
        }

        /// <summary>Whether the taker stopped: a giver stops reading what it would add.</summary>
        public bool Stopped => _stopped;

        /// <summary>The taker stopped: a waiting or later <see cref="Add"/> throws, <see cref="TryTake"/> returns false.</summary>
        public void Stop()
        {
            lock (_items)
            {
                _stopped = true;
                Monitor.PulseAll(_items);
            }
        }
    }
}
