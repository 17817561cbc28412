using System;
using System.Linq;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins.Configuration
{
    /// <summary>
    /// Reads the policy from the loy_LoyaltyPolicy environment variable: its current value, else its
    /// default value, else the built-in defaults. An invalid document stops the recalculation with
    /// every problem named; it is never partly applied.
    /// </summary>
    public static class PolicyReader
    {
        /// <summary>
        /// The last document loaded and its policy. Loading is a pure function of the text, so a document
        /// read again (every recalculation reads the variable, so a change applies at once) is not parsed and
        /// validated again. The policy is shared between executions and threads: plugins only read it.
        /// </summary>
        private static PolicyDocument? _last;

        /// <summary>The query is the same on every read, so its text is built once.</summary>
        private static readonly string DefinitionQuery = PolicyQuery.Definition().ToString();

        public static LoyaltyPolicy Read(IOrganizationService service) => ReadDocument(service).Policy;

        /// <summary>The stored document and its policy: what a recalculation hands on to the steps its write triggers.</summary>
        public static PolicyDocument ReadDocument(IOrganizationService service)
        {
            var json = Stored(service, out var source);
            return Document(json, source);
        }

        /// <summary>
        /// The policy of a document read before (<see cref="PolicyDocument.Json"/>; null for the built-in default),
        /// without reading the variable again. Throws, naming <paramref name="source"/>, when the document is invalid.
        /// </summary>
        public static LoyaltyPolicy Load(string? json, string source) => Document(json, source).Policy;

        private static PolicyDocument Document(string? json, string source)
        {
            var last = _last;
            if (last is not null && string.Equals(last.Json, json, StringComparison.Ordinal)) return last;
            var problems = PolicyLoader.TryLoad(json, out var policy);
            if (problems.Count > 0)
            {
                // Only an invalid document is looked at again, for the problems the loader alone cannot name.
                problems = PolicyValidator.ValidateDocument(json);
                throw new InvalidPluginExecutionException(
                    $"The loyalty policy in {source} is invalid, so no account was rescored:\n  " + string.Join("\n  ", problems));
            }
            return _last = new PolicyDocument(json, policy!);
        }

        /// <summary>
        /// The policy document the environment holds: the variable's current value, else its default value; null
        /// where neither is set or the variable does not exist (the product is not installed).
        /// </summary>
        /// <param name="source">Where the document came from, for messages.</param>
        public static string? Stored(IOrganizationService service, out string source)
        {
            var rows = service.RetrieveMultiple(new FetchExpression(DefinitionQuery)).Entities;
            var definition = rows.FirstOrDefault();
            var json = definition?.Aliased<string>(PolicyQuery.ValueAlias, EnvironmentVariableSchema.Value);
            source = "the current value of " + EnvironmentVariableSchema.PolicySchemaName;
            if (string.IsNullOrWhiteSpace(json))
            {
                json = definition?.GetAttributeValue<string>(EnvironmentVariableSchema.DefaultValue);
                source = "the default value of " + EnvironmentVariableSchema.PolicySchemaName;
            }
            if (string.IsNullOrWhiteSpace(json))
            {
                source = definition is null ? "the built-in default (no " + EnvironmentVariableSchema.PolicySchemaName + ")" : "the built-in default (" + EnvironmentVariableSchema.PolicySchemaName + " has no value)";
                return null;
            }
            return json;
        }
    }
}
