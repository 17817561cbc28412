using System;
using System.Linq;
using System.ServiceModel;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// The Custom API a scheduled flow calls so scores decay when nothing happens: rescores the
    /// accounts whose assessment is older than MaxAgeHours, oldest first, until the time budget is
    /// spent, and says how many are still stale. The flow calls again while Remaining is above zero.
    /// </summary>
    public sealed class RecalculateStaleAccountsApi : PluginBase
    {
        public const int BatchSize = 500;

        public RecalculateStaleAccountsApi()
        {
            Register(new StepRegistration(CustomApiNames.RecalculateStale, null, PluginStage.MainOperation, ExecutionMode.Synchronous), Handle);
        }

        private static void Handle(ILocalPluginContext local)
        {
            var inputs = local.PluginExecutionContext.InputParameters;
            var maxAgeHours = inputs.TryGetValue(CustomApiNames.MaxAgeHoursInput, out var age) && age is int hours ? hours
                : throw new InvalidPluginExecutionException($"{CustomApiNames.RecalculateStale} needs {CustomApiNames.MaxAgeHoursInput}, a whole number of hours.");
            if (maxAgeHours < 1) throw new InvalidPluginExecutionException($"{CustomApiNames.MaxAgeHoursInput} must be at least 1, is {maxAgeHours}.");
            var budgetSeconds = inputs.TryGetValue(CustomApiNames.TimeBudgetSecondsInput, out var budget) && budget is int seconds ? seconds : CustomApiNames.DefaultTimeBudgetSeconds;
            if (budgetSeconds < 1 || budgetSeconds > CustomApiNames.MaximumTimeBudgetSeconds)
                throw new InvalidPluginExecutionException($"{CustomApiNames.TimeBudgetSecondsInput} must be between 1 and {CustomApiNames.MaximumTimeBudgetSeconds}, is {budgetSeconds}.");

            var service = local.SystemService;
            var started = local.Clock.UtcNow;
            var deadline = started.AddSeconds(budgetSeconds);
            var staleBefore = started.AddHours(-maxAgeHours);
            var candidates = service.RetrieveMultiple(new FetchExpression(FetchXml.Page(HealthQueries.StaleAccounts(staleBefore, started + AccountHealthRecalculator.ClockSkewAllowance, countOnly: false), 1, BatchSize, null))).Entities;

            var recalculator = new AccountHealthRecalculator(service, local.TracingService, local.Clock, local.PluginExecutionContext);
            var done = 0;
            var failed = 0;
            foreach (var account in candidates)
            {
                var elapsed = local.Clock.UtcNow - started;
                // Stop before an account that would probably not finish within the budget.
                var perAccount = done == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(elapsed.Ticks / done);
                if (local.Clock.UtcNow + perAccount > deadline) break;
                try
                {
                    recalculator.Recalculate(account.Id, triggeredAt: null, refresh: true);
                    done++;
                }
                catch (FaultException<OrganizationServiceFault> error)
                {
                    // One account's failure stays that account's: trace it, count it, move on, and push it
                    // behind the others so it is not first on every call. (An invalid policy is not caught:
                    // it fails every account alike, so it fails the call.)
                    failed++;
                    local.Trace($"Account {account.Id} could not be rescored: {error.Message}");
                    PushBack(service, account.Id, local);
                }
            }

            var outputs = local.PluginExecutionContext.OutputParameters;
            outputs[CustomApiNames.RecalculatedOutput] = done;
            outputs[CustomApiNames.FailedOutput] = failed;
            outputs[CustomApiNames.RemainingOutput] = Remaining(service, staleBefore, local);
            local.Trace($"Rescored {done} stale accounts, {failed} failed; {outputs[CustomApiNames.RemainingOutput]} remain.");
        }

        /// <summary>
        /// Stamps only <c>loy_healthscoredon</c> on an account that failed, so the oldest-first refresh
        /// reaches it again after MaxAgeHours instead of trying it first on every call. Its assessment
        /// stays as it was (and says how old its data is in <c>loy_healthdataasof</c>).
        /// </summary>
        private static void PushBack(IOrganizationService service, Guid accountId, ILocalPluginContext local)
        {
            try
            {
                var stamp = new Entity(AccountSchema.EntityName, accountId) { [AccountSchema.HealthScoredOn] = local.Clock.UtcNow };
                var request = new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = stamp };
                request.Parameters[ContextKeys.Tag] = AccountHealthRecalculator.RecalculationTag;
                ProductWriteMarker.Mark(local.PluginExecutionContext, ProductWriteMarker.Recalculating, accountId);
                service.Execute(request);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                local.Trace($"Account {accountId} could not be pushed behind the other stale accounts either: {fault.Message}");
            }
        }

        private static int Remaining(IOrganizationService service, DateTime staleBefore, ILocalPluginContext local)
        {
            try
            {
                var row = service.RetrieveMultiple(new FetchExpression(HealthQueries.StaleAccounts(staleBefore, local.Clock.UtcNow + AccountHealthRecalculator.ClockSkewAllowance, countOnly: true).ToString())).Entities.FirstOrDefault();
                return row?.GetAttributeValue<AliasedValue>("stale")?.Value is int count ? count : 0;
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.AggregateQueryRecordLimit)
            {
                // Counting is capped at 50,000 rows; past that the exact number does not change what the flow does.
                local.Trace("More than 50,000 accounts are stale; reporting 50,000.");
                return 50000;
            }
        }
    }
}
