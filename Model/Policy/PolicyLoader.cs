using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace LoyaltyHealth.Model.Policy
{
    /// <summary>
    /// Reads a policy from JSON. The document is checked completely (shape, then values) before a
    /// policy object is handed out, so an invalid policy is never half-applied. Fields left out
    /// keep their defaults; a list that is given replaces the default list.
    /// </summary>
    public static class PolicyLoader
    {
        private static readonly IContractResolver Resolver = new CamelCasePropertyNamesContractResolver();

        public static JsonSerializerSettings SerializerSettings(Formatting formatting = Formatting.None) => new()
        {
            ContractResolver = Resolver,
            Formatting = formatting,
            Culture = CultureInfo.InvariantCulture,
            FloatParseHandling = FloatParseHandling.Decimal,
            ObjectCreationHandling = ObjectCreationHandling.Replace,
            MissingMemberHandling = MissingMemberHandling.Error,
            DateParseHandling = DateParseHandling.None,
        };

        /// <summary>Loads a policy; empty or whitespace text means "use the defaults".</summary>
        /// <exception cref="PolicyException">with every problem found.</exception>
        public static LoyaltyPolicy Load(string? json)
        {
            var problems = TryLoad(json, out var policy);
            if (problems.Count > 0) throw new PolicyException(problems);
            return policy!;
        }

        /// <summary>Returns every problem in the document; the policy is set only when there is none.</summary>
        public static IReadOnlyList<PolicyProblem> TryLoad(string? json, out LoyaltyPolicy? policy)
        {
            policy = null;
            if (string.IsNullOrWhiteSpace(json))
            {
                policy = LoyaltyPolicy.Default;
                return Array.Empty<PolicyProblem>();
            }

            JToken root;
            try
            {
                root = JToken.Parse(json!, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            }
            catch (JsonReaderException e)
            {
                return new[] { new PolicyProblem(ToJsonPath(e.Path), "not valid JSON: " + TrimPathSuffix(e.Message)) };
            }

            var problems = new List<PolicyProblem>();
            if (root is not JObject obj)
            {
                problems.Add(new PolicyProblem("$", "the policy must be a JSON object, found " + Describe(root)));
                return problems;
            }

            ShapeChecker.Check(obj, typeof(LoyaltyPolicy), Resolver, problems);
            if (problems.Count > 0) return problems;

            var candidate = obj.ToObject<LoyaltyPolicy>(JsonSerializer.Create(SerializerSettings()))!;
            problems.AddRange(PolicyValidator.Validate(candidate));
            if (problems.Count == 0) policy = candidate;
            return problems;
        }

        internal static string ToJsonPath(string? tokenPath) =>
            string.IsNullOrEmpty(tokenPath) ? "$" : tokenPath!.StartsWith("[", StringComparison.Ordinal) ? "$" + tokenPath : "$." + tokenPath;

        internal static string Describe(JToken token) => token.Type switch
        {
            JTokenType.Object => "an object",
            JTokenType.Array => "a list",
            JTokenType.Integer or JTokenType.Float => "the number " + token.ToString(Formatting.None),
            JTokenType.String => "the text " + token.ToString(Formatting.None),
            JTokenType.Boolean => "the value " + token.ToString(Formatting.None),
            JTokenType.Null => "null",
            _ => token.Type.ToString().ToLowerInvariant(),
        };

        private static string TrimPathSuffix(string message)
        {
            var at = message.IndexOf(" Path '", StringComparison.Ordinal);
            var line = message.IndexOf(", line ", StringComparison.Ordinal);
            if (at < 0) return message;
            return message.Substring(0, at) + (line > at ? " (" + message.Substring(line + 2).TrimEnd('.') + ")" : "");
        }
    }
}
