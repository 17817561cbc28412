using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// The service level the customer defined, asked for and then delivered reliably; and help with
    /// their business problems ("I have something that makes your operation more efficient").
    /// </summary>
    internal static class ServiceMeasures
    {
        private const Pillar P = Pillar.Service;

        public static IEnumerable<SubMeasureResult> Assess(ScoringContext c)
        {
            var agreed = ServiceLevelAgreed(c);
            var adherence = CadenceAdherence(c);
            yield return agreed;
            yield return adherence;
            // The service the customer asked for, met reliably, is what Service is first of all;
            // insight and proposals lift it from there.
            yield return ImprovementProposals(c, PillarScoring.PillarExact(new[] { agreed, adherence }));
        }

        private static SubMeasureResult ServiceLevelAgreed(ScoringContext c)
        {
            var weight = c.Policy.Service.Weights.ServiceLevelAgreed;
            if (c.Account.ServiceAgreement is { } agreement)
            {
                // "On any channel" would be a false statement about a channel that is stored but unreadable.
                return c.IsUnreadable(SellerInput.ServiceChannel)
                    ? Measure.Known(P, MeasureCodes.ServiceLevelAgreed, weight, 100m, ReasonCodes.ServiceLevelAgreedChannelUnreadable,
                        Parameter.Cadence(ParameterNames.Cadence, agreement.Cadence))
                    : Measure.Known(P, MeasureCodes.ServiceLevelAgreed, weight, 100m, ReasonCodes.ServiceLevelAgreed,
                        Parameter.Cadence(ParameterNames.Cadence, agreement.Cadence), Parameter.Channel(ParameterNames.Channel, agreement.Channel));
            }
            // A cadence is stored but could not be read: somebody did ask, so this is unknown, not a finding.
            if (c.IsUnreadable(SellerInput.ServiceCadence)) return Measure.Unknown(P, MeasureCodes.ServiceLevelAgreed, weight);
            return c.AbsenceIsAFinding
                ? Measure.Known(P, MeasureCodes.ServiceLevelAgreed, weight, 0m, ReasonCodes.NoServiceLevelAgreed)
                : Measure.Unknown(P, MeasureCodes.ServiceLevelAgreed, weight);
        }

        private static SubMeasureResult CadenceAdherence(ScoringContext c)
        {
            var policy = c.Policy.Service;
            var weight = policy.Weights.CadenceAdherence;
            // Without an agreed level there is nothing to adhere to; that gap is ServiceLevelAgreed's finding.
            if (c.Account.ServiceAgreement is not { } agreement) return Measure.Unknown(P, MeasureCodes.CadenceAdherence, weight);

            var periods = CadencePeriods.Recent(agreement.Cadence, c.AsOf, c.Account.CreatedOn, policy.AdherencePeriods);
            if (periods.Count == 0) return Measure.Unknown(P, MeasureCodes.CadenceAdherence, weight);

            var serviceTouches = c.Touches.Where(t => t.IsEngagement).ToList();
            var credits = periods
                .Select(p => serviceTouches.Where(t => p.Contains(t.On)).Select(t => Credit(c, agreement, t)).DefaultIfEmpty(0m).Max())
                .ToList();
            var kept = credits.Count(credit => credit >= 1m);
            var partly = credits.Count(credit => credit > 0m && credit < 1m);
            var score = credits.Sum() / periods.Count * 100m;
            // Periods served only on another or an unrecorded channel are named apart, so the text explains the partial credit.
            var reason = kept + partly == 0 ? ReasonCodes.CadenceNotMet
                : Measure.IsWeak(score) ? (partly == 0 ? ReasonCodes.CadenceMissed : ReasonCodes.CadenceMissedPartlyElsewhere)
                : partly == 0 ? ReasonCodes.CadenceKept : ReasonCodes.CadenceKeptPartlyElsewhere;
            return Measure.Known(P, MeasureCodes.CadenceAdherence, weight, score, reason,
                Parameter.Count(ParameterNames.Covered, kept), Parameter.Count(ParameterNames.Partly, partly),
                Parameter.Count(ParameterNames.Periods, periods.Count),
                Parameter.Cadence(ParameterNames.Cadence, agreement.Cadence), Parameter.Channel(ParameterNames.Channel, agreement.Channel),
                Parameter.Touch(ParameterNames.Touch, agreement.Channel));
        }

        /// <summary>
        /// How much of the agreed service a touch delivered. Only conversations deliver it: a meeting,
        /// a call, or a value report presented on a recorded channel. A report sent without one, an
        /// email or a task is not the meeting the customer asked for, whatever it carried.
        /// </summary>
        private static decimal Credit(ScoringContext c, ServiceAgreement agreement, Touch touch)
        {
            var interaction = touch.Interaction;
            var channel = interaction.Channel != ServiceChannel.Unknown ? interaction.Channel
                : interaction.Kind == InteractionKind.PhoneCall ? ServiceChannel.Phone
                : ServiceChannel.Unknown;
            var conversation = interaction.Kind is InteractionKind.Meeting or InteractionKind.PhoneCall
                || (interaction.Kind == InteractionKind.ValueReport && channel != ServiceChannel.Unknown);
            if (!conversation) return 0m;
            if (agreement.Channel == ServiceChannel.Unknown || channel == agreement.Channel) return 1m;
            return channel == ServiceChannel.Unknown ? c.Policy.Service.UnknownChannelCredit : c.Policy.Service.OtherChannelCredit;
        }

        /// <summary>Insight and improvement proposals: value brought to the customer beyond the reports.</summary>
        /// <param name="c">The account's facts.</param>
        /// <param name="served">The Service score the agreed level and its adherence give on their own; null when unknown.</param>
        private static SubMeasureResult ImprovementProposals(ScoringContext c, decimal? served)
        {
            var policy = c.Policy.Service;
            var weight = policy.Weights.ImprovementProposals;
            var proposals = c.InWindow.Count(t => t.Class == InteractionClass.Value && !t.IsValueReport);
            if (!c.AbsenceIsAFinding && proposals == 0) return Measure.Unknown(P, MeasureCodes.ImprovementProposals, weight);

            var expected = Math.Max(1, (int)Math.Round(policy.ProposalsPerYear * c.ObservedDays / 365m, MidpointRounding.AwayFromZero));
            var score = Measure.Towards(proposals, expected);
            var reason = proposals == 0 ? ReasonCodes.NoImprovementProposals
                : Measure.IsWeak(score) ? ReasonCodes.FewImprovementProposals
                : ReasonCodes.ImprovementProposalsMade;
            // Proposals only lift Service: where they score below the service the customer already gets
            // as asked, they are shown (and still prompt an action) but carry no weight.
            var lifts = served is not { } s || score >= s;
            return Measure.Known(P, MeasureCodes.ImprovementProposals, lifts ? weight : 0m, score, reason,
                Parameter.Count(ParameterNames.Count, proposals), Parameter.Count(ParameterNames.Target, expected),
                Parameter.Days(ParameterNames.Days, c.Policy.WindowDays));
        }
    }
}
