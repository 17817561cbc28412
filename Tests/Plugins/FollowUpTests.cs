using System;
using System.Linq;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>History rows and follow-up tasks on assessment changes.</summary>
    public class FollowUpTests
    {
        private PluginHarness _h = null!;

        [SetUp]
        public void SetUp()
        {
            _h = new PluginHarness();
            _h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-4), "Doughnut Dairies"));
        }

        private static Entity State(int band, bool perkDependent, int overall = 20) => new(AccountSchema.EntityName, PluginIds.AccountA)
        {
            [AccountSchema.Name] = "Doughnut Dairies",
            [AccountSchema.OwnerId] = new EntityReference("systemuser", PluginIds.Owner),
            [AccountSchema.HealthBand] = new OptionSetValue(band),
            [AccountSchema.PerkDependent] = perkDependent,
            [AccountSchema.OverallHealth] = overall,
            [AccountSchema.HealthScoredOn] = PluginHarness.Now,
            [AccountSchema.HealthReasons] = "• The relationship rests on perks",
            [AccountSchema.NextBestActions] = "• Replace the next perk with a conversation about the value you deliver.",
            [AccountSchema.ReasonCodes] = "[{\"code\":\"PerkDependent\"}]",
        };

        private void Change(Entity before, Entity after) =>
            _h.Run(new RecordAssessmentChange(), MessageNames.Update, AccountSchema.EntityName,
                new Entity(AccountSchema.EntityName, PluginIds.AccountA) { [AccountSchema.HealthBand] = after[AccountSchema.HealthBand] },
                before: before, after: after, tag: "LoyaltyHealth.Recalculation");

        private Entity[] OpenTasks() => _h.All(ActivitySchema.Task).Where(t => t.GetAttributeValue<OptionSetValue>(ActivitySchema.StateCode)?.Value == 0).ToArray();

        [Test]
        public void Every_change_of_the_assessment_is_kept_in_the_history()
        {
            Change(State(OptionValues.BandWatch, false, 50), State(OptionValues.BandWatch, false, 48));

            var history = _h.All(HealthAssessmentSchema.EntityName).Single();
            Assert.Multiple(() =>
            {
                Assert.That(history.GetAttributeValue<EntityReference>(HealthAssessmentSchema.AccountId)?.Id, Is.EqualTo(PluginIds.AccountA));
                Assert.That(history.GetAttributeValue<int?>(HealthAssessmentSchema.OverallHealth), Is.EqualTo(48));
                Assert.That(history.GetAttributeValue<DateTime?>(HealthAssessmentSchema.AssessedOn), Is.EqualTo(PluginHarness.Now));
                Assert.That(history.GetAttributeValue<string>(HealthAssessmentSchema.Name), Is.EqualTo("Doughnut Dairies 2026-06-30 12:00"));
                Assert.That(OpenTasks(), Is.Empty, "no transition, no task");
            });
        }

        [TestCase("systemuser", "05000000-0000-0000-0000-0000000000b2")]
        [TestCase("team", "7e000000-0000-0000-0000-0000000000a1")]
        public void A_history_row_is_owned_by_its_accounts_owner_whoever_runs_the_job(string ownerTable, string ownerId)
        {
            var owner = new EntityReference(ownerTable, new Guid(ownerId));
            var before = State(OptionValues.BandWatch, false, 50);
            var after = State(OptionValues.BandWatch, false, 48);
            before[AccountSchema.OwnerId] = after[AccountSchema.OwnerId] = owner;

            Change(before, after);

            var row = _h.All(HealthAssessmentSchema.EntityName).Single().GetAttributeValue<EntityReference>(HealthAssessmentSchema.OwnerId);
            // The row's owner decides who reads it (business-unit depth, sharing cascaded from the account): the account's owner, not the job's user.
            Assert.That(row?.LogicalName + ":" + row?.Id, Is.EqualTo(ownerTable + ":" + owner.Id));
        }

        [Test]
        public void Entering_at_risk_and_becoming_perk_dependent_create_a_task_each_for_the_owner()
        {
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, true));

            var tasks = OpenTasks();
            Assert.Multiple(() =>
            {
                Assert.That(tasks.Select(t => t.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason).Value),
                    Is.EquivalentTo(new[] { OptionValues.FollowUpAtRisk, OptionValues.FollowUpPerkDependent }));
                Assert.That(tasks.Select(t => t.GetAttributeValue<EntityReference>(ActivitySchema.OwnerId)?.Id), Has.All.EqualTo(PluginIds.Owner));
                Assert.That(tasks.Select(t => t.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId)?.Id), Has.All.EqualTo(PluginIds.AccountA));
                Assert.That(tasks.Select(t => t.GetAttributeValue<string>(ActivitySchema.Subject)),
                    Is.EquivalentTo(new[] { "Entered At risk: Doughnut Dairies", "Became perk-dependent: Doughnut Dairies" }));
                Assert.That(tasks.Select(t => t.GetAttributeValue<string>(ActivitySchema.Description)),
                    Has.All.Contains("rests on perks").And.All.Contains("Replace the next perk"));
                Assert.That(tasks.Select(t => t.GetAttributeValue<DateTime?>(ActivitySchema.ScheduledEnd)), Has.All.EqualTo(PluginHarness.Now.AddDays(7)));
            });
        }

        [Test]
        public void No_duplicate_while_a_task_for_the_same_reason_is_open()
        {
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, false));
            // Entering At risk again while the first follow-up is still open (say, a user reopened it).
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, false));

            Assert.That(OpenTasks(), Has.Length.EqualTo(1));
        }

        [Test]
        public void The_tasks_an_assessment_opens_are_created_with_its_history_row_and_linked_to_it()
        {
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, true));

            var history = _h.All(HealthAssessmentSchema.EntityName).Single();
            Assert.That(OpenTasks().Select(t => t.GetAttributeValue<EntityReference>(TaskSchema.HealthAssessmentId)?.Id),
                Is.EqualTo(new Guid?[] { history.Id, history.Id }));
        }

        [Test]
        public void After_a_task_was_closed_entering_again_creates_a_new_one()
        {
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, false));
            Change(State(OptionValues.BandAtRisk, false), State(OptionValues.BandWatch, false, 50));
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, false));

            Assert.Multiple(() =>
            {
                Assert.That(OpenTasks(), Has.Length.EqualTo(1));
                Assert.That(_h.All(ActivitySchema.Task), Has.Count.EqualTo(2), "the closed one and the new one");
            });
        }

        [Test]
        public void Recovering_closes_the_open_task_of_that_reason()
        {
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, true));

            Change(State(OptionValues.BandAtRisk, true), State(OptionValues.BandWatch, true, 50));

            var open = OpenTasks();
            var closed = _h.All(ActivitySchema.Task).Single(t => open.All(o => o.Id != t.Id));
            Assert.Multiple(() =>
            {
                Assert.That(open.Single().GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason).Value, Is.EqualTo(OptionValues.FollowUpPerkDependent));
                Assert.That(closed.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason).Value, Is.EqualTo(OptionValues.FollowUpAtRisk));
                Assert.That(closed.GetAttributeValue<OptionSetValue>(ActivitySchema.StateCode).Value, Is.EqualTo(ActivitySchema.StateCompleted));
            });
        }

        [Test]
        public void Follow_ups_can_be_switched_off_in_the_policy()
        {
            _h.Seed(Rows.PolicyDefinition("{ \"followUps\": { \"enabled\": false } }"));

            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, true));

            Assert.Multiple(() =>
            {
                Assert.That(_h.All(ActivitySchema.Task), Is.Empty);
                Assert.That(_h.All(HealthAssessmentSchema.EntityName), Has.Count.EqualTo(1), "the history is still kept");
                Assert.That(_h.Events.Select(e => e.RequestName), Is.EqualTo(new[] { BusinessEventNames.EnteredAtRisk, BusinessEventNames.BecamePerkDependent }),
                    "the business events are still raised, for the organisation's own flows");
            });
        }

        [Test]
        public void Each_transition_raises_its_business_event_with_the_account_and_old_and_new_band()
        {
            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, true));
            Change(State(OptionValues.BandAtRisk, true), State(OptionValues.BandWatch, false));

            Assert.Multiple(() =>
            {
                Assert.That(_h.Events.Select(e => e.RequestName), Is.EqualTo(new[]
                {
                    BusinessEventNames.EnteredAtRisk, BusinessEventNames.BecamePerkDependent, BusinessEventNames.LeftAtRisk, BusinessEventNames.NoLongerPerkDependent,
                }));
                Assert.That(_h.Events.Select(e => ((EntityReference)e[BusinessEventNames.Target]).LogicalName), Is.All.EqualTo(AccountSchema.EntityName));
                Assert.That(_h.Events.Select(e => e[BusinessEventNames.OldBand]), Is.EqualTo(new object[] { OptionValues.BandWatch, OptionValues.BandWatch, OptionValues.BandAtRisk, OptionValues.BandAtRisk }));
                Assert.That(_h.Events.Select(e => e[BusinessEventNames.NewBand]), Is.EqualTo(new object[] { OptionValues.BandAtRisk, OptionValues.BandAtRisk, OptionValues.BandWatch, OptionValues.BandWatch }));
            });
        }

        [Test]
        public void Task_texts_follow_the_language_of_the_policy()
        {
            _h.Seed(Rows.PolicyDefinition("{ \"explanations\": { \"language\": \"de\" } }"));

            Change(State(OptionValues.BandWatch, false), State(OptionValues.BandAtRisk, false));

            Assert.That(OpenTasks().Single().GetAttributeValue<string>(ActivitySchema.Subject), Is.EqualTo("Neu gefährdet: Doughnut Dairies"));
        }
    }
}
