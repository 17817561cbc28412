using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Concurrency;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// The queue between staging's threads: every item arrives once, in order, never more than its capacity ahead; the end
    /// reaches a waiting reader; a reader that stops releases a writer waiting on a full queue.
    /// </summary>
    public class HandOverTests
    {
        [TestCase(1)]
        [TestCase(2)]
        [TestCase(4)]
        [TestCase(7)]
        public void Every_item_arrives_once_in_order_and_never_more_than_the_capacity_ahead(int capacity)
        {
            const int items = 20_000;
            var queue = new HandOver<int>(capacity);
            var added = 0;
            var taken = 0;
            var mostAhead = 0;
            var giver = Task.Run(() =>
            {
                for (var i = 0; i < items; i++)
                {
                    queue.Add(i);
                    var ahead = Interlocked.Increment(ref added) - Volatile.Read(ref taken);
                    if (ahead > mostAhead) mostAhead = ahead;
                    // Now and then the giver pauses, so the taker waits on an empty queue as well as the giver on a full one.
                    if (i % 1_000 == 0) Thread.Sleep(1);
                }
                queue.Complete();
            });

            var received = new List<int>();
            while (queue.TryTake(out var item))
            {
                received.Add(item);
                Interlocked.Increment(ref taken);
                if (received.Count % 1_500 == 0) Thread.Sleep(1);
            }
            giver.Wait();

            Assert.Multiple(() =>
            {
                Assert.That(received, Is.EqualTo(Enumerable.Range(0, items)));
                // Counted after the add returns, so a taker that has just taken an item may leave the count one more than the queue held.
                Assert.That(mostAhead, Is.LessThanOrEqualTo(capacity + 1));
                Assert.That(queue.TryTake(out _), Is.False, "a completed, empty queue stays empty");
            });
        }

        [Test]
        public void A_taker_waiting_on_an_empty_queue_receives_what_is_left_when_it_completes_then_the_end()
        {
            var queue = new HandOver<string>(8);
            var taker = Task.Run(() =>
            {
                var received = new List<string>();
                while (queue.TryTake(out var item)) received.Add(item);
                return received;
            });
            Thread.Sleep(50);
            queue.Add("only one of eight");
            queue.Complete();

            Assert.That(taker.Wait(TimeSpan.FromSeconds(10)), Is.True, "the taker is woken by the end");
            Assert.That(taker.Result, Is.EqualTo(new[] { "only one of eight" }));
        }

        [Test]
        public void A_taker_that_stops_releases_a_giver_waiting_on_a_full_queue()
        {
            var queue = new HandOver<int>(2);
            queue.Add(1);
            queue.Add(2);
            var giver = Task.Run(() => queue.Add(3));
            Thread.Sleep(50);
            Assert.That(giver.IsCompleted, Is.False, "the giver waits while the queue is full");

            queue.Stop();

            Assert.That(() => giver.Wait(TimeSpan.FromSeconds(10)), Throws.InstanceOf<AggregateException>().With.InnerException.InstanceOf<OperationCanceledException>());
            Assert.That(queue.TryTake(out _), Is.False, "a stopped queue hands nothing more out");
        }

        [Test]
        public void Nothing_is_added_after_the_end()
        {
            var queue = new HandOver<int>(2);
            queue.Complete();

            Assert.That(() => queue.Add(1), Throws.InvalidOperationException);
        }
    }
}
