using System;
using System.Linq;
using LoyaltyHealth.InMemory;
using LoyaltyHealth.Pipeline.Execution;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Pipeline
{
    /// <summary>
    /// The business events the product raises, run through the solution's own registrations: the event Custom
    /// APIs (no plugin) and RecordAssessmentChange's asynchronous step that raises them.
    /// </summary>
    public class BusinessEventTests
    {
        private static readonly Guid Account = new("ac000000-0000-0000-0000-0000000000e5");
        private static readonly Guid Contact = new("c0000000-0000-0000-0000-0000000000e5");

        private sealed class Scenario
        {
            private readonly PerkAccountScenario _scenario;

            public Scenario(string source) => _scenario = new PerkAccountScenario(source);

            public InMemoryOrganizationService Store => _scenario.Store;
            public LocalPipeline Pipeline => _scenario.Pipeline;

            /// <summary>The doughnut customer, scored At risk and perk-dependent.</summary>
            public void CreatePerkAccount()
            {
                _scenario.Create(Account, Contact);
                Pipeline.RunSystemJobs();
            }

            /// <summary>What the account held before (written straight into the store, as an earlier assessment would have left it).</summary>
            public void StoredBefore(int band, bool perkDependent, int? overall)
            {
                Store.Update(new Entity(AccountSchema.EntityName, Account)
                {
                    [AccountSchema.HealthBand] = new OptionSetValue(band),
                    [AccountSchema.PerkDependent] = perkDependent,
                    [AccountSchema.OverallHealth] = overall,
                });
            }

            public void Rescore()
            {
                Pipeline.Service.Execute(new OrganizationRequest(CustomApiNames.RecalculateAccount) { ["Target"] = new EntityReference(AccountSchema.EntityName, Account) });
                Pipeline.RunSystemJobs();
            }

            public int? Overall => Store.Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.OverallHealth)).GetAttributeValue<int?>(AccountSchema.OverallHealth);
        }

        [TestCase("solution folder")]
        [TestCase("dist zip")]
        public void A_new_account_raises_no_event_and_an_unchanged_rescore_raises_none(string source)
        {
            var scenario = new Scenario(source);
            scenario.CreatePerkAccount();
            var band = scenario.Store.Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.HealthBand)).GetAttributeValue<OptionSetValue>(AccountSchema.HealthBand)?.Value;
            var afterCreate = scenario.Pipeline.Events.Count;
            scenario.Rescore();

            Assert.Multiple(() =>
            {
                Assert.That(band, Is.EqualTo(OptionValues.BandAtRisk), "the scenario's account is scored At risk");
                Assert.That(afterCreate, Is.Zero, "a new account's first assessment is no change");
                Assert.That(scenario.Pipeline.Events, Is.Empty, "nothing changed");
                Assert.That(scenario.Pipeline.FailedJobs.Select(j => j.ToString()), Is.Empty);
            });
        }

        [TestCase("solution folder")]
        [TestCase("dist zip")]
        public void Entering_at_risk_raises_exactly_that_event_with_the_account_bands_health_and_reasons(string source)
        {
            var scenario = new Scenario(source);
            scenario.CreatePerkAccount();
            var overall = scenario.Overall;
            scenario.StoredBefore(OptionValues.BandWatch, perkDependent: true, overall);
            scenario.Rescore();

            var raised = scenario.Pipeline.Events;
            Assert.That(raised.Select(e => e.Name), Is.EqualTo(new[] { BusinessEventNames.EnteredAtRisk }));
            var e = raised[0];
            var codes = scenario.Store.Retrieve(AccountSchema.EntityName, Account, new ColumnSet(AccountSchema.ReasonCodes)).GetAttributeValue<string>(AccountSchema.ReasonCodes);
            Assert.Multiple(() =>
            {
                Assert.That(e.AccountId, Is.EqualTo(Account));
                Assert.That(e.Parameters[BusinessEventNames.OldBand], Is.EqualTo(OptionValues.BandWatch));
                Assert.That(e.Parameters[BusinessEventNames.NewBand], Is.EqualTo(OptionValues.BandAtRisk));
                Assert.That(e.Parameters[BusinessEventNames.OverallHealth], Is.EqualTo(overall));
                Assert.That(e.Parameters[BusinessEventNames.ReasonCodes], Is.EqualTo(codes).And.Not.Empty);
                Assert.That(scenario.Pipeline.FailedJobs.Select(j => j.ToString()), Is.Empty);
            });
        }

        [Test]
        public void Leaving_perk_dependence_raises_exactly_that_event()
        {
            var scenario = new Scenario("solution folder");
            scenario.CreatePerkAccount();
            scenario.StoredBefore(OptionValues.BandAtRisk, perkDependent: false, scenario.Overall);
            scenario.Rescore();
            Assert.That(scenario.Pipeline.Events.Select(e => e.Name), Is.EqualTo(new[] { BusinessEventNames.BecamePerkDependent }));
        }

        [TestCase(9, false)]
        [TestCase(10, true)]
        public void A_decline_of_at_least_the_policy_points_raises_health_declined(int fall, bool raised)
        {
            var scenario = new Scenario("solution folder");
            scenario.CreatePerkAccount();
            var overall = scenario.Overall!.Value;
            scenario.StoredBefore(OptionValues.BandAtRisk, perkDependent: true, overall + fall);
            scenario.Rescore();

            var events = scenario.Pipeline.Events;
            Assert.That(events.Select(e => e.Name), Is.EqualTo(raised ? new[] { BusinessEventNames.HealthDeclined } : Array.Empty<string>()));
            if (raised)
                Assert.That(events[0].Parameters[BusinessEventNames.PreviousOverallHealth], Is.EqualTo(overall + fall));
        }
    }
}
