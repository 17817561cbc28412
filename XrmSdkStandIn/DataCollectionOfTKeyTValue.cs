using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    // Not an IDictionary, exactly like the official type; a Dictionary underneath gives the official
    // behaviours for free: KeyNotFoundException on a missing key, ArgumentException on a duplicate Add,
    // ArgumentNullException on a null key, and the same enumeration order.
    public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IEnumerable
    {
        private readonly IDictionary<TKey, TValue> _items;

        protected internal DataCollection(IDictionary<TKey, TValue> collection)
        {
            _items = collection ?? new Dictionary<TKey, TValue>();
        }

        protected internal DataCollection()
            : this(new Dictionary<TKey, TValue>())
        {
        }

        public virtual TValue this[TKey key]
        {
            get => _items[key];
            set => _items[key] = value;
        }

        public int Count => _items.Count;

        public ICollection<TKey> Keys => _items.Keys;

        public ICollection<TValue> Values => _items.Values;

        public virtual bool IsReadOnly => false;

        public void Add(KeyValuePair<TKey, TValue> item)
        {
            _items.Add(item);
        }

        public void AddRange(params KeyValuePair<TKey, TValue>[] items)
        {
            AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
        }

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null)
            {
                return;
            }

#if NET
            // A collection filled at once grows once: rows built column by column (query results, decoded records)
            // otherwise grow their dictionary three or four times over, each time copying what it holds.
            if (_items is Dictionary<TKey, TValue> dictionary && items is ICollection<KeyValuePair<TKey, TValue>> known)
            {
                dictionary.EnsureCapacity(dictionary.Count + known.Count);
            }

            // A list is walked with its own enumerator, not a boxed one: rows are filled this way millions of times a run.
            if (items is List<KeyValuePair<TKey, TValue>> list)
            {
                foreach (var item in list)
                {
                    _items.Add(item);
                }

                return;
            }
#endif

            foreach (var item in items)
            {
                _items.Add(item);
            }
        }

        public void Add(TKey key, TValue value)
        {
            _items.Add(key, value);
        }

        public void Clear()
        {
            _items.Clear();
        }

        public bool Contains(TKey key) => _items.ContainsKey(key);

        public bool Contains(KeyValuePair<TKey, TValue> key) => _items.Contains(key);

        public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            _items.CopyTo(array, arrayIndex);
        }

        public bool ContainsKey(TKey key) => _items.ContainsKey(key);

        public bool Remove(TKey key) => _items.Remove(key);

        public bool Remove(KeyValuePair<TKey, TValue> item) => _items.Remove(item);

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
