using System;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.InMemory
{
    /// <summary>A request about to run; for the direct IOrganizationService methods it is the equivalent request.</summary>
    public sealed class OrganizationRequestEventArgs : EventArgs
    {
        public OrganizationRequestEventArgs(OrganizationRequest request)
        {
            Request = request;
        }

        public OrganizationRequest Request { get; }

        public string MessageName => Request.RequestName;
    }
}
