using LoyaltyHealth.InMemory.Storage;

namespace LoyaltyHealth.InMemory.Query
{
    // A row and the table it lives in; Table is null for the empty side of an outer join.
    internal readonly struct RowRef
    {
        public RowRef(Table table, Row row)
        {
            Table = table;
            Row = row;
        }

        public Table? Table { get; }

        public Row? Row { get; }

        public bool IsEmpty => Table == null;
    }
}
