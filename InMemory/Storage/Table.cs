using System;
using System.Collections.Generic;
using System.Globalization;

namespace LoyaltyHealth.InMemory.Storage
{
    // One Dataverse table. The primary id and versionnumber are not stored as columns: they are the row's
    // Id and Version, and read as columns through Get.
    internal sealed class Table
    {
        public const string VersionNumberColumn = "versionnumber";

        private readonly Dictionary<string, int> _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<string> _columns = new List<string>();
        private readonly Dictionary<Guid, Row> _rows;
        private readonly Dictionary<int, ColumnIndex> _indexes = new Dictionary<int, ColumnIndex>();
        // The ordinal Write found at each position of the values it was last given. The rows of a table come with the
        // same columns in the same order as a rule, and with the same name instances (constants, or names pooled as
        // records are read), so Write finds most ordinals by comparing references to its column names, without hashing.
        private int[] _ordinalAtPosition = Array.Empty<int>();

        // The capacity is a hint of how many rows are coming, so the table does not grow step by step.
        public Table(string name, string primaryIdColumn, bool isActivity, int capacity = 0)
        {
            _rows = new Dictionary<Guid, Row>(capacity);
            Name = name;
            PrimaryIdColumn = primaryIdColumn;
            IsActivity = isActivity;
        }

        public string Name { get; }

        public string PrimaryIdColumn { get; }

        public bool IsActivity { get; }

        public IReadOnlyCollection<Row> Rows => _rows.Values;

        public void ExpectMore(int rows) => _rows.EnsureCapacity(_rows.Count + rows);

        public Row? Find(Guid id) => _rows.TryGetValue(id, out var row) ? row : null;

        public object? Get(Row row, string column)
        {
            TryGet(row, column, out var value);
            return value;
        }

        // Get's value; false when the table has no such column (no row ever held it), so the caller can tell.
        public bool TryGet(Row row, string column, out object? value)
        {
            int position = PositionOf(column);
            value = ValueAt(row, position);
            return position != AbsentPosition;
        }

        // Where a row keeps a column (ColumnReader): one of these, or its ordinal in Values.
        public const int AbsentPosition = -1;
        public const int PrimaryIdPosition = -2;
        public const int VersionPosition = -3;

        public int ColumnCount => _columns.Count;

        // Where TryGet finds the column: the row's id, its version, an ordinal, or absent (TryGet's false).
        public int PositionOf(string column)
        {
            if (string.Equals(column, PrimaryIdColumn, StringComparison.Ordinal))
            {
                return PrimaryIdPosition;
            }

            if (string.Equals(column, VersionNumberColumn, StringComparison.Ordinal))
            {
                return VersionPosition;
            }

            return _ordinals.TryGetValue(column, out int ordinal) ? ordinal : AbsentPosition;
        }

        // TryGet's value at a position PositionOf gave (an ordinal too); null when absent.
        public object? ValueAt(Row row, int position)
        {
            if (position >= 0)
            {
                return position < row.Values.Length ? row.Values[position] : null;
            }

            return position switch
            {
                PrimaryIdPosition => row.Id,
                VersionPosition => row.Version,
                _ => null,
            };
        }

        // The value at a position PositionOf gave when it is an id or a lookup to one (its IndexKey), without boxing the id.
        public bool TryGetGuidAt(Row row, int position, out Guid id)
        {
            if (position == PrimaryIdPosition)
            {
                id = row.Id;
                return true;
            }

            // A row version is no id.
            return IndexKey.TryGuid(position >= 0 ? ValueAt(row, position) : null, out id);
        }

        public string RowVersionOf(Row row) => row.Version.ToString(CultureInfo.InvariantCulture);

        // Every non-null column, the primary id and versionnumber included, in column creation order.
        public IEnumerable<KeyValuePair<string, object>> NonNullValues(Row row)
        {
            yield return new KeyValuePair<string, object>(PrimaryIdColumn, row.Id);
            for (int ordinal = 0; ordinal < row.Values.Length; ordinal++)
            {
                var value = row.Values[ordinal];
                if (value != null)
                {
                    yield return new KeyValuePair<string, object>(_columns[ordinal], value);
                }
            }

            yield return new KeyValuePair<string, object>(VersionNumberColumn, row.Version);
        }

        public void Insert(Row row)
        {
            _rows.Add(row.Id, row);
            foreach (var entry in _indexes)
            {
                entry.Value.Add(ValueAt(row, entry.Key), row);
            }
        }

        public void Remove(Row row)
        {
            foreach (var entry in _indexes)
            {
                entry.Value.Remove(ValueAt(row, entry.Key), row);
            }

            _rows.Remove(row.Id);
        }

        // Null clears the column: Dataverse has no difference between a null and a missing value.
        public void Set(Row row, string column, object? value)
        {
            if (!_ordinals.TryGetValue(column, out int ordinal))
            {
                if (value == null)
                {
                    return;
                }

                ordinal = AddColumn(column);
            }

            SetAt(row, ordinal, value);
        }

        // Sets each column in turn, as Set does (a null for a column no row holds is not written).
        public void Write(Row row, List<KeyValuePair<string, object?>> values)
        {
            if (_ordinalAtPosition.Length < values.Count)
            {
                int known = _ordinalAtPosition.Length;
                Array.Resize(ref _ordinalAtPosition, values.Count);
                _ordinalAtPosition.AsSpan(known).Fill(-1);
            }

            for (int position = 0; position < values.Count; position++)
            {
                var (column, value) = values[position];
                int ordinal = _ordinalAtPosition[position];
                if (ordinal < 0 || !ReferenceEquals(_columns[ordinal], column))
                {
                    if (!_ordinals.TryGetValue(column, out ordinal))
                    {
                        if (value == null)
                        {
                            // A column no row holds stays absent; nothing is written for it.
                            _ordinalAtPosition[position] = -1;
                            continue;
                        }

                        ordinal = AddColumn(column);
                    }

                    _ordinalAtPosition[position] = ordinal;
                }
            }

            // The values array is grown once for the columns the row is given, not once per column a table's first row adds.
            GrowToAllColumns(row);

            for (int position = 0; position < values.Count; position++)
            {
                int ordinal = _ordinalAtPosition[position];
                if (ordinal >= 0)
                {
                    SetAt(row, ordinal, values[position].Value);
                }
            }
        }

        private int AddColumn(string column)
        {
            int ordinal = _columns.Count;
            _columns.Add(column);
            _ordinals.Add(column, ordinal);
            return ordinal;
        }

        private void SetAt(Row row, int ordinal, object? value)
        {
            if (ordinal >= row.Values.Length)
            {
                if (value == null)
                {
                    return;
                }

                GrowToAllColumns(row);
            }

            if (_indexes.TryGetValue(ordinal, out var index) && _rows.ContainsKey(row.Id))
            {
                index.Remove(row.Values[ordinal], row);
                index.Add(value, row);
            }

            row.Values[ordinal] = value;
        }

        private void GrowToAllColumns(Row row)
        {
            if (row.Values.Length >= _columns.Count)
            {
                return;
            }

            var grown = new object?[_columns.Count];
            Array.Copy(row.Values, grown, row.Values.Length);
            row.Values = grown;
        }

        // Rows whose column equals the key (IndexKey form); the primary id is answered directly.
        public IReadOnlyList<Row> Lookup(string column, object? key)
        {
            if (string.Equals(column, PrimaryIdColumn, StringComparison.Ordinal))
            {
                return key is Guid id && _rows.TryGetValue(id, out var row) ? new[] { row } : Array.Empty<Row>();
            }

            var index = IndexOf(column);
            return index == null ? Array.Empty<Row>() : index.Find(key);
        }

        // Rows whose column holds the id or a lookup to it; the primary id is answered directly.
        public IReadOnlyList<Row> Lookup(string column, Guid id)
        {
            if (string.Equals(column, PrimaryIdColumn, StringComparison.Ordinal))
            {
                return _rows.TryGetValue(id, out var row) ? new[] { row } : Array.Empty<Row>();
            }

            var index = IndexOf(column);
            return index == null ? Array.Empty<Row>() : index.Find(id);
        }

        public bool CanLookUpGuid(string column)
        {
            if (string.Equals(column, PrimaryIdColumn, StringComparison.Ordinal))
            {
                return true;
            }

            var index = IndexOf(column);
            return index == null || index.OnlyGuidKeys;
        }

        private ColumnIndex? IndexOf(string column)
        {
            if (!_ordinals.TryGetValue(column, out int ordinal))
            {
                return null;
            }

            if (!_indexes.TryGetValue(ordinal, out var index))
            {
                index = new ColumnIndex();
                foreach (var row in _rows.Values)
                {
                    index.Add(ValueAt(row, ordinal), row);
                }

                _indexes.Add(ordinal, index);
            }

            return index;
        }
    }
}
