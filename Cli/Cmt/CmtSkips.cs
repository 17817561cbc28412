using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Cli.Output;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// What a file holds that the tool does not use: tables it does not read (with how many records were
    /// passed over) and columns it does not read (with how many values), listed once per table and column
    /// so a genuine export with every standard column reads without an error and the user still sees what
    /// was left out.
    /// </summary>
    public sealed class CmtSkips
    {
        private readonly object _gate = new();
        private readonly SortedDictionary<string, long> _tables = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, SortedDictionary<string, long>> _columns = new(StringComparer.Ordinal);

        public void Table(string table, long records = 0)
        {
            lock (_gate) _tables[table] = (_tables.TryGetValue(table, out var n) ? n : 0) + records;
        }

        public void Column(string table, string column, long values = 0)
        {
            lock (_gate)
            {
                if (!_columns.TryGetValue(table, out var columns)) _columns[table] = columns = new SortedDictionary<string, long>(StringComparer.Ordinal);
                columns[column] = (columns.TryGetValue(column, out var n) ? n : 0) + values;
            }
        }

        /// <summary>Skipped tables with the number of records passed over.</summary>
        public IReadOnlyDictionary<string, long> Tables { get { lock (_gate) return new Dictionary<string, long>(_tables); } }

        /// <summary>Skipped columns per table, with the number of values passed over.</summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Columns
        {
            get { lock (_gate) return _columns.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, long>)new Dictionary<string, long>(p.Value)); }
        }

        public long RecordsSkipped { get { lock (_gate) return _tables.Values.Sum(); } }

        public bool IsEmpty { get { lock (_gate) return _tables.Count == 0 && _columns.Count == 0; } }

        /// <summary>One note per skipped table, then one per table with its skipped columns and their value counts.</summary>
        public IReadOnlyList<DataNote> Notes()
        {
            var c = CultureInfo.InvariantCulture;
            var notes = new List<DataNote>();
            lock (_gate)
            {
                foreach (var table in _tables)
                    notes.Add(DataNote.Of(NoteTexts.SkippedTable, table.Value, table.Key));
                foreach (var table in _columns)
                    notes.Add(DataNote.Of(NoteTexts.SkippedColumns, table.Value.Count, table.Key, string.Join(", ", table.Value.Select(p => $"{p.Key} ({p.Value.ToString("N0", c)})"))));
            }
            return notes;
        }
    }
}
