using System;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// What one call of the scheduled refresh costs in organization-service requests per account, through the
    /// solution's own registrations: the API's rescoring, with the history step each changed assessment runs in its write.
    /// README ("After the import") computes the refresh's duration for 10,000 and 100,000 accounts from it.
    /// </summary>
    public class StaleRefreshCostTests
    {
        public const int Accounts = 20;
        /// <summary>
        /// Measured, as README cites it, for an account scored for the first time that comes out At risk and
        /// perk-dependent (the dearest case): a Retrieve of the account, its activities with the contacts taking part
        /// and its follow-up tasks (one RetrieveMultiple), the Update, and in the Update's history step one Create of the
        /// history row with its two follow-up tasks; the step takes the policy and the follow-ups from the recalculation.
        /// </summary>
        public const int RequestsPerAccount = 4;
        /// <summary>Per call: the page of stale accounts, the policy (read once for every account of the call) and the count of those remaining.</summary>
        public const int RequestsPerCall = 3;

        [Test]
        public void One_refresh_call_rescores_every_stale_account_at_a_fixed_number_of_requests_each()
        {
            var scenario = new PerkAccountScenario("solution folder");
            for (var i = 0; i < Accounts; i++)
                scenario.Create(new Guid($"ac000000-0000-0000-0000-00000000{0x1000 + i:x4}"), new Guid($"c0000000-0000-0000-0000-00000000{0x1000 + i:x4}"));
            scenario.Pipeline.RunSystemJobs();
            // As just after the first import: accounts that were never scored, no history, no follow-ups.
            foreach (var account in scenario.Store.RetrieveMultiple(new QueryExpression(AccountSchema.EntityName) { ColumnSet = new ColumnSet(false) }).Entities)
            {
                var unscored = new Entity(AccountSchema.EntityName, account.Id);
                foreach (var column in AccountSchema.Computed) unscored[column] = null;
                scenario.Store.Update(unscored);
            }
            foreach (var table in new[] { HealthAssessmentSchema.EntityName, TaskSchema.EntityName })
                foreach (var row in scenario.Store.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(false) }).Entities)
                    scenario.Store.Delete(table, row.Id);
            scenario.Clock.UtcNow = scenario.Clock.UtcNow.AddHours(1);
            scenario.Store.ResetRequestCount();

            var response = scenario.Pipeline.Service.Execute(new OrganizationRequest(CustomApiNames.RecalculateStale)
            {
                [CustomApiNames.MaxAgeHoursInput] = 24,
                [CustomApiNames.TimeBudgetSecondsInput] = CustomApiNames.MaximumTimeBudgetSeconds,
            });
            scenario.Pipeline.RunSystemJobs();

            var counts = scenario.Store.RequestCountsByMessage;
            var total = counts.Values.Sum();
            TestContext.Out.WriteLine($"{total} requests for {Accounts} accounts: " + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));
            Assert.Multiple(() =>
            {
                Assert.That(response[CustomApiNames.RecalculatedOutput], Is.EqualTo(Accounts));
                Assert.That(response[CustomApiNames.RemainingOutput], Is.EqualTo(0));
                Assert.That(scenario.Pipeline.FailedJobs.Select(j => j.ToString()), Is.Empty);
                Assert.That(total, Is.EqualTo(Accounts * RequestsPerAccount + RequestsPerCall), "README's throughput figures rest on this count");
            });
        }
    }
}
