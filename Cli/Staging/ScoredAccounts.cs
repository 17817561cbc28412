using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LoyaltyHealth.Cli.Output;
using Microsoft.Data.Sqlite;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// The results of a run, set aside in an embedded SQLite file as each account is scored, so memory does not
    /// grow with the organisation: the console, accounts.csv and report.html read them back one at a time, in
    /// the order a reader wants them (failed first, then riskiest: see <see cref="AccountResult.RiskRank"/>;
    /// lower health first, then by name as the user's culture sorts, then by id). Safe to add to from several
    /// workers; read only after <see cref="Seal"/>.
    /// </summary>
    public sealed class ScoredAccounts : IReadOnlyCollection<AccountResult>, IDisposable
    {
        private const int RowsPerTransaction = 1_000;
        private const string CultureCollation = "culture";
        private const string InOrder = "ORDER BY rank, overall, name COLLATE " + CultureCollation + ", id";

        private readonly object _gate = new();
        private readonly ScratchDatabase _database;
        private readonly SqliteConnection _db;
        private readonly SqliteCommand _insert;
        private SqliteTransaction? _transaction;
        private int _uncommitted;
        private bool _sealed;

        public ScoredAccounts(string? folder = null)
        {
            _database = new ScratchDatabase("results", folder, "PRAGMA cache_size=-8192;");
            _db = _database.Connection;
            _db.CreateCollation(CultureCollation, (x, y) => string.Compare(x, y, CultureInfo.CurrentCulture, CompareOptions.None));
            Execute("CREATE TABLE results(rank INTEGER NOT NULL, overall INTEGER NOT NULL, name TEXT NOT NULL, id BLOB NOT NULL, payload BLOB NOT NULL);");
            _transaction = _db.BeginTransaction();
            _insert = _db.CreateCommand();
            _insert.Transaction = _transaction;
            _insert.CommandText = "INSERT INTO results(rank, overall, name, id, payload) VALUES ($rank, $overall, $name, $id, $payload)";
            foreach (var name in new[] { "$rank", "$overall", "$name", "$id", "$payload" }) _insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            _insert.Prepare();
        }

        /// <summary>Accounts set aside, failed or not.</summary>
        public int Count { get; private set; }

        public int Failed { get; private set; }

        public void Add(AccountResult result)
        {
            var payload = ResultCodec.Encode(result);
            lock (_gate)
            {
                if (_sealed) throw new InvalidOperationException("The results are sealed; no account can be added.");
                _insert.Parameters["$rank"].Value = result.RiskRank;
                _insert.Parameters["$overall"].Value = result.Overall ?? int.MaxValue;
                _insert.Parameters["$name"].Value = result.Name;
                // Big-endian bytes compare as Guid.CompareTo does, so ties on name sort as they did in memory.
                _insert.Parameters["$id"].Value = result.Id.ToByteArray(bigEndian: true);
                _insert.Parameters["$payload"].Value = payload;
                _insert.ExecuteNonQuery();
                Count++;
                if (result.Failed) Failed++;
                if (++_uncommitted < RowsPerTransaction) return;
                _transaction!.Commit();
                _transaction = _db.BeginTransaction();
                _insert.Transaction = _transaction;
                _uncommitted = 0;
            }
        }

        /// <summary>Ends the adding and orders the results for reading.</summary>
        public void Seal()
        {
            lock (_gate)
            {
                if (_sealed) return;
                _insert.Dispose();
                _transaction!.Commit();
                _transaction = null;
                Execute("CREATE INDEX results_in_order ON results(rank, overall, name COLLATE " + CultureCollation + ", id);");
                _sealed = true;
            }
        }

        /// <summary>The accounts in order, read one at a time.</summary>
        public IEnumerator<AccountResult> GetEnumerator()
        {
            if (!_sealed) throw new InvalidOperationException("The results are read once they are sealed.");
            using var command = _db.CreateCommand();
            command.CommandText = "SELECT payload FROM results " + InOrder;
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return ResultCodec.Decode((byte[])reader[0]);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private void Execute(string sql) => _database.Execute(sql, _transaction);

        public void Dispose()
        {
            lock (_gate)
            {
                _insert.Dispose();
                _transaction?.Dispose();
                _database.Dispose();
            }
        }
    }
}
