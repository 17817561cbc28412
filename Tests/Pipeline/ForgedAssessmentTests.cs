using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// A caller sets the request's tag to whatever it likes (SDK parameter "tag", Web API "?tag="). These
    /// drive the product's plugins as a seller would to forge an assessment, and as a corrupted environment
    /// would look, and check that nothing is decided from the tag or from a stamp that lies in the future.
    /// </summary>
    public class ForgedAssessmentTests
    {
        private static readonly Guid Account = new("ac000000-0000-0000-0000-0000000000f0");
        private static readonly Guid Contact = new("c0000000-0000-0000-0000-0000000000f0");
        private static readonly DateTime EndOfTime = new(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        private static readonly EntityReference AccountReference = new(AccountSchema.EntityName, Account);

        private PipelineClock _clock = null!;
        private InMemoryOrganizationService _store = null!;
        private LocalPipeline _pipeline = null!;

        [SetUp]
        public void SetUp()
        {
            var organisation = new ProductOrganisation();
            (_clock, _store, _pipeline) = (organisation.Clock, organisation.Store, organisation.Pipeline);
        }

        private IOrganizationService Seller => _pipeline.Service;

        private Entity Stored() => _store.Retrieve(AccountSchema.EntityName, Account, new ColumnSet(true));

        private IReadOnlyList<Entity> History() =>
            _store.RetrieveMultiple(new QueryExpression(HealthAssessmentSchema.EntityName) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

        private IReadOnlyList<Entity> OpenFollowUps() =>
            _store.RetrieveMultiple(new QueryExpression(TaskSchema.EntityName) { ColumnSet = new ColumnSet(true) }).Entities
                .Where(t => t.GetAttributeValue<OptionSetValue>(ActivitySchema.FollowUpReason) is not null
                    && t.GetAttributeValue<OptionSetValue>(ActivitySchema.StateCode)?.Value == ActivitySchema.StateOpen)
                .ToList();

        private static Entity Perk(int month, DateTime now) => new(PerkSchema.EntityName, new Guid($"f0000000-0000-0000-0000-{month:D12}"))
        {
            [ActivitySchema.Subject] = "Doughnut delivery",
            [ActivitySchema.RegardingObjectId] = AccountReference,
            [ActivitySchema.StateCode] = new OptionSetValue(ActivitySchema.StateCompleted),
            [ActivitySchema.ActualEnd] = now.AddDays(-30 * month + 5),
            [PerkSchema.Cost] = new Money(45m),
            ["to"] = new EntityCollection(new[] { new Entity(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = new EntityReference(ContactSchema.EntityName, Contact) } }),
        };

        /// <summary>An account that lives on perks: scored At risk, with an open follow-up task and its history.</summary>
        private void AtRiskAccountWithFollowUp()
        {
            Seller.Create(new Entity(AccountSchema.EntityName, Account)
            {
                [AccountSchema.Name] = "Harbour Bakery Supplies",
                ["overriddencreatedon"] = _clock.UtcNow.AddYears(-3),
                [AccountSchema.OwnerId] = new EntityReference("systemuser", new Guid("00000000-0000-0000-0000-0000000000a1")),
            });
            Seller.Create(new Entity(ContactSchema.EntityName, Contact) { [ContactSchema.ParentCustomerId] = AccountReference, [ContactSchema.Department] = "Purchasing" });
            for (var month = 1; month <= 12; month++) Seller.Create(Perk(month, _clock.UtcNow));
            _pipeline.RunSystemJobs();
            Assume.That(Stored().GetAttributeValue<OptionSetValue>(AccountSchema.HealthBand)?.Value, Is.EqualTo(OptionValues.BandAtRisk));
            Assume.That(OpenFollowUps(), Is.Not.Empty);
            Assume.That(_pipeline.FailedJobs, Is.Empty);
        }

        /// <summary>An account as a corrupted environment holds it, written straight into the store past every plugin.</summary>
        private void AccountStampedInTheFuture()
        {
            _store.Seed(new Entity(AccountSchema.EntityName, Account)
            {
                [AccountSchema.Name] = "Harbour Bakery Supplies",
                [AccountSchema.HealthDataAsOf] = EndOfTime,
                [AccountSchema.HealthScoredOn] = EndOfTime,
            });
            _store.Seed(new Entity(ContactSchema.EntityName, Contact) { [ContactSchema.ParentCustomerId] = AccountReference });
        }

        [Test]
        public void A_seller_tagging_an_update_as_the_recalculation_stores_no_computed_column_no_history_and_closes_no_follow_up()
        {
            AtRiskAccountWithFollowUp();
            var before = Stored();
            var historyBefore = History().Count;
            var followUpsBefore = OpenFollowUps().Select(t => t.Id).ToList();
            _clock.UtcNow = _clock.UtcNow.AddMinutes(5);

            var forged = new UpdateRequest
            {
                Target = new Entity(AccountSchema.EntityName, Account)
                {
                    [AccountSchema.HealthBand] = new OptionSetValue(OptionValues.BandHealthy),
                    [AccountSchema.OverallHealth] = 99,
                    [AccountSchema.HealthDataAsOf] = EndOfTime,
                    [AccountSchema.HealthScoredOn] = EndOfTime,
                },
            };
            forged.Parameters[ContextKeys.Tag] = AccountHealthRecalculator.RecalculationTag;
            Seller.Execute(forged);
            _pipeline.RunSystemJobs();

            var after = Stored();
            Assert.Multiple(() =>
            {
                foreach (var column in new[] { AccountSchema.HealthBand, AccountSchema.OverallHealth, AccountSchema.HealthDataAsOf, AccountSchema.HealthScoredOn })
                    Assert.That(Plain(after, column), Is.EqualTo(Plain(before, column)), column);
                Assert.That(History(), Has.Count.EqualTo(historyBefore), "no forged history row");
                Assert.That(OpenFollowUps().Select(t => t.Id), Is.EquivalentTo(followUpsBefore), "the follow-up stays open");
                Assert.That(_pipeline.FailedJobs, Is.Empty);
            });
        }

        [Test]
        public void A_data_as_of_stamp_in_the_future_is_not_trusted_and_the_next_change_recalculates_and_corrects_it()
        {
            AccountStampedInTheFuture();

            Seller.Create(Perk(1, _clock.UtcNow));
            _pipeline.RunSystemJobs();

            var stored = Stored();
            Assert.Multiple(() =>
            {
                Assert.That(stored.Contains(AccountSchema.HealthBand), Is.True, "the account was scored");
                Assert.That(stored.GetAttributeValue<DateTime?>(AccountSchema.HealthDataAsOf), Is.LessThanOrEqualTo(_clock.UtcNow), "a server stamp the recalculation read, not the forged one");
                Assert.That(stored.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn), Is.LessThanOrEqualTo(_clock.UtcNow));
                Assert.That(_pipeline.FailedJobs, Is.Empty);
            });
        }

        [Test]
        public void The_scheduled_refresh_picks_up_an_account_scored_in_the_future_and_corrects_it()
        {
            AccountStampedInTheFuture();

            var request = new OrganizationRequest(CustomApiNames.RecalculateStale) { [CustomApiNames.MaxAgeHoursInput] = 24 };
            var response = Seller.Execute(request);

            var stored = Stored();
            Assert.Multiple(() =>
            {
                Assert.That(response.Results[CustomApiNames.RecalculatedOutput], Is.EqualTo(1));
                Assert.That(response.Results[CustomApiNames.RemainingOutput], Is.EqualTo(0));
                Assert.That(stored.GetAttributeValue<DateTime?>(AccountSchema.HealthScoredOn), Is.LessThanOrEqualTo(_clock.UtcNow));
                Assert.That(stored.GetAttributeValue<DateTime?>(AccountSchema.HealthDataAsOf), Is.LessThanOrEqualTo(_clock.UtcNow));
            });
        }

        [Test]
        public void A_perk_a_user_creates_with_the_follow_up_tag_rescores_its_account()
        {
            _store.Seed(new Entity(AccountSchema.EntityName, Account) { [AccountSchema.Name] = "Harbour Bakery Supplies" });
            _store.Seed(new Entity(ContactSchema.EntityName, Contact) { [ContactSchema.ParentCustomerId] = AccountReference });

            var create = new CreateRequest { Target = Perk(1, _clock.UtcNow) };
            create.Parameters[ContextKeys.Tag] = RecordAssessmentChange.FollowUpTag;
            Seller.Execute(create);
            _pipeline.RunSystemJobs();

            Assert.Multiple(() =>
            {
                Assert.That(Stored().Contains(AccountSchema.HealthBand), Is.True, "the account was scored");
                Assert.That(_pipeline.FailedJobs, Is.Empty);
            });
        }

        /// <summary>A stored value as it compares and reads in a failure message (a choice by its number).</summary>
        private static object? Plain(Entity row, string column) =>
            row.Contains(column) && row[column] is OptionSetValue choice ? choice.Value : row.Contains(column) ? row[column] : null;
    }
}
