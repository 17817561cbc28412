using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection _keyAttributes;

        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            LogicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            KeyAttributes = keyAttributeCollection;
        }

        public Guid Id { get; set; }

        public string LogicalName { get; set; }

        public string Name { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        // Identity is table + id + alternate keys; Name and RowVersion are display/concurrency data and
        // do not take part. Table names compare case-sensitively, key values with Equals.
        public override bool Equals(object obj)
        {
            if (!(obj is EntityReference other))
            {
                return false;
            }

            return Id == other.Id
                && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
                && KeysEqual(_keyAttributes, other._keyAttributes);
        }

        public override int GetHashCode()
        {
            int hash = Id.GetHashCode() ^ (LogicalName == null ? 0 : LogicalName.GetHashCode());
            if (_keyAttributes != null)
            {
                foreach (var pair in _keyAttributes)
                {
                    // XOR keeps the hash independent of key order, as equality is.
                    hash ^= pair.Key.GetHashCode() * 31 + (pair.Value == null ? 0 : pair.Value.GetHashCode());
                }
            }

            return hash;
        }

        private static bool KeysEqual(KeyAttributeCollection left, KeyAttributeCollection right)
        {
            int leftCount = left == null ? 0 : left.Count;
            int rightCount = right == null ? 0 : right.Count;
            if (leftCount != rightCount)
            {
                return false;
            }

            if (leftCount == 0)
            {
                return true;
            }

            foreach (var pair in left)
            {
                if (!right.TryGetValue(pair.Key, out object value) || !Equals(pair.Value, value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
