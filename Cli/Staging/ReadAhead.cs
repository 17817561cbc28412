using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using LoyaltyHealth.Cli.Concurrency;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// Enumerates a source on a thread of its own, at most <see cref="Capacity"/> items ahead of the caller,
    /// who receives them in the source's order: reading and parsing an export run on one core while staging
    /// runs on the other. What the source throws reaches the caller after every item read before it, as the
    /// same exception, with its stack.
    /// When the caller stops early (staging threw), the reading thread stops at its next item and has
    /// ended, the source's enumerator disposed, before the caller's loop is left.
    /// </summary>
    public static class ReadAhead
    {
        /// <summary>
        /// Items are handed over in batches (<see cref="HandOver{T}"/>): one hand-over per item would wake the waiting thread for
        /// nearly every record. (When the queue was a BlockingCollection, whose waits spin first, batches of 256 rather than 64
        /// halved the time spent spinning, 20,000 accounts × 100 activities.)
        /// The queue stays short: what waits in it outlives collections of the youngest generation and is copied to older ones,
        /// and a queue of 4,096 records staged no faster than one of 256 (within the noise of a shared machine).
        /// </summary>
        public const int Batch = 256;
        public const int Batches = 4;
        public const int Capacity = Batch * Batches;

        /// <param name="thread">The reading thread's name, as a profiler or a listing of the process's threads shows it.</param>
        public static IEnumerable<T> Of<T>(IEnumerable<T> source, string thread = "record source")
        {
            var queue = new HandOver<List<T>>(Batches);
            // Batches the caller has been through, emptied, to be filled again rather than a list allocated per batch.
            var emptied = new ConcurrentQueue<List<T>>();
            ExceptionDispatchInfo? failure = null;
            var reader = new Thread(() =>
            {
                var batch = Empty(emptied);
                try
                {
                    try
                    {
                        foreach (var item in source)
                        {
                            if (queue.Stopped) throw new OperationCanceledException("The caller stopped reading.");
                            batch.Add(item);
                            if (batch.Count < Batch) continue;
                            queue.Add(batch);
                            batch = Empty(emptied);
                        }
                    }
                    catch (Exception e) when (!queue.Stopped)
                    {
                        failure = ExceptionDispatchInfo.Capture(e);
                    }
                    // What was read before the source failed comes first: an earlier record may hold the first problem.
                    if (batch.Count > 0) queue.Add(batch);
                }
                catch (Exception) when (queue.Stopped)
                {
                    // The caller stopped (and threw its own error); nothing more is wanted from the source.
                }
                finally
                {
                    queue.Complete();
                }
            }) { IsBackground = true, Name = thread };
            reader.Start();
            try
            {
                while (queue.TryTake(out var batch))
                {
                    foreach (var item in batch)
                        yield return item;
                    batch.Clear();
                    emptied.Enqueue(batch);
                }
            }
            finally
            {
                queue.Stop();
                reader.Join();
            }
            failure?.Throw();
        }

        private static List<T> Empty<T>(ConcurrentQueue<List<T>> emptied) => emptied.TryDequeue(out var batch) ? batch : new List<T>(Batch);
    }
}
