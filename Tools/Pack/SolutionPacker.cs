using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Pack
{
    public sealed record PackInputs(string SolutionFolder, string PluginBuildFolder)
    {
        /// <summary>The plugin project's assembly (named by the project itself): the root of what the package carries.</summary>
        public string PluginAssemblyFile { get; init; } = typeof(PluginBase).Assembly.GetName().Name + ".dll";

        /// <summary>
        /// Where the code components' builds are (each holds &lt;Control&gt;/ControlManifest.xml, bundle.js, …); by default
        /// every <c>Controls/*/out/controls</c> of the repository.
        /// </summary>
        public IReadOnlyList<string>? ControlBuildFolders { get; init; }

        /// <summary>What the sandbox provides, against which the package's references are closed.</summary>
        public SandboxAssemblies Sandbox { get; init; } = SandboxAssemblies.Net462;
    }

    /// <summary>
    /// Packs the unpacked source and the plugin build into the solution zip Dataverse imports:
    /// [Content_Types].xml, solution.xml, customizations.xml, the plugin package and the folder-based
    /// components. The code ships only in the plugin package (a plain twin of the same assembly would
    /// conflict with it); every step and Custom API binds to a package type by export key, checked here
    /// against the built assemblies, and the finished zip must pass <see cref="DeployabilityCheck"/>.
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
            var controls = CustomControls.Collect(tree, used, inputs.ControlBuildFolders ?? Repository.ControlBuildFolders(Repository.FindRoot()), manifest.PublisherPrefix);
            FillCustomControls(customizations, controls);
            var folderEntries = FolderComponents.Collect(tree, used).ToList();
            folderEntries.AddRange(controls.SelectMany(c => c.Entries));

            var packageFolders = tree.Folders(SolutionLayout.PluginPackages);
            if (packageFolders.Count != 1)
                throw new PackError($"{SolutionLayout.PluginPackages}/ must hold exactly one plugin package (the one built from the plugin project); it holds {packageFolders.Count}.");
            var package = PluginPackageSource.Read(tree, packageFolders[0], manifest.PublisherPrefix);
            used.Add(package.File);

            var assemblies = PackageAssemblies.Select(inputs.PluginBuildFolder, inputs.PluginAssemblyFile, inputs.Sandbox);
            var index = PluginPackageIndex.FromMetadata(package.UniqueName, assemblies.Select(a => a.Metadata));
            CheckStepBindings(customizations, index);
            foreach (var api in folderEntries.Where(e => e.Key.EndsWith("/" + SolutionLayout.CustomApiFile, StringComparison.Ordinal)))
                CheckCustomApiBinding(api.Key, XDocument.Parse(System.Text.Encoding.UTF8.GetString(api.Value)).Root!, index);

            var packageContent = NuGetPackage.Create(package.Name, package.Version, manifest.PublisherName,
                $"Plugin package of the Dataverse solution {manifest.UniqueName}: {string.Join(", ", assemblies.Select(a => a.Name))}.", assemblies);

            RejectUnknownFiles(tree, used);

            var rest = new List<KeyValuePair<string, byte[]>>
            {
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
            var zip = DeterministicZip.Create(entries);
            var problems = DeployabilityCheck.Check(zip, inputs.Sandbox, packageContent);
            if (problems.Count > 0)
                throw new PackError("the packed solution would not deploy:\n  " + string.Join("\n  ", problems));
            return new PackedSolution(manifest, entries, zip, package, packageContent, assemblies);
        }

        /// <summary>The code components' entries go into &lt;CustomControls&gt;, which Other/Customizations.xml keeps empty.</summary>
        private static void FillCustomControls(XElement customizations, IReadOnlyList<PackedControl> controls)
        {
            var section = customizations.Element("CustomControls");
            if (section is null)
            {
                if (controls.Count == 0) return;
                throw new SourceFileError(SolutionLayout.CustomizationsFile, $"has no <CustomControls> element to hold the {controls.Count} code component(s) of {SolutionLayout.Controls}/.");
            }
            if (section.HasElements)
                throw new SourceFileError(SolutionLayout.CustomizationsFile, $"<CustomControls> must be empty; each control's entry lives in {SolutionLayout.Controls}/<name>/{SolutionLayout.ControlDataFile}.");
            section.Add(controls.Select(c => c.Customization));
        }

        /// <summary>Each step binds, by export key, to a type the package's built assemblies really hold.</summary>
        private static void CheckStepBindings(XElement customizations, PluginPackageIndex index)
        {
            foreach (var step in customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? Enumerable.Empty<XElement>())
            {
                var file = $"{SolutionLayout.Steps}/{(string?)step.Attribute("SdkMessageProcessingStepId")}.xml";
                if (step.Element("PluginTypeName") is not null || step.Element("PluginTypeId") is not null)
                    throw new SourceFileError(file, "names a plain assembly's type (<PluginTypeName>/<PluginTypeId>); this solution ships its code in the plugin package only: bind by <PluginTypeExportKey> (regenerate the step files with --write-steps).");
                var key = step.Element("PluginTypeExportKey")?.Value.Trim();
                if (string.IsNullOrEmpty(key) || index.Find(key) is null)
                    throw new SourceFileError(file, $"<PluginTypeExportKey> '{key}' names no type of plugin package {index.PackageUniqueName} as built; regenerate the step files with --write-steps.");
            }
        }

        private static void CheckCustomApiBinding(string file, XElement api, PluginPackageIndex index)
        {
            // A custom business event: no plugin, asynchronous steps only (Microsoft's "Microsoft Dataverse business events").
            if (api.Element("plugintypeid") is null && api.Element("allowedcustomprocessingsteptype")?.Value.Trim() == CustomApiReader.AsyncOnly)
                return;
            var key = api.Element("plugintypeid")?.Element("plugintypeexportkey")?.Value.Trim();
            if (string.IsNullOrEmpty(key))
                throw new SourceFileError(file, "names its plugin by <plugintypeid><plugintypeid>, a plain assembly's type; bind it by <plugintypeexportkey> to the plugin package's type.");
            if (index.Find(key) is null)
                throw new SourceFileError(file, $"<plugintypeexportkey> '{key}' names no type of plugin package {index.PackageUniqueName} as built (types: {string.Join(", ", index.Types.Select(t => t.TypeFullName + " " + t.ExportKey))}).");
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
                var isBuildOutput = (file.StartsWith(SolutionLayout.PluginPackages + "/", StringComparison.Ordinal) && file.Contains("/" + SolutionLayout.PackageSubfolder + "/", StringComparison.Ordinal)
                        && file.EndsWith(".nupkg", StringComparison.Ordinal))
                    || CustomControls.IsBuildOutput(file);
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
