using System;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Policy;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>How far back interactions can matter, so that a data source reads no more than the scorer needs.</summary>
    public static class ScoringHorizon
    {
        public static int Days(LoyaltyPolicy policy, ServiceCadence? agreedCadence)
        {
            var cadenceDays = agreedCadence switch
            {
                ServiceCadence.Weekly => 7,
                ServiceCadence.Monthly => 31,
                ServiceCadence.Quarterly => 92,
                ServiceCadence.HalfYearly => 184,
                ServiceCadence.Yearly => 366,
                _ => 0,
            };
            return Math.Max(Math.Max(policy.WindowDays, policy.Perks.WindowDays), cadenceDays * policy.Service.AdherencePeriods) + 1;
        }
    }
}
