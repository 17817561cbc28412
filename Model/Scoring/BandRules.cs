using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// The band, and the account-level reasons that decided it. New and evidence-free accounts are
    /// never "at risk"; one very weak pillar or perk dependence keeps an account out of Healthy.
    /// </summary>
    internal static class BandRules
    {
        public static BandDecision Decide(
            ScoringContext c, decimal? overall, IReadOnlyList<PillarResult> pillars, PerkDependence perks)
        {
            var policy = c.Policy;
            var reasons = new List<Reason>();

            if (!c.IsEstablished)
            {
                reasons.Add(new Reason(ReasonCodes.NewAccount, 0m, new[]
                {
                    Parameter.Days(ParameterNames.Days, c.AgeDays),
                    Parameter.Days(ParameterNames.RequiredDays, policy.Evidence.NewAccountDays),
                }));
                return new BandDecision(HealthBand.NotEnoughData, reasons);
            }

            // A pillar the policy gives no weight neither counts as evidence nor caps the band.
            var weighted = pillars.Where(p => PillarScoring.Weight(policy.Weights, p.Pillar) > 0).ToList();
            var known = weighted.Count(p => p.Score.HasValue);
            if (known < Math.Min(policy.Evidence.MinimumKnownPillars, weighted.Count) || overall is null)
            {
                reasons.Add(new Reason(ReasonCodes.TooLittleEvidence, 0m, new[]
                {
                    Parameter.Count(ParameterNames.KnownPillars, known),
                    Parameter.Count(ParameterNames.Required, Math.Min(policy.Evidence.MinimumKnownPillars, weighted.Count)),
                }));
                return new BandDecision(HealthBand.NotEnoughData, reasons);
            }

            var rounded = PillarScoring.Round(overall.Value);
            var band = rounded >= policy.Bands.HealthyFrom ? HealthBand.Healthy
                : rounded >= policy.Bands.WatchFrom ? HealthBand.Watch
                : HealthBand.AtRisk;

            var weakest = weighted.Where(p => p.Score < policy.Bands.WeakPillarBelow).OrderBy(p => p.Score).ThenBy(p => p.Pillar).FirstOrDefault();
            if (band == HealthBand.Healthy && weakest is not null)
            {
                band = HealthBand.Watch;
                reasons.Add(new Reason(ReasonCodes.WeakPillarCapsBand, 0m, new[]
                {
                    Parameter.PillarName(ParameterNames.Pillar, weakest.Pillar),
                    Parameter.Score(ParameterNames.Score, weakest.Score!.Value),
                    Parameter.Score(ParameterNames.Floor, policy.Bands.WeakPillarBelow),
                }));
            }
            if (band == HealthBand.Healthy && perks.IsPerkDependent) band = HealthBand.Watch;

            var thread = pillars.SelectMany(p => p.Measures).FirstOrDefault(m => m.Code == MeasureCodes.ThreadConcentration);
            if (band == HealthBand.Healthy && policy.Familiarity.SingleThreadedKeepsOutOfHealthy && thread?.ReasonCode == ReasonCodes.SingleThreaded)
            {
                band = HealthBand.Watch;
                reasons.Add(new Reason(ReasonCodes.SingleThreadedCapsBand, 0m, thread.Evidence));
            }

            // The customer defined the service; missing it for several periods is not healthy, however the averages look.
            var cadence = pillars.SelectMany(p => p.Measures).FirstOrDefault(m => m.Code == MeasureCodes.CadenceAdherence && m.Score.HasValue);
            if (band == HealthBand.Healthy && cadence is not null && PillarScoring.Weight(policy.Weights, Pillar.Service) > 0)
            {
                var periods = Evidence(cadence, ParameterNames.Periods);
                var missed = periods - Evidence(cadence, ParameterNames.Covered);
                if (missed >= policy.Service.MissedPeriodsKeepOutOfHealthy)
                {
                    band = HealthBand.Watch;
                    reasons.Add(new Reason(ReasonCodes.CadenceMissedCapsBand, 0m, new[]
                    {
                        Parameter.Count(ParameterNames.Missed, missed),
                        Parameter.Count(ParameterNames.Periods, periods),
                        cadence.Evidence.First(p => p.Name == ParameterNames.Cadence),
                        cadence.Evidence.First(p => p.Name == ParameterNames.Touch),
                    }));
                }
            }
            return new BandDecision(band, reasons);
        }

        private static int Evidence(SubMeasureResult measure, string name) => (int)measure.Evidence.First(p => p.Name == name).Value;
    }

    /// <summary>The band an account lands in, with the account-level reasons that put it there.</summary>
    internal sealed record BandDecision(HealthBand Band, IReadOnlyList<Reason> Reasons);
}
