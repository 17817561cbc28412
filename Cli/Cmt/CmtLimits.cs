using System;
using System.IO;
using System.Threading;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// Bounds on what a file may make the tool read, far above any real export (a 50,000-account organisation
    /// with 100 activities each is 5.2 million records and a few GB of XML), so a hostile or broken file ends
    /// in a clear error instead of exhausting memory: inflated size of each entry, its ratio to the compressed
    /// size, one record's size, one value's length (Dataverse's longest text column holds 1,048,576
    /// characters) and the number of records.
    /// </summary>
    public sealed record CmtLimits
    {
        public static readonly CmtLimits Default = new();

        public long MaxDataBytes { get; init; } = 64L * 1024 * 1024 * 1024;
        public long MaxSchemaBytes { get; init; } = 64L * 1024 * 1024;
        /// <summary>Inflated size over compressed size beyond which an entry larger than <see cref="RatioAppliesFrom"/> is taken for a zip bomb.</summary>
        public long MaxCompressionRatio { get; init; } = 200;
        public long RatioAppliesFrom { get; init; } = 256L * 1024 * 1024;
        public int MaxRecordBytes { get; init; } = 32 * 1024 * 1024;
        public int MaxValueLength { get; init; } = 1_048_576;
        public long MaxRecords { get; init; } = 100_000_000;
    }

    /// <summary>
    /// Counts the bytes inflated from an archive entry and stops at the limits: the entry's total, its
    /// ratio to the compressed size, and the bytes since the current record began (so one huge value never
    /// reaches memory whole). Corrupt deflate data becomes a <see cref="CmtDataException"/> too.
    /// </summary>
    internal sealed class BoundedEntryStream : Stream
    {
        private readonly Stream _inner;
        private readonly string _where;
        private readonly long _max;
        private readonly long _compressed;
        private readonly CmtLimits _limits;
        private long _read;

        public BoundedEntryStream(Stream inner, string where, long max, long compressed, CmtLimits limits, long declared = 0)
        {
            _inner = inner;
            DeclaredLength = Math.Max(0, declared);
            _where = where;
            _max = max;
            _compressed = Math.Max(1, compressed);
            _limits = limits;
        }

        /// <summary>The entry's inflated size as the archive's directory gives it (0 when it gives none): only a measure of progress, never trusted as a bound.</summary>
        public long DeclaredLength { get; }

        /// <summary>Where the current record started, in inflated bytes; null outside a record.</summary>
        public long? RecordStart { get; set; }

        public long Position64 => _read;

        /// <summary>The bytes inflated so far, read from another thread (for progress): the reading thread is the only writer.</summary>
        public long BytesRead => Interlocked.Read(ref _read);

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n;
            try
            {
                n = _inner.Read(buffer, offset, count);
            }
            catch (InvalidDataException e)
            {
                throw new CmtDataException(_where, $"the archive's data is corrupt after {_read:N0} bytes ({e.Message}); export the data again.", inner: e);
            }
            Interlocked.Add(ref _read, n);
            if (_read > _max)
                throw new CmtDataException(_where, $"inflates to more than {_max:N0} bytes, far beyond any real export; the file is refused.");
            if (_read > _limits.RatioAppliesFrom && _read / _compressed > _limits.MaxCompressionRatio)
                throw new CmtDataException(_where, $"inflates more than {_limits.MaxCompressionRatio} times its compressed size ({_compressed:N0} bytes), as no real export does; the file is refused.");
            if (RecordStart is { } start && _read - start > _limits.MaxRecordBytes)
                throw new CmtDataException(_where, $"a record is longer than {_limits.MaxRecordBytes:N0} bytes, far beyond any real record; the file is refused.");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
