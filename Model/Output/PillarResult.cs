using System.Collections.Generic;

namespace LoyaltyHealth.Model.Output
{
    public sealed record PillarResult
    {
        public Pillar Pillar { get; init; }
        /// <summary>0–100, or null when none of its measures has evidence.</summary>
        public int? Score { get; init; }
        public IReadOnlyList<SubMeasureResult> Measures { get; init; } = System.Array.Empty<SubMeasureResult>();
    }
}
