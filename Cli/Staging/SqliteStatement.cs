using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A statement prepared once on a connection's handle and run many times through SQLite's own interface
    /// (<see cref="SqliteInsert"/>, <see cref="SqliteQuery"/>). Errors are the <see cref="SqliteException"/> a command throws.
    /// </summary>
    internal abstract class SqliteStatement : IDisposable
    {
        private readonly sqlite3 _db;

        protected SqliteStatement(SqliteConnection connection, string sql)
        {
            _db = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            Statement = statement;
        }

        protected sqlite3_stmt Statement { get; }

        protected void Check(int result)
        {
            if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _db);
        }

        public void Dispose() => Statement.Dispose();
    }
}
