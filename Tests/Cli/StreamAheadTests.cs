using System;
using System.IO;
using System.Linq;
using System.Threading;
using LoyaltyHealth.Cli.Concurrency;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// data.xml is inflated on a thread of its own: the parser receives the same bytes in the same order, a corrupt
    /// archive's error after every byte before it, and disposing stops the reading with memory bounded.
    /// </summary>
    public class StreamAheadTests
    {
        [TestCase(0, 4096)]
        [TestCase(1, 4096)]
        [TestCase(StreamAhead.ChunkBytes - 1, 4096)]
        [TestCase(StreamAhead.ChunkBytes, 1)]
        [TestCase(StreamAhead.ChunkBytes + 1, 100_000)]
        [TestCase(StreamAhead.ChunkBytes * StreamAhead.Chunks * 3 + 7, 4093)]
        public void The_reader_receives_the_source_bytes_in_order(int length, int readSize)
        {
            var bytes = Bytes(length);
            // A source that hands out a few bytes at a time, as an inflating stream may.
            using var ahead = new StreamAhead(new TrickleStream(bytes, 1_000), "test");

            var copy = new MemoryStream();
            var buffer = new byte[readSize];
            int n;
            while ((n = ahead.Read(buffer, 0, buffer.Length)) > 0) copy.Write(buffer, 0, n);

            Assert.That(copy.ToArray(), Is.EqualTo(bytes));
            Assert.That(ahead.Read(buffer, 0, buffer.Length), Is.Zero, "the end stays the end");
        }

        [Test]
        public void What_the_source_throws_reaches_the_reader_after_every_byte_before_it_with_its_stack()
        {
            var bytes = Bytes(StreamAhead.ChunkBytes * 2 + 100);
            var failure = new InvalidDataException("The archive entry was compressed using an unsupported compression method.");
            using var ahead = new StreamAhead(new FailingStream(bytes, failure), "test");

            var copy = new MemoryStream();
            var buffer = new byte[4096];
            var thrown = Assert.Catch(() =>
            {
                int n;
                while ((n = ahead.Read(buffer, 0, buffer.Length)) > 0) copy.Write(buffer, 0, n);
            });

            Assert.Multiple(() =>
            {
                Assert.That(copy.ToArray(), Is.EqualTo(bytes), "every byte read before the failure");
                Assert.That(thrown, Is.SameAs(failure));
                Assert.That(thrown!.StackTrace, Does.Contain(nameof(FailingStream)), "the stack still shows where the source threw");
            });
        }

        [Test]
        public void The_source_is_read_no_further_ahead_than_the_chunks_held()
        {
            var source = new EndlessStream(TimeSpan.Zero);
            using var ahead = new StreamAhead(source, "test");
            Assert.That(ahead.Read(new byte[10], 0, 10), Is.EqualTo(10));
            // Time for the reading thread to fill every chunk it may.
            Thread.Sleep(200);

            Assert.That(source.BytesRead, Is.LessThanOrEqualTo((StreamAhead.Chunks + 2L) * StreamAhead.ChunkBytes));
        }

        [Test]
        public void Disposing_stops_the_reading_thread_before_the_source_is_disposed()
        {
            // A slow source: the reading thread is inside its Read when the reader disposes.
            var source = new EndlessStream(TimeSpan.FromMilliseconds(30));
            var ahead = new StreamAhead(source, "test");
            Assert.That(ahead.Read(new byte[10], 0, 10), Is.EqualTo(10));
            Thread.Sleep(10);

            ahead.Dispose();

            Assert.Multiple(() =>
            {
                Assert.That(source.Disposed, Is.True);
                Assert.That(source.DisposedWhileReading, Is.False, "the source is disposed only once its reading thread has stopped");
                Assert.That(() => ahead.Read(new byte[10], 0, 10), Throws.InstanceOf<ObjectDisposedException>());
            });
        }

        private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 31 + i / 251)).ToArray();

        // The sources derive from MemoryStream for its members a reader never calls; each overrides how it is read.
        private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
        {
            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));
        }

        private sealed class FailingStream(byte[] bytes, Exception failure) : MemoryStream(bytes)
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = base.Read(buffer, offset, count);
                return n > 0 ? n : throw failure;
            }
        }

        private sealed class EndlessStream(TimeSpan delay) : MemoryStream
        {
            private int _reading;
            private long _bytesRead;
            public long BytesRead => Interlocked.Read(ref _bytesRead);
            public bool Disposed, DisposedWhileReading;

            public override int Read(byte[] buffer, int offset, int count)
            {
                Interlocked.Increment(ref _reading);
                if (delay > TimeSpan.Zero) Thread.Sleep(delay);
                Interlocked.Add(ref _bytesRead, count);
                Interlocked.Decrement(ref _reading);
                return count;
            }

            protected override void Dispose(bool disposing)
            {
                DisposedWhileReading = Volatile.Read(ref _reading) != 0;
                Disposed = true;
                base.Dispose(disposing);
            }
        }
    }
}
