using System;
using System.Collections.Generic;
using LoyaltyHealth.Model.Input;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>The most recent whole periods of an agreed cadence, counted back from the as-of instant.</summary>
    internal static class CadencePeriods
    {
        public static IReadOnlyList<Period> Recent(ServiceCadence cadence, DateTime asOf, DateTime accountCreatedOn, int maximum)
        {
            var periods = new List<Period>();
            for (var i = 0; i < maximum; i++)
            {
                var to = Back(cadence, asOf, i);
                var from = Back(cadence, asOf, i + 1);
                // A period the account did not exist for in full cannot have been missed.
                if (from < accountCreatedOn) break;
                periods.Add(new Period(from, to));
            }
            return periods;
        }

        private static DateTime Back(ServiceCadence cadence, DateTime asOf, int steps) => cadence switch
        {
            ServiceCadence.Weekly => asOf.AddDays(-7 * steps),
            ServiceCadence.Monthly => asOf.AddMonths(-steps),
            ServiceCadence.Quarterly => asOf.AddMonths(-3 * steps),
            ServiceCadence.HalfYearly => asOf.AddMonths(-6 * steps),
            ServiceCadence.Yearly => asOf.AddMonths(-12 * steps),
            _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Unknown service cadence."),
        };
    }
}
