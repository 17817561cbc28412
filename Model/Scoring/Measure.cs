using System;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>Builds sub-measure results; scores are clamped to 0–100 and rounded for determinism.</summary>
    internal static class Measure
    {
        public static SubMeasureResult Known(Pillar pillar, string code, decimal weight, decimal score, string reasonCode, params Parameter[] evidence) => new()
        {
            Pillar = pillar,
            Code = code,
            Weight = weight,
            Score = Math.Round(Math.Max(0m, Math.Min(100m, score)), 2, MidpointRounding.AwayFromZero),
            ReasonCode = reasonCode,
            Evidence = evidence,
        };

        public static SubMeasureResult Unknown(Pillar pillar, string code, decimal weight) => new()
        {
            Pillar = pillar,
            Code = code,
            Weight = weight,
            Score = null,
        };

        /// <summary>
        /// Below the neutral score a measure costs overall health, so its finding is worded as a
        /// weakness; at or above it, as a strength. Wording and sign of the impact always agree.
        /// </summary>
        public static bool IsWeak(decimal score) => score < Neutral;

        public const decimal Neutral = 50m;

        /// <summary>How far <paramref name="achieved"/> gets towards <paramref name="target"/>, as 0–100.</summary>
        public static decimal Towards(decimal achieved, decimal target) =>
            target <= 0 ? 100m : Math.Min(1m, achieved / target) * 100m;
    }
}
