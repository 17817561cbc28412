using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>Reads of the execution context that keep Dataverse detail out of plugin bodies.</summary>
    public static class PluginContextExtensions
    {
        public const string PreImage = "PreImage";
        public const string PostImage = "PostImage";

        public static Entity? TargetEntity(this ILocalPluginContext local) =>
            local.PluginExecutionContext.InputParameters.TryGetValue(ContextKeys.Target, out var target) ? target as Entity : null;

        public static EntityReference? TargetReference(this ILocalPluginContext local) =>
            local.PluginExecutionContext.InputParameters.TryGetValue(ContextKeys.Target, out var target)
                ? target as EntityReference ?? (target as Entity)?.ToEntityReference()
                : null;

        /// <summary>
        /// The image the step declared under <paramref name="alias"/>. A declared image that is missing
        /// is a registration mistake and fails loudly, never scored as empty. (Columns that are null are
        /// absent from an image by design, so a missing column means "empty".)
        /// </summary>
        public static Entity Image(this ILocalPluginContext local, string alias)
        {
            var declared = local.Step.Image(alias)
                ?? throw new InvalidPluginExecutionException($"Step '{local.Step}' declares no image '{alias}'.");
            var images = declared.Type == ImageType.PreImage ? local.PluginExecutionContext.PreEntityImages : local.PluginExecutionContext.PostEntityImages;
            if (images is null || !images.TryGetValue(alias, out var image) || image is null)
                throw new InvalidPluginExecutionException($"Step '{local.Step}' is registered without its {declared.Type} '{alias}'; register the image with the columns {string.Join(", ", declared.Columns)}.");
            return image;
        }
    }
}
