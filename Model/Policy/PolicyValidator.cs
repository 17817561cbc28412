using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>
    /// The value rules of a policy: every broken rule is reported with its JSON path. Every number has an
    /// upper bound as well as a lower one, so a policy that passes cannot overflow a date or a decimal in
    /// the scoring (a window of a million days, two billion adherence periods, weights near decimal's limit).
    /// </summary>
    public static class PolicyValidator
    {
        /// <summary>The longest window or horizon in days a policy may ask for: ten years.</summary>
        public const int MaximumDays = 3650;
        /// <summary>The largest weight; weights are relative, so this bounds nothing a policy needs.</summary>
        public const decimal MaximumWeight = 1000m;
        /// <summary>The largest count of contacts, departments, engagements, perk touches or reports a rule may ask for.</summary>
        public const int MaximumCount = 10000;
        public const int MaximumAdherencePeriods = 60;
        public const int MaximumProposalsPerYear = 365;
        /// <summary>The largest ratio of perk spend to reported value, or multiple of it, a rule may use.</summary>
        public const decimal MaximumRatio = 1000000m;

        /// <summary>
        /// Every problem of a policy document, shape and value problems together: <see cref="PolicyLoader.TryLoad"/>
        /// stops at the shape problems (it cannot build a policy from a document of the wrong shape), so here the
        /// fields of the wrong shape are left out and the rest is checked for its values as well.
        /// </summary>
        public static IReadOnlyList<PolicyProblem> ValidateDocument(string? json)
        {
            var problems = PolicyLoader.TryLoad(json, out _);
            if (problems.Count == 0) return problems;
            JObject document;
            try
            {
                if (JToken.Parse(json!, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error }) is not JObject parsed) return problems;
                document = parsed;
            }
            catch (JsonException)
            {
                return problems;
            }

            var shapePaths = problems.Select(p => p.Path).ToList();
            foreach (var path in shapePaths)
            {
                var token = path == "$" ? null : document.SelectToken(path);
                // A wrong item in a list leaves the whole list out; a wrong field, the field.
                while (token is not null && token.Parent is not JProperty) token = token.Parent;
                token?.Parent?.Remove();
            }

            LoyaltyPolicy candidate;
            try
            {
                candidate = document.ToObject<LoyaltyPolicy>(JsonSerializer.Create(PolicyLoader.SerializerSettings()))!;
            }
            catch (JsonException)
            {
                return problems;
            }
            var all = problems.ToList();
            all.AddRange(Validate(candidate).Where(value => !shapePaths.Any(shape => value.Path == shape || value.Path.StartsWith(shape + ".", System.StringComparison.Ordinal))));
            return all;
        }

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

            v.Between("$.evidence.newAccountDays", policy.Evidence.NewAccountDays, 0, MaximumDays);
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
            v.Between("$.familiarity.broadContacts", f.BroadContacts, 1, MaximumCount);
            v.Between("$.familiarity.broadDepartments", f.BroadDepartments, 1, MaximumCount);
            v.Share("$.familiarity.singleThreadedShare", f.SingleThreadedShare, allowZero: false);
            v.Share("$.familiarity.customerInitiatedTarget", f.CustomerInitiatedTarget, allowZero: false);
            v.Between("$.familiarity.minimumEngagements", f.MinimumEngagements, 1, MaximumCount);

            var s = policy.Service;
            v.WeightGroup("$.service.weights", new("serviceLevelAgreed", s.Weights.ServiceLevelAgreed), new("cadenceAdherence", s.Weights.CadenceAdherence), new("improvementProposals", s.Weights.ImprovementProposals));
            v.Between("$.service.adherencePeriods", s.AdherencePeriods, 1, MaximumAdherencePeriods);
            v.Share("$.service.unknownChannelCredit", s.UnknownChannelCredit, allowZero: true);
            v.Share("$.service.otherChannelCredit", s.OtherChannelCredit, allowZero: true);
            v.Between("$.service.proposalsPerYear", s.ProposalsPerYear, 1, MaximumProposalsPerYear);
            v.Between("$.service.missedPeriodsKeepOutOfHealthy", s.MissedPeriodsKeepOutOfHealthy, 1, MaximumAdherencePeriods);

            var p = policy.Perks;
            v.Days("$.perks.windowDays", p.WindowDays);
            v.Between("$.perks.minimumPerkTouches", p.MinimumPerkTouches, 1, MaximumCount);
            v.Share("$.perks.perkShareThreshold", p.PerkShareThreshold, allowZero: false);
            if (p.SpendToValueThreshold <= 0) v.Add("$.perks.spendToValueThreshold", "must be above 0, is " + Format(p.SpendToValueThreshold));
            else if (p.SpendToValueThreshold > MaximumRatio) v.Add("$.perks.spendToValueThreshold", $"must be at most {Format(MaximumRatio)}, is {Format(p.SpendToValueThreshold)}");
            v.Between("$.perks.strongValueMinimumReports", p.StrongValueMinimumReports, 0, MaximumCount);
            if (p.StrongValueMultiple < 1) v.Add("$.perks.strongValueMultiple", "must be at least 1, is " + Format(p.StrongValueMultiple));
            else if (p.StrongValueMultiple > MaximumRatio) v.Add("$.perks.strongValueMultiple", $"must be at most {Format(MaximumRatio)}, is {Format(p.StrongValueMultiple)}");

            v.Between("$.trend.minimumDaysBetween", policy.Trend.MinimumDaysBetween, 0, MaximumDays);
            v.Between("$.trend.changePoints", policy.Trend.ChangePoints, 1, 100);
            v.Between("$.events.declinePoints", policy.Events.DeclinePoints, 1, 100);

            if (policy.Explanations.MinimumImpact < 0 || policy.Explanations.MinimumImpact > 100)
                v.Add("$.explanations.minimumImpact", "an impact in points must be between 0 and 100, is " + Format(policy.Explanations.MinimumImpact));
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
                else if (days > MaximumDays) Add(path, $"a window must be at most {MaximumDays} days (ten years), is {days}");
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
                foreach (var weight in weights.Where(w => w.Value > MaximumWeight))
                    Add(path + "." + weight.Name, $"a weight must be at most {Format(MaximumWeight)} (weights are relative), is {Format(weight.Value)}");
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
