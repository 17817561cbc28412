using System;
using System.IO;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// A stream an archive entry is read through once, front to back: it can only be read, and its position is
    /// the count of bytes read so far.
    /// </summary>
    internal abstract class ReadOnceStream : Stream
    {
        /// <summary>The bytes read so far.</summary>
        protected long BytesRead { get; set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
