using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A SELECT prepared once and run many times through SQLite's own interface, its rows read in place: a
    /// blob is a view of SQLite's own buffer, valid until the next row, so reading an account's rows copies
    /// no payload and allocates nothing per row (a Microsoft.Data.Sqlite reader allocates each blob and boxes
    /// each value).
    /// </summary>
    internal sealed class SqliteQuery : SqliteStatement
    {
        public SqliteQuery(SqliteConnection connection, string sql) : base(connection, sql)
        {
        }

        /// <summary>Starts the query again (a run left unfinished is dropped) with the parameter at <paramref name="position"/> set.</summary>
        public SqliteQuery Start(int position, long value)
        {
            raw.sqlite3_reset(Statement);
            Check(raw.sqlite3_bind_int64(Statement, position, value));
            return this;
        }

        /// <summary>Sets one more parameter of a run just started.</summary>
        public SqliteQuery Bind(int position, long value)
        {
            Check(raw.sqlite3_bind_int64(Statement, position, value));
            return this;
        }

        /// <summary>Ends a run before its last row.</summary>
        public void Stop() => raw.sqlite3_reset(Statement);

        /// <summary>Moves to the next row; false once there is none, the query then finished.</summary>
        public bool Next()
        {
            var result = raw.sqlite3_step(Statement);
            if (result == raw.SQLITE_ROW) return true;
            raw.sqlite3_reset(Statement);
            if (result != raw.SQLITE_DONE) Check(result);
            return false;
        }

        public long Integer(int column) => raw.sqlite3_column_int64(Statement, column);

        /// <summary>A blob's bytes, or a text's UTF-8 bytes, as SQLite holds them: valid until <see cref="Next"/>.</summary>
        public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(Statement, column);
    }
}
