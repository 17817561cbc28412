using System.Collections.Generic;
using LoyaltyHealth.InMemory.Storage;

namespace LoyaltyHealth.InMemory.Query
{
    // The query's orders (root first, then each link's in document order), then the row ids, so the order is
    // total and pages never overlap or skip.
    internal sealed class TupleComparer : IComparer<RowRef[]>
    {
        private readonly DataStore _store;
        private readonly SortOrder[] _orders;
        private readonly int _slots;

        // sourceTables: the tables each slot of the query reads.
        public TupleComparer(DataStore store, IReadOnlyList<EntityNode> nodes, IReadOnlyList<Table>[] sourceTables)
        {
            _store = store;
            var orders = new List<SortOrder>();
            foreach (var node in nodes)
            {
                foreach (var order in node.Orders)
                {
                    if (order.Attribute != null)
                    {
                        orders.Add(new SortOrder(order, SourceTables.ShareThePrimaryId(sourceTables[order.Slot], order.Attribute)));
                    }
                }
            }

            _orders = orders.ToArray();
            _slots = nodes.Count;
        }

        // An order on the rows' own id (the usual tie-breaker) compares the ids as CompareStored does, without boxing them.
        public int Compare(RowRef[]? x, RowRef[]? y)
        {
            foreach (var order in _orders)
            {
                var left = x![order.Slot];
                var right = y![order.Slot];
                int difference = order.ByRowId && !left.IsEmpty && !right.IsEmpty
                    ? SqlGuidComparer.Instance.Compare(left.Row!.Id, right.Row!.Id)
                    : ValueComparison.CompareStored(Read(left, order.Column), Read(right, order.Column));
                if (difference != 0)
                {
                    return order.Descending ? -difference : difference;
                }
            }

            for (int slot = 0; slot < _slots; slot++)
            {
                var left = x![slot];
                var right = y![slot];
                if (left.IsEmpty || right.IsEmpty)
                {
                    if (left.IsEmpty != right.IsEmpty)
                    {
                        return left.IsEmpty ? -1 : 1;
                    }

                    continue;
                }

                int difference = SqlGuidComparer.Instance.Compare(left.Row!.Id, right.Row!.Id);
                if (difference != 0)
                {
                    return difference;
                }
            }

            return 0;
        }

        private object? Read(RowRef row, string column) => row.IsEmpty ? null : _store.Read(row.Table!, row.Row!, column);

        private readonly struct SortOrder
        {
            public SortOrder(OrderNode order, bool byRowId)
            {
                Slot = order.Slot;
                Column = order.Attribute!;
                Descending = order.Descending;
                ByRowId = byRowId;
            }

            public int Slot { get; }

            public string Column { get; }

            public bool Descending { get; }

            public bool ByRowId { get; }
        }
    }
}
