using System;
using System.Collections.Generic;

namespace LoyaltyHealth.InMemory.Storage
{
    // Hash index of one column, built on first use and then kept current by every write. Lookups cost the
    // number of matching rows, so a lookup column filter or a join stays linear over millions of rows.
    internal sealed class ColumnIndex
    {
        private static readonly IReadOnlyList<Row> NoRows = Array.Empty<Row>();
        private readonly Dictionary<object, List<Row>> _rowsByKey = new Dictionary<object, List<Row>>();

        // A literal Guid may only be answered from the index when every stored value is Guid-keyed;
        // otherwise a string column holding Guid-like text would be missed.
        public bool OnlyGuidKeys { get; private set; } = true;

        public IReadOnlyList<Row> Find(object? key)
        {
            if (key == null)
            {
                return NoRows;
            }

            return _rowsByKey.TryGetValue(key, out var rows) ? rows : NoRows;
        }

        public void Add(object? value, Row row)
        {
            var key = IndexKey.Of(value);
            if (key == null)
            {
                return;
            }

            if (!(key is Guid))
            {
                OnlyGuidKeys = false;
            }

            if (!_rowsByKey.TryGetValue(key, out var rows))
            {
                rows = new List<Row>(1);
                _rowsByKey.Add(key, rows);
            }

            rows.Add(row);
        }

        public void Remove(object? value, Row row)
        {
            var key = IndexKey.Of(value);
            if (key == null || !_rowsByKey.TryGetValue(key, out var rows))
            {
                return;
            }

            rows.Remove(row);
            if (rows.Count == 0)
            {
                _rowsByKey.Remove(key);
            }
        }
    }
}
