namespace LoyaltyHealth.InMemory.Storage
{
    // One column of a query, read from the rows of whichever tables the query reads: where each table keeps the
    // column is found once per table (Table.PositionOf) instead of by name for every row, since a query reads the
    // same columns from every row it joins and projects. A table's positions never move; only a column absent when
    // looked up can appear later (a write adds it), so an absent one is looked up again once the table has more
    // columns. Not thread-safe: a reader belongs to one query, which one thread evaluates.
    internal sealed class ColumnReader
    {
        // The activity pointer reads every activity table, so a query's column meets a handful of tables at most;
        // beyond this many, the position is looked up by name each time rather than remembered.
        private const int RememberedTables = 16;

        private Table[] _tables = new Table[2];
        private int[] _positions = new int[2];
        private int[] _columnCounts = new int[2];
        private int _count;

        public ColumnReader(string name)
        {
            Name = name;
        }

        public string Name { get; }

        // Table.PositionOf for this column in that table.
        public int PositionIn(Table table)
        {
            for (int i = 0; i < _count; i++)
            {
                if (ReferenceEquals(_tables[i], table))
                {
                    if (_positions[i] == Table.AbsentPosition && _columnCounts[i] != table.ColumnCount)
                    {
                        _positions[i] = table.PositionOf(Name);
                        _columnCounts[i] = table.ColumnCount;
                    }

                    return _positions[i];
                }
            }

            int position = table.PositionOf(Name);
            if (_count < RememberedTables)
            {
                if (_count == _tables.Length)
                {
                    System.Array.Resize(ref _tables, 2 * _count);
                    System.Array.Resize(ref _positions, 2 * _count);
                    System.Array.Resize(ref _columnCounts, 2 * _count);
                }

                _tables[_count] = table;
                _positions[_count] = position;
                _columnCounts[_count] = table.ColumnCount;
                _count++;
            }

            return position;
        }
    }
}
