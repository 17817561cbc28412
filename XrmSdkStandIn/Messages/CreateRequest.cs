namespace Microsoft.Xrm.Sdk.Messages
{
    // Typed views over Parameters: the constructor seeds "Target" with null, as the official does.
    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest()
        {
            RequestName = "Create";
            Target = null;
        }

        public Entity Target
        {
            get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : null;
            set => Parameters["Target"] = value;
        }
    }
}
