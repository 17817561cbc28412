using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    public sealed record PackInputs(string SolutionFolder, string PluginBuildFolder);

    /// <summary>
    /// Packs the unpacked source and the plugin build into the solution zip Dataverse imports:
    /// [Content_Types].xml, solution.xml, customizations.xml, the plugin assembly, the plugin package
    /// and the folder-based components.
    /// </summary>
    public static class SolutionPacker
    {
        public static PackedSolution Pack(PackInputs inputs)
        {
            var tree = new SourceTree(inputs.SolutionFolder);
            var used = new HashSet<string>(StringComparer.Ordinal);
            var manifest = SolutionManifest.Read(tree);
            used.Add(SolutionLayout.SolutionFile);

            var builder = new CustomizationsBuilder(tree, used);
            var customizations = builder.Build();
            var folderEntries = FolderComponents.Collect(tree, used).ToList();

            var packageFolders = tree.Folders(SolutionLayout.PluginPackages);
            if (packageFolders.Count != 1)
                throw new PackError($"{SolutionLayout.PluginPackages}/ must hold exactly one plugin package (the one built from the plugin project); it holds {packageFolders.Count}.");
            var package = PluginPackageSource.Read(tree, packageFolders[0], manifest.PublisherPrefix);
            used.Add(package.File);

            if (builder.AssemblyFiles.Count != 1)
                throw new PackError($"{SolutionLayout.PluginAssemblies}/ must describe exactly one plugin assembly (the one in the plugin package); it describes {builder.AssemblyFiles.Count}.");
            var assemblyFile = builder.AssemblyFiles[0];
            var assemblies = PackageAssemblies.Select(inputs.PluginBuildFolder, assemblyFile.FileName);
            var pluginAssembly = assemblies.Single(a => a.FileName == assemblyFile.FileName);
            if (!string.Equals(pluginAssembly.FullName, assemblyFile.FullName, StringComparison.Ordinal))
                throw new SourceFileError(assemblyFile.Source, $"FullName '{assemblyFile.FullName}' does not match the built assembly '{pluginAssembly.FullName}'.");

            var packageContent = NuGetPackage.Create(package.Name, package.Version, manifest.PublisherName,
                $"Plugin package of the Dataverse solution {manifest.UniqueName}: {string.Join(", ", assemblies.Select(a => a.Name))}.", assemblies);

            RejectUnknownFiles(tree, used);

            var rest = new List<KeyValuePair<string, byte[]>>
            {
                new(assemblyFile.ZipPath, pluginAssembly.Content),
                new(package.File, XmlText.Bytes(tree.LoadRoot(package.File, "pluginpackage"))),
                new(package.PackagePath, packageContent),
            };
            rest.AddRange(folderEntries);
            var entries = new List<KeyValuePair<string, byte[]>>
            {
                new(SolutionLayout.PackedSolution, XmlText.Bytes(new XElement(manifest.Root))),
                new(SolutionLayout.PackedCustomizations, XmlText.Bytes(customizations)),
            };
            entries.AddRange(rest.OrderBy(e => e.Key, StringComparer.Ordinal));
            entries.Insert(0, new(SolutionLayout.ContentTypes, ContentTypes(entries.Select(e => e.Key))));
            return new PackedSolution(manifest, entries, DeterministicZip.Create(entries), package, packageContent, assemblies);
        }

        /// <summary>
        /// A file the pack does not place would silently be left out of the solution; fail instead.
        /// Build outputs that <c>pac solution pack</c> expects beside the source (the plugin dll and the
        /// .nupkg) are skipped: this pack always takes them from the plugin build.
        /// </summary>
        private static void RejectUnknownFiles(SourceTree tree, ISet<string> used)
        {
            foreach (var file in tree.AllFiles())
            {
                if (used.Contains(file) || file == SolutionLayout.Readme) continue;
                var isBuildOutput = (file.StartsWith(SolutionLayout.PluginAssemblies + "/", StringComparison.Ordinal) && file.EndsWith(".dll", StringComparison.Ordinal))
                    || (file.StartsWith(SolutionLayout.PluginPackages + "/", StringComparison.Ordinal) && file.Contains("/" + SolutionLayout.PackageSubfolder + "/", StringComparison.Ordinal)
                        && file.EndsWith(".nupkg", StringComparison.Ordinal));
                if (!isBuildOutput)
                    throw new SourceFileError(file, "the pack does not know where this file belongs in the solution, so it would be left out; move or remove it.");
            }
        }

        private static byte[] ContentTypes(IEnumerable<string> names)
        {
            XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            var extensions = names.Select(n => n[(n.LastIndexOf('.') + 1)..].ToLowerInvariant()).Distinct().OrderBy(e => e, StringComparer.Ordinal);
            return XmlText.Bytes(new XElement(ns + "Types",
                extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream")))));
        }
    }
}
