using System;
using System.Linq;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    /// <summary>Which accounts each trigger rescores.</summary>
    public class TriggerTests
    {
        private static readonly EntityReference A = Rows.Ref(AccountSchema.EntityName, PluginIds.AccountA);
        private static readonly EntityReference B = Rows.Ref(AccountSchema.EntityName, PluginIds.AccountB);
        private PluginHarness _h = null!;

        [SetUp]
        public void SetUp()
        {
            _h = new PluginHarness();
            _h.Seed(Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-3), "Alpha"), Rows.Account(PluginIds.AccountB, PluginHarness.Now.AddYears(-3), "Beta"));
            _h.Seed(Rows.Contact(1, PluginIds.AccountA), Rows.Contact(2, PluginIds.AccountB));
        }

        private bool Scored(Guid account) => _h.Stored(AccountSchema.EntityName, account).Contains(AccountSchema.HealthBand);

        [Test]
        public void Moving_an_activity_to_another_account_rescores_both()
        {
            var email = Rows.Email(1, B, PluginHarness.Now.AddDays(-2), true, PluginIds.Contact(2));
            _h.Seed(email);
            var before = Rows.Email(1, A, PluginHarness.Now.AddDays(-2), true, PluginIds.Contact(1));

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Update, ActivitySchema.Email,
                new Entity(ActivitySchema.Email, email.Id) { [ActivitySchema.RegardingObjectId] = B }, before: before);

            Assert.Multiple(() =>
            {
                Assert.That(Scored(PluginIds.AccountA), Is.True, "the old account, from the pre-image");
                Assert.That(Scored(PluginIds.AccountB), Is.True, "the new account, from the target");
            });
        }

        [Test]
        public void Changing_an_activity_without_touching_regarding_rescores_its_account()
        {
            var before = Rows.Meeting(1, A, PluginHarness.Now.AddDays(-2), "Review", null, PluginIds.Contact(1));
            _h.Seed(before);

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Update, ActivitySchema.Appointment,
                new Entity(ActivitySchema.Appointment, before.Id) { [ActivitySchema.Subject] = "Lunch" }, before: before);

            Assert.Multiple(() =>
            {
                Assert.That(Scored(PluginIds.AccountA), Is.True);
                Assert.That(Scored(PluginIds.AccountB), Is.False);
            });
        }

        [Test]
        public void Deleting_an_activity_rescores_the_account_it_was_regarding()
        {
            var perk = Rows.Perk(1, A, PluginHarness.Now.AddDays(-2), "Tickets", 300m);

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Delete, ActivitySchema.Perk, perk.ToEntityReference(), before: perk);

            Assert.That(Scored(PluginIds.AccountA), Is.True);
        }

        [Test]
        public void Activities_regarding_a_contact_or_an_opportunity_count_for_the_parent_account()
        {
            _h.Seed(new Entity(OpportunitySchema.EntityName, PluginIds.Opportunity) { [OpportunitySchema.ParentAccountId] = B });

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Create, ActivitySchema.PhoneCall,
                Rows.PhoneCall(1, Rows.Ref(ContactSchema.EntityName, PluginIds.Contact(1)), PluginHarness.Now.AddDays(-1), false, PluginIds.Contact(1)));
            _h.Run(new RecalculateOnActivityChange(), MessageNames.Create, ActivitySchema.ValueReport,
                Rows.ValueReport(2, Rows.Ref(OpportunitySchema.EntityName, PluginIds.Opportunity), PluginHarness.Now.AddDays(-1), 1000m));

            Assert.Multiple(() =>
            {
                Assert.That(Scored(PluginIds.AccountA), Is.True, "via the contact");
                Assert.That(Scored(PluginIds.AccountB), Is.True, "via the opportunity");
            });
        }

        [Test]
        public void An_activity_regarding_a_deleted_record_is_ignored_and_said_so()
        {
            _h.Run(new RecalculateOnActivityChange(), MessageNames.Create, ActivitySchema.Email,
                Rows.Email(1, Rows.Ref(ContactSchema.EntityName, PluginIds.Contact(404)), PluginHarness.Now, true));

            Assert.Multiple(() =>
            {
                Assert.That(_h.Traces, Does.Contain($"contact {PluginIds.Contact(404)} no longer exists"));
                Assert.That(_h.Traces, Does.Contain("No account is affected"));
                Assert.That(_h.Writes, Is.Zero);
            });
        }

        [Test]
        public void A_contact_moving_to_another_account_rescores_the_old_and_the_new_one()
        {
            var before = Rows.Contact(1, PluginIds.AccountA);

            _h.Run(new RecalculateOnContactChange(), MessageNames.Update, ContactSchema.EntityName,
                new Entity(ContactSchema.EntityName, before.Id) { [ContactSchema.ParentCustomerId] = B }, before: before);

            Assert.Multiple(() =>
            {
                Assert.That(Scored(PluginIds.AccountA), Is.True);
                Assert.That(Scored(PluginIds.AccountB), Is.True);
            });
        }

        [Test]
        public void An_opportunity_moving_to_another_account_rescores_the_old_and_the_new_one()
        {
            var before = new Entity(OpportunitySchema.EntityName, PluginIds.Opportunity) { [OpportunitySchema.ParentAccountId] = A };
            _h.Seed(new Entity(OpportunitySchema.EntityName, PluginIds.Opportunity) { [OpportunitySchema.ParentAccountId] = B });

            _h.Run(new RecalculateOnContactChange(), MessageNames.Update, OpportunitySchema.EntityName,
                new Entity(OpportunitySchema.EntityName, PluginIds.Opportunity) { [OpportunitySchema.ParentAccountId] = B }, before: before);

            Assert.Multiple(() =>
            {
                Assert.That(Scored(PluginIds.AccountA), Is.True, "the old account, from the pre-image");
                Assert.That(Scored(PluginIds.AccountB), Is.True, "the new account, from the target");
            });
        }

        [Test]
        public void A_contact_of_another_contact_or_of_nobody_rescores_nothing()
        {
            var orphan = new Entity(ContactSchema.EntityName, PluginIds.Contact(5))
            {
                [ContactSchema.ParentCustomerId] = Rows.Ref(ContactSchema.EntityName, PluginIds.Contact(1)),
            };

            _h.Run(new RecalculateOnContactChange(), MessageNames.Create, ContactSchema.EntityName, orphan);

            Assert.That(_h.Writes, Is.Zero);
        }

        [Test]
        public void Deleting_a_contact_rescores_its_account()
        {
            var contact = Rows.Contact(1, PluginIds.AccountA);

            _h.Run(new RecalculateOnContactChange(), MessageNames.Delete, ContactSchema.EntityName, contact.ToEntityReference(), before: contact);

            Assert.That(Scored(PluginIds.AccountA), Is.True);
        }

        [Test]
        public void A_step_registered_without_its_image_fails_loudly_naming_step_and_alias()
        {
            var error = Assert.Throws<InvalidPluginExecutionException>(() =>
                _h.Run(new RecalculateOnContactChange(), MessageNames.Delete, ContactSchema.EntityName,
                    new EntityReference(ContactSchema.EntityName, PluginIds.Contact(1)), withImages: false));

            Assert.That(error!.Message, Does.Contain("Delete of contact").And.Contain("PreImage 'PreImage'").And.Contain(ContactSchema.ParentCustomerId));
        }

        [Test]
        public void A_registration_the_plugin_does_not_declare_is_refused()
        {
            var context = new PluginExecutionContext { MessageName = "Assign", PrimaryEntityName = AccountSchema.EntityName, Stage = 40 };
            var provider = new PluginServiceProvider(context, _h.Service, new CollectingTracingService());

            var error = Assert.Throws<InvalidPluginExecutionException>(() => new RecalculateOnAccountChange().Execute(provider));

            Assert.That(error!.Message, Is.EqualTo("RecalculateOnAccountChange is registered on Assign of account in stage 40, which it does not handle."));
        }

        [Test]
        public void The_same_plugin_on_the_same_record_further_up_the_pipeline_is_not_run_again()
        {
            var plugin = new RecalculateOnAccountChange();
            var parent = _h.Run(plugin, MessageNames.Update, AccountSchema.EntityName,
                new Entity(AccountSchema.EntityName, PluginIds.AccountA) { [AccountSchema.IsReference] = true });
            _h.Service.ResetRequestCount();

            _h.Run(plugin, MessageNames.Update, AccountSchema.EntityName,
                new Entity(AccountSchema.EntityName, PluginIds.AccountA) { [AccountSchema.IsReference] = false }, parent: parent, depth: 2);

            Assert.Multiple(() =>
            {
                Assert.That(_h.Service.RequestCount, Is.Zero);
                Assert.That(_h.LastTrace.Lines, Has.Some.Contains("already running for this record"));
            });
        }

        private static Entity FollowUpTask(Guid id) => new(ActivitySchema.Task, id)
        {
            [ActivitySchema.RegardingObjectId] = A,
            [ActivitySchema.FollowUpReason] = new OptionSetValue(OptionValues.FollowUpAtRisk),
        };

        [Test]
        public void Creating_a_follow_up_task_starts_no_recalculation_loop()
        {
            _h.Run(new RecalculateOnActivityChange(), MessageNames.Create, ActivitySchema.Task, FollowUpTask(PluginIds.Activity(9)), depth: 2);

            Assert.That(_h.Service.RequestCount, Is.Zero);
        }

        [Test]
        public void Closing_a_follow_up_task_starts_no_recalculation_loop()
        {
            var close = new Entity(ActivitySchema.Task, PluginIds.Activity(9)) { [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted) };

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Update, ActivitySchema.Task, close, before: FollowUpTask(PluginIds.Activity(9)), depth: 2);

            Assert.That(_h.Service.RequestCount, Is.Zero);
        }

        [Test]
        public void A_users_task_is_rescored_even_with_the_follow_up_tag()
        {
            var task = new Entity(ActivitySchema.Task, PluginIds.Activity(9)) { [ActivitySchema.RegardingObjectId] = A, [ActivitySchema.Subject] = "Call back" };

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Create, ActivitySchema.Task, task, tag: RecordAssessmentChange.FollowUpTag);

            Assert.That(_h.Service.RequestCount, Is.Not.Zero);
        }

        [Test]
        public void A_task_that_becomes_a_follow_up_is_rescored_since_it_no_longer_counts()
        {
            var before = new Entity(ActivitySchema.Task, PluginIds.Activity(9)) { [ActivitySchema.RegardingObjectId] = A };
            var change = new Entity(ActivitySchema.Task, PluginIds.Activity(9)) { [ActivitySchema.FollowUpReason] = new OptionSetValue(OptionValues.FollowUpAtRisk) };

            _h.Run(new RecalculateOnActivityChange(), MessageNames.Update, ActivitySchema.Task, change, before: before);

            Assert.That(_h.Service.RequestCount, Is.Not.Zero);
        }

        [Test]
        public void Runs_trace_entry_and_exit_with_the_correlation_id_and_timing()
        {
            var context = _h.Run(new RecalculateOnAccountChange(), MessageNames.Create, AccountSchema.EntityName, _h.Stored(AccountSchema.EntityName, PluginIds.AccountA));

            Assert.Multiple(() =>
            {
                Assert.That(_h.LastTrace.Lines[0], Does.Contain("correlation " + context.CorrelationId).And.StartWith("[+"));
                Assert.That(_h.LastTrace.Lines.Last(), Does.Contain("Exited RecalculateOnAccountChange"));
            });
        }
    }
}
