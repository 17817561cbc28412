using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// Weighted means that leave unknown measures and pillars out instead of counting them as zero,
    /// and the share of the overall health each known measure carries.
    /// </summary>
    internal static class PillarScoring
    {
        public static decimal? WeightedMean(IEnumerable<WeightedScore> parts)
        {
            var known = parts.Where(p => p.Score.HasValue && p.Weight > 0).ToList();
            var total = known.Sum(p => p.Weight);
            if (total <= 0) return null;
            return known.Sum(p => p.Weight * p.Score!.Value) / total;
        }

        public static decimal? PillarExact(IReadOnlyList<SubMeasureResult> measures) =>
            WeightedMean(measures.Select(m => new WeightedScore(m.Weight, m.Score)));

        public static decimal Weight(PillarWeights weights, Pillar pillar) => pillar switch
        {
            Pillar.Understanding => weights.Understanding,
            Pillar.Familiarity => weights.Familiarity,
            Pillar.Service => weights.Service,
            _ => throw new ArgumentOutOfRangeException(nameof(pillar)),
        };

        /// <summary>Sets each measure's effective weight: its share of the overall health.</summary>
        public static IReadOnlyList<SubMeasureResult> WithEffectiveWeights(
            IReadOnlyList<SubMeasureResult> measures, decimal pillarWeight, decimal knownPillarWeightTotal)
        {
            var pillarShare = knownPillarWeightTotal > 0 ? pillarWeight / knownPillarWeightTotal : 0m;
            var knownTotal = measures.Where(m => m.Score.HasValue && m.Weight > 0).Sum(m => m.Weight);
            return measures
                .Select(m => m with
                {
                    EffectiveWeight = m.Score.HasValue && m.Weight > 0 && knownTotal > 0
                        ? Math.Round(pillarShare * m.Weight / knownTotal, 6)
                        : 0m,
                })
                .ToList();
        }

        public static int Round(decimal score) => (int)Math.Round(score, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>A measure's or pillar's score (unknown when there is no evidence) and the weight it carries in a mean.</summary>
    internal readonly record struct WeightedScore(decimal Weight, decimal? Score);
}
