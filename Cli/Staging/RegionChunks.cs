using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A staged row as its region holds it: its place in the file, the account it is held for (-1: none), whether it is
    /// excluded (dated after the as-of moment; then it has no payload), whether it is a copy held for an account it is
    /// shared with, its table's number in the staging's names, and its id where it may be listed as counting toward no account.
    /// </summary>
    internal readonly record struct ChunkRow(long FileOrder, int Account, bool Excluded, bool Shared, int Table, Guid? Id);

    internal delegate void ChunkRowVisitor(in ChunkRow row, ReadOnlySpan<byte> payload);

    /// <summary>
    /// The staged rows of each region of accounts, appended to a buffer of the region's own and written to the staging file
    /// a chunk of rows at a time: one SQLite row holds about <see cref="DefaultChunkBytes"/> of them. A region is only ever
    /// appended to while staging and read whole afterwards (<see cref="Sweep"/>), so SQLite needs to know nothing of the
    /// rows: with a SQLite row per staged row (2fadf6c to c545667, a table per region), the inserts' seeks through the tree
    /// and SQLite's work per row took about a fifth of the staging's processor time at 50,000 x 100 by creation, and staging
    /// with those inserts left out took 29 to 35 s against 37 to 42 s.
    /// Memory is bounded whatever the number of regions: buffers are taken from the shared pool when a region's chunk
    /// starts and given back once it is written, and every buffer is written once they hold <see cref="DefaultMostBuffered"/> together.
    /// </summary>
    internal sealed class RegionChunks : IDisposable
    {
        private const int FileOrderBits = 40;

        /// <summary>The most bytes of rows a chunk holds (unless one row alone is larger): a few pages of SQLite's 16 KB.</summary>
        public const int DefaultChunkBytes = 64 * 1024;

        /// <summary>The most bytes the buffers hold together before every one is written.</summary>
        public const long DefaultMostBuffered = 16 * 1024 * 1024;

        // File order (8 bytes), account (4), flags (1), table (4), payload length (4); then the id (16) where flagged, then the payload.
        private const int HeaderBytes = 21;
        private const byte ExcludedFlag = 1, SharedFlag = 2, IdFlag = 4;

        private readonly SqliteInsert _insert;
        private readonly SqliteQuery _chunksOfRegion, _chunk;
        private readonly List<(byte[]? Bytes, int Used)> _buffers = new();
        private readonly HashSet<int> _held = new();
        private readonly int _chunkBytes;
        private readonly long _mostBuffered;
        private byte[] _read = new byte[DefaultChunkBytes];

        /// <param name="execute">Runs DDL, in the staging's transaction while there is one.</param>
        public RegionChunks(SqliteConnection db, Action<string> execute, int chunkBytes = DefaultChunkBytes, long mostBuffered = DefaultMostBuffered)
        {
            _chunkBytes = chunkBytes;
            _mostBuffered = mostBuffered;
            execute("CREATE TABLE chunks(chunk INTEGER PRIMARY KEY, region INTEGER NOT NULL, data BLOB NOT NULL);" +
                    "CREATE INDEX chunks_by_region ON chunks(region, chunk);");
            _insert = new SqliteInsert(db, "INSERT INTO chunks(region, data) VALUES (?1, ?2)");
            _chunksOfRegion = new SqliteQuery(db, "SELECT chunk FROM chunks WHERE region = ?1 ORDER BY chunk");
            _chunk = new SqliteQuery(db, "SELECT data FROM chunks WHERE chunk = ?1");
        }

        public static int RegionOf(long key) => (int)(key >> FileOrderBits);

        /// <summary>A row's key: its region above its place in the file, so a key alone says where the row is kept.</summary>
        public static long Key(int region, long fileOrder) => (long)region << FileOrderBits | fileOrder;

        /// <summary>The regions that hold rows, in order.</summary>
        public IEnumerable<int> Regions() => _held.OrderBy(region => region).ToList();

        /// <summary>The bytes of rows appended and not yet written.</summary>
        public long Buffered { get; private set; }

        /// <summary>Appends a row to its region; <paramref name="id"/> is kept only where given.</summary>
        public void Append(int region, in ChunkRow row, ReadOnlySpan<byte> payload)
        {
            while (_buffers.Count <= region) _buffers.Add((null, 0));
            var size = HeaderBytes + (row.Id is null ? 0 : 16) + payload.Length;
            // A chunk is written before a row would take it past its size, so a buffer is never larger than a chunk (or one row).
            if (_buffers[region].Used > 0 && _buffers[region].Used + size > _chunkBytes) Write(region);
            var (bytes, used) = _buffers[region];
            if (bytes is null || used + size > bytes.Length)
            {
                var grown = ArrayPool<byte>.Shared.Rent(Math.Max(used + size, Math.Min(_chunkBytes, bytes is null ? 4096 : 2 * bytes.Length)));
                if (bytes is not null)
                {
                    bytes.AsSpan(0, used).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(bytes);
                }
                bytes = grown;
            }
            var span = bytes.AsSpan(used, size);
            BinaryPrimitives.WriteInt64LittleEndian(span, row.FileOrder);
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(8), row.Account);
            span[12] = (byte)((row.Excluded ? ExcludedFlag : 0) | (row.Shared ? SharedFlag : 0) | (row.Id is null ? 0 : IdFlag));
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(13), row.Table);
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(17), payload.Length);
            var at = HeaderBytes;
            if (row.Id is { } id)
            {
                id.TryWriteBytes(span.Slice(at));
                at += 16;
            }
            payload.CopyTo(span.Slice(at));
            _buffers[region] = (bytes, used + size);
            Buffered += size;
            if (used + size >= _chunkBytes) Write(region);
            else if (Buffered > _mostBuffered) Flush();
        }

        /// <summary>Writes every region's rows still buffered.</summary>
        public void Flush()
        {
            for (var region = 0; region < _buffers.Count; region++)
                if (_buffers[region].Used > 0) Write(region);
        }

        private void Write(int region)
        {
            var (bytes, used) = _buffers[region];
            _insert.Integer(1, region).Blob(2, bytes.AsSpan(0, used)).Run();
            _held.Add(region);
            Buffered -= used;
            ArrayPool<byte>.Shared.Return(bytes!);
            _buffers[region] = (null, 0);
        }

        /// <summary>
        /// Visits a region's rows written so far (<see cref="Flush"/> first), in the order they were appended. Each chunk is
        /// copied out of SQLite before its rows are visited, so a visitor may append rows, to any region: they are not visited.
        /// </summary>
        public void Sweep(int region, ChunkRowVisitor visit)
        {
            if (!_held.Contains(region)) return;
            var chunks = new List<long>();
            _chunksOfRegion.Start(1, region);
            while (_chunksOfRegion.Next()) chunks.Add(_chunksOfRegion.Integer(0));
            foreach (var chunk in chunks)
            {
                _chunk.Start(1, chunk);
                if (!_chunk.Next()) throw new InvalidOperationException($"Staged chunk {chunk} of region {region} is missing.");
                var stored = _chunk.Bytes(0);
                if (_read.Length < stored.Length) _read = new byte[stored.Length];
                stored.CopyTo(_read);
                var length = stored.Length;
                _chunk.Stop();
                Visit(_read.AsSpan(0, length), visit);
            }
        }

        private static void Visit(ReadOnlySpan<byte> data, ChunkRowVisitor visit)
        {
            for (var at = 0; at < data.Length;)
            {
                var header = data.Slice(at, HeaderBytes);
                var flags = header[12];
                var length = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(17));
                at += HeaderBytes;
                Guid? id = null;
                if ((flags & IdFlag) != 0)
                {
                    id = new Guid(data.Slice(at, 16));
                    at += 16;
                }
                var row = new ChunkRow(BinaryPrimitives.ReadInt64LittleEndian(header), BinaryPrimitives.ReadInt32LittleEndian(header.Slice(8)),
                    (flags & ExcludedFlag) != 0, (flags & SharedFlag) != 0, BinaryPrimitives.ReadInt32LittleEndian(header.Slice(13)), id);
                visit(row, data.Slice(at, length));
                at += length;
            }
        }

        public void Dispose()
        {
            foreach (var (bytes, _) in _buffers)
                if (bytes is not null) ArrayPool<byte>.Shared.Return(bytes);
            _buffers.Clear();
            _insert.Dispose();
            _chunksOfRegion.Dispose();
            _chunk.Dispose();
        }
    }
}
