using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using LoyaltyHealth.Pipeline.Registration;

namespace LoyaltyHealth.Pack
{
    /// <summary>One reason a packed solution would not deploy, under the rule it breaks.</summary>
    public sealed record DeployabilityProblem(string Rule, string Message)
    {
        public override string ToString() => $"[{Rule}] {Message}";
    }

    /// <summary>
    /// Reads a packed solution zip the way the import and the sandbox loader read it — metadata only,
    /// nothing is loaded or run — and lists everything that would make a plugin fail to load or bind.
    /// The pack refuses to write a zip with a problem, and the tests run it on dist/ as shipped.
    /// </summary>
    public static class DeployabilityCheck
    {
        public const string Binding = "binding";
        public const string SingleRegistration = "single-registration";
        public const string Closure = "closure";
        public const string SystemTables = "system-tables";
        public const string PackageRecord = "package-record";
        public const string StandalonePackage = "standalone-package";

        private static readonly Regex CustomApiEntry = new(@"^customapis/[^/]+/customapi\.xml$", RegexOptions.CultureInvariant);
        private static readonly Regex PackageRecordEntry = new(@"^pluginpackages/(?<name>[^/]+)/pluginpackage\.xml$", RegexOptions.CultureInvariant);

        /// <param name="solutionZip">The solution zip as an administrator imports it.</param>
        /// <param name="standalonePackage">The .nupkg shipped beside it for the Plugin Registration tool, if any: it must be the same package.</param>
        public static IReadOnlyList<DeployabilityProblem> Check(byte[] solutionZip, SandboxAssemblies sandbox, byte[]? standalonePackage = null)
        {
            var problems = new List<DeployabilityProblem>();
            void Add(string rule, string message) => problems.Add(new DeployabilityProblem(rule, message));

            using var zip = new ZipArchive(new MemoryStream(solutionZip), ZipArchiveMode.Read);
            var customizations = Xml(zip, PackedSolutionReader.CustomizationsEntry);
            if (customizations is null)
            {
                Add(Binding, $"the zip has no {PackedSolutionReader.CustomizationsEntry}.");
                return problems;
            }

            // The plugin package: its record, its .nupkg, its net462 assemblies and the export keys of their types.
            var records = zip.Entries.Select(e => PackageRecordEntry.Match(e.FullName)).Where(m => m.Success).ToList();
            if (records.Count > 1) Add(PackageRecord, $"the zip holds {records.Count} plugin packages; this product ships one.");
            IReadOnlyList<AssemblyMetadata> packaged = Array.Empty<AssemblyMetadata>();
            PluginPackageIndex? index = null;
            if (records.Count == 1)
            {
                var recordEntry = records[0].Value;
                var record = Xml(zip, recordEntry)!;
                var folderName = records[0].Groups["name"].Value;
                if ((string?)record.Attribute("uniquename") != folderName)
                    Add(PackageRecord, $"{recordEntry}: uniquename '{(string?)record.Attribute("uniquename")}' is not its folder's name '{folderName}'.");
                if (record.Element("exportkeyversion")?.Value.Trim() != PluginTypeExportKey.Version)
                    Add(PackageRecord, $"{recordEntry}: <exportkeyversion> is '{record.Element("exportkeyversion")?.Value ?? "(missing)"}'; real exports carry {PluginTypeExportKey.Version}, the version the keys are computed for.");
                if ((string?)record.Element("package")?.Attribute("mimetype") != "application/octet-stream")
                    Add(PackageRecord, $"{recordEntry}: <package> has no mimetype=\"application/octet-stream\", which every real export carries.");
                try
                {
                    packaged = PackedSolutionReader.PackageAssemblies(zip, "the zip");
                    index = PluginPackageIndex.FromMetadata(folderName, packaged);
                }
                catch (Exception e) when (e is SolutionFormatException or BadImageFormatException or InvalidDataException)
                {
                    Add(PackageRecord, e.Message);
                }
                if (standalonePackage is not null)
                {
                    var inside = zip.Entries.FirstOrDefault(e => e.FullName.StartsWith($"pluginpackages/{folderName}/package/", StringComparison.Ordinal));
                    if (inside is null || !PackedSolutionReader.Bytes(inside).AsSpan().SequenceEqual(standalonePackage))
                        Add(StandalonePackage, "the .nupkg beside the zip is not the plugin package inside it.");
                }
            }

            // Plain (classic) assemblies: SolutionPluginAssemblies entries, each with its file in the zip.
            var plain = new List<AssemblyMetadata>();
            var plainTypeIds = new HashSet<Guid>();
            foreach (var assembly in customizations.Descendants("PluginAssembly"))
            {
                var file = (assembly.Element("FileName")?.Value ?? "").TrimStart('/');
                var entry = zip.GetEntry(file);
                var name = ((string?)assembly.Attribute("FullName") ?? "").Split(',')[0].Trim();
                if (entry is null) { Add(Binding, $"plain assembly {name}: its file {file} is not in the zip."); continue; }
                plain.Add(AssemblyMetadata.Read(Path.GetFileName(file), PackedSolutionReader.Bytes(entry)));
                foreach (var type in assembly.Descendants("PluginType"))
                    if (Guid.TryParse(((string?)type.Attribute("PluginTypeId"))?.Trim('{', '}'), out var id)) plainTypeIds.Add(id);
            }

            CheckSingleRegistration(plain, packaged, Add);
            CheckClosure(plain, packaged, sandbox, Add);
            CheckBindings(zip, customizations, index, plainTypeIds, Add);
            CheckSystemTables(customizations, Add);
            return problems;
        }

        private static void CheckSingleRegistration(IReadOnlyList<AssemblyMetadata> plain, IReadOnlyList<AssemblyMetadata> packaged, Action<string, string> add)
        {
            foreach (var group in plain.Select(a => (a.Name, Where: "as a plain assembly")).Concat(packaged.Select(a => (a.Name, Where: "inside the plugin package")))
                .GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                add(SingleRegistration, $"assembly {group.Key} is registered {group.Count()} times ({string.Join(", ", group.Select(g => g.Where))}); Dataverse refuses the second (PluginType … conflicted with PluginType).");
        }

        private static void CheckClosure(IReadOnlyList<AssemblyMetadata> plain, IReadOnlyList<AssemblyMetadata> packaged, SandboxAssemblies sandbox, Action<string, string> add)
        {
            // A plain assembly is loaded alone: only the framework and the SDK are there for it.
            foreach (var assembly in plain)
                foreach (var reference in assembly.References.Where(r => !sandbox.Provides(r)))
                    add(Closure, $"plain assembly {assembly.Name} references {reference.Name} {reference.Version}, which a plain assembly cannot bring along and the .NET Framework 4.6.2 sandbox lacks.");
            var byName = packaged.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var assembly in packaged)
            {
                foreach (var reference in assembly.References)
                {
                    // The sandbox has no binding redirects: a strong-named reference loads only the exact version.
                    if (byName.TryGetValue(reference.Name, out var shipped))
                    {
                        if (shipped.Version != reference.Version)
                            add(Closure, $"package assembly {assembly.Name} references {reference.Name} {reference.Version}, but the package carries {shipped.Version}.");
                    }
                    else if (!sandbox.Provides(reference))
                        add(Closure, $"package assembly {assembly.Name} references {reference.Name} {reference.Version}, which is neither in the package nor in the .NET Framework 4.6.2 or the Dataverse SDK.");
                }
            }
        }

        private static void CheckBindings(ZipArchive zip, XElement customizations, PluginPackageIndex? index, ISet<Guid> plainTypeIds, Action<string, string> add)
        {
            void Resolve(string where, string? key, string? plainTypeId)
            {
                if (!string.IsNullOrWhiteSpace(key) && PluginTypeExportKey.IsKey(key.Trim()))
                {
                    if (index is null) add(Binding, $"{where}: binds by export key {key.Trim()} but the solution has no plugin package.");
                    else if (index.Find(key) is null) add(Binding, $"{where}: export key {key.Trim()} names no type of plugin package {index.PackageUniqueName}.");
                    return;
                }
                var id = plainTypeId ?? key;
                if (Guid.TryParse(id?.Trim().Trim('{', '}'), out var guid))
                {
                    if (!plainTypeIds.Contains(guid)) add(Binding, $"{where}: plugin type id {guid} is no type of a plain assembly in the solution.");
                    return;
                }
                add(Binding, $"{where}: names no plugin type by export key or id.");
            }

            foreach (var step in customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? Enumerable.Empty<XElement>())
                Resolve($"step {(string?)step.Attribute("Name")}", step.Element("PluginTypeExportKey")?.Value, step.Element("PluginTypeId")?.Value);
            foreach (var entry in zip.Entries.Where(e => CustomApiEntry.IsMatch(e.FullName)))
            {
                var api = Xml(zip, entry.FullName);
                var reference = api?.Element("plugintypeid");
                // A business event has no plugin: asynchronous steps only, no response properties.
                if (reference is null && api?.Element("allowedcustomprocessingsteptype")?.Value.Trim() == CustomApiReader.AsyncOnly)
                {
                    var prefix = entry.FullName[..(entry.FullName.LastIndexOf('/') + 1)];
                    if (zip.Entries.Any(e => e.FullName.StartsWith(prefix + SolutionLayout.ResponseProperties + "/", StringComparison.Ordinal)))
                        add(Binding, $"{entry.FullName}: a business event (no plugin) has response properties, which nothing could set.");
                    continue;
                }
                Resolve(entry.FullName, reference?.Element("plugintypeexportkey")?.Value, reference?.Element("plugintypeid")?.Value);
            }
        }

        private static void CheckSystemTables(XElement customizations, Action<string, string> add)
        {
            foreach (var entity in customizations.Descendants("Entity").Select(e => e.Element("EntityInfo")?.Element("entity")).OfType<XElement>())
            {
                if ((string?)entity.Attribute("unmodified") == "1" && entity.Element("attributes")?.Element("attribute") is not null)
                    add(SystemTables, $"table {(string?)entity.Attribute("Name")} is marked unmodified=\"1\" while the solution adds columns to it; the import would skip them.");
            }
        }

        private static XElement? Xml(ZipArchive zip, string entryName)
        {
            var entry = zip.GetEntry(entryName);
            if (entry is null) return null;
            try
            {
                using var stream = entry.Open();
                return XDocument.Load(stream).Root;
            }
            catch (XmlException)
            {
                return null;
            }
        }
    }
}
