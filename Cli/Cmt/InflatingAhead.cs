using System;
using System.IO;
using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// Reads a stream (an archive entry, inflated as it is read) on a thread of its own, at most <see cref="Ahead"/>
    /// bytes ahead of its reader, through a <see cref="Pipe"/>. Staging parses data.xml on one thread and stages its values
    /// on another; the parsing thread sets the pace, and inflating was about 7 % of its time (20,000 accounts × 100
    /// activities), so it moves to this third thread. What the source throws (corrupt deflate data) reaches the reader as
    /// the same exception, after every byte inflated before it. Disposing stops the inflating thread and waits for it
    /// before the source is disposed, so the archive is never read by two threads at once.
    /// </summary>
    internal sealed class InflatingAhead : ReadOnceStream
    {
        /// <summary>At most this many bytes wait inflated: a bound on memory, and on how far a hostile entry inflates before its reader's limits see it.</summary>
        public const int Ahead = 1 << 20;
        private const int Chunk = 64 * 1024;

        private readonly Stream _source;
        private readonly Pipe _pipe;
        private readonly Stream _inflated;
        private readonly Thread _thread;

        /// <summary>What the source threw, for the reader once it has read every byte before it; set before the pipe is completed.</summary>
        private ExceptionDispatchInfo? _failure;

        public InflatingAhead(Stream source)
        {
            _source = source;
            // Inline schedulers: the thread that completes a read or a flush wakes the one waiting for it, with no hop through the pool.
            _pipe = new Pipe(new PipeOptions(pauseWriterThreshold: Ahead, resumeWriterThreshold: Ahead / 2, minimumSegmentSize: Chunk,
                readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));
            _inflated = _pipe.Reader.AsStream();
            _thread = new Thread(Inflate) { IsBackground = true, Name = "inflating" };
            _thread.Start();
        }

        private void Inflate()
        {
            var writer = _pipe.Writer;
            try
            {
                while (true)
                {
                    var read = _source.Read(writer.GetMemory(Chunk).Span);
                    if (read == 0) break;
                    writer.Advance(read);
                    var flush = writer.FlushAsync();
                    // Waits while the reader is Ahead behind; completed once the reader has stopped.
                    var flushed = flush.IsCompleted ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                    if (flushed.IsCompleted) break;
                }
            }
            catch (Exception e)
            {
                // Not handed to the pipe, whose reader would throw it at once, before the bytes inflated ahead of it.
                _failure = ExceptionDispatchInfo.Capture(e);
            }
            writer.Complete();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = _inflated.Read(buffer);
            if (n == 0 && !buffer.IsEmpty) _failure?.Throw();
            BytesRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // The writer's next flush then finds the reader gone, and the thread ends after the read in hand.
                _pipe.Reader.Complete();
                _thread.Join();
                _source.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
