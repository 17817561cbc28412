using System;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// Staged rows of a few accounts read into one buffer, so a region of the staging file is read in a single sweep
    /// and then handed out account by account, each account's rows in file order (a row held twice, twice).
    /// </summary>
    internal sealed class StagedRows
    {
        private byte[] _buffer = new byte[64 * 1024];
        private int _used;
        private Row[] _rows = new Row[1024];
        private Row[] _grouped = new Row[1024];
        private int _count;
        private int[] _starts = new int[2], _next = new int[2];
        private int _firstAccount, _accounts;

        /// <summary>One staged row: the account it was read for, its place in the file, and its payload (none when excluded; then its table).</summary>
        public readonly record struct Row(int Account, long FileOrder, bool Excluded, string? Table, int Offset, int Length);

        public void Clear()
        {
            _used = 0;
            _count = 0;
            _accounts = 0;
        }

        /// <summary>Adds a row, its payload copied.</summary>
        public void Add(int account, long fileOrder, bool excluded, string? table, ReadOnlySpan<byte> payload)
        {
            if (_used + payload.Length > _buffer.Length) Array.Resize(ref _buffer, (int)Math.Min(Array.MaxLength, Math.Max(2L * _buffer.Length, (long)_used + payload.Length)));
            payload.CopyTo(_buffer.AsSpan(_used));
            if (_count == _rows.Length) Array.Resize(ref _rows, 2 * _rows.Length);
            _rows[_count++] = new Row(account, fileOrder, excluded, table, _used, payload.Length);
            _used += payload.Length;
        }

        /// <summary>
        /// Orders the rows by account, keeping each account's in the order they were added, for the accounts from
        /// <paramref name="firstAccount"/> on (<paramref name="accounts"/> of them); rows of other accounts are dropped.
        /// </summary>
        public void GroupByAccount(int firstAccount, int accounts)
        {
            _firstAccount = firstAccount;
            _accounts = accounts;
            if (_starts.Length < accounts + 1) (_starts, _next) = (new int[accounts + 1], new int[accounts + 1]);
            Array.Clear(_starts, 0, accounts + 1);
            for (var i = 0; i < _count; i++)
            {
                var local = _rows[i].Account - firstAccount;
                if ((uint)local < (uint)accounts) _starts[local + 1]++;
            }
            for (var a = 0; a < accounts; a++) _starts[a + 1] += _starts[a];
            if (_grouped.Length < _rows.Length) _grouped = new Row[_rows.Length];
            Array.Copy(_starts, _next, accounts + 1);
            for (var i = 0; i < _count; i++)
            {
                var local = _rows[i].Account - firstAccount;
                if ((uint)local < (uint)accounts) _grouped[_next[local]++] = _rows[i];
            }
            (_rows, _grouped) = (_grouped, _rows);
            _count = _starts[accounts];
            // A region holds each account's rows in file order but for the copies of rows whose link was resolved once the file
            // was read, which come after them.
            for (var a = 0; a < accounts; a++)
            {
                var (start, end) = (_starts[a], _starts[a + 1]);
                for (var i = start + 1; i < end; i++)
                {
                    if (_rows[i].FileOrder >= _rows[i - 1].FileOrder) continue;
                    Array.Sort(_rows, start, end - start, ByFileOrder.Instance);
                    break;
                }
            }
        }

        private sealed class ByFileOrder : System.Collections.Generic.IComparer<Row>
        {
            public static readonly ByFileOrder Instance = new();

            public int Compare(Row x, Row y) => x.FileOrder.CompareTo(y.FileOrder);
        }

        /// <summary>The rows of an account after <see cref="GroupByAccount"/>: indexes <c>Start</c> to <c>End</c> (exclusive).</summary>
        public (int Start, int End) Of(int account)
        {
            var local = account - _firstAccount;
            return (uint)local < (uint)_accounts ? (_starts[local], _starts[local + 1]) : (0, 0);
        }

        public ref readonly Row this[int index] => ref _rows[index];

        public ReadOnlySpan<byte> Payload(in Row row) => _buffer.AsSpan(row.Offset, row.Length);
    }
}
