using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// The plugin package record of the solution (<c>pluginpackages/&lt;uniquename&gt;/pluginpackage.xml</c>):
    /// the NuGet package that carries the plugin assembly and its dependent assemblies.
    /// </summary>
    public sealed record PluginPackageSource(string Folder, string File, string UniqueName, string Name, string Version, string PackageFileName)
    {
        // NuGet's own rule for an id: letters, digits, '.', '_' and '-'; Dataverse adds the publisher prefix.
        private static readonly Regex IdPattern = new("^[A-Za-z0-9_][A-Za-z0-9._-]*$", RegexOptions.CultureInvariant);
        private static readonly Regex VersionPattern = new(@"^\d+\.\d+\.\d+(\.\d+)?$", RegexOptions.CultureInvariant);

        /// <summary>Where the .nupkg goes in the packed zip (as <c>pac solution unpack</c> places it).</summary>
        public string PackagePath => $"{Folder}/{SolutionLayout.PackageSubfolder}/{PackageFileName}";

        public static PluginPackageSource Read(SourceTree tree, string folder, string publisherPrefix)
        {
            var file = $"{folder}/{SolutionLayout.PluginPackageFile}";
            var root = tree.LoadRoot(file, "pluginpackage");
            var uniqueName = root.RequiredAttribute("uniquename", file);
            var name = root.RequiredText("name", file);
            var version = root.RequiredText("version", file);
            var package = root.RequiredText("package", file);
            // Every real export of a plugin package writes both; the export keys are computed for version 1.
            if (root.Element("exportkeyversion")?.Value.Trim() != LoyaltyHealth.Pipeline.Registration.PluginTypeExportKey.Version)
                throw new SourceFileError(file, $"<exportkeyversion> must be {LoyaltyHealth.Pipeline.Registration.PluginTypeExportKey.Version}, the version of the export keys the steps and Custom APIs bind by.");
            if ((string?)root.Element("package")!.Attribute("mimetype") != "application/octet-stream")
                throw new SourceFileError(file, "<package> needs mimetype=\"application/octet-stream\", as every real export writes it.");
            var folderName = folder.Split('/').Last();

            if (!string.Equals(uniqueName, folderName, StringComparison.Ordinal))
                throw new SourceFileError(file, $"uniquename '{uniqueName}' does not match its folder '{folderName}'.");
            if (!string.Equals(name, uniqueName, StringComparison.Ordinal))
                throw new SourceFileError(file, $"name '{name}' differs from uniquename '{uniqueName}'; the package id is both.");
            if (!IdPattern.IsMatch(name))
                throw new SourceFileError(file, $"name '{name}' is not a valid NuGet package id.");
            // Dataverse refuses a plugin package whose name lacks the publisher's prefix.
            if (!name.StartsWith(publisherPrefix + "_", StringComparison.Ordinal))
                throw new SourceFileError(file, $"name '{name}' must start with the publisher prefix '{publisherPrefix}_'.");
            if (!VersionPattern.IsMatch(version))
                throw new SourceFileError(file, $"version '{version}' is not a numeric package version such as 1.0.0.");
            if (!string.Equals(package, name + ".nupkg", StringComparison.Ordinal))
                throw new SourceFileError(file, $"package '{package}' must be '{name}.nupkg'.");
            return new PluginPackageSource(folder, file, uniqueName, name, version, package);
        }
    }
}
