namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest()
        {
            RequestName = "Update";
            Target = null;
        }

        public Entity Target
        {
            get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null;
            set => Parameters["Target"] = value;
        }

        // Absent until set, and then reads as Default.
        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }
}
