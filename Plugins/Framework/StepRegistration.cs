using System;
using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Plugins.Framework
{
    /// <summary>An entity image a step asks for, with only the columns its handler reads.</summary>
    public sealed class ImageRegistration
    {
        public ImageRegistration(string alias, ImageType type, IEnumerable<string> columns)
        {
            Alias = alias;
            Type = type;
            Columns = columns.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        }

        public string Alias { get; }
        public ImageType Type { get; }
        public IReadOnlyList<string> Columns { get; }
    }

    /// <summary>
    /// One step a plugin handles: where in the pipeline it runs and what it needs. The plugin's
    /// declarations are the single source of truth; the solution's step files are checked against them.
    /// </summary>
    public sealed class StepRegistration
    {
        public StepRegistration(string message, string? table, PluginStage stage, ExecutionMode mode,
            IEnumerable<string>? filteringAttributes = null, IEnumerable<ImageRegistration>? images = null)
        {
            if (mode == ExecutionMode.Asynchronous && stage != PluginStage.PostOperation)
                throw new ArgumentException("Asynchronous steps run in PostOperation only.", nameof(mode));
            Message = message;
            Table = table;
            Stage = stage;
            Mode = mode;
            FilteringAttributes = (filteringAttributes ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToArray();
            Images = (images ?? Array.Empty<ImageRegistration>()).ToArray();
            foreach (var image in Images)
            {
                if (image.Type == ImageType.PreImage && message == MessageNames.Create)
                    throw new ArgumentException("Create has no pre-image.", nameof(images));
                if (image.Type == ImageType.PostImage && message == MessageNames.Delete)
                    throw new ArgumentException("Delete has no post-image.", nameof(images));
            }
        }

        public string Message { get; }
        /// <summary>The primary table, or null for an unbound message such as an unbound Custom API.</summary>
        public string? Table { get; }
        public PluginStage Stage { get; }
        public ExecutionMode Mode { get; }
        public IReadOnlyList<string> FilteringAttributes { get; }
        public IReadOnlyList<ImageRegistration> Images { get; }

        public ImageRegistration? Image(string alias) => Images.FirstOrDefault(i => i.Alias == alias);

        public bool Matches(string message, string? table, int stage) =>
            string.Equals(Message, message, StringComparison.Ordinal)
            && string.Equals(Normalize(Table), Normalize(table), StringComparison.Ordinal)
            && (int)Stage == stage;

        // Dataverse names the primary table of an unbound message "none".
        private static string Normalize(string? table) => string.IsNullOrEmpty(table) || table == "none" ? "" : table!;

        public override string ToString() => $"{Message} of {Table ?? "(none)"} in {Stage} ({Mode})";
    }
}
