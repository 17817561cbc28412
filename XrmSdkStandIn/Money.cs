using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public sealed class Money : IExtensibleDataObject
    {
        public Money()
        {
        }

        public Money(decimal value)
        {
            Value = value;
        }

        public decimal Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is Money other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }
}
