using System;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// The perk trap: gifts and hospitality instead of delivered value. Perks next to strong,
    /// reported value are no concern; perks in place of it are.
    /// </summary>
    internal static class PerkAnalysis
    {
        public static PerkDependence Assess(ScoringContext c)
        {
            var policy = c.Policy.Perks;
            var since = c.AsOf.AddDays(-policy.WindowDays);
            var recent = c.Touches.Where(t => t.On > since).ToList();

            var perks = recent.Where(t => t.Class == InteractionClass.Perk).ToList();
            var value = recent.Where(t => t.Class == InteractionClass.Value).ToList();
            var reports = value.Where(t => t.IsValueReport).ToList();

            var spend = perks.Sum(t => Math.Max(0m, t.Interaction.PerkCost ?? 0m));
            var delivered = reports.Sum(t => Math.Max(0m, t.Interaction.ValueAmount ?? 0m));
            decimal? share = perks.Count + value.Count == 0 ? null : Math.Round((decimal)perks.Count / (perks.Count + value.Count), 4);
            decimal? spendToValue = delivered > 0 ? Math.Round(spend / delivered, 4) : null;

            var strongValue = reports.Count >= policy.StrongValueMinimumReports
                && delivered > 0
                && delivered >= spend * policy.StrongValueMultiple;
            var perksDominate = share >= policy.PerkShareThreshold
                || (spend > 0 && (delivered == 0 || spendToValue >= policy.SpendToValueThreshold));

            return new PerkDependence
            {
                PerkTouches = perks.Count,
                PricedPerkTouches = perks.Count(t => t.Interaction.PerkCost.HasValue),
                ValueTouches = value.Count,
                PerkShare = share,
                PerkSpend = spend,
                DeliveredValue = delivered,
                SpendToValue = spendToValue,
                StrongValue = strongValue,
                IsPerkDependent = perks.Count >= policy.MinimumPerkTouches && perksDominate && !strongValue,
            };
        }
    }
}
