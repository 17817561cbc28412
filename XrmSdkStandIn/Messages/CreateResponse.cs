using System;

namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class CreateResponse : OrganizationResponse
    {
        public CreateResponse()
        {
        }

        // Lower-case "id": the official property name.
        public Guid id => Results.Contains("id") ? (Guid)Results["id"] : default;
    }
}
