using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace LoyaltyHealth.Cli.Concurrency
{
    /// <summary>
    /// Reads a stream on a thread of its own, at most <see cref="Chunks"/> chunks of <see cref="ChunkBytes"/> ahead of the
    /// reader, who receives the same bytes in the same order: data.xml is inflated on one core while the XML is parsed on
    /// the other. Inflating was about 7 % of the parsing thread's time, and that thread is staging's critical path
    /// (README "Performance"). What the source throws reaches the reader after every byte read before it, as the same
    /// exception, with its stack, so a corrupt archive is reported exactly as before. Disposing stops the reading thread
    /// and waits for it before the source is disposed.
    /// </summary>
    internal sealed class StreamAhead : Stream
    {
        public const int ChunkBytes = 64 * 1024;
        public const int Chunks = 8;

        private readonly Stream _source;
        private readonly HandOver<(byte[] Bytes, int Count)> _filled = new(Chunks);
        // Chunks the reader has been through, to be filled again rather than one allocated per chunk.
        private readonly ConcurrentQueue<byte[]> _emptied = new();
        private readonly Thread _thread;
        private ExceptionDispatchInfo? _failure;
        private byte[]? _current;
        private int _count, _offset;
        private bool _ended, _disposed;

        /// <param name="thread">The reading thread's name, as a profiler or a listing of the process's threads shows it.</param>
        public StreamAhead(Stream source, string thread)
        {
            _source = source;
            _thread = new Thread(Fill) { IsBackground = true, Name = thread };
            _thread.Start();
        }

        private void Fill()
        {
            try
            {
                while (true)
                {
                    var chunk = _emptied.TryDequeue(out var spare) ? spare : new byte[ChunkBytes];
                    int count;
                    try
                    {
                        count = _source.Read(chunk, 0, chunk.Length);
                    }
                    catch (Exception e)
                    {
                        _failure = ExceptionDispatchInfo.Capture(e);
                        break;
                    }
                    if (count == 0) break;
                    _filled.Add((chunk, count));
                }
            }
            catch (OperationCanceledException)
            {
                // The reader disposed the stream; nothing more is wanted from the source.
            }
            finally
            {
                _filled.Complete();
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (buffer.IsEmpty) return 0;
            while (_current is null || _offset == _count)
            {
                if (_current is not null) _emptied.Enqueue(_current);
                _current = null;
                if (_ended || !_filled.TryTake(out var next))
                {
                    _ended = true;
                    // Taken only once the bytes before it are read: TryTake returns false after the last chunk handed over.
                    _failure?.Throw();
                    return 0;
                }
                (_current, _count, _offset) = (next.Bytes, next.Count, 0);
            }
            var n = Math.Min(buffer.Length, _count - _offset);
            _current.AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                _filled.Stop();
                _thread.Join();
                _source.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
