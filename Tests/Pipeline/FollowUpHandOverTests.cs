using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// The recalculation hands the account's follow-up tasks to the history step, which then reads none itself: so
    /// the recalculation's one read must find every follow-up task of the account, however old, as the step's own
    /// query did.
    /// </summary>
    public class FollowUpHandOverTests
    {
        private static readonly Guid Account = new("ac000000-0000-0000-0000-0000000000f8");
        private static readonly Guid Contact = new("c0000000-0000-0000-0000-0000000000f8");

        [Test]
        public void An_open_follow_up_older_than_the_scoring_window_still_prevents_a_second_one()
        {
            var scenario = new PerkAccountScenario(ProductOrganisation.SolutionFolder);
            scenario.Create(Account, Contact);
            scenario.Pipeline.RunSystemJobs();
            var first = AtRiskFollowUps(scenario).Single();
            // Still open, but due long before any window the policy scores.
            scenario.Store.Update(new Entity(TaskSchema.EntityName, first.Id) { [ActivitySchema.ScheduledEnd] = scenario.Clock.UtcNow.AddYears(-10) });
            scenario.Store.Update(new Entity(AccountSchema.EntityName, Account) { [AccountSchema.HealthBand] = new OptionSetValue(OptionValues.BandWatch) });
            scenario.Store.ResetRequestCount();

            scenario.Pipeline.Service.Execute(new OrganizationRequest(CustomApiNames.RecalculateAccount) { ["Target"] = new EntityReference(AccountSchema.EntityName, Account) });
            var reads = scenario.Store.RequestCountsByMessage.GetValueOrDefault("RetrieveMultiple");

            Assert.Multiple(() =>
            {
                Assert.That(AtRiskFollowUps(scenario).Select(t => t.Id), Is.EqualTo(new[] { first.Id }), "entering At risk again while the old task is open opens none");
                Assert.That(reads, Is.EqualTo(2),
                    "the policy and the activities with parties and follow-ups: the history step reads nothing");
                Assert.That(scenario.Pipeline.FailedJobs.Select(j => j.ToString()), Is.Empty);
            });
        }

        private static Entity[] AtRiskFollowUps(PerkAccountScenario scenario)
        {
            var query = new QueryExpression(TaskSchema.EntityName) { ColumnSet = new ColumnSet(ActivitySchema.StateCode) };
            query.Criteria.AddCondition(ActivitySchema.FollowUpReason, ConditionOperator.Equal, OptionValues.FollowUpAtRisk);
            query.Criteria.AddCondition(ActivitySchema.StateCode, ConditionOperator.Equal, ActivitySchema.StateOpen);
            return scenario.Store.RetrieveMultiple(query).Entities.ToArray();
        }
    }
}
