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
    /// runs on the other. What the source throws reaches the caller as the same exception, with its stack.
    /// When the caller stops early (staging threw), the reading thread stops at its next item and has
    /// ended, the source's enumerator disposed, before the caller's loop is left.
    /// </summary>
    public static class ReadAhead
    {
        /// <summary>
        /// Items are handed over in batches: one hand-over per item would wake the waiting thread for nearly
        /// every record, which costs more than staging the record does.
        /// </summary>
        public const int Batch = 256;
        public const int Batches = 16;
        public const int Capacity = Batch * Batches;

        public static IEnumerable<T> Of<T>(IEnumerable<T> source)
        {
            using var queue = new BlockingCollection<List<T>>(Batches);
            using var stop = new CancellationTokenSource();
            ExceptionDispatchInfo? failure = null;
            var reader = new Thread(() =>
            {
                try
                {
                    var batch = new List<T>(Batch);
                    foreach (var item in source)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        batch.Add(item);
                        if (batch.Count < Batch) continue;
                        queue.Add(batch, stop.Token);
                        batch = new List<T>(Batch);
                    }
                    if (batch.Count > 0) queue.Add(batch, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The caller stopped; nothing more is wanted.
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
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
