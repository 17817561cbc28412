using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>The stories of the domain brief, scored with the default policy.</summary>
    public class ScenarioTests
    {
        private static readonly LoyaltyScorer Scorer = new(LoyaltyPolicy.Default);

        private static Assessment Assess(AccountBuilder account) => Scorer.Assess(account.Build(), AccountBuilder.AsOf);

        private static string[] Codes(Assessment a) => a.Reasons.Select(r => r.Code).ToArray();

        [Test]
        public void Twenty_years_of_doughnuts_is_perk_dependent_and_at_risk()
        {
            var a = Assess(Scenarios.Doughnuts());

            Assert.Multiple(() =>
            {
                Assert.That(a.Band, Is.EqualTo(HealthBand.AtRisk));
                Assert.That(a.Perks.IsPerkDependent, Is.True);
                Assert.That(a.Perks.PerkShare, Is.EqualTo(1m), "only perks, no value touches");
                Assert.That(a.Understanding.Score, Is.EqualTo(0), "no goals, no value reports");
                Assert.That(a.Familiarity.Score, Is.GreaterThan(a.Understanding.Score!.Value));
                Assert.That(a.Familiarity.Score, Is.GreaterThan(a.Service.Score!.Value));
                Assert.That(a.Reasons[0].Code, Is.EqualTo(ReasonCodes.PerkDependent));
                Assert.That(Codes(a), Does.Contain(ReasonCodes.GoalsNotDocumented)
                    .And.Contain(ReasonCodes.NoValueReports)
                    .And.Contain(ReasonCodes.NoServiceLevelAgreed)
                    .And.Contain(ReasonCodes.SingleThreaded));
                Assert.That(a.NextBestActions[0].Code, Is.EqualTo(ActionCodes.ReplacePerksWithValueConversation));
                Assert.That(HistoryRules.Between(null, false, a.Band, a.Perks.IsPerkDependent), Is.EquivalentTo(new[] { Transition.EnteredAtRisk, Transition.BecamePerkDependent }), "first assessment");
            });
        }

        [Test]
        public void Long_Friday_lunches_count_as_perks_not_as_in_person_service()
        {
            var a = Assess(Scenarios.FridayLunches());

            Assert.Multiple(() =>
            {
                Assert.That(a.Perks.PerkTouches, Is.EqualTo(52), "every lunch is recognised from its subject");
                Assert.That(a.Perks.PerkSpend, Is.EqualTo(52 * 140m));
                Assert.That(a.Perks.IsPerkDependent, Is.True);
                Assert.That(a.Band, Is.EqualTo(HealthBand.AtRisk));
                Assert.That(a.Reasons[0].Code, Is.EqualTo(ReasonCodes.PerkDependent));
                var goals = a.Reasons.Single(r => r.Code == ReasonCodes.GoalsReviewOverdue);
                Assert.That(goals.Get(ParameterNames.Days), Is.EqualTo(1100));
                Assert.That(a.Measure(MeasureCodes.ContactBreadth).Score, Is.EqualTo(0m), "lunch companions are not engaged in the business");
            });
        }

        [Test]
        public void Perks_without_a_logged_cost_are_counted_and_their_cost_called_unknown_not_zero()
        {
            var unpriced = Scenarios.FridayLunches().Build();
            unpriced = unpriced with { Interactions = unpriced.Interactions.Select(i => i with { PerkCost = null }).ToList() };

            var a = Scorer.Assess(unpriced, AccountBuilder.AsOf);
            var text = new ReasonRenderer(System.Globalization.CultureInfo.GetCultureInfo("en")).Render(a.Reasons[0]);

            Assert.Multiple(() =>
            {
                Assert.That(a.Perks.IsPerkDependent, Is.True);
                Assert.That(a.Reasons[0].Code, Is.EqualTo(ReasonCodes.PerkDependentCostUnknown));
                Assert.That(text, Does.StartWith("The relationship rests on perks: 52 perks against 0 value touches (100"));
                Assert.That(text, Does.Contain("no cost was logged for any of them, so what they cost is unknown").And.Not.Contain("0 spent"));
            });
        }

        [Test]
        public void Monthly_in_person_customer_served_as_asked_is_healthy()
        {
            var a = Assess(Scenarios.MonthlyInPerson());

            Assert.Multiple(() =>
            {
                Assert.That(a.Band, Is.EqualTo(HealthBand.Healthy));
                Assert.That(a.Service.Score, Is.GreaterThanOrEqualTo(LoyaltyPolicy.Default.Bands.HealthyFrom));
                Assert.That(a.Measure(MeasureCodes.CadenceAdherence).Score, Is.EqualTo(100m));
                Assert.That(a.Measure(MeasureCodes.CadenceAdherence).ReasonCode, Is.EqualTo(ReasonCodes.CadenceKept));
                Assert.That(a.Perks.IsPerkDependent, Is.False);
                Assert.That(a.Reasons.Where(r => r.SubMeasure is not null).All(r => r.Impact > 0), Is.True,
                    "every listed finding is a strength: " + string.Join(", ", Codes(a)));
            });
        }

        [Test]
        public void Quarterly_phone_customer_served_as_asked_is_as_healthy_on_service_as_the_monthly_one()
        {
            var quarterly = Assess(Scenarios.QuarterlyPhone());
            var monthly = Assess(Scenarios.MonthlyInPerson());

            Assert.Multiple(() =>
            {
                Assert.That(quarterly.Service.Score, Is.GreaterThanOrEqualTo(LoyaltyPolicy.Default.Bands.HealthyFrom));
                Assert.That(quarterly.Service.Score, Is.EqualTo(monthly.Service.Score), "four calls a year is what this customer asked for");
                Assert.That(quarterly.Measure(MeasureCodes.CadenceAdherence).Score, Is.EqualTo(100m));
                Assert.That(quarterly.Band, Is.EqualTo(HealthBand.Healthy));
            });
        }

        [Test]
        public void Brand_new_account_has_not_enough_data_and_is_never_at_risk()
        {
            var a = Assess(Scenarios.BrandNew());

            Assert.Multiple(() =>
            {
                Assert.That(a.Band, Is.EqualTo(HealthBand.NotEnoughData));
                Assert.That(a.Reasons[0].Code, Is.EqualTo(ReasonCodes.NewAccount));
                Assert.That(a.Reasons[0].Get(ParameterNames.Days), Is.EqualTo(20));
                Assert.That(a.Understanding.Score, Is.Null, "no evidence yet, not zero");
                Assert.That(HistoryRules.Between(null, false, a.Band, a.Perks.IsPerkDependent), Is.Empty);
                Assert.That(a.NextBestActions.Select(x => x.Code).Take(2),
                    Is.EqualTo(new[] { ActionCodes.AskPreferredServiceLevel, ActionCodes.ReviewGoalsAndNeeds }), "onboarding questions come first");
            });
        }

        [Test]
        public void Single_threaded_account_is_flagged_and_kept_out_of_healthy()
        {
            var a = Assess(Scenarios.SingleThreaded());

            Assert.Multiple(() =>
            {
                var thread = a.Measure(MeasureCodes.ThreadConcentration);
                Assert.That(thread.ReasonCode, Is.EqualTo(ReasonCodes.SingleThreaded));
                Assert.That(thread.Score, Is.EqualTo(0m));
                Assert.That(a.Band, Is.EqualTo(HealthBand.Watch));
                Assert.That(Codes(a), Does.Contain(ReasonCodes.SingleThreadedCapsBand));
                Assert.That(a.Reasons.Single(r => r.Code == ReasonCodes.SingleThreaded).Get(ParameterNames.Contacts), Is.EqualTo(1));
                Assert.That(a.NextBestActions.Select(x => x.Code), Does.Contain(ActionCodes.MeetPeopleBeyondMainContact));
                Assert.That(a.Understanding.Score, Is.GreaterThan(a.Familiarity.Score!.Value));
            });
        }

        [Test]
        public void Perks_next_to_strong_reported_value_do_not_raise_the_flag()
        {
            var a = Assess(Scenarios.PerksWithStrongValue());

            Assert.Multiple(() =>
            {
                Assert.That(a.Perks.PerkTouches, Is.EqualTo(12));
                Assert.That(a.Perks.StrongValue, Is.True);
                Assert.That(a.Perks.IsPerkDependent, Is.False);
                Assert.That(Codes(a), Does.Contain(ReasonCodes.PerksAlongsideStrongValue).And.Not.Contain(ReasonCodes.PerkDependent));
                Assert.That(a.Band, Is.EqualTo(HealthBand.Healthy));
            });
        }

        [Test]
        public void The_same_perks_without_the_value_reports_raise_the_flag()
        {
            var withValue = Scenarios.PerksWithStrongValue().Build();
            var withoutValue = withValue with { Interactions = withValue.Interactions.Where(i => i.Kind != LoyaltyHealth.Model.Input.InteractionKind.ValueReport).ToList() };

            var a = Scorer.Assess(withoutValue, AccountBuilder.AsOf);

            Assert.That(a.Perks.IsPerkDependent, Is.True, $"perk share {a.Perks.PerkShare}, spend {a.Perks.PerkSpend}, value {a.Perks.DeliveredValue}");
        }
    }
}
