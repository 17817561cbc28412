using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>A code component (PCF control) as it goes into the zip: its customizations.xml entry and its files.</summary>
    public sealed record PackedControl(string Name, XElement Customization, IReadOnlyList<KeyValuePair<string, byte[]>> Entries);

    /// <summary>
    /// Code components, in the layout of <c>pac solution unpack</c>: <c>Controls/&lt;prefix_namespace.Constructor&gt;/</c>
    /// holds <c>ControlManifest.xml.data.xml</c> (the control's <c>&lt;CustomControl&gt;</c> entry of customizations.xml)
    /// beside the built ControlManifest.xml, bundle.js and resources. Only the .data.xml file is source; the built
    /// files always come from the control's own build (<c>Controls/*/out/controls</c>, <c>npm run build</c>), as the
    /// plugin package comes from the net462 build, so a pack never ships a stale bundle.
    /// </summary>
    public static class CustomControls
    {
        public static IReadOnlyList<PackedControl> Collect(SourceTree tree, ISet<string> used, IReadOnlyList<string> buildFolders, string prefix)
        {
            var controls = new List<PackedControl>();
            foreach (var folder in tree.Folders(SolutionLayout.Controls))
            {
                var file = $"{folder}/{SolutionLayout.ControlDataFile}";
                var root = tree.LoadRoot(file, "CustomControl");
                var name = root.Element("Name")?.Value.Trim();
                var folderName = folder.Split('/').Last();
                if (string.IsNullOrEmpty(name))
                    throw new SourceFileError(file, "has no <Name>: it must name the control as <prefix>_<namespace>.<constructor>.");
                if (!string.Equals(name, folderName, StringComparison.Ordinal))
                    throw new SourceFileError(file, $"<Name> '{name}' does not match its folder '{folderName}'.");
                var manifestPath = $"/{SolutionLayout.Controls}/{name}/{SolutionLayout.ControlManifestFile}";
                if (!string.Equals(root.Element("FileName")?.Value.Trim(), manifestPath, StringComparison.Ordinal))
                    throw new SourceFileError(file, $"<FileName> must be {manifestPath}, where the zip carries the control's manifest.");
                if (!name.StartsWith(prefix + "_", StringComparison.Ordinal))
                    throw new SourceFileError(file, $"the control '{name}' must carry the publisher prefix: {prefix}_<namespace>.<constructor>.");
                used.Add(file);

                var built = FindBuild(name[(prefix.Length + 1)..], buildFolders)
                    ?? throw new PackError($"{file}: the control {name} ships from its build, and no ControlManifest.xml of " +
                        $"{name[(prefix.Length + 1)..]} is in {string.Join(", ", buildFolders.DefaultIfEmpty("Controls/*/out/controls (none exists)"))}. " +
                        "Build it first: cd Controls/HealthCard && npm ci && npm run build (bash .ci/run does).");
                controls.Add(new PackedControl(name, new XElement("CustomControl", new XElement("Name", name), new XElement("FileName", manifestPath)),
                    Entries(name, built.ManifestFile, built.Manifest)));
            }
            return controls;
        }

        /// <summary>Files of <c>solution/Controls/</c> that <c>pac solution unpack</c> writes beside the .data.xml: build outputs the pack never takes from there.</summary>
        public static bool IsBuildOutput(string file) =>
            file.StartsWith(SolutionLayout.Controls + "/", StringComparison.Ordinal) && !file.EndsWith("/" + SolutionLayout.ControlDataFile, StringComparison.Ordinal);

        private sealed record Built(string ManifestFile, XElement Manifest);

        private static Built? FindBuild(string fullName, IReadOnlyList<string> buildFolders)
        {
            foreach (var folder in buildFolders.Where(Directory.Exists))
            {
                foreach (var manifestFile in Directory.EnumerateFiles(folder, SolutionLayout.ControlManifestFile, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    XElement manifest;
                    try { manifest = XDocument.Load(manifestFile).Root!; }
                    catch (XmlException e) { throw new PackError($"{manifestFile}: the built control manifest is not well-formed XML: {e.Message}", e); }
                    var control = manifest.Element("control");
                    if (control is null) continue;
                    if (string.Equals($"{(string?)control.Attribute("namespace")}.{(string?)control.Attribute("constructor")}", fullName, StringComparison.Ordinal))
                        return new Built(manifestFile, manifest);
                }
            }
            return null;
        }

        /// <summary>The manifest and every resource it names (code, css, resx, img), under Controls/&lt;name&gt;/ in the zip.</summary>
        private static IReadOnlyList<KeyValuePair<string, byte[]>> Entries(string name, string manifestFile, XElement manifest)
        {
            var folder = Path.GetDirectoryName(manifestFile)!;
            var prefix = $"{SolutionLayout.Controls}/{name}/";
            var entries = new List<KeyValuePair<string, byte[]>> { new(prefix + SolutionLayout.ControlManifestFile, File.ReadAllBytes(manifestFile)) };
            var resources = manifest.Element("control")?.Element("resources")?.Elements() ?? Enumerable.Empty<XElement>();
            foreach (var path in resources.Select(r => (string?)r.Attribute("path")).Where(p => !string.IsNullOrEmpty(p)).Distinct(StringComparer.Ordinal))
            {
                var relative = path!.Replace('\\', '/');
                if (relative.StartsWith("/", StringComparison.Ordinal) || relative.Split('/').Contains(".."))
                    throw new PackError($"{manifestFile}: resource path '{path}' must stay inside the control's folder.");
                var full = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(full))
                    throw new PackError($"{manifestFile}: names the resource '{path}', which the build did not produce ({full}); rebuild the control.");
                entries.Add(new(prefix + relative, File.ReadAllBytes(full)));
            }
            return entries;
        }
    }
}
