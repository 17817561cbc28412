using System;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Plugins
{
    public class SnapshotMapperTests
    {
        [Test]
        public void Unknown_choice_values_of_the_agreed_service_level_reach_the_model_as_unreadable()
        {
            var account = Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-2));
            account[AccountSchema.ServiceCadence] = new OptionSetValue(100000099);
            account[AccountSchema.PreferredChannel] = new OptionSetValue(100000088);

            var snapshot = new SnapshotMapper().Map(account, Enumerable.Empty<Entity>(), Enumerable.Empty<Entity>());

            Assert.Multiple(() =>
            {
                Assert.That(snapshot.ServiceAgreement, Is.Null);
                Assert.That(snapshot.UnreadableValues, Is.EquivalentTo(new[]
                {
                    new UnreadableValue(SellerInput.ServiceCadence, 100000099),
                    new UnreadableValue(SellerInput.ServiceChannel, 100000088),
                }));
            });
        }

        [Test]
        public void The_stored_assessment_is_the_baseline_for_transitions_even_next_to_a_checkpoint_of_the_same_instant()
        {
            var scoredOn = PluginHarness.Now.AddDays(-1);
            var account = Rows.Account(PluginIds.AccountA, PluginHarness.Now.AddYears(-20));
            account[AccountSchema.HealthScoredOn] = scoredOn;
            account[AccountSchema.HealthBand] = new OptionSetValue(OptionValues.BandAtRisk);
            account[AccountSchema.OverallHealth] = 5;
            account[AccountSchema.PerkDependent] = true;
            account[AccountSchema.TrendCandidateOn] = scoredOn;
            account[AccountSchema.TrendCandidateHealth] = 5;
            var perks = Enumerable.Range(1, 12).Select(n => Rows.Perk(n, Rows.Ref(AccountSchema.EntityName, PluginIds.AccountA), PluginHarness.Now.AddDays(-n * 20), "Gift basket", 90m)).ToList();
            foreach (var perk in perks) perk[ActivitySchema.TypeCode] = ActivitySchema.Perk;

            var snapshot = new SnapshotMapper().Map(account, perks, Enumerable.Empty<Entity>());
            var a = new LoyaltyScorer(LoyaltyPolicy.Default).Assess(snapshot, PluginHarness.Now);

            Assert.Multiple(() =>
            {
                Assert.That(a.Band, Is.EqualTo(HealthBand.AtRisk));
                Assert.That(a.Perks.IsPerkDependent, Is.True);
                Assert.That(HistoryRules.Between(SnapshotMapper.Stored(account)?.Band, SnapshotMapper.Stored(account)?.PerkDependent == true, a.Band, a.Perks.IsPerkDependent), Is.Empty, "still at risk and perk-dependent: nothing entered");
            });
        }
    }
}
