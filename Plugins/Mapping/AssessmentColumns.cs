using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;
using LoyaltyHealth.Model.Scoring;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Newtonsoft.Json;

namespace LoyaltyHealth.Plugins.Mapping
{
    /// <summary>
    /// The account columns an assessment is stored in, and the update that carries only the
    /// columns whose value changed.
    /// </summary>
    public static class AssessmentColumns
    {
        public const int TextLimit = 4000;
        public const int CodesLimit = 10000;

        /// <summary>Every computed column with the value the assessment gives it.</summary>
        public static IReadOnlyDictionary<string, object?> Values(Assessment a, ReasonRenderer renderer) => new Dictionary<string, object?>
        {
            [AccountSchema.UnderstandingScore] = a.Understanding.Score,
            [AccountSchema.FamiliarityScore] = a.Familiarity.Score,
            [AccountSchema.ServiceScore] = a.Service.Score,
            [AccountSchema.OverallHealth] = a.Overall,
            [AccountSchema.HealthBand] = new OptionSetValue(OptionMaps.Band.ValueOf(a.Band)),
            [AccountSchema.HealthTrend] = a.Trend is { } t ? new OptionSetValue(OptionMaps.Trend.ValueOf(t)) : null,
            [AccountSchema.PerkDependent] = a.Perks.IsPerkDependent,
            [AccountSchema.PerkShare] = a.Perks.PerkShare is { } share ? Math.Round(share * 100m, 2) : null,
            [AccountSchema.HealthReasons] = Lines(a.Reasons.Select(renderer.Render), TextLimit),
            [AccountSchema.ReasonCodes] = Codes(a.Reasons),
            [AccountSchema.NextBestActions] = Lines(a.NextBestActions.Select(renderer.Render), TextLimit),
            [AccountSchema.ActionCodes] = Codes(a.NextBestActions),
        };

        /// <summary>
        /// The update for an account: the assessment columns whose value differs from what is stored,
        /// plus the time stamps and trend checkpoints when anything is written at all. Null when nothing
        /// changed and no refresh was asked for, so a recalculation storm leaves no audit trail.
        /// </summary>
        public static Entity? Update(Entity stored, Assessment a, ReasonRenderer renderer, TrendCheckpoints checkpoints, DateTime dataAsOf, bool refresh, Model.Policy.TrendPolicy trendPolicy)
        {
            var update = new Entity(AccountSchema.EntityName, stored.Id);
            foreach (var pair in Values(a, renderer))
            {
                if (!SameValue(stored.Contains(pair.Key) ? stored[pair.Key] : null, pair.Value)) update[pair.Key] = pair.Value;
            }
            if (update.Attributes.Count == 0 && !refresh) return null;

            update[AccountSchema.HealthScoredOn] = a.AssessedOn;
            update[AccountSchema.HealthDataAsOf] = dataAsOf;
            var next = checkpoints.Advance(new Model.Input.PastAssessment { AssessedOn = a.AssessedOn, Overall = a.Overall, Band = a.Band }, trendPolicy);
            SetIfChanged(stored, update, AccountSchema.TrendBaselineOn, next.Baseline?.AssessedOn);
            SetIfChanged(stored, update, AccountSchema.TrendBaselineHealth, next.Baseline?.Overall);
            SetIfChanged(stored, update, AccountSchema.TrendCandidateOn, next.Candidate?.AssessedOn);
            SetIfChanged(stored, update, AccountSchema.TrendCandidateHealth, next.Candidate?.Overall);
            return update;
        }

        private static void SetIfChanged(Entity stored, Entity update, string column, object? value)
        {
            if (!SameValue(stored.Contains(column) ? stored[column] : null, value)) update[column] = value;
        }

        public static bool SameValue(object? stored, object? value) => stored switch
        {
            null => value is null or string { Length: 0 },
            string s when value is null => s.Length == 0,
            OptionSetValue s when value is OptionSetValue v => s.Value == v.Value,
            Money s when value is Money v => s.Value == v.Value,
            decimal s when value is decimal v => s == v,
            string s when value is string v => string.Equals(s, v, StringComparison.Ordinal),
            DateTime s when value is DateTime v => s.ToUniversalTime() == v.ToUniversalTime(),
            _ => Equals(stored, value),
        };

        /// <summary>Reason codes with their parameters, for forms, views and flows in any language.</summary>
        public static string Codes(IEnumerable<Reason> reasons) => Json(reasons, WriteReason);

        /// <summary>Next best action codes with their parameters, so the card renders them in the reader's language.</summary>
        public static string Codes(IEnumerable<NextBestAction> actions) => Json(actions, WriteAction);

        private static readonly Action<JsonWriter, Reason> WriteReason = (writer, reason) =>
        {
            writer.WritePropertyName("code");
            writer.WriteValue(reason.Code);
            writer.WritePropertyName("impact");
            writer.WriteValue(reason.Impact);
            WriteParameters(writer, reason.Parameters);
        };

        private static readonly Action<JsonWriter, NextBestAction> WriteAction = (writer, action) =>
        {
            writer.WritePropertyName("code");
            writer.WriteValue(action.Code);
            WriteParameters(writer, action.Parameters);
        };

        /// <summary>The parameters as one object, each name once (a repeated name is a defect in the model, refused as a dictionary refuses it).</summary>
        private static void WriteParameters(JsonWriter writer, IReadOnlyList<Parameter> parameters)
        {
            writer.WritePropertyName("parameters");
            writer.WriteStartObject();
            for (var i = 0; i < parameters.Count; i++)
            {
                for (var earlier = 0; earlier < i; earlier++)
                {
                    if (parameters[earlier].Name == parameters[i].Name)
                        throw new ArgumentException($"An item with the same key has already been added. Key: {parameters[i].Name}");
                }
                writer.WritePropertyName(parameters[i].Name);
                writer.WriteValue(parameters[i].Value);
            }
            writer.WriteEndObject();
        }

        /// <summary>
        /// The entries as a JSON list, written as Json.NET serializes them (invariant culture, no indentation), dropping
        /// the weakest (last) entries rather than cutting the JSON in the middle when it is longer than <see cref="CodesLimit"/>.
        /// </summary>
        private static string Json<T>(IEnumerable<T> entries, Action<JsonWriter, T> writeFields)
        {
            var text = new StringBuilder(256);
            var ends = new List<int>();
            using (var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)) { Culture = CultureInfo.InvariantCulture })
            {
                writer.WriteStartArray();
                foreach (var entry in entries)
                {
                    writer.WriteStartObject();
                    writeFields(writer, entry);
                    writer.WriteEndObject();
                    writer.Flush();
                    ends.Add(text.Length);
                }
                writer.WriteEndArray();
            }
            if (text.Length <= CodesLimit) return text.ToString();
            // The list of the first k entries is "[", their objects with the commas between them, and "]".
            var kept = ends.Count;
            while (kept > 0 && ends[kept - 1] + 1 > CodesLimit) kept--;
            return kept == 0 ? "[]" : text.ToString(0, ends[kept - 1]) + "]";
        }

        private static string? Lines(IEnumerable<string> lines, int limit)
        {
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                var next = (text.Length == 0 ? "" : "\n") + "• " + line;
                if (text.Length + next.Length > limit) break;
                text.Append(next);
            }
            // Dataverse stores an empty text as null; writing "" would count as a change every time.
            return text.Length == 0 ? null : text.ToString();
        }
    }
}
