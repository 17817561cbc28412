using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using LoyaltyHealth.Cli.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// Staging reads data.xml through <see cref="InflatingAhead"/>, which inflates it on a thread of its own. The reader must
    /// get every byte in order, a corrupt archive's error after the bytes before it, and the archive must be left alone once
    /// the reader is done, early or not.
    /// </summary>
    public class InflatingAheadTests
    {
        [Test]
        public void The_reader_gets_every_byte_in_order_whatever_the_size_of_its_reads()
        {
            var data = Enumerable.Range(0, 3 * InflatingAhead.Ahead + 12_345).Select(i => (byte)(i * 31 + i / 7)).ToArray();
            foreach (var readSize in new[] { 1, 7, 4096, 100_000 })
            {
                using var ahead = new InflatingAhead(Deflated(data));
                var read = new MemoryStream();
                var buffer = new byte[readSize];
                int n;
                while ((n = ahead.Read(buffer, 0, buffer.Length)) > 0) read.Write(buffer, 0, n);

                Assert.That(read.ToArray(), Is.EqualTo(data), $"reads of {readSize} bytes");
                Assert.That(ahead.Position, Is.EqualTo(data.Length));
            }
        }

        [Test]
        public void A_corrupt_archive_fails_the_reader_with_the_inflaters_error_after_the_bytes_before_it()
        {
            var good = Enumerable.Range(0, 200_000).Select(i => (byte)('a' + i % 26)).ToArray();
            var source = new FailingStream(new MemoryStream(good), new InvalidDataException("bad block"));
            using var ahead = new InflatingAhead(source);
            var read = new MemoryStream();
            var buffer = new byte[4096];

            var error = Assert.Throws<InvalidDataException>(() =>
            {
                int n;
                while ((n = ahead.Read(buffer, 0, buffer.Length)) > 0) read.Write(buffer, 0, n);
            });

            Assert.That(error!.Message, Is.EqualTo("bad block"));
            Assert.That(read.ToArray(), Is.EqualTo(good), "every byte inflated before the error reaches the reader first");
        }

        [Test]
        public void Inflating_stays_at_most_a_bounded_distance_ahead_of_the_reader()
        {
            var source = new CountingStream(new EndlessStream());
            using var ahead = new InflatingAhead(source);
            var buffer = new byte[1000];
            Assert.That(ahead.Read(buffer, 0, buffer.Length), Is.GreaterThan(0));

            // However long the reader waits, the inflating thread pauses once Ahead bytes wait for it.
            Thread.Sleep(300);
            var first = source.Count;
            Thread.Sleep(300);

            Assert.That(source.Count, Is.EqualTo(first), "the inflating thread has paused");
            Assert.That(first, Is.LessThanOrEqualTo(ahead.Position + InflatingAhead.Ahead + 64 * 1024));
        }

        [Test]
        public void Disposing_early_stops_inflating_before_the_source_is_disposed()
        {
            var source = new CountingStream(new EndlessStream());
            var ahead = new InflatingAhead(source);
            Assert.That(ahead.Read(new byte[10], 0, 10), Is.GreaterThan(0));

            ahead.Dispose();
            var atDispose = source.Count;
            Thread.Sleep(100);

            Assert.Multiple(() =>
            {
                Assert.That(source.Disposed, Is.True);
                Assert.That(source.ReadAfterDispose, Is.False, "no read reaches the source once it is disposed");
                Assert.That(source.Count, Is.EqualTo(atDispose));
            });
        }

        private static Stream Deflated(byte[] data)
        {
            var compressed = new MemoryStream();
            using (var deflate = new DeflateStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(data);
            compressed.Position = 0;
            return new DeflateStream(compressed, CompressionMode.Decompress);
        }

        /// <summary>Gives its inner stream's bytes, then throws where the inner stream ends.</summary>
        private sealed class FailingStream(Stream inner, Exception error) : ReadOnceStream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = inner.Read(buffer, offset, count);
                return n > 0 ? n : throw error;
            }
        }

        private sealed class EndlessStream : ReadOnceStream
        {
            public override int Read(byte[] buffer, int offset, int count)
            {
                Array.Fill(buffer, (byte)'x', offset, count);
                return count;
            }
        }

        private sealed class CountingStream(Stream inner) : ReadOnceStream
        {
            private long _count;
            public long Count => Interlocked.Read(ref _count);
            public volatile bool Disposed;
            public volatile bool ReadAfterDispose;

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (Disposed) ReadAfterDispose = true;
                var n = inner.Read(buffer, offset, count);
                Interlocked.Add(ref _count, n);
                return n;
            }

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }
    }
}
