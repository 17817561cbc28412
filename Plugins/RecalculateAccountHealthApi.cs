using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins
{
    /// <summary>The Custom API behind a "Recalculate loyalty health" button or flow step: rescore one account now.</summary>
    public sealed class RecalculateAccountHealthApi : PluginBase
    {
        public RecalculateAccountHealthApi(string? unsecureConfiguration = null, string? secureConfiguration = null)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(new StepRegistration(CustomApiNames.RecalculateAccount, AccountSchema.EntityName, PluginStage.MainOperation, ExecutionMode.Synchronous), Handle);
        }

        private static void Handle(ILocalPluginContext local)
        {
            var target = local.TargetReference()
                ?? throw new InvalidPluginExecutionException($"{CustomApiNames.RecalculateAccount} needs the account as its Target.");
            if (target.LogicalName != AccountSchema.EntityName)
                throw new InvalidPluginExecutionException($"{CustomApiNames.RecalculateAccount} works on accounts, not on {target.LogicalName}.");

            var result = new AccountHealthRecalculator(local.SystemService, local.TracingService, local.Clock, local.PluginExecutionContext).Recalculate(target.Id, triggeredAt: null);
            if (result.Outcome == RecalculationOutcome.AccountMissing)
                throw new InvalidPluginExecutionException($"Account {target.Id} does not exist.");

            var outputs = local.PluginExecutionContext.OutputParameters;
            outputs[CustomApiNames.OutcomeOutput] = result.Outcome.ToString();
            if (result.Assessment is { } a)
            {
                outputs[CustomApiNames.BandOutput] = a.Band.ToString();
                if (a.Overall is { } overall) outputs[CustomApiNames.OverallOutput] = overall;
            }
        }
    }
}
