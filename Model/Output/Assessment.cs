using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Model.Output
{
    /// <summary>The explained loyalty health of one account as of one instant.</summary>
    public sealed record Assessment
    {
        public Guid AccountId { get; init; }
        public DateTime AssessedOn { get; init; }
        public PillarResult Understanding { get; init; } = new();
        public PillarResult Familiarity { get; init; } = new();
        public PillarResult Service { get; init; } = new();
        public PerkDependence Perks { get; init; } = new();
        /// <summary>0–100, or null when no pillar has evidence.</summary>
        public int? Overall { get; init; }
        public HealthBand Band { get; init; }
        /// <summary>Null when there is no earlier assessment old enough to compare with.</summary>
        public Trend? Trend { get; init; }
        /// <summary>Ordered by impact, strongest first.</summary>
        public IReadOnlyList<Reason> Reasons { get; init; } = Array.Empty<Reason>();
        public IReadOnlyList<NextBestAction> NextBestActions { get; init; } = Array.Empty<NextBestAction>();
        public IReadOnlyList<DataWarning> Warnings { get; init; } = Array.Empty<DataWarning>();

        public IEnumerable<PillarResult> Pillars => new[] { Understanding, Familiarity, Service };

        public PillarResult this[Pillar pillar] => Pillars.Single(p => p.Pillar == pillar);

        public SubMeasureResult Measure(string code) =>
            Pillars.SelectMany(p => p.Measures).SingleOrDefault(m => m.Code == code)
            ?? throw new KeyNotFoundException($"No sub-measure '{code}' in the assessment.");
    }
}
