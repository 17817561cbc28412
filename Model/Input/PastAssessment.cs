using System;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Model.Input
{
    /// <summary>An earlier assessment of the account: the baseline for trends and transitions.</summary>
    public sealed record PastAssessment
    {
        public DateTime AssessedOn { get; init; }
        public int? Overall { get; init; }
        public HealthBand Band { get; init; }
        public bool PerkDependent { get; init; }
    }
}
