using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    public class DataCollection<T> : Collection<T>
    {
        // The official constructors are internal: callers outside the SDK get instances from the
        // owning objects (EntityCollection.Entities, ColumnSet.Columns, ...), never build their own.
        internal DataCollection()
        {
        }

        // Copies rather than wraps, as the official does: later changes to the list are not seen.
        internal DataCollection(IList<T> list)
        {
            AddRange(list);
        }

        public void AddRange(params T[] items)
        {
            AddRange((IEnumerable<T>)items);
        }

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null)
            {
                return;
            }

            foreach (var item in items)
            {
                Add(item);
            }
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }
}
