using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>The value rules of a policy: every broken rule is reported with its JSON path.</summary>
    public static class PolicyValidator
    {
        public static IReadOnlyList<PolicyProblem> Validate(LoyaltyPolicy policy)
        {
            var v = new Rules();

            v.Days("$.windowDays", policy.WindowDays);
            v.WeightGroup("$.weights", new("understanding", policy.Weights.Understanding), new("familiarity", policy.Weights.Familiarity), new("service", policy.Weights.Service));

            v.Score("$.bands.healthyFrom", policy.Bands.HealthyFrom);
            v.Score("$.bands.watchFrom", policy.Bands.WatchFrom);
            v.Score("$.bands.weakPillarBelow", policy.Bands.WeakPillarBelow);
            if (policy.Bands.WatchFrom >= policy.Bands.HealthyFrom)
                v.Add("$.bands.watchFrom", $"must be below healthyFrom ({policy.Bands.HealthyFrom}), is {policy.Bands.WatchFrom}");

            v.NotNegative("$.evidence.newAccountDays", policy.Evidence.NewAccountDays);
            v.Between("$.evidence.minimumKnownPillars", policy.Evidence.MinimumKnownPillars, 1, 3);

            var u = policy.Understanding;
            v.WeightGroup("$.understanding.weights", new("goalsCurrency", u.Weights.GoalsCurrency), new("valueReporting", u.Weights.ValueReporting), new("valueMonetised", u.Weights.ValueMonetised));
            v.Days("$.understanding.goalsFreshDays", u.GoalsFreshDays);
            v.Days("$.understanding.goalsStaleDays", u.GoalsStaleDays);
            if (u.GoalsStaleDays <= u.GoalsFreshDays)
                v.Add("$.understanding.goalsStaleDays", $"must be more than goalsFreshDays ({u.GoalsFreshDays}), is {u.GoalsStaleDays}");
            v.Score("$.understanding.goalsUndatedScore", u.GoalsUndatedScore);
            v.Days("$.understanding.valueReportIntervalDays", u.ValueReportIntervalDays);

            var f = policy.Familiarity;
            v.WeightGroup("$.familiarity.weights", new("contactBreadth", f.Weights.ContactBreadth), new("departmentSpread", f.Weights.DepartmentSpread),
                new("seniorityReach", f.Weights.SeniorityReach), new("threadConcentration", f.Weights.ThreadConcentration),
                new("twoWayEngagement", f.Weights.TwoWayEngagement), new("referenceCustomer", f.Weights.ReferenceCustomer));
            v.AtLeastOne("$.familiarity.broadContacts", f.BroadContacts);
            v.AtLeastOne("$.familiarity.broadDepartments", f.BroadDepartments);
            v.Share("$.familiarity.singleThreadedShare", f.SingleThreadedShare, allowZero: false);
            v.Share("$.familiarity.customerInitiatedTarget", f.CustomerInitiatedTarget, allowZero: false);
            v.AtLeastOne("$.familiarity.minimumEngagements", f.MinimumEngagements);

            var s = policy.Service;
            v.WeightGroup("$.service.weights", new("serviceLevelAgreed", s.Weights.ServiceLevelAgreed), new("cadenceAdherence", s.Weights.CadenceAdherence), new("improvementProposals", s.Weights.ImprovementProposals));
            v.AtLeastOne("$.service.adherencePeriods", s.AdherencePeriods);
            v.Share("$.service.unknownChannelCredit", s.UnknownChannelCredit, allowZero: true);
            v.Share("$.service.otherChannelCredit", s.OtherChannelCredit, allowZero: true);
            v.AtLeastOne("$.service.proposalsPerYear", s.ProposalsPerYear);
            v.AtLeastOne("$.service.missedPeriodsKeepOutOfHealthy", s.MissedPeriodsKeepOutOfHealthy);

            var p = policy.Perks;
            v.Days("$.perks.windowDays", p.WindowDays);
            v.AtLeastOne("$.perks.minimumPerkTouches", p.MinimumPerkTouches);
            v.Share("$.perks.perkShareThreshold", p.PerkShareThreshold, allowZero: false);
            if (p.SpendToValueThreshold <= 0) v.Add("$.perks.spendToValueThreshold", "must be above 0, is " + Format(p.SpendToValueThreshold));
            v.NotNegative("$.perks.strongValueMinimumReports", p.StrongValueMinimumReports);
            if (p.StrongValueMultiple < 1) v.Add("$.perks.strongValueMultiple", "must be at least 1, is " + Format(p.StrongValueMultiple));

            v.NotNegative("$.trend.minimumDaysBetween", policy.Trend.MinimumDaysBetween);
            v.Between("$.trend.changePoints", policy.Trend.ChangePoints, 1, 100);

            if (policy.Explanations.MinimumImpact < 0) v.Add("$.explanations.minimumImpact", "must not be below 0, is " + Format(policy.Explanations.MinimumImpact));
            v.Score("$.explanations.actionBelowScore", policy.Explanations.ActionBelowScore);
            v.Between("$.explanations.maximumActions", policy.Explanations.MaximumActions, 0, 20);
            if (!Reasons.ReasonRenderer.Languages.Contains(policy.Explanations.Language ?? ""))
                v.Add("$.explanations.language", $"no texts ship for '{policy.Explanations.Language}'; available: {string.Join(", ", Reasons.ReasonRenderer.Languages)}");

            v.Words("$.classification.perkWords", policy.Classification.PerkWords);
            v.Words("$.classification.perkLookalikes", policy.Classification.PerkLookalikes);
            v.Words("$.classification.valueWords", policy.Classification.ValueWords);

            return v.Problems;
        }

        private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A weight with the JSON name a problem report points at.</summary>
        private readonly record struct NamedWeight(string Name, decimal Value);

        private sealed class Rules
        {
            public List<PolicyProblem> Problems { get; } = new();

            public void Add(string path, string message) => Problems.Add(new PolicyProblem(path, message));

            public void Days(string path, int days)
            {
                if (days <= 0) Add(path, $"a window must be at least 1 day, is {days}");
            }

            public void NotNegative(string path, int value)
            {
                if (value < 0) Add(path, $"must not be below 0, is {value}");
            }

            public void AtLeastOne(string path, int value)
            {
                if (value < 1) Add(path, $"must be at least 1, is {value}");
            }

            public void Between(string path, int value, int min, int max)
            {
                if (value < min || value > max) Add(path, $"must be between {min} and {max}, is {value}");
            }

            public void Score(string path, int value)
            {
                if (value < 0 || value > 100) Add(path, $"a score threshold must be between 0 and 100, is {value}");
            }

            public void Share(string path, decimal value, bool allowZero)
            {
                if (allowZero && (value < 0 || value > 1)) Add(path, $"a share must be between 0 and 1, is {Format(value)}");
                if (!allowZero && (value <= 0 || value > 1)) Add(path, $"a share must be above 0 and at most 1, is {Format(value)}");
            }

            public void WeightGroup(string path, params NamedWeight[] weights)
            {
                foreach (var weight in weights.Where(w => w.Value < 0))
                    Add(path + "." + weight.Name, "a weight must not be below 0, is " + Format(weight.Value));
                if (weights.All(w => w.Value <= 0))
                    Add(path, "at least one weight must be above 0");
            }

            public void Words(string path, WordLists lists)
            {
                foreach (var language in lists.ByLanguage())
                {
                    var seen = new HashSet<string>();
                    for (var i = 0; i < language.Value.Count; i++)
                    {
                        var word = language.Value[i];
                        var where = $"{path}.{language.Key}[{i}]";
                        if (string.IsNullOrWhiteSpace(word)) { Add(where, "a word must not be empty"); continue; }
                        if (Classification.TextNormalizer.Tokens(word).Count == 0) { Add(where, $"'{word}' has no letters or digits to match"); continue; }
                        if (!seen.Add(Classification.TextNormalizer.Normalize(word))) Add(where, $"'{word}' is listed twice");
                    }
                }
            }
        }
    }
}
