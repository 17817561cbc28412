using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
            Query = null;
        }

        public QueryBase Query
        {
            get => Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : null;
            set => Parameters["Query"] = value;
        }
    }
}
