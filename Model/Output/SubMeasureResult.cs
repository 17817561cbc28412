using System.Collections.Generic;

namespace LoyaltyHealth.Model.Output
{
    /// <summary>
    /// One named measure inside a pillar, with the evidence behind it. Score is null when there is
    /// no evidence; such a measure is left out of its pillar rather than counted as zero.
    /// </summary>
    public sealed record SubMeasureResult
    {
        public string Code { get; init; } = "";
        public Pillar Pillar { get; init; }
        /// <summary>0–100, or null when unknown.</summary>
        public decimal? Score { get; init; }
        /// <summary>Weight inside its pillar, from the policy.</summary>
        public decimal Weight { get; init; }
        /// <summary>Share of the overall health this measure carries (0–1); zero when unknown.</summary>
        public decimal EffectiveWeight { get; init; }
        /// <summary>The finding this measure reports, with its evidence.</summary>
        public string ReasonCode { get; init; } = "";
        public IReadOnlyList<Parameter> Evidence { get; init; } = System.Array.Empty<Parameter>();
    }
}
