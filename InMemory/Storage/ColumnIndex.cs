using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Storage
{
    // Hash index of one column, built on first use and then kept current by every write. Lookups cost the
    // number of matching rows, so a lookup column filter or a join stays linear over millions of rows.
    // Ids (lookups and id columns) are kept apart from other keys, so they are stored and found unboxed.
    internal sealed class ColumnIndex
    {
        private static readonly IReadOnlyList<Row> NoRows = Array.Empty<Row>();
        private readonly Dictionary<Guid, List<Row>> _rowsById = new Dictionary<Guid, List<Row>>();
        // Made when the first such key comes: most indexed columns are lookups, and a replay builds many small indexes.
        private Dictionary<object, List<Row>>? _rowsByOtherKey;

        // A literal Guid may only be answered from the index when every stored value is Guid-keyed;
        // otherwise a string column holding Guid-like text would be missed.
        public bool OnlyGuidKeys { get; private set; } = true;

        public IReadOnlyList<Row> Find(object? key)
        {
            if (key is Guid id)
            {
                return Find(id);
            }

            return key != null && _rowsByOtherKey != null && _rowsByOtherKey.TryGetValue(key, out var rows) ? rows : NoRows;
        }

        public IReadOnlyList<Row> Find(Guid id) => _rowsById.TryGetValue(id, out var rows) ? rows : NoRows;

        public void Add(object? value, Row row)
        {
            if (IndexKey.TryGuid(value, out var id))
            {
                Add(_rowsById, id, row);
                return;
            }

            var key = IndexKey.Of(value);
            if (key == null)
            {
                return;
            }

            OnlyGuidKeys = false;
            Add(_rowsByOtherKey ??= new Dictionary<object, List<Row>>(), key, row);
        }

        public void Remove(object? value, Row row)
        {
            if (IndexKey.TryGuid(value, out var id))
            {
                Remove(_rowsById, id, row);
                return;
            }

            var key = IndexKey.Of(value);
            if (key != null && _rowsByOtherKey != null)
            {
                Remove(_rowsByOtherKey, key, row);
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<Row>> rowsByKey, TKey key, Row row)
            where TKey : notnull
        {
            if (!rowsByKey.TryGetValue(key, out var rows))
            {
                rows = new List<Row>(1);
                rowsByKey.Add(key, rows);
            }

            rows.Add(row);
        }

        private static void Remove<TKey>(Dictionary<TKey, List<Row>> rowsByKey, TKey key, Row row)
            where TKey : notnull
        {
            if (!rowsByKey.TryGetValue(key, out var rows))
            {
                return;
            }

            rows.Remove(row);
            if (rows.Count == 0)
            {
                rowsByKey.Remove(key);
            }
        }
    }
}
