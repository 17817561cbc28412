using System;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    public class BandAndHistoryTests
    {
        private static readonly LoyaltyScorer Scorer = new(LoyaltyPolicy.Default);

        private static Assessment Assess(AccountBuilder b, LoyaltyScorer? scorer = null) => (scorer ?? Scorer).Assess(b.Build(), AccountBuilder.AsOf);

        [Test]
        public void Overall_is_the_weighted_mean_of_the_known_pillars()
        {
            var a = Assess(Scenarios.QuarterlyPhone());
            var exact = a.Pillars.SelectMany(p => p.Measures).Sum(m => m.EffectiveWeight * (m.Score ?? 0m));

            Assert.Multiple(() =>
            {
                Assert.That(a.Pillars.SelectMany(p => p.Measures).Sum(m => m.EffectiveWeight), Is.EqualTo(1m).Within(0.0001m), "effective weights add up to the whole");
                Assert.That(a.Overall, Is.EqualTo((int)Math.Round(exact, MidpointRounding.AwayFromZero)));
            });
        }

        [Test]
        public void A_measure_without_evidence_is_left_out_rather_than_counted_as_zero()
        {
            var known = Assess(Scenarios.QuarterlyPhone());
            var account = Scenarios.QuarterlyPhone().Build();
            var noDepartments = account with { Contacts = account.Contacts.Select(c => c with { Department = null }).ToList() };

            var a = Scorer.Assess(noDepartments, AccountBuilder.AsOf);

            Assert.Multiple(() =>
            {
                Assert.That(a.Measure(MeasureCodes.DepartmentSpread).Score, Is.Null);
                Assert.That(a.Measure(MeasureCodes.DepartmentSpread).EffectiveWeight, Is.EqualTo(0m));
                Assert.That(a.Pillars.SelectMany(p => p.Measures).Sum(m => m.EffectiveWeight), Is.EqualTo(1m).Within(0.0001m));
                Assert.That(a.Familiarity.Score, Is.GreaterThan(known.Familiarity.Score!.Value), "the 67 for two departments is gone, not replaced by 0");
            });
        }

        [Test]
        public void A_very_weak_pillar_keeps_an_otherwise_healthy_account_out_of_healthy()
        {
            var policy = PolicyLoader.Load("{ \"bands\": { \"weakPillarBelow\": 80 } }");

            var a = Assess(Scenarios.QuarterlyPhone(), new LoyaltyScorer(policy));

            Assert.Multiple(() =>
            {
                Assert.That(a.Overall, Is.GreaterThanOrEqualTo(policy.Bands.HealthyFrom));
                Assert.That(a.Band, Is.EqualTo(HealthBand.Watch));
                var capped = a.Reasons.Single(r => r.Code == ReasonCodes.WeakPillarCapsBand);
                Assert.That(capped.Get(ParameterNames.Pillar), Is.EqualTo((int)Pillar.Familiarity));
                Assert.That(capped.Get(ParameterNames.Floor), Is.EqualTo(80));
            });
        }

        [Test]
        public void Perk_dependence_keeps_an_otherwise_healthy_account_out_of_healthy()
        {
            var account = Scenarios.MonthlyInPerson()
                .Every(20, 18, (b, _, d) => b.With(InteractionKind.Perk, d, new[] { 1 }, "Gift", cost: 5000m));

            var a = Assess(account);

            Assert.Multiple(() =>
            {
                Assert.That(a.Perks.IsPerkDependent, Is.True, "perk spend far above a twentieth of delivered value");
                Assert.That(a.Overall, Is.GreaterThanOrEqualTo(70));
                Assert.That(a.Band, Is.EqualTo(HealthBand.Watch));
            });
        }

        [TestCase(44, HealthBand.AtRisk)]
        [TestCase(45, HealthBand.Watch)]
        [TestCase(69, HealthBand.Watch)]
        [TestCase(70, HealthBand.Healthy)]
        public void Band_edges_follow_the_policy(int understandingScore, HealthBand expected)
        {
            // Only the undated-goals measure counts, so its configured score is the overall health.
            var policy = PolicyLoader.Load("{ \"weights\": { \"understanding\": 1, \"familiarity\": 0, \"service\": 0 }, \"evidence\": { \"minimumKnownPillars\": 1 },"
                + " \"understanding\": { \"goalsUndatedScore\": " + understandingScore + ", \"weights\": { \"valueReporting\": 0, \"valueMonetised\": 0 } } }");

            var a = Assess(new AccountBuilder().WithGoals("Grow", reviewedDaysAgo: null), new LoyaltyScorer(policy));

            Assert.Multiple(() =>
            {
                Assert.That(a.Overall, Is.EqualTo(understandingScore));
                Assert.That(a.Band, Is.EqualTo(expected));
            });
        }

        [Test]
        public void An_old_account_without_any_evidence_is_not_rated_rather_than_at_risk()
        {
            var a = Assess(new AccountBuilder().CreatedYearsAgo(8).WithContact(1, "Finance"));

            Assert.Multiple(() =>
            {
                Assert.That(a.Band, Is.EqualTo(HealthBand.NotEnoughData));
                Assert.That(a.Overall, Is.Null);
                Assert.That(a.Reasons[0].Code, Is.EqualTo(ReasonCodes.TooLittleEvidence));
            });
        }

        [Test]
        public void Trend_compares_with_an_assessment_that_is_old_enough()
        {
            var a = Assess(Scenarios.Doughnuts().WithPast(daysAgo: 40, overall: 30, HealthBand.AtRisk).WithPast(daysAgo: 2, overall: 9, HealthBand.AtRisk));

            Assert.That(a.Trend, Is.EqualTo(Trend.Declining), "9 now against 30 forty days ago; the two-day-old snapshot is too recent");
        }

        [Test]
        public void No_trend_when_every_earlier_assessment_is_too_recent()
        {
            var a = Assess(Scenarios.Doughnuts().WithPast(daysAgo: 3, overall: 60, HealthBand.Watch));

            Assert.That(a.Trend, Is.Null);
        }

        [TestCase(9, Trend.Stable)]
        [TestCase(5, Trend.Stable)]
        [TestCase(4, Trend.Improving)]
        [TestCase(14, Trend.Declining)]
        public void Small_changes_are_stable(int earlierOverall, Trend expected)
        {
            var a = Assess(Scenarios.Doughnuts().WithPast(daysAgo: 30, overall: earlierOverall, HealthBand.AtRisk));

            Assert.That(a.Trend, Is.EqualTo(expected), $"now {a.Overall}, then {earlierOverall}");
        }

        [Test]
        public void Transitions_are_reported_against_the_previous_stored_assessment()
        {
            var stillAtRisk = Assess(Scenarios.Doughnuts().WithPast(1, 10, HealthBand.AtRisk, perkDependent: true));
            var recovered = Assess(Scenarios.MonthlyInPerson().WithPast(400, 90, HealthBand.Healthy).WithPast(1, 20, HealthBand.AtRisk, perkDependent: true));

            Assert.Multiple(() =>
            {
                Assert.That(HistoryRules.Between(HealthBand.AtRisk, true, stillAtRisk.Band, stillAtRisk.Perks.IsPerkDependent), Is.Empty, "no transition while nothing changed: no alert spam");
                Assert.That(HistoryRules.Between(HealthBand.AtRisk, true, recovered.Band, recovered.Perks.IsPerkDependent), Is.EqualTo(new[] { Transition.LeftAtRisk, Transition.NoLongerPerkDependent }));
            });
        }

        [Test]
        public void Unusable_interactions_are_ignored_and_reported()
        {
            var account = Scenarios.QuarterlyPhone().Build();
            var undated = new Interaction { Id = Ids.Interaction(900), Kind = InteractionKind.ValueReport, State = InteractionState.Completed, ValueAmount = 1m };
            var future = new Interaction { Id = Ids.Interaction(901), Kind = InteractionKind.Perk, State = InteractionState.Completed, CompletedOn = AccountBuilder.AsOf.AddDays(3) };
            var negative = new Interaction { Id = Ids.Interaction(902), Kind = InteractionKind.Perk, State = InteractionState.Completed, CompletedOn = AccountBuilder.AsOf.AddDays(-3), PerkCost = -50m };
            var withBadData = account with { Interactions = account.Interactions.Concat(new[] { undated, future, negative }).ToList() };

            var clean = Scorer.Assess(account, AccountBuilder.AsOf);
            var a = Scorer.Assess(withBadData, AccountBuilder.AsOf);

            Assert.Multiple(() =>
            {
                Assert.That(a.Warnings, Is.EquivalentTo(new[]
                {
                    new DataWarning(DataWarningCodes.InteractionWithoutDate, undated.Id),
                    new DataWarning(DataWarningCodes.InteractionInFuture, future.Id),
                    new DataWarning(DataWarningCodes.NegativeAmount, negative.Id),
                }));
                Assert.That(a.Overall, Is.EqualTo(clean.Overall));
                Assert.That(a.Perks.PerkSpend, Is.EqualTo(0m), "a negative cost is not counted as a refund");
            });
        }

        [Test]
        public void Inactive_contacts_and_contacts_of_other_accounts_do_not_count_as_engaged()
        {
            var a = Assess(new AccountBuilder()
                .WithContact(1, "Finance").WithContact(2, "IT", active: false)
                .With(InteractionKind.Meeting, 5, new[] { 1, 2, 99 }, "Planning"));

            Assert.That(a.Measure(MeasureCodes.ContactBreadth).Evidence.Single(p => p.Name == ParameterNames.Count).Value, Is.EqualTo(1m));
        }

        [Test]
        public void Canceled_and_open_interactions_do_not_count()
        {
            var a = Assess(new AccountBuilder().WithGoals("Grow", 30)
                .With(InteractionKind.ValueReport, 5, value: 1000m, state: InteractionState.Canceled)
                .With(InteractionKind.ValueReport, 6, value: 1000m, state: InteractionState.Open));

            Assert.That(a.Measure(MeasureCodes.ValueReporting).ReasonCode, Is.EqualTo(ReasonCodes.NoValueReports));
        }

        [Test]
        public void Value_reported_in_one_burst_is_not_regular_reporting()
        {
            var burst = Assess(new AccountBuilder().Every(2, 4, (b, _, d) => b.With(InteractionKind.ValueReport, d, value: 1000m)));
            var regular = Assess(new AccountBuilder().Every(90, 4, (b, _, d) => b.With(InteractionKind.ValueReport, d, value: 1000m)));

            Assert.Multiple(() =>
            {
                Assert.That(burst.Measure(MeasureCodes.ValueReporting).Score, Is.EqualTo(25m));
                Assert.That(regular.Measure(MeasureCodes.ValueReporting).Score, Is.EqualTo(100m));
            });
        }

        [Test]
        public void A_touch_on_another_channel_than_asked_earns_partial_credit()
        {
            var byPhone = Assess(new AccountBuilder().WithAgreement(ServiceCadence.Monthly, ServiceChannel.InPerson)
                .Every(30, 4, (b, _, d) => b.With(InteractionKind.PhoneCall, d, subject: "Monthly review"), firstDaysAgo: 5));

            Assert.That(byPhone.Measure(MeasureCodes.CadenceAdherence).Score, Is.EqualTo(LoyaltyPolicy.Default.Service.OtherChannelCredit * 100m));
        }

        [Test]
        public void The_customer_acting_as_a_reference_is_a_strength()
        {
            var a = Assess(Scenarios.QuarterlyPhone().AsReference());

            Assert.That(a.Reasons.Single(r => r.Code == ReasonCodes.ActsAsReference).Impact, Is.GreaterThan(0m));
        }
    }
}
