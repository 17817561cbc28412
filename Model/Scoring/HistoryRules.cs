using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>Trend and transitions against earlier assessments.</summary>
    public static class HistoryRules
    {
        /// <summary>
        /// Compares with the newest earlier assessment that is old enough; comparing with yesterday's
        /// snapshot would make every small change look like a trend.
        /// </summary>
        internal static Trend? Trend(IReadOnlyList<PastAssessment> history, System.DateTime asOf, int? overall, TrendPolicy policy)
        {
            if (overall is null) return null;
            var baseline = history
                .Where(h => h.Overall.HasValue && (asOf - h.AssessedOn).TotalDays >= policy.MinimumDaysBetween)
                .OrderByDescending(h => h.AssessedOn)
                .FirstOrDefault();
            if (baseline is null) return null;
            var change = overall.Value - baseline.Overall!.Value;
            return change >= policy.ChangePoints ? Output.Trend.Improving
                : change <= -policy.ChangePoints ? Output.Trend.Declining
                : Output.Trend.Stable;
        }

        /// <summary>
        /// The transitions from one stored assessment to the next; a null band means never assessed, which
        /// counts as neither at risk nor perk-dependent. The only place they are decided: the history step
        /// applies it to the account's state before and after each stored assessment.
        /// </summary>
        public static IReadOnlyList<Transition> Between(HealthBand? previousBand, bool previousPerkDependent, HealthBand band, bool perkDependent)
        {
            var wasAtRisk = previousBand == HealthBand.AtRisk;
            var wasPerkDependent = previousPerkDependent;
            var isAtRisk = band == HealthBand.AtRisk;

            var transitions = new List<Transition>();
            if (!wasAtRisk && isAtRisk) transitions.Add(Transition.EnteredAtRisk);
            if (wasAtRisk && !isAtRisk) transitions.Add(Transition.LeftAtRisk);
            if (!wasPerkDependent && perkDependent) transitions.Add(Transition.BecamePerkDependent);
            if (wasPerkDependent && !perkDependent) transitions.Add(Transition.NoLongerPerkDependent);
            return transitions;
        }
    }
}
