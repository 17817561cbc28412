namespace LoyaltyHealth.Plugins.Schema
{
    /// <summary>Dataverse's environment variable tables, where the policy JSON lives.</summary>
    public static class EnvironmentVariableSchema
    {
        public const string DefinitionEntityName = "environmentvariabledefinition";
        public const string DefinitionId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string DefaultValue = "defaultvalue";
        public const string ValueEntityName = "environmentvariablevalue";
        public const string Value = "value";
        public const string DefinitionLookup = "environmentvariabledefinitionid";

        /// <summary>The product's policy variable.</summary>
        public const string PolicySchemaName = "loy_LoyaltyPolicy";

        /// <summary>The hours after which the scheduled refresh rescores an account (its MaxAgeHours).</summary>
        public const string RefreshMaxAgeHoursSchemaName = "loy_RefreshMaxAgeHours";
    }
}
