using System;
using System.Linq;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// Two recalculations of one account racing into a transition, run through the solution's own registrations.
    /// The follow-up task and the history row are written in the transaction of the recalculation's write of the
    /// account, which is guarded by the row version: the later write is refused and scores again from what the
    /// first stored, so neither the task nor the history row is written twice.
    /// </summary>
    public class FollowUpRaceTests
    {
        private static readonly Guid Account = new("ac000000-0000-0000-0000-0000000000f7");
        private static readonly Guid Contact = new("c0000000-0000-0000-0000-0000000000f7");

        [Test]
        public void Two_recalculations_entering_at_risk_at_once_open_one_follow_up_and_write_one_history_row()
        {
            var scenario = new PerkAccountScenario(ProductOrganisation.SolutionFolder);
            scenario.Create(Account, Contact);
            scenario.Pipeline.RunSystemJobs();
            // Before: Watch, with the first episode's follow-ups done, so entering At risk again opens a new task.
            foreach (var task in FollowUps(scenario))
                scenario.Store.Update(new Entity(TaskSchema.EntityName, task.Id) { [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted) });
            scenario.Store.Update(new Entity(AccountSchema.EntityName, Account) { [AccountSchema.HealthBand] = new OptionSetValue(OptionValues.BandWatch) });
            var historyBefore = scenario.Store.RetrieveMultiple(new QueryExpression(HealthAssessmentSchema.EntityName)).Entities.Count;

            // The second recalculation runs to its end between the first one's read and its write.
            var raced = false;
            scenario.Store.RunOnceBefore(MessageNames.Update, _ =>
            {
                raced = true;
                Rescore(scenario);
            });
            Rescore(scenario);

            var open = FollowUps(scenario).Where(t => t.GetAttributeValue<OptionSetValue>(ActivitySchema.StateCode).Value == ActivitySchema.StateOpen).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(raced, Is.True);
                Assert.That(open.Select(t => t.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason).Value), Is.EqualTo(new[] { OptionValues.FollowUpAtRisk }));
                Assert.That(scenario.Store.RetrieveMultiple(new QueryExpression(HealthAssessmentSchema.EntityName)).Entities, Has.Count.EqualTo(historyBefore + 1));
                Assert.That(scenario.Pipeline.FailedJobs.Select(j => j.ToString()), Is.Empty);
            });
        }

        private static void Rescore(PerkAccountScenario scenario) =>
            scenario.Pipeline.Service.Execute(new OrganizationRequest(CustomApiNames.RecalculateAccount) { ["Target"] = new EntityReference(AccountSchema.EntityName, Account) });

        private static Entity[] FollowUps(PerkAccountScenario scenario)
        {
            var query = new QueryExpression(TaskSchema.EntityName) { ColumnSet = new ColumnSet(ActivitySchema.StateCode, ActivitySchema.FollowUpReason) };
            query.Criteria.AddCondition(ActivitySchema.FollowUpReason, ConditionOperator.NotNull);
            return scenario.Store.RetrieveMultiple(query).Entities.ToArray();
        }
    }
}
