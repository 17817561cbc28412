using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A SQLite file of one run's own, in the temporary folder unless told otherwise, deleted when disposed. It is
    /// written without journal or sync and held exclusively: a run that fails starts again from the export, so
    /// nothing in it is ever recovered, and nothing else opens it.
    /// </summary>
    internal sealed class ScratchDatabase : IDisposable
    {
        /// <param name="purpose">Names the file's purpose in a listing of the temporary folder (loyalty-staging-…, <see cref="ScratchFiles"/>).</param>
        /// <param name="pragmas">The file's own settings, applied before anything is written (a page size must be).</param>
        public ScratchDatabase(string purpose, string? folder, string pragmas)
        {
            Path = ScratchFiles.NewPath(purpose, ".db", folder);
            Connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
            Connection.Open();
            Execute(pragmas + " PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; PRAGMA locking_mode=EXCLUSIVE;");
        }

        public string Path { get; }

        public SqliteConnection Connection { get; }

        public void Execute(string sql, SqliteTransaction? transaction = null)
        {
            using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        public void Dispose()
        {
            Connection.Dispose();
            try { File.Delete(Path); } catch (IOException) { }
        }
    }
}
