using System;
using System.Xml.Linq;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>pluginpackages/&lt;uniquename&gt;/pluginpackage.xml: the plugin package a solution ships its code in.</summary>
    public sealed record PluginPackageRecord(string UniqueName, string? ExportKeyVersion, string Source)
    {
        public const string FolderName = "pluginpackages";
        public const string FileName = "pluginpackage.xml";
        /// <summary>Where, inside a package folder, <c>pac solution unpack</c> and the import place the .nupkg.</summary>
        public const string PackageSubfolder = "package";

        public static PluginPackageRecord Read(XElement? root, string source)
        {
            if (root is null || root.Name.LocalName != "pluginpackage")
                throw new SolutionFormatException(source, "the root element must be <pluginpackage>.");
            var uniqueName = ((string?)root.Attribute("uniquename"))?.Trim();
            if (string.IsNullOrEmpty(uniqueName))
                throw new SolutionFormatException(source, "the plugin package has no uniquename.");
            return new PluginPackageRecord(uniqueName!, root.Element("exportkeyversion")?.Value.Trim(), source);
        }

        /// <summary>Export keys this product computes are those of version 1; another version would bind to nothing.</summary>
        public void RequireKnownKeyVersion()
        {
            if (!string.Equals(ExportKeyVersion, PluginTypeExportKey.Version, StringComparison.Ordinal))
                throw new SolutionFormatException(Source,
                    $"<exportkeyversion> is '{ExportKeyVersion ?? "(missing)"}'; only version {PluginTypeExportKey.Version} keys can be computed and checked.");
        }
    }
}
