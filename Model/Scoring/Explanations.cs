using System;
using System.Collections.Generic;
using System.Linq;
using LoyaltyHealth.Model.Input;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;

namespace LoyaltyHealth.Model.Scoring
{
    /// <summary>
    /// Turns measures into reasons and next best actions. A measure's impact is the points of
    /// overall health it adds or costs against a neutral 50: its effective weight × (score − 50).
    /// </summary>
    internal static class Explanations
    {

        public static IReadOnlyList<Reason> Reasons(ScoringContext c, IReadOnlyList<Reason> accountLevel, PerkDependence perks, IEnumerable<SubMeasureResult> measures)
        {
            var first = new List<Reason>();
            if (perks.IsPerkDependent) first.Add(new Reason(PerkDependentCode(perks), 0m, PerkParameters(perks)));
            first.AddRange(accountLevel);
            first.AddRange(c.Account.UnreadableValues.Select(u => new Reason(ReasonCodes.StoredValueUnreadable, 0m, new[]
            {
                Parameter.Input(ParameterNames.Input, u.Input),
                Parameter.StoredValue(ParameterNames.Value, u.StoredValue),
            })));
            if (!perks.IsPerkDependent && perks.StrongValue && perks.PerkTouches >= c.Policy.Perks.MinimumPerkTouches)
                first.Add(new Reason(ReasonCodes.PerksAlongsideStrongValue, 0m, PerkParameters(perks)));

            var byImpact = measures
                .Where(m => m.Score.HasValue && m.EffectiveWeight > 0)
                .Select(m => new Reason(m.ReasonCode, Impact(m), m.Evidence, m.Code))
                .Where(r => Math.Abs(r.Impact) >= c.Policy.Explanations.MinimumImpact && r.Impact != 0)
                .OrderByDescending(r => Math.Abs(r.Impact))
                .ThenBy(r => r.Impact)
                .ThenBy(r => r.Code, StringComparer.Ordinal);
            return first.Concat(byImpact).ToList();
        }

        private static decimal Impact(SubMeasureResult m) =>
            Math.Round(m.EffectiveWeight * (m.Score!.Value - Measure.Neutral), 2, MidpointRounding.AwayFromZero) + 0.00m;

        /// <summary>A spend is stated only for perks whose cost was logged: "0 spent" on lunches nobody priced would be false.</summary>
        private static string PerkDependentCode(PerkDependence perks) =>
            perks.PricedPerkTouches == 0 ? ReasonCodes.PerkDependentCostUnknown
            : perks.PricedPerkTouches < perks.PerkTouches ? ReasonCodes.PerkDependentPartlyPriced
            : ReasonCodes.PerkDependent;

        private static Parameter[] PerkParameters(PerkDependence perks) => new[]
        {
            Parameter.Count(ParameterNames.PerkTouches, perks.PerkTouches),
            Parameter.Count(ParameterNames.PricedPerks, perks.PricedPerkTouches),
            Parameter.Count(ParameterNames.UnpricedPerks, perks.PerkTouches - perks.PricedPerkTouches),
            Parameter.Count(ParameterNames.ValueTouches, perks.ValueTouches),
            Parameter.Percent(ParameterNames.Share, perks.PerkShare ?? 0m),
            Parameter.Money(ParameterNames.PerkSpend, perks.PerkSpend),
            Parameter.Money(ParameterNames.DeliveredValue, perks.DeliveredValue),
        };

        /// <summary>
        /// Actions for the measures that cost the most points, phrased as what the account team does.
        /// A new account has no weak measures yet, so it gets the onboarding questions instead.
        /// </summary>
        public static IReadOnlyList<NextBestAction> Actions(ScoringContext c, PerkDependence perks, IEnumerable<SubMeasureResult> measures)
        {
            var actions = new List<NextBestAction>();
            if (perks.IsPerkDependent)
                actions.Add(new NextBestAction(ActionCodes.ReplacePerksWithValueConversation, new[] { Parameter.Count(ParameterNames.PerkTouches, perks.PerkTouches) }));

            var weakest = measures
                .Where(m => m.Score < c.Policy.Explanations.ActionBelowScore)
                .OrderByDescending(m => m.EffectiveWeight * (100m - m.Score!.Value))
                .ThenBy(m => m.Code, StringComparer.Ordinal)
                .Select(m => ActionFor(c, m));
            var candidates = c.IsEstablished ? weakest : Onboarding(c).Concat(weakest);

            foreach (var action in candidates)
            {
                if (actions.Count >= c.Policy.Explanations.MaximumActions) break;
                if (action is not null && actions.All(a => a.Code != action.Code)) actions.Add(action);
            }
            return actions.Take(c.Policy.Explanations.MaximumActions).ToList();
        }

        private static IEnumerable<NextBestAction> Onboarding(ScoringContext c)
        {
            if (c.Account.ServiceAgreement is null && !c.IsUnreadable(SellerInput.ServiceCadence)) yield return Plain(ActionCodes.AskPreferredServiceLevel);
            if (string.IsNullOrWhiteSpace(c.Account.Goals)) yield return Plain(ActionCodes.ReviewGoalsAndNeeds);
        }

        private static NextBestAction? ActionFor(ScoringContext c, SubMeasureResult m) => m.Code switch
        {
            MeasureCodes.GoalsCurrency => Plain(ActionCodes.ReviewGoalsAndNeeds),
            MeasureCodes.ValueReporting => Plain(ActionCodes.ScheduleValueReview),
            MeasureCodes.ValueMonetised => Plain(ActionCodes.PutMoneyFigureOnValue),
            MeasureCodes.ContactBreadth or MeasureCodes.ThreadConcentration => Plain(ActionCodes.MeetPeopleBeyondMainContact),
            MeasureCodes.DepartmentSpread => Plain(ActionCodes.ShowValueToMoreDepartments),
            MeasureCodes.SeniorityReach => Plain(ActionCodes.EngageDecisionMaker),
            MeasureCodes.TwoWayEngagement => Plain(ActionCodes.InviteCustomerInput),
            MeasureCodes.ServiceLevelAgreed => Plain(ActionCodes.AskPreferredServiceLevel),
            MeasureCodes.CadenceAdherence when c.Account.ServiceAgreement is { } a => new NextBestAction(ActionCodes.MeetAgreedCadence, new[]
            {
                Parameter.Cadence(ParameterNames.Cadence, a.Cadence),
                Parameter.Channel(ParameterNames.Channel, a.Channel),
            }),
            MeasureCodes.ImprovementProposals => Plain(ActionCodes.BringImprovementProposal),
            _ => null,
        };

        private static NextBestAction Plain(string code) => new(code, Array.Empty<Parameter>());
    }
}
