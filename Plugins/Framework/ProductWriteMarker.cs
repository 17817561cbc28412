using System;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>
    /// Tells the product's own writes apart by something a caller cannot forge. A caller controls only
    /// the request's "tag" (it lands in the shared variables under "tag"); a caller can neither add
    /// other shared-variable keys nor give its request a parent context. So a product plugin marks its
    /// own execution context before it sends a write, and a guard further down trusts the write only
    /// when a context above it (never the write's own context) carries that mark for the very record.
    /// </summary>
    public static class ProductWriteMarker
    {
        /// <summary>The recalculation is writing the computed columns of the account named after the colon.</summary>
        public const string Recalculating = "LoyaltyHealth.Recalculating:";

        public static void Mark(IPluginExecutionContext sender, string purpose, Guid recordId) =>
            sender.SharedVariables[purpose + recordId] = true;

        /// <summary>
        /// Whether a context above <paramref name="context"/> marked this purpose for this record. Only
        /// ancestors count: the current context's shared variables belong to the request being judged.
        /// </summary>
        public static bool MarkedAbove(IPluginExecutionContext context, string purpose, Guid recordId) =>
            ValueAbove(context, purpose + recordId) is true;

        /// <summary>
        /// The value a context above <paramref name="context"/> shared under <paramref name="key"/>, the nearest first;
        /// null when none did. Only ancestors count, for the reason <see cref="MarkedAbove"/> gives.
        /// </summary>
        public static object? ValueAbove(IPluginExecutionContext context, string key)
        {
            if (context.Depth <= 1) return null;
            for (var parent = context.ParentContext; parent is not null; parent = parent.ParentContext)
            {
                if (parent.SharedVariables is { } shared && shared.TryGetValue(key, out var value) && value is not null) return value;
            }
            return null;
        }
    }
}
