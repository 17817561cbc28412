using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
            Target = null;
            ColumnSet = null;
        }

        public EntityReference Target
        {
            get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : null;
            set => Parameters["Target"] = value;
        }

        public ColumnSet ColumnSet
        {
            get => Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : null;
            set => Parameters["ColumnSet"] = value;
        }

        public bool ReturnNotifications
        {
            get => Parameters.Contains("ReturnNotifications") && (bool)Parameters["ReturnNotifications"];
            set => Parameters["ReturnNotifications"] = value;
        }
    }
}
