using System;
using System.ServiceModel;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins
{
    /// <summary>The Custom API behind a "Recalculate loyalty health" button or flow step: rescore one account now.</summary>
    public sealed class RecalculateAccountHealthApi : PluginBase
    {
        public RecalculateAccountHealthApi()
        {
            Register(new StepRegistration(CustomApiNames.RecalculateAccount, AccountSchema.EntityName, PluginStage.MainOperation, ExecutionMode.Synchronous), Handle);
        }

        private static void Handle(ILocalPluginContext local)
        {
            var target = local.TargetReference()
                ?? throw new InvalidPluginExecutionException($"{CustomApiNames.RecalculateAccount} needs the account as its Target.");
            if (target.LogicalName != AccountSchema.EntityName)
                throw new InvalidPluginExecutionException($"{CustomApiNames.RecalculateAccount} works on accounts, not on {target.LogicalName}.");

            // The recalculation runs as SYSTEM and the API needs no privilege, so the caller's own right to read the
            // account is checked first, with the caller's identity. A missing account and one the caller may not read
            // get the same answer, so the API never tells whether an account the caller cannot see exists.
            if (!CallerCanRead(local, target.Id)) throw Refusal(target.Id);

            var result = new AccountHealthRecalculator(local.SystemService, local.TracingService, local.Clock, local.PluginExecutionContext).Recalculate(target.Id, triggeredAt: null);
            if (result.Outcome == RecalculationOutcome.AccountMissing) throw Refusal(target.Id);

            var outputs = local.PluginExecutionContext.OutputParameters;
            outputs[CustomApiNames.OutcomeOutput] = result.Outcome.ToString();
            if (result.Assessment is { } a)
            {
                outputs[CustomApiNames.BandOutput] = a.Band.ToString();
                if (a.Overall is { } overall) outputs[CustomApiNames.OverallOutput] = overall;
            }
        }

        private static bool CallerCanRead(ILocalPluginContext local, Guid accountId)
        {
            try
            {
                local.InitiatingUserService.Retrieve(AccountSchema.EntityName, accountId, new ColumnSet(AccountSchema.Id));
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail is { } detail
                && (detail.ErrorCode == DataverseErrorCodes.ObjectDoesNotExist || detail.ErrorCode == DataverseErrorCodes.PrivilegeDenied
                    || detail.ErrorCode == DataverseErrorCodes.RecordAccessDenied))
            {
                local.Trace($"The caller {local.PluginExecutionContext.InitiatingUserId} may not read account {accountId} or it does not exist (0x{detail.ErrorCode:X8}).");
                return false;
            }
        }

        internal static InvalidPluginExecutionException Refusal(Guid accountId) =>
            new($"Account {accountId} does not exist or you do not have permission to read it.");
    }
}
