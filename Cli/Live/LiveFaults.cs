using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Live
{
    /// <summary>The Dataverse errors a user of the tool can act on, in one line with what to do.</summary>
    public static class LiveFaults
    {
        /// <summary>0x80040220 "is missing prv… privilege" and 0x80048306 "does not have … access right(s)".</summary>
        public static bool IsPrivilege(OrganizationServiceFault? fault) =>
            fault is not null && (fault.ErrorCode == WebApiOrganizationService.PrivilegeDenied || fault.ErrorCode == unchecked((int)0x80048306));

        public static string Describe(OrganizationServiceFault fault) =>
            $"the environment refused: {fault.Message.Split('\n')[0]} Give the user the security role \"Loyalty Health Administrator\" (backfill) or one that reads accounts, contacts, opportunities and activities (score, check); README, \"Live environment\".";
    }
}
