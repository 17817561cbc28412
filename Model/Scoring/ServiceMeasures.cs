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
            yield return ServiceLevelAgreed(c);
            yield return CadenceAdherence(c);
            yield return ImprovementProposals(c);
        }

        private static SubMeasureResult ServiceLevelAgreed(ScoringContext c)
        {
            var weight = c.Policy.Service.Weights.ServiceLevelAgreed;
            if (c.Account.ServiceAgreement is { } agreement)
            {
                return Measure.Known(P, MeasureCodes.ServiceLevelAgreed, weight, 100m, ReasonCodes.ServiceLevelAgreed,
                    Parameter.Cadence(ParameterNames.Cadence, agreement.Cadence), Parameter.Channel(ParameterNames.Channel, agreement.Channel));
            }
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

            var serviceTouches = c.Touches.Where(IsServiceTouch).ToList();
            var credits = periods
                .Select(p => serviceTouches.Where(t => p.Contains(t.On)).Select(t => Credit(c, agreement, t)).DefaultIfEmpty(0m).Max())
                .ToList();
            var kept = credits.Count(credit => credit > 0);
            var score = credits.Sum() / periods.Count * 100m;
            var reason = Measure.IsWeak(score) ? ReasonCodes.CadenceMissed : ReasonCodes.CadenceKept;
            return Measure.Known(P, MeasureCodes.CadenceAdherence, weight, score, reason,
                Parameter.Count(ParameterNames.Covered, kept), Parameter.Count(ParameterNames.Periods, periods.Count),
                Parameter.Cadence(ParameterNames.Cadence, agreement.Cadence), Parameter.Channel(ParameterNames.Channel, agreement.Channel));
        }

        /// <summary>Conversations with the customer; emails and tasks are not the service level anyone asks for.</summary>
        private static bool IsServiceTouch(Touch t) =>
            t.IsEngagement && t.Interaction.Kind is InteractionKind.Meeting or InteractionKind.PhoneCall or InteractionKind.ValueReport;

        private static decimal Credit(ScoringContext c, ServiceAgreement agreement, Touch touch)
        {
            if (agreement.Channel == ServiceChannel.Unknown) return 1m;
            var channel = touch.Interaction.Channel != ServiceChannel.Unknown ? touch.Interaction.Channel
                : touch.Interaction.Kind == InteractionKind.PhoneCall ? ServiceChannel.Phone
                : ServiceChannel.Unknown;
            if (channel == agreement.Channel) return 1m;
            return channel == ServiceChannel.Unknown ? c.Policy.Service.UnknownChannelCredit : c.Policy.Service.OtherChannelCredit;
        }

        /// <summary>Insight and improvement proposals: value brought to the customer beyond the reports.</summary>
        private static SubMeasureResult ImprovementProposals(ScoringContext c)
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
            return Measure.Known(P, MeasureCodes.ImprovementProposals, weight, score, reason,
                Parameter.Count(ParameterNames.Count, proposals), Parameter.Count(ParameterNames.Target, expected),
                Parameter.Days(ParameterNames.Days, c.Policy.WindowDays));
        }
    }
}
