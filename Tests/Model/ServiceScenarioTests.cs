using System.Globalization;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>Service as a sales leader reads it: the level the customer asked for, met reliably.</summary>
    public class ServiceScenarioTests
    {
        private static readonly LoyaltyScorer Scorer = new(LoyaltyPolicy.Default);
        private static readonly ReasonRenderer English = new(CultureInfo.GetCultureInfo("en-GB"));

        private static Assessment Assess(AccountBuilder account) => Scorer.Assess(account.Build(), AccountBuilder.AsOf);

        [Test]
        public void Served_exactly_as_asked_scores_at_least_80_on_service_without_any_logged_proposal()
        {
            var monthly = Assess(Scenarios.MonthlyInPersonWithoutProposals());
            var quarterly = Assess(Scenarios.QuarterlyPhoneWithoutProposals());

            Assert.Multiple(() =>
            {
                Assert.That(monthly.Measure(MeasureCodes.CadenceAdherence).Score, Is.EqualTo(100m));
                Assert.That(quarterly.Measure(MeasureCodes.CadenceAdherence).Score, Is.EqualTo(100m));
                Assert.That(monthly.Service.Score, Is.GreaterThanOrEqualTo(80));
                Assert.That(quarterly.Service.Score, Is.GreaterThanOrEqualTo(80));
                Assert.That(quarterly.Service.Score, Is.EqualTo(monthly.Service.Score), "each is served exactly as asked");
                Assert.That(monthly.Reasons.Select(r => r.Code), Does.Not.Contain(ReasonCodes.NoImprovementProposals),
                    "the absence of proposals costs a customer served as asked nothing");
            });
        }

        [Test]
        public void Proposals_lift_service_where_the_agreed_level_is_not_met_and_never_lower_it()
        {
            var stopped = Scenarios.InPersonMeetingsStopped().Build();
            var withoutProposals = stopped with { Interactions = stopped.Interactions.Where(i => i.Subject != "Improvement proposal").ToList() };
            var withProposal = stopped with
            {
                Interactions = stopped.Interactions.Append(new Interaction
                {
                    Id = Ids.Interaction(900), Kind = InteractionKind.Meeting, State = InteractionState.Completed,
                    CompletedOn = AccountBuilder.AsOf.AddDays(-10), Subject = "Improvement proposal: cross-docking", ContactIds = new[] { Ids.Contact(1) },
                }).ToList(),
            };

            var none = Scorer.Assess(withoutProposals, AccountBuilder.AsOf).Service.Score;
            var some = Scorer.Assess(stopped, AccountBuilder.AsOf).Service.Score;
            var more = Scorer.Assess(withProposal, AccountBuilder.AsOf).Service.Score;

            Assert.That(new[] { none, some, more }, Is.Ordered, "proposals only ever lift Service");
        }

        [Test]
        public void Value_reports_sent_by_email_are_not_the_agreed_in_person_meeting()
        {
            var a = Assess(Scenarios.InPersonMeetingsStopped());
            var cadence = a.Measure(MeasureCodes.CadenceAdherence);
            var reason = a.Reasons.Single(r => r.SubMeasure == MeasureCodes.CadenceAdherence);

            Assert.Multiple(() =>
            {
                Assert.That(cadence.Score, Is.EqualTo(0m), "no period had the in-person meeting the customer asked for");
                Assert.That(cadence.ReasonCode, Is.EqualTo(ReasonCodes.CadenceNotMet));
                Assert.That(English.Render(reason), Is.EqualTo("No in-person meeting in the last 4 monthly periods."));
                Assert.That(a.Band, Is.Not.EqualTo(HealthBand.Healthy));
                Assert.That(a.NextBestActions.Select(x => x.Code), Does.Contain(ActionCodes.MeetAgreedCadence));
            });
        }

        [Test]
        public void Missing_the_agreed_service_for_several_periods_keeps_an_otherwise_healthy_account_out_of_healthy()
        {
            // Strong everywhere else: the overall health alone would make it Healthy.
            var account = Scenarios.MonthlyInPersonWithoutProposals().Build();
            var recentMeetingsDropped = account with
            {
                Interactions = account.Interactions
                    .Where(i => !(i.Kind is InteractionKind.Meeting or InteractionKind.ValueReport && i.CompletedOn > AccountBuilder.AsOf.AddDays(-62)))
                    .ToList(),
            };

            var a = Scorer.Assess(recentMeetingsDropped, AccountBuilder.AsOf);

            Assert.Multiple(() =>
            {
                Assert.That(a.Overall, Is.GreaterThanOrEqualTo(LoyaltyPolicy.Default.Bands.HealthyFrom), "the averages alone look healthy");
                Assert.That(a.Band, Is.EqualTo(HealthBand.Watch));
                var capped = a.Reasons.Single(r => r.Code == ReasonCodes.CadenceMissedCapsBand);
                Assert.That(capped.Get(ParameterNames.Missed), Is.EqualTo(2));
                Assert.That(English.Render(capped), Is.EqualTo("The agreed monthly in-person meeting was missed in 2 of the last 4 periods, which keeps the account out of Healthy."));
            });
        }

        [Test]
        public void An_unreadable_stored_cadence_is_reported_and_never_read_as_nobody_asked()
        {
            var account = Scenarios.MonthlyInPerson().Build() with
            {
                ServiceAgreement = null,
                UnreadableValues = new[] { new UnreadableValue(SellerInput.ServiceCadence, 100000099) },
            };

            var a = Scorer.Assess(account, AccountBuilder.AsOf);
            var unreadable = a.Reasons.Single(r => r.Code == ReasonCodes.StoredValueUnreadable);

            Assert.Multiple(() =>
            {
                Assert.That(a.Reasons.Select(r => r.Code), Does.Not.Contain(ReasonCodes.NoServiceLevelAgreed));
                Assert.That(a.NextBestActions.Select(x => x.Code), Does.Not.Contain(ActionCodes.AskPreferredServiceLevel));
                Assert.That(a.Measure(MeasureCodes.ServiceLevelAgreed).Score, Is.Null, "unknown, not 0");
                Assert.That(English.Render(unreadable), Is.EqualTo(
                    "The value 100000099 stored in Service cadence (loy_servicecadence) could not be read, so it is left out of the score; check the column's choices."));
            });
        }

        [Test]
        public void An_unreadable_stored_channel_is_not_rendered_as_any_channel()
        {
            var account = Scenarios.MonthlyInPerson().Build() with
            {
                ServiceAgreement = new ServiceAgreement(ServiceCadence.Monthly),
                UnreadableValues = new[] { new UnreadableValue(SellerInput.ServiceChannel, 7) },
            };

            var a = Scorer.Assess(account, AccountBuilder.AsOf);
            var texts = a.Reasons.Select(English.Render).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(texts, Has.None.Contains("on any channel"));
                Assert.That(texts, Has.Some.EqualTo("The value 7 stored in Preferred channel (loy_preferredchannel) could not be read, so it is left out of the score; check the column's choices."));
                Assert.That(a.Measure(MeasureCodes.ServiceLevelAgreed).ReasonCode, Is.EqualTo(ReasonCodes.ServiceLevelAgreedChannelUnreadable));
            });
        }

        [Test]
        public void Who_starts_the_conversation_is_unknown_when_only_our_own_reports_and_perks_carry_a_direction()
        {
            var a = Assess(Scenarios.MetMonthlyDirectionUnrecorded());

            Assert.Multiple(() =>
            {
                Assert.That(a.Measure(MeasureCodes.TwoWayEngagement).Score, Is.Null, "unknown, not 0 %");
                Assert.That(a.Reasons.Select(r => r.Code), Does.Not.Contain(ReasonCodes.MostlyOneWay));
                Assert.That(a.NextBestActions.Select(x => x.Code), Does.Not.Contain(ActionCodes.InviteCustomerInput));
                Assert.That(a.Measure(MeasureCodes.ContactBreadth).Score, Is.EqualTo(100m), "five people are met");
            });
        }
    }
}
