using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Cmt;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// Refuses an export in which a record appears twice, in memory that does not grow with the file: the
    /// ids are sorted in runs of <see cref="DefaultRunLength"/> that go to a temporary file, and <see cref="Check"/>
    /// merges the runs, where equal ids meet. The export reader's own check holds every id of the file in a
    /// set (about 37 bytes a record: 78 MB at 20,000 accounts × 100 activities), so records read through
    /// <see cref="Records"/> are checked here instead, once the whole file has been read.
    /// A full run is sorted and written on a thread of the pool while the next run fills a second array: sorting on the
    /// staging thread took 6 % of its time, and that thread at times keeps the parsing thread, which sets staging's pace, waiting.
    /// </summary>
    internal sealed class UniqueRecordIds : IDisposable
    {
        /// <summary>Ids sorted in memory at a time: 10 MB of ids and table numbers.</summary>
        public const int DefaultRunLength = 1 << 19;

        private readonly int _runLength;
        private readonly string _file;
        private readonly List<string> _tables = new();
        private (Guid Id, int Table)[] _run;

        /// <summary>The array the run being written was in, to be filled again once it is written; null before the first spill.</summary>
        private (Guid Id, int Table)[]? _spare;

        /// <summary>The run being sorted and written; null when none is.</summary>
        private Task? _spilling;
        private readonly List<long> _runStarts = new();
        private FileStream? _runs;
        private string _source = "";
        private int _length;

        public UniqueRecordIds(string? folder = null, int runLength = DefaultRunLength)
        {
            _runLength = runLength;
            _run = new (Guid, int)[Math.Min(16, runLength)];
            _file = ScratchFiles.NewPath("ids", ".bin", folder);
        }

        /// <summary>The export's records, in file order, each id noted for <see cref="Check"/>.</summary>
        public IEnumerable<Entity> Records(CmtPackageReader reader, IEnumerable<ParsedRecord> parsed)
        {
            foreach (var record in parsed)
            {
                var entity = reader.Read(record);
                Note(record.File, record.Table, entity.Id);
                reader.Recycle(record);
                yield return entity;
            }
        }

        /// <summary>
        /// The export's records, in file order, each read into a <see cref="StagedRecord"/> (no entity is built) and its id
        /// noted for <see cref="Check"/>. The records are taken from <paramref name="spares"/>, where the caller hands each back
        /// once it is staged, so they cross to another thread without one being allocated per record.
        /// </summary>
        public IEnumerable<StagedRecord> StagedRecords(CmtPackageReader reader, IEnumerable<ParsedRecord> parsed, ConcurrentQueue<StagedRecord> spares)
        {
            foreach (var record in parsed)
            {
                var staged = spares.TryDequeue(out var spare) ? spare : new StagedRecord();
                reader.Read(record, staged);
                Note(record.File, record.Table, staged.Id);
                reader.Recycle(record);
                yield return staged;
            }
        }

        /// <summary>Throws the reader's error for the first id (in id order) that appears twice.</summary>
        public void Check()
        {
            Written();
            if (_runs is null)
            {
                Array.Sort(_run, 0, _length, IdOrder.Instance);
                for (var i = 1; i < _length; i++)
                    if (_run[i].Id == _run[i - 1].Id) Twice(_run[i]);
                return;
            }
            Write(_run, _length);
            _length = 0;
            _runs.Flush();
            var readers = new List<FileStream>();
            // One entry read at a time into this, rather than an array per id (millions of them).
            var entry = new byte[EntryBytes];
            try
            {
                var next = new PriorityQueue<int, Guid>();
                var current = new (Guid Id, int Table)[_runStarts.Count];
                var left = new long[_runStarts.Count];
                for (var r = 0; r < _runStarts.Count; r++)
                {
                    var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
                    stream.Position = _runStarts[r];
                    readers.Add(stream);
                    left[r] = ((r + 1 < _runStarts.Count ? _runStarts[r + 1] : _runs.Length) - _runStarts[r]) / EntryBytes;
                    if (Advance(r)) next.Enqueue(r, current[r].Id);
                }
                Guid? previous = null;
                while (next.TryDequeue(out var r, out var id))
                {
                    if (previous == id) Twice(current[r]);
                    previous = id;
                    if (Advance(r)) next.Enqueue(r, current[r].Id);
                }

                bool Advance(int r)
                {
                    if (left[r]-- == 0) return false;
                    readers[r].ReadExactly(entry);
                    current[r] = (new Guid(entry.AsSpan(0, 16)), BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(16)));
                    return true;
                }
            }
            finally
            {
                foreach (var reader in readers) reader.Dispose();
            }
        }

        private const int EntryBytes = 20;

        private void Note(string source, string table, Guid id)
        {
            _source = source;
            var number = _tables.IndexOf(table);
            if (number < 0)
            {
                number = _tables.Count;
                _tables.Add(table);
            }
            if (_length == _run.Length)
            {
                if (_length >= _runLength) Spill();
                else Array.Resize(ref _run, Math.Min(_runLength, 2 * _length));
            }
            _run[_length++] = (id, number);
        }

        /// <summary>Hands the full run to be sorted and written, and goes on in the spare array once the run before is written.</summary>
        private void Spill()
        {
            Written();
            var full = _run;
            var length = _length;
            _run = _spare ?? new (Guid, int)[_runLength];
            _spare = full;
            _length = 0;
            _spilling = Task.Run(() => Write(full, length));
        }

        /// <summary>Waits for the run being written, if any; what writing it threw is thrown here, as it was thrown.</summary>
        private void Written()
        {
            var spilling = _spilling;
            _spilling = null;
            spilling?.GetAwaiter().GetResult();
        }

        private void Write((Guid Id, int Table)[] run, int length)
        {
            _runs ??= new FileStream(_file, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
            Array.Sort(run, 0, length, IdOrder.Instance);
            _runStarts.Add(_runs.Position);
            using var writer = new BinaryWriter(_runs, System.Text.Encoding.UTF8, leaveOpen: true);
            Span<byte> id = stackalloc byte[16];
            for (var i = 0; i < length; i++)
            {
                run[i].Id.TryWriteBytes(id);
                writer.Write(id);
                writer.Write(run[i].Table);
            }
        }

        private void Twice((Guid Id, int Table) entry) =>
            throw new CmtDataException(_source, "the record appears twice.", _tables[entry.Table], entry.Id.ToString());

        public void Dispose()
        {
            try
            {
                Written();
            }
            catch (Exception)
            {
                // Disposed after staging failed: that failure is what the user is told, not what the run's writing met since.
            }
            _runs?.Dispose();
            try { File.Delete(_file); } catch (IOException) { }
        }

        private sealed class IdOrder : IComparer<(Guid Id, int Table)>
        {
            public static readonly IdOrder Instance = new();

            public int Compare((Guid Id, int Table) x, (Guid Id, int Table) y) => x.Id.CompareTo(y.Id);
        }
    }
}
