using System;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Mapping;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LoyaltyHealth.Plugins
{
    /// <summary>
    /// Rejects an invalid loyalty policy when an administrator saves it, naming every problem with its
    /// JSON path, so a broken policy never reaches a recalculation.
    /// </summary>
    public sealed class ValidatePolicyVariable : PluginBase
    {
        // The value too: pointing a value that was saved without a definition at the policy validates that value.
        private static readonly ImageRegistration[] DefinitionBefore =
        {
            new(PluginContextExtensions.PreImage, ImageType.PreImage, new[] { EnvironmentVariableSchema.DefinitionLookup, EnvironmentVariableSchema.Value }),
        };

        private static readonly ImageRegistration[] SchemaNameBefore =
        {
            new(PluginContextExtensions.PreImage, ImageType.PreImage, new[] { EnvironmentVariableSchema.SchemaName }),
        };

        public ValidatePolicyVariable()
        {
            Register(new StepRegistration(MessageNames.Create, EnvironmentVariableSchema.ValueEntityName, PluginStage.PreValidation, ExecutionMode.Synchronous), HandleValue);
            Register(new StepRegistration(MessageNames.Update, EnvironmentVariableSchema.ValueEntityName, PluginStage.PreValidation, ExecutionMode.Synchronous,
                new[] { EnvironmentVariableSchema.Value, EnvironmentVariableSchema.DefinitionLookup }, DefinitionBefore), HandleValue);
            Register(new StepRegistration(MessageNames.Create, EnvironmentVariableSchema.DefinitionEntityName, PluginStage.PreValidation, ExecutionMode.Synchronous), HandleDefinition);
            Register(new StepRegistration(MessageNames.Update, EnvironmentVariableSchema.DefinitionEntityName, PluginStage.PreValidation, ExecutionMode.Synchronous,
                new[] { EnvironmentVariableSchema.DefaultValue }, SchemaNameBefore), HandleDefinition);
        }

        private static void HandleValue(ILocalPluginContext local)
        {
            var target = local.TargetEntity();
            // Whenever the value or its link to a definition changes: a value saved without a definition
            // and then pointed at loy_LoyaltyPolicy is checked when the link is set.
            if (target is null || !(target.Contains(EnvironmentVariableSchema.Value) || target.Contains(EnvironmentVariableSchema.DefinitionLookup))) return;
            var before = local.PluginExecutionContext.MessageName == MessageNames.Update ? local.Image(PluginContextExtensions.PreImage) : null;
            var definition = target.Coalesce<EntityReference>(before, EnvironmentVariableSchema.DefinitionLookup);
            if (definition is null) return;
            var schemaName = local.PluginUserService
                .Retrieve(EnvironmentVariableSchema.DefinitionEntityName, definition.Id, new ColumnSet(EnvironmentVariableSchema.SchemaName))
                .GetAttributeValue<string>(EnvironmentVariableSchema.SchemaName);
            if (IsPolicy(schemaName)) Validate(target.Coalesce<string>(before, EnvironmentVariableSchema.Value), "value");
        }

        private static void HandleDefinition(ILocalPluginContext local)
        {
            var target = local.TargetEntity();
            if (target is null || !target.Contains(EnvironmentVariableSchema.DefaultValue)) return;
            var before = local.PluginExecutionContext.MessageName == MessageNames.Update ? local.Image(PluginContextExtensions.PreImage) : null;
            if (IsPolicy(target.Coalesce<string>(before, EnvironmentVariableSchema.SchemaName)))
                Validate(target.GetAttributeValue<string>(EnvironmentVariableSchema.DefaultValue), "default value");
        }

        private static bool IsPolicy(string? schemaName) =>
            string.Equals(schemaName, EnvironmentVariableSchema.PolicySchemaName, StringComparison.OrdinalIgnoreCase);

        private static void Validate(string? json, string what)
        {
            // Shape and value problems together, every one of them.
            var problems = PolicyValidator.ValidateDocument(json);
            if (problems.Count == 0) return;
            throw new InvalidPluginExecutionException(
                $"This {what} of {EnvironmentVariableSchema.PolicySchemaName} is not a valid loyalty policy, so it was not saved:\n  " + string.Join("\n  ", problems));
        }
    }
}
