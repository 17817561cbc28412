using System.Xml.Linq;
using LoyaltyHealth.Plugins.Schema;
using static LoyaltyHealth.Plugins.Framework.FetchXml;

namespace LoyaltyHealth.Plugins.Configuration
{
    /// <summary>The FetchXML that reads the policy variable: its definition's default and, through an outer link, its current value.</summary>
    public static class PolicyQuery
    {
        /// <summary>The alias of the linked value row, which the reader takes the current value from.</summary>
        public const string ValueAlias = "v";

        public static XElement Definition() =>
            Fetch(Entity(EnvironmentVariableSchema.DefinitionEntityName,
                Attributes(EnvironmentVariableSchema.DefaultValue),
                Filter("and", Condition(EnvironmentVariableSchema.SchemaName, "eq", EnvironmentVariableSchema.PolicySchemaName)),
                Link(EnvironmentVariableSchema.ValueEntityName, EnvironmentVariableSchema.DefinitionLookup, EnvironmentVariableSchema.DefinitionId, ValueAlias, outer: true,
                    Attributes(EnvironmentVariableSchema.Value))));
    }
}
