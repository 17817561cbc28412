using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class PagingInfo : IExtensibleDataObject
    {
        public PagingInfo()
        {
        }

        public int PageNumber { get; set; }

        public int Count { get; set; }

        public bool ReturnTotalRecordCount { get; set; }

        public string PagingCookie { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
