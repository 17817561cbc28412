using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public class Entity : IExtensibleDataObject
    {
        private AttributeCollection _attributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;
        private KeyAttributeCollection _keyAttributes;

        public Entity()
        {
        }

        public Entity(string entityName)
        {
            LogicalName = entityName;
        }

        public Entity(string entityName, Guid id)
        {
            LogicalName = entityName;
            Id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            KeyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            KeyAttributes = keyAttributes;
        }

        public string LogicalName { get; set; }

        // Independent of the primary-key attribute (e.g. "accountid"), as in the official SDK.
        public virtual Guid Id { get; set; }

        // Setting null is harmless: the official hands back an empty collection afterwards.
        public AttributeCollection Attributes
        {
            get => _attributes ?? (_attributes = new AttributeCollection());
            set => _attributes = value;
        }

        public EntityState? EntityState { get; set; }

        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues ?? (_formattedValues = new FormattedValueCollection());
            set => _formattedValues = value;
        }

        public RelatedEntityCollection RelatedEntities
        {
            get => _relatedEntities ?? (_relatedEntities = new RelatedEntityCollection());
            set => _relatedEntities = value;
        }

        public string RowVersion { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public bool Contains(string attributeName) => Attributes.Contains(attributeName);

        // Key attributes are not carried over, matching the official behaviour.
        public EntityReference ToEntityReference() =>
            new EntityReference(LogicalName, Id) { RowVersion = RowVersion };

        // A missing or null attribute gives default(T); a value of another type is an
        // InvalidCastException (no conversion is attempted).
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out object value) || value == null)
            {
                return default;
            }

            return (T)value;
        }

        // False for a missing attribute, a null value and a value of another type.
        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (Attributes.TryGetValue(attributeKey, out object value) && value is T typed)
            {
                result = typed;
                return true;
            }

            result = default;
            return false;
        }
    }
}
