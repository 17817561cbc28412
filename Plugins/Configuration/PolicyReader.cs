using System.Linq;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Plugins.Health;
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
        public static LoyaltyPolicy Read(IOrganizationService service)
        {
            var rows = service.RetrieveMultiple(new FetchExpression(HealthQueries.Policy().ToString())).Entities;
            var definition = rows.FirstOrDefault();
            var json = definition?.Aliased<string>("v", EnvironmentVariableSchema.Value);
            var source = "the current value of " + EnvironmentVariableSchema.PolicySchemaName;
            if (string.IsNullOrWhiteSpace(json))
            {
                json = definition?.GetAttributeValue<string>(EnvironmentVariableSchema.DefaultValue);
                source = "the default value of " + EnvironmentVariableSchema.PolicySchemaName;
            }

            var problems = PolicyLoader.TryLoad(json, out var policy);
            if (problems.Count > 0)
            {
                problems = PolicyValidator.ValidateDocument(json);
                throw new InvalidPluginExecutionException(
                    $"The loyalty policy in {source} is invalid, so no account was rescored:\n  " + string.Join("\n  ", problems));
            }
            return policy!;
        }
    }
}
