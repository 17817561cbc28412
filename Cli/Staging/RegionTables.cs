using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// The staged rows, one SQLite table per region of accounts (<c>rows_0</c> for rows whose account is not yet known), so
    /// that every row is appended at the end of its table whatever the order of the file. In one table keyed by region, an
    /// export listed by creation inserted each row into the middle of the tree: at 50,000 x 100 SQLite's inserts then took
    /// 18 % of all samples (page splits, and a seek from the root through one of hundreds of paths), against 12 % appending.
    /// A row's key (<c>seq</c>) carries its region above <see cref="FileOrderBits"/>, so a key alone says which table holds it.
    /// </summary>
    internal sealed class RegionTables : IDisposable
    {
        public const int FileOrderBits = 40;
        public const long FileOrderMask = (1L << FileOrderBits) - 1;

        private const string Columns = "seq INTEGER PRIMARY KEY, account INTEGER NOT NULL, tbl TEXT NOT NULL, id BLOB NOT NULL, excluded INTEGER NOT NULL, payload BLOB";

        private readonly SqliteConnection _db;
        private readonly Action<string> _execute;
        private readonly List<SqliteInsert?> _inserts = new();
        private readonly Dictionary<int, SqliteQuery> _byAccount = new(), _byKey = new();
        private readonly HashSet<int> _indexed = new();

        /// <param name="execute">Runs DDL, in the staging's transaction while there is one.</param>
        public RegionTables(SqliteConnection db, Action<string> execute)
        {
            _db = db;
            _execute = execute;
        }

        public static int RegionOf(long key) => (int)(key >> FileOrderBits);

        public static long Key(int region, long fileOrder) => (long)region << FileOrderBits | fileOrder;

        /// <summary>The regions that hold rows, in order (a region without rows has no table).</summary>
        public IEnumerable<int> Regions() => Created.OrderBy(region => region);

        private HashSet<int> Created { get; } = new();

        public static string Table(int region) => $"rows_{region}";

        /// <summary>The insert of a row into its region's table, the table made when the region gets its first row.</summary>
        public SqliteInsert Insert(int region)
        {
            while (_inserts.Count <= region) _inserts.Add(null);
            if (_inserts[region] is { } insert) return insert;
            if (Created.Add(region)) _execute($"CREATE TABLE {Table(region)}({Columns});");
            return _inserts[region] = new SqliteInsert(_db, $"INSERT INTO {Table(region)}(seq, account, tbl, id, excluded, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        }

        /// <summary>Ends the inserting. No table is indexed yet: see <see cref="OfAccount"/>.</summary>
        public void Finish()
        {
            foreach (var insert in _inserts) insert?.Dispose();
            _inserts.Clear();
        }

        public bool Holds(int region) => Created.Contains(region);

        /// <summary>A region's rows in file order (account, file order, excluded, payload, table): one sweep of its table.</summary>
        public SqliteQuery Sweep(int region) =>
            new(_db, $"SELECT account, seq & {FileOrderMask}, excluded, payload, tbl FROM {Table(region)} ORDER BY seq");

        /// <summary>
        /// An account's own rows in file order (account, file order, excluded, payload, table), from its region's index by
        /// account, made when the region is first read this way. A region is read so only when it is too large to sweep
        /// (or for one account, by explain): indexing every table as the staging ended read the whole staging file again,
        /// about a gigabyte at 50,000 x 100, before the first account could be scored.
        /// </summary>
        public SqliteQuery OfAccount(int region, int account)
        {
            if (_indexed.Add(region)) _execute($"CREATE INDEX {Table(region)}_by_account ON {Table(region)}(account);");
            return Cached(_byAccount, region, $"SELECT account, seq & {FileOrderMask}, excluded, payload, tbl FROM {Table(region)} WHERE account = ?1 ORDER BY seq").Start(1, account);
        }

        /// <summary>The row with a key (excluded, payload, table).</summary>
        public SqliteQuery Row(long key) =>
            Cached(_byKey, RegionOf(key), $"SELECT excluded, payload, tbl FROM {Table(RegionOf(key))} WHERE seq = ?1").Start(1, key);

        private SqliteQuery Cached(Dictionary<int, SqliteQuery> queries, int region, string sql)
        {
            if (!queries.TryGetValue(region, out var query)) queries[region] = query = new SqliteQuery(_db, sql);
            return query;
        }

        public void Dispose()
        {
            foreach (var insert in _inserts) insert?.Dispose();
            foreach (var query in _byAccount.Values) query.Dispose();
            foreach (var query in _byKey.Values) query.Dispose();
        }
    }
}
