using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>A component the solution names in Solution.xml: by schema name or by id.</summary>
    public sealed record RootComponent(int Type, string? SchemaName, Guid? Id, int Behavior);

    /// <summary>Other/Solution.xml: the solution's identity, its publisher and its root components.</summary>
    public sealed class SolutionManifest
    {
        private static readonly Regex VersionPattern = new(@"^\d+\.\d+\.\d+\.\d+$", RegexOptions.CultureInvariant);

        private SolutionManifest(XElement root, string uniqueName, string version, string publisherPrefix, string publisherName, IReadOnlyList<RootComponent> components)
        {
            Root = root;
            UniqueName = uniqueName;
            Version = version;
            PublisherPrefix = publisherPrefix;
            PublisherName = publisherName;
            RootComponents = components;
        }

        public XElement Root { get; }
        public string UniqueName { get; }
        public string Version { get; }
        public string PublisherPrefix { get; }
        /// <summary>The publisher's English display name.</summary>
        public string PublisherName { get; }
        public IReadOnlyList<RootComponent> RootComponents { get; }

        /// <summary>The file name Dataverse gives an exported unmanaged solution, e.g. LoyaltyHealth_1_0_0_0.zip.</summary>
        public string ZipFileName => $"{UniqueName}_{Version.Replace('.', '_')}.zip";

        public static SolutionManifest Read(SourceTree tree)
        {
            const string file = SolutionLayout.SolutionFile;
            var root = tree.LoadRoot(file, "ImportExportXml");
            var manifest = root.RequiredChild("SolutionManifest", file);
            var uniqueName = manifest.RequiredText("UniqueName", file);
            var version = manifest.RequiredText("Version", file);
            if (!VersionPattern.IsMatch(version))
                throw new SourceFileError(file, $"Version '{version}' must have four numeric parts, such as 1.0.0.0.");
            var publisher = manifest.RequiredChild("Publisher", file);
            var prefix = publisher.RequiredText("CustomizationPrefix", file);
            var publisherName = publisher.Element("LocalizedNames")?.Elements("LocalizedName")
                .FirstOrDefault(n => (string?)n.Attribute("languagecode") == "1033")?.Attribute("description")?.Value
                ?? throw new SourceFileError(file, "the publisher has no English (1033) LocalizedName.");

            var components = new List<RootComponent>();
            foreach (var component in manifest.RequiredChild("RootComponents", file).Elements("RootComponent"))
            {
                var type = Integer(component, "type", file);
                var behavior = component.Attribute("behavior") is null ? 0 : Integer(component, "behavior", file);
                var schemaName = component.Attribute("schemaName")?.Value;
                var idText = component.Attribute("id")?.Value;
                Guid? id = idText is null ? null : XmlFacts.RequiredGuid(idText, "id", component, file);
                if (schemaName is null && id is null)
                    throw new SourceFileError(file, $"<RootComponent>{XmlFacts.Line(component)} has neither a schemaName nor an id.");
                components.Add(new RootComponent(type, schemaName, id, behavior));
            }
            return new SolutionManifest(root, uniqueName, version, prefix, publisherName, components);
        }

        private static int Integer(XElement element, string attribute, string file)
        {
            var text = element.RequiredAttribute(attribute, file);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                throw new SourceFileError(file, $"<{element.Name.LocalName}>{XmlFacts.Line(element)} has {attribute}='{text}', which is not a whole number.");
            return value;
        }
    }
}
