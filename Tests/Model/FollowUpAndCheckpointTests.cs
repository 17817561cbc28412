using System;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Scoring;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    public class FollowUpAndCheckpointTests
    {
        private static readonly FollowUpPolicy On = new();
        private static readonly FollowUpReason[] NoneOpen = Array.Empty<FollowUpReason>();

        [Test]
        public void Entering_at_risk_and_becoming_perk_dependent_create_one_task_each()
        {
            var plan = FollowUpPlanner.Plan(new[] { Transition.EnteredAtRisk, Transition.BecamePerkDependent }, NoneOpen, On);

            Assert.That(plan, Is.EqualTo(new[]
            {
                new FollowUpAction(FollowUpStep.Create, FollowUpReason.AtRisk),
                new FollowUpAction(FollowUpStep.Create, FollowUpReason.PerkDependent),
            }));
        }

        [Test]
        public void No_duplicate_while_a_task_for_the_same_reason_is_open()
        {
            var plan = FollowUpPlanner.Plan(new[] { Transition.EnteredAtRisk }, new[] { FollowUpReason.AtRisk }, On);

            Assert.That(plan, Is.Empty);
        }

        [Test]
        public void Recovery_closes_the_open_task_of_that_reason_only()
        {
            var plan = FollowUpPlanner.Plan(new[] { Transition.LeftAtRisk }, new[] { FollowUpReason.AtRisk, FollowUpReason.PerkDependent }, On);

            Assert.That(plan, Is.EqualTo(new[] { new FollowUpAction(FollowUpStep.Close, FollowUpReason.AtRisk) }));
        }

        [Test]
        public void Follow_ups_can_be_switched_off_in_the_policy()
        {
            var plan = FollowUpPlanner.Plan(new[] { Transition.EnteredAtRisk }, NoneOpen, new FollowUpPolicy { Enabled = false });

            Assert.That(plan, Is.Empty);
        }

        [Test]
        public void Transitions_between_stored_states()
        {
            Assert.Multiple(() =>
            {
                Assert.That(HistoryRules.Between(null, false, HealthBand.AtRisk, true), Is.EqualTo(new[] { Transition.EnteredAtRisk, Transition.BecamePerkDependent }));
                Assert.That(HistoryRules.Between(HealthBand.AtRisk, true, HealthBand.AtRisk, true), Is.Empty);
                Assert.That(HistoryRules.Between(HealthBand.AtRisk, false, HealthBand.NotEnoughData, false), Is.EqualTo(new[] { Transition.LeftAtRisk }));
            });
        }

        private static PastAssessment At(int day, int overall) =>
            new() { AssessedOn = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day), Overall = overall, Band = HealthBand.Watch };

        [Test]
        public void A_candidate_becomes_the_baseline_once_it_is_old_enough()
        {
            var policy = new TrendPolicy { MinimumDaysBetween = 28 };
            var checkpoints = TrendCheckpoints.None;

            for (var day = 0; day <= 40; day++) checkpoints = checkpoints.Advance(At(day, 50 + day), policy);

            Assert.Multiple(() =>
            {
                Assert.That(checkpoints.Baseline, Is.EqualTo(At(0, 50)));
                Assert.That(checkpoints.Candidate, Is.EqualTo(At(28, 78)));
            });
        }

        [Test]
        public void The_checkpoints_give_the_scorer_a_baseline_at_least_the_minimum_age()
        {
            var policy = LoyaltyPolicy.Default;
            var checkpoints = TrendCheckpoints.None;
            for (var day = 0; day <= 100; day += 3) checkpoints = checkpoints.Advance(At(day, 30), policy.Trend);
            var account = Scenarios.Doughnuts().Build() with { PastAssessments = checkpoints.AsHistory() };

            var a = new LoyaltyScorer(policy).Assess(account, At(101, 0).AssessedOn);

            Assert.That(a.Trend, Is.EqualTo(Trend.Declining), $"now {a.Overall}, baseline {checkpoints.Baseline?.Overall} on day {(checkpoints.Baseline!.AssessedOn - At(0, 0).AssessedOn).TotalDays}");
        }

        [TestCase(null, 366)]
        [TestCase(ServiceCadence.Monthly, 366)]
        [TestCase(ServiceCadence.HalfYearly, 737)]
        [TestCase(ServiceCadence.Yearly, 1465)]
        public void The_horizon_covers_every_window_the_scorer_looks_at(ServiceCadence? cadence, int expectedDays)
        {
            Assert.That(ScoringHorizon.Days(LoyaltyPolicy.Default, cadence), Is.EqualTo(expectedDays));
        }
    }
}
