using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory.Storage;

namespace LoyaltyHealth.InMemory.Query
{
    // The query's orders (root first, then each link's in document order), then the row ids, so the order is
    // total and pages never overlap or skip.
    internal sealed class TupleComparer : IComparer<RowRef[]>
    {
        private readonly DataStore _store;
        private readonly List<OrderNode> _orders;
        private readonly int _slots;

        public TupleComparer(DataStore store, IReadOnlyList<EntityNode> nodes)
        {
            _store = store;
            _orders = nodes.SelectMany(n => n.Orders).Where(o => o.Attribute != null).ToList();
            _slots = nodes.Count;
        }

        public int Compare(RowRef[]? x, RowRef[]? y)
        {
            foreach (var order in _orders)
            {
                var left = x![order.Slot];
                var right = y![order.Slot];
                int difference = IsPrimaryId(left, order.Attribute!) && IsPrimaryId(right, order.Attribute!)
                    ? SqlGuidComparer.Instance.Compare(left.Row!.Id, right.Row!.Id)
                    : ValueComparison.CompareStored(Read(left, order.Attribute!), Read(right, order.Attribute!));
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

        // An order on the row's own id (the usual tie-breaker) compares the ids as CompareStored does, without boxing them.
        private static bool IsPrimaryId(RowRef row, string column) =>
            !row.IsEmpty && string.Equals(column, row.Table!.PrimaryIdColumn, System.StringComparison.Ordinal);

        private object? Read(RowRef row, string column) => row.IsEmpty ? null : _store.Read(row.Table!, row.Row!, column);
    }
}
