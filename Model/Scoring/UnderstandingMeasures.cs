using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>"I see you": current goals and needs known; value defined, monetised, measured and reported.</summary>
    internal static class UnderstandingMeasures
    {
        private const Pillar P = Pillar.Understanding;

        public static IEnumerable<SubMeasureResult> Assess(ScoringContext c)
        {
            yield return GoalsCurrency(c);
            var periods = ReportingPeriods(c);
            yield return ValueReporting(c, periods);
            yield return ValueMonetised(c, periods);
        }

        private static SubMeasureResult GoalsCurrency(ScoringContext c)
        {
            var policy = c.Policy.Understanding;
            var weight = policy.Weights.GoalsCurrency;
            if (string.IsNullOrWhiteSpace(c.Account.Goals))
            {
                return c.AbsenceIsAFinding
                    ? Measure.Known(P, MeasureCodes.GoalsCurrency, weight, 0, ReasonCodes.GoalsNotDocumented, Parameter.Days(ParameterNames.Days, c.AgeDays))
                    : Measure.Unknown(P, MeasureCodes.GoalsCurrency, weight);
            }
            if (c.Account.GoalsReviewedOn is not { } reviewed)
                return Measure.Known(P, MeasureCodes.GoalsCurrency, weight, policy.GoalsUndatedScore, ReasonCodes.GoalsUndated);

            var days = Math.Max(0, (int)(c.AsOf - reviewed).TotalDays);
            decimal score = days <= policy.GoalsFreshDays ? 100m
                : days >= policy.GoalsStaleDays ? 0m
                : 100m * (policy.GoalsStaleDays - days) / (policy.GoalsStaleDays - policy.GoalsFreshDays);
            var reason = Measure.IsWeak(score) ? ReasonCodes.GoalsReviewOverdue : ReasonCodes.GoalsCurrent;
            return Measure.Known(P, MeasureCodes.GoalsCurrency, weight, score, reason,
                Parameter.Days(ParameterNames.Days, days), Parameter.Days(ParameterNames.RequiredDays, policy.GoalsFreshDays));
        }

        /// <summary>
        /// Reporting intervals back from the as-of instant, over the part of the window the account
        /// existed for. Regularity is the share of intervals with a report, so a burst of reports
        /// once a year does not look like quarterly reporting.
        /// </summary>
        private static IReadOnlyList<Period> ReportingPeriods(ScoringContext c)
        {
            var interval = c.Policy.Understanding.ValueReportIntervalDays;
            var count = c.ObservedDays / interval;
            return Enumerable.Range(0, count)
                .Select(i => new Period(c.AsOf.AddDays(-(i + 1) * (double)interval), c.AsOf.AddDays(-i * (double)interval)))
                .ToList();
        }

        private static IEnumerable<Touch> ReportsIn(ScoringContext c, Period period) =>
            c.Touches.Where(t => t.IsValueReport && period.Contains(t.On));

        private static SubMeasureResult ValueReporting(ScoringContext c, IReadOnlyList<Period> periods)
        {
            var weight = c.Policy.Understanding.Weights.ValueReporting;
            if (periods.Count == 0 || !c.HasEvidence) return Measure.Unknown(P, MeasureCodes.ValueReporting, weight);

            var covered = periods.Count(p => ReportsIn(c, p).Any());
            var score = Measure.Towards(covered, periods.Count);
            var reason = covered == 0 ? ReasonCodes.NoValueReports
                : Measure.IsWeak(score) ? ReasonCodes.ValueReportedIrregularly
                : ReasonCodes.ValueReportedRegularly;
            return Measure.Known(P, MeasureCodes.ValueReporting, weight, score, reason,
                Parameter.Count(ParameterNames.Covered, covered), Parameter.Count(ParameterNames.Periods, periods.Count),
                Parameter.Days(ParameterNames.Days, c.Policy.Understanding.ValueReportIntervalDays));
        }

        private static SubMeasureResult ValueMonetised(ScoringContext c, IReadOnlyList<Period> periods)
        {
            var weight = c.Policy.Understanding.Weights.ValueMonetised;
            if (periods.Count == 0 || !c.HasEvidence) return Measure.Unknown(P, MeasureCodes.ValueMonetised, weight);

            var monetised = periods.Count(p => ReportsIn(c, p).Any(t => t.Interaction.ValueAmount > 0));
            var delivered = periods.SelectMany(p => ReportsIn(c, p)).Sum(t => Math.Max(0m, t.Interaction.ValueAmount ?? 0m));
            var score = Measure.Towards(monetised, periods.Count);
            var reason = monetised == 0 ? ReasonCodes.ValueNotMonetised
                : Measure.IsWeak(score) ? ReasonCodes.ValuePartlyMonetised
                : ReasonCodes.ValueMonetised;
            return Measure.Known(P, MeasureCodes.ValueMonetised, weight, score, reason,
                Parameter.Count(ParameterNames.Covered, monetised), Parameter.Count(ParameterNames.Periods, periods.Count),
                Parameter.Money(ParameterNames.DeliveredValue, delivered));
        }
    }
}
