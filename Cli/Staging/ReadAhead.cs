using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

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
        /// Items are handed over in batches: one hand-over per item would wake the waiting thread for nearly
        /// every record. The queue stays short: what waits in it outlives collections of the youngest
        /// generation and is copied to older ones, and a queue of 4,096 records staged no faster than one of
        /// 256 (20,000 accounts × 100 activities, within the noise of a shared machine).
        /// </summary>
        public const int Batch = 64;
        public const int Batches = 4;
        public const int Capacity = Batch * Batches;

        public static IEnumerable<T> Of<T>(IEnumerable<T> source)
        {
            using var queue = new BlockingCollection<List<T>>(Batches);
            using var stop = new CancellationTokenSource();
            ExceptionDispatchInfo? failure = null;
            var reader = new Thread(() =>
            {
                var batch = new List<T>(Batch);
                try
                {
                    try
                    {
                        foreach (var item in source)
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            batch.Add(item);
                            if (batch.Count < Batch) continue;
                            queue.Add(batch, stop.Token);
                            batch = new List<T>(Batch);
                        }
                    }
                    catch (Exception e) when (!stop.IsCancellationRequested)
                    {
                        failure = ExceptionDispatchInfo.Capture(e);
                    }
                    // What was read before the source failed comes first: an earlier record may hold the first problem.
                    if (batch.Count > 0) queue.Add(batch, stop.Token);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    // The caller stopped (and threw its own error); nothing more is wanted from the source.
                }
                finally
                {
                    queue.CompleteAdding();
                }
            }) { IsBackground = true, Name = "record source" };
            reader.Start();
            try
            {
                foreach (var batch in queue.GetConsumingEnumerable())
                    foreach (var item in batch)
                        yield return item;
            }
            finally
            {
                stop.Cancel();
                reader.Join();
            }
            failure?.Throw();
        }
    }
}
