using System;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// A data file the tool cannot read, with where: the file, and when known the table, record id and
    /// field, so the person who exported it can find the row.
    /// </summary>
    public sealed class CmtDataException : Exception
    {
        public CmtDataException(string file, string message, string? table = null, string? recordId = null, string? field = null, Exception? inner = null)
            : base(Describe(file, message, table, recordId, field), inner)
        {
            File = file;
            Table = table;
            RecordId = recordId;
            Field = field;
        }

        public string File { get; }
        public string? Table { get; }
        public string? RecordId { get; }
        public string? Field { get; }

        private static string Describe(string file, string message, string? table, string? recordId, string? field)
        {
            var where = file;
            if (table is not null) where += $", table {table}";
            if (recordId is not null) where += $", record {recordId}";
            if (field is not null) where += $", field {field}";
            return where + ": " + message;
        }
    }
}
