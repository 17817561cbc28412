using System;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// Two stored assessments that let a trend be computed without reading the whole history:
    /// a candidate, promoted to baseline once it is old enough to compare with. The baseline is
    /// therefore always at least <see cref="TrendPolicy.MinimumDaysBetween"/> days old, and at most
    /// about twice that plus the time between recalculations.
    /// </summary>
    public sealed record TrendCheckpoints(PastAssessment? Baseline, PastAssessment? Candidate)
    {
        public static readonly TrendCheckpoints None = new(null, null);

        /// <summary>The checkpoints after <paramref name="written"/> has been stored.</summary>
        public TrendCheckpoints Advance(PastAssessment written, TrendPolicy policy)
        {
            if (written.Overall is null) return this;
            if (Candidate is null) return this with { Candidate = written };
            if ((written.AssessedOn - Candidate.AssessedOn).TotalDays >= policy.MinimumDaysBetween)
                return new TrendCheckpoints(Candidate, written);
            return this;
        }

        public PastAssessment[] AsHistory() =>
            Baseline is null ? (Candidate is null ? Array.Empty<PastAssessment>() : new[] { Candidate })
            : Candidate is null ? new[] { Baseline } : new[] { Baseline, Candidate };
    }
}
