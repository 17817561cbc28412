using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Model
{
    /// <summary>
    /// Every reason text must be true of the data it describes: each reason of a generated account is
    /// rendered in every shipped language, and its numbers are checked against the measures and the
    /// perk figures of the same assessment.
    /// </summary>
    public class ReasonTruthPropertyTests
    {
        private static readonly LoyaltyPolicy Policy = LoyaltyPolicy.Default;
        private static readonly LoyaltyScorer Scorer = new(Policy);
        private static readonly ReasonRenderer[] Renderers = ReasonRenderer.Languages.Select(l => new ReasonRenderer(CultureInfo.GetCultureInfo(l))).ToArray();
        private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(400);

        [Test]
        public void Every_rendered_reason_agrees_with_the_measures_it_describes()
        {
            Prop.ForAll(AccountGenerators.Account().ToArbitrary(), account =>
            {
                var a = Scorer.Assess(account, AccountGenerators.AsOf);
                var problems = a.Reasons.SelectMany(r => Problems(a, r)).ToList();
                if (problems.Count > 0) throw new AssertionException(string.Join("\n", problems));
                return true;
            }).Check(Config);
        }

        private static IEnumerable<string> Problems(Assessment a, Reason r)
        {
            foreach (var renderer in Renderers)
            {
                var text = renderer.Render(r);
                if (text.Contains('{') || text.Contains('}')) yield return $"{r.Code} ({renderer.Culture.Name}) leaves a placeholder: {text}";
            }
            foreach (var problem in r.SubMeasure is null ? AccountLevel(a, r) : MeasureLevel(a, r)) yield return r.Code + ": " + problem;
        }

        private static IEnumerable<string> MeasureLevel(Assessment a, Reason r)
        {
            var m = a.Measure(r.SubMeasure!);
            if (m.ReasonCode != r.Code || !m.Evidence.SequenceEqual(r.Parameters)) yield return "differs from its measure";
            var score = m.Score!.Value;
            decimal P(string name) => r.Get(name);
            bool Near(decimal expected) => Math.Abs(expected - score) <= 0.01m;
            decimal Towards(decimal achieved, decimal target) => target <= 0 ? 100m : Math.Min(1m, achieved / target) * 100m;

            switch (r.Code)
            {
                case ReasonCodes.CadenceNotMet:
                    if (P(ParameterNames.Covered) != 0 || P(ParameterNames.Partly) != 0 || score != 0) yield return "says no agreed touch, but periods were covered";
                    break;
                case ReasonCodes.CadenceKept:
                case ReasonCodes.CadenceMissed:
                case ReasonCodes.CadenceKeptPartlyElsewhere:
                case ReasonCodes.CadenceMissedPartlyElsewhere:
                    var covered = P(ParameterNames.Covered);
                    var partly = P(ParameterNames.Partly);
                    var periods = P(ParameterNames.Periods);
                    if (covered + partly == 0 || covered + partly > periods) yield return $"covered {covered} + partly {partly} of {periods}";
                    if ((partly > 0) != r.Code.EndsWith("PartlyElsewhere", StringComparison.Ordinal)) yield return "partly served periods left unsaid, or said when there were none";
                    if (score < covered / periods * 100m - 0.01m || score > (covered + partly) / periods * 100m + 0.01m) yield return $"score {score} does not follow from {covered} (+{partly}) of {periods}";
                    break;
                case ReasonCodes.NoValueReports:
                case ReasonCodes.ValueReportedIrregularly:
                case ReasonCodes.ValueReportedRegularly:
                case ReasonCodes.ValueNotMonetised:
                case ReasonCodes.ValuePartlyMonetised:
                case ReasonCodes.ValueMonetised:
                    if (!Near(Towards(P(ParameterNames.Covered), P(ParameterNames.Periods)))) yield return $"score {score} is not {P(ParameterNames.Covered)} of {P(ParameterNames.Periods)}";
                    if ((r.Code is ReasonCodes.NoValueReports or ReasonCodes.ValueNotMonetised) != (P(ParameterNames.Covered) == 0)) yield return "says none, but periods were covered";
                    break;
                case ReasonCodes.NoContactsEngaged:
                case ReasonCodes.FewContactsEngaged:
                case ReasonCodes.BroadContactsEngaged:
                case ReasonCodes.NarrowDepartmentSpread:
                case ReasonCodes.WideDepartmentSpread:
                    if (!Near(Towards(P(ParameterNames.Count), P(ParameterNames.Target)))) yield return $"score {score} is not {P(ParameterNames.Count)} towards {P(ParameterNames.Target)}";
                    if ((r.Code == ReasonCodes.NoContactsEngaged) != (r.Code.EndsWith("ContactsEngaged", StringComparison.Ordinal) && P(ParameterNames.Count) == 0)) yield return "says nobody, but somebody is engaged";
                    break;
                case ReasonCodes.DecisionMakerEngaged:
                    if (P(ParameterNames.Count) < 1 || score != 100) yield return "no decision maker counted";
                    break;
                case ReasonCodes.NoDecisionMakerEngaged:
                    if (P(ParameterNames.Count) != 0) yield return "decision makers counted";
                    break;
                case ReasonCodes.SingleThreaded:
                case ReasonCodes.MultiThreaded:
                    var share = P(ParameterNames.Share);
                    if (share <= 0 || share > 1 || P(ParameterNames.Contacts) < 1) yield return $"share {share} over {P(ParameterNames.Contacts)} contacts";
                    if (P(ParameterNames.Contacts) == 1 && share != 1) yield return "one contact takes part in less than all interactions";
                    if (r.Code == ReasonCodes.MultiThreaded && P(ParameterNames.Contacts) < 2) yield return "spread over fewer than two contacts";
                    break;
                case ReasonCodes.MostlyOneWay:
                case ReasonCodes.TwoWayEngagement:
                    if (Math.Abs(Towards(P(ParameterNames.Share), P(ParameterNames.Target)) - score) > 0.05m) yield return $"score {score} is not share {P(ParameterNames.Share)} towards {P(ParameterNames.Target)}";
                    if (r.Code == ReasonCodes.MostlyOneWay && P(ParameterNames.Share) >= P(ParameterNames.Target)) yield return "one-way at or above the target";
                    break;
                case ReasonCodes.NoImprovementProposals:
                case ReasonCodes.FewImprovementProposals:
                case ReasonCodes.ImprovementProposalsMade:
                    if (!Near(Towards(P(ParameterNames.Count), P(ParameterNames.Target)))) yield return $"score {score} is not {P(ParameterNames.Count)} towards {P(ParameterNames.Target)}";
                    if ((r.Code == ReasonCodes.NoImprovementProposals) != (P(ParameterNames.Count) == 0)) yield return "says none, but proposals were counted";
                    break;
                case ReasonCodes.GoalsCurrent:
                case ReasonCodes.GoalsReviewOverdue:
                    if (P(ParameterNames.Days) < 0) yield return "negative days";
                    if (r.Code == ReasonCodes.GoalsCurrent && P(ParameterNames.Days) > Policy.Understanding.GoalsStaleDays) yield return "stale goals called current";
                    break;
            }
        }

        private static IEnumerable<string> AccountLevel(Assessment a, Reason r)
        {
            decimal P(string name) => r.Get(name);
            switch (r.Code)
            {
                case ReasonCodes.PerkDependent:
                case ReasonCodes.PerkDependentCostUnknown:
                case ReasonCodes.PerkDependentPartlyPriced:
                case ReasonCodes.PerksAlongsideStrongValue:
                    var perks = a.Perks;
                    if (P(ParameterNames.PerkTouches) != perks.PerkTouches || P(ParameterNames.ValueTouches) != perks.ValueTouches
                        || P(ParameterNames.PerkSpend) != perks.PerkSpend || P(ParameterNames.DeliveredValue) != perks.DeliveredValue
                        || P(ParameterNames.Share) != Math.Round(perks.PerkShare ?? 0m, 4) || P(ParameterNames.PricedPerks) != perks.PricedPerkTouches)
                        yield return "perk figures differ from the perk analysis";
                    if (P(ParameterNames.PricedPerks) + P(ParameterNames.UnpricedPerks) != perks.PerkTouches) yield return "priced and unpriced perks do not add up";
                    if (r.Code == ReasonCodes.PerkDependent && perks.PricedPerkTouches != perks.PerkTouches) yield return "states a spend for perks whose cost is unknown";
                    if (r.Code == ReasonCodes.PerkDependentCostUnknown && perks.PricedPerkTouches != 0) yield return "calls a logged cost unknown";
                    if (r.Code != ReasonCodes.PerksAlongsideStrongValue && !perks.IsPerkDependent) yield return "says perk-dependent, the flag says not";
                    break;
                case ReasonCodes.WeakPillarCapsBand:
                    var pillar = a[(Pillar)(int)P(ParameterNames.Pillar)];
                    if (pillar.Score != P(ParameterNames.Score) || P(ParameterNames.Score) >= P(ParameterNames.Floor)) yield return "pillar score differs or is not below the floor";
                    break;
                case ReasonCodes.SingleThreadedCapsBand:
                    if (!a.Measure(MeasureCodes.ThreadConcentration).Evidence.SequenceEqual(r.Parameters)) yield return "differs from the thread measure";
                    break;
                case ReasonCodes.CadenceMissedCapsBand:
                    var cadence = a.Measure(MeasureCodes.CadenceAdherence);
                    var periods = cadence.Evidence.Single(p => p.Name == ParameterNames.Periods).Value;
                    var covered = cadence.Evidence.Single(p => p.Name == ParameterNames.Covered).Value;
                    if (P(ParameterNames.Periods) != periods || P(ParameterNames.Missed) != periods - covered) yield return "missed periods differ from the cadence measure";
                    if (P(ParameterNames.Missed) < Policy.Service.MissedPeriodsKeepOutOfHealthy) yield return "caps the band for too few missed periods";
                    break;
                case ReasonCodes.TooLittleEvidence:
                    if (P(ParameterNames.KnownPillars) != a.Pillars.Count(p => p.Score.HasValue)) yield return "known pillars miscounted";
                    break;
                case ReasonCodes.NewAccount:
                    if (P(ParameterNames.Days) >= P(ParameterNames.RequiredDays)) yield return "old enough, but called new";
                    break;
            }
        }
    }
}
