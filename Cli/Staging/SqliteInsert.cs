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
    internal sealed class SqliteInsert : SqliteStatement
    {
        public SqliteInsert(SqliteConnection connection, string sql) : base(connection, sql)
        {
        }

        public SqliteInsert Integer(int position, long value)
        {
            Check(raw.sqlite3_bind_int64(Statement, position, value));
            return this;
        }

        public SqliteInsert Text(int position, string value)
        {
            var most = Encoding.UTF8.GetMaxByteCount(value.Length);
            var utf8 = most <= 256 ? stackalloc byte[most] : new byte[most];
            var length = Encoding.UTF8.GetBytes(value, utf8);
            Check(raw.sqlite3_bind_text(Statement, position, utf8.Slice(0, length)));
            return this;
        }

        public SqliteInsert Blob(int position, ReadOnlySpan<byte> value)
        {
            Check(raw.sqlite3_bind_blob(Statement, position, value));
            return this;
        }

        public SqliteInsert Null(int position)
        {
            Check(raw.sqlite3_bind_null(Statement, position));
            return this;
        }

        /// <summary>Inserts the row bound, and readies the statement for the next.</summary>
        public void Run()
        {
            var result = raw.sqlite3_step(Statement);
            raw.sqlite3_reset(Statement);
            if (result != raw.SQLITE_DONE) Check(result);
        }
    }
}
