namespace Microsoft.Xrm.Sdk
{
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection()
        {
        }
    }
}
