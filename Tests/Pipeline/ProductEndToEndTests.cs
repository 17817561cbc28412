using System;
using System.Linq;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>The product's own plugins, registered as solution/ registers them, driven as a user drives Dataverse.</summary>
    public class ProductEndToEndTests
    {
        private static readonly Guid Account = new("ac000000-0000-0000-0000-0000000000e2");
        private static readonly Guid Contact = new("c0000000-0000-0000-0000-0000000000e2");

        [TestCase("solution folder")]
        [TestCase("dist zip")]
        public void Creating_an_account_contact_and_perks_leaves_a_scored_account_a_history_row_and_an_at_risk_follow_up(string source)
        {
            var scenario = new PerkAccountScenario(source);
            var (store, pipeline) = (scenario.Store, scenario.Pipeline);
            scenario.Create(Account, Contact);
            var unscored = store.Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.HealthBand)).Contains(AccountSchema.HealthBand);
            pipeline.RunSystemJobs();

            var stored = store.Retrieve(AccountSchema.EntityName, Account, new ColumnSet(true));
            var history = store.RetrieveMultiple(new QueryExpression(HealthAssessmentSchema.EntityName) { ColumnSet = new ColumnSet(HealthAssessmentSchema.AccountId) }).Entities;
            var followUps = store.RetrieveMultiple(new QueryExpression(TaskSchema.EntityName) { ColumnSet = new ColumnSet(true) }).Entities
                .Where(t => t.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId)?.Id == Account).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(unscored, Is.False, "the recalculation is asynchronous: nothing is scored inside the save");
                Assert.That(stored.GetAttributeValue<OptionSetValue>(AccountSchema.HealthBand)?.Value, Is.EqualTo(OptionValues.BandAtRisk));
                Assert.That(stored.GetAttributeValue<bool?>(AccountSchema.PerkDependent), Is.True);
                Assert.That(stored.GetAttributeValue<string>(AccountSchema.HealthReasons), Does.Contain("rests on perks"));
                Assert.That(history.Select(h => h.GetAttributeValue<EntityReference>(HealthAssessmentSchema.AccountId).Id), Has.Some.EqualTo(Account));
                Assert.That(followUps.Select(t => t.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason)?.Value), Has.Some.EqualTo(OptionValues.FollowUpAtRisk));
                Assert.That(pipeline.FailedJobs.Select(j => j.ToString()), Is.Empty);
            });
        }
    }
}
