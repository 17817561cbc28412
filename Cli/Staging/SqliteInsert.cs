using System;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// An INSERT prepared once, its parameters bound by position and the statement stepped through SQLite's own
    /// interface, on the connection's handle and inside its transaction. A Microsoft.Data.Sqlite command costs
    /// more per row than the insert itself (a data reader per execution, parameters looked up by name, values
    /// boxed), and staging inserts millions of rows. Errors are the <see cref="SqliteException"/> a command throws.
    /// </summary>
    internal sealed class SqliteInsert : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public SqliteInsert(SqliteConnection connection, string sql)
        {
            _db = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        }

        public SqliteInsert Integer(int position, long value)
        {
            Check(raw.sqlite3_bind_int64(_statement, position, value));
            return this;
        }

        public SqliteInsert Text(int position, string value)
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            var utf8 = most <= 256 ? stackalloc byte[most] : new byte[most];
            var length = Encoding.UTF8.GetBytes(value, utf8);
            Check(raw.sqlite3_bind_text(_statement, position, utf8.Slice(0, length)));
            return this;
        }

        public SqliteInsert Blob(int position, ReadOnlySpan<byte> value)
        {
            Check(raw.sqlite3_bind_blob(_statement, position, value));
            return this;
        }

        public SqliteInsert Null(int position)
        {
            Check(raw.sqlite3_bind_null(_statement, position));
            return this;
        }

        /// <summary>Inserts the row bound, and readies the statement for the next.</summary>
        public void Run()
        {
            var result = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (result != raw.SQLITE_DONE) Check(result);
        }

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _db);
        }

        public void Dispose() => _statement.Dispose();
    }
}
