using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// Everything a solution registers for the pipeline: its plugin steps, its Custom APIs and the plugin
    /// package their code comes from. Read from an unpacked solution folder or from a packed solution zip
    /// (<see cref="PackedSolutionReader"/>). Steps are looked up by message and table; a step on no table
    /// fires for every table.
    /// </summary>
    public sealed class SolutionRegistrations
    {
        // Read by every request of every worker of a run: a lock here made the workers queue behind each other.
        private readonly ConcurrentDictionary<(string Message, string Table), StepDefinition[]> _byEvent = new();
        private readonly Dictionary<string, CustomApiDefinition> _apis;

        public SolutionRegistrations(IEnumerable<StepDefinition> steps, IEnumerable<CustomApiDefinition>? customApis = null,
            PluginPackageRecord? package = null, IReadOnlyList<AssemblyMetadata>? packagedAssemblies = null)
        {
            Steps = steps.ToList();
            _apis = (customApis ?? Array.Empty<CustomApiDefinition>()).ToDictionary(a => a.UniqueName, StringComparer.OrdinalIgnoreCase);
            Package = package;
            PackagedAssemblies = packagedAssemblies;
            var duplicate = Steps.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new SolutionFormatException(duplicate.Last().Source, $"step id {duplicate.Key} is also used by {duplicate.First().Source}.");
        }

        public IReadOnlyList<StepDefinition> Steps { get; }

        public IReadOnlyCollection<CustomApiDefinition> CustomApis => _apis.Values;

        /// <summary>The plugin package the solution ships, or null when it ships none.</summary>
        public PluginPackageRecord? Package { get; }

        /// <summary>The net462 assemblies of the packed plugin package, when read from a packed zip; null for a folder.</summary>
        public IReadOnlyList<AssemblyMetadata>? PackagedAssemblies { get; }

        /// <summary>Whether every step and Custom API names its plugin type (after <see cref="Bind"/>).</summary>
        public bool IsBound => Steps.All(s => s.PluginTypeName.Length > 0) && CustomApis.All(a => a.IsEvent || a.PluginTypeName.Length > 0);

        /// <summary>
        /// Reads an unpacked solution folder (SdkMessageProcessingSteps/*.xml, customapis/*/customapi.xml,
        /// pluginpackages/*/pluginpackage.xml) or, given a .zip file, the packed solution.
        /// </summary>
        public static SolutionRegistrations Load(string solutionFolderOrZip)
        {
            if (File.Exists(solutionFolderOrZip)) return PackedSolutionReader.Read(solutionFolderOrZip);
            if (!Directory.Exists(solutionFolderOrZip))
                throw new DirectoryNotFoundException($"The solution folder {solutionFolderOrZip} does not exist.");
            return new SolutionRegistrations(
                StepFileReader.ReadFolder(Path.Combine(solutionFolderOrZip, StepFileReader.FolderName)),
                CustomApiReader.ReadSolution(solutionFolderOrZip),
                ReadPackage(solutionFolderOrZip));
        }

        private static PluginPackageRecord? ReadPackage(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, PluginPackageRecord.FolderName);
            var files = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, PluginPackageRecord.FileName, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList()
                : new List<string>();
            if (files.Count > 1)
                throw new SolutionFormatException(folder, $"holds {files.Count} plugin packages; the pipeline binds to one.");
            return files.Count == 0 ? null : PluginPackageRecord.Read(CustomApiReader.Load(files[0]).Root, files[0]);
        }

        /// <summary>
        /// Resolves every binding the way the import does and fails where the import would: an export key
        /// is looked up among the plugin package's types — the packed .nupkg's net462 assemblies when read
        /// from a zip, else the <paramref name="pluginAssemblies"/> the pipeline runs — and the resolved
        /// type must exist in <paramref name="pluginAssemblies"/>, which is the build that is executed.
        /// </summary>
        public SolutionRegistrations Bind(IReadOnlyList<Assembly> pluginAssemblies)
        {
            if (IsBound) return this;
            var problems = new List<string>();
            PluginPackageIndex? index = null;
            if (Steps.Any(s => s.PluginTypeExportKey is not null) || CustomApis.Any(a => a.PluginTypeExportKey is not null))
            {
                if (Package is null)
                    problems.Add($"the solution binds steps or Custom APIs by export key but ships no {PluginPackageRecord.FolderName}/*/{PluginPackageRecord.FileName}.");
                else
                {
                    Package.RequireKnownKeyVersion();
                    index = PackagedAssemblies is not null
                        ? PluginPackageIndex.FromMetadata(Package.UniqueName, PackagedAssemblies)
                        : PluginPackageIndex.FromLoaded(Package.UniqueName, pluginAssemblies);
                }
            }

            string Resolve(string? key, string current, string source, string what)
            {
                if (current.Length > 0 || key is null || index is null) return current;
                var type = index.Find(key);
                if (type is null)
                {
                    // The import's own words for this failure, then what it means here.
                    problems.Add($"{source}: Lookup value <plugintypeexportkey>{key}</plugintypeexportkey> is not resolvable: {what} binds to no type of plugin package {index.PackageUniqueName}.");
                    return current;
                }
                if (!pluginAssemblies.Any(a => a.GetName().Name == type.AssemblyName && a.GetType(type.TypeFullName, throwOnError: false) is not null))
                    problems.Add($"{source}: {what} binds to {type.TypeFullName} of {type.AssemblyName}, which the assemblies the pipeline runs do not hold.");
                return type.TypeFullName;
            }

            var steps = Steps.Select(s => s with { PluginTypeName = Resolve(s.PluginTypeExportKey, s.PluginTypeName, s.Source, $"step {s.Name}") }).ToList();
            var apis = CustomApis.Select(a => a with { PluginTypeName = Resolve(a.PluginTypeExportKey, a.PluginTypeName, a.Source, $"custom API {a.UniqueName}") }).ToList();
            if (problems.Count > 0)
                throw new SolutionFormatException(Package?.Source ?? "solution", "bindings that Dataverse would refuse:\n  " + string.Join("\n  ", problems));
            return new SolutionRegistrations(steps, apis, Package, PackagedAssemblies);
        }

        /// <summary>The steps for a message on a table, in the order the platform runs them: stage, then rank.</summary>
        public IReadOnlyList<StepDefinition> For(string message, string? table) =>
            _byEvent.GetOrAdd((message, table ?? ""), key => Steps
                .Where(s => string.Equals(s.Message, key.Message, StringComparison.OrdinalIgnoreCase)
                    && (s.PrimaryEntity is null || string.Equals(s.PrimaryEntity, key.Table, StringComparison.Ordinal)))
                .OrderBy(s => s.Stage).ThenBy(s => s.Rank).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
                .ToArray());

        public CustomApiDefinition? CustomApi(string message) => _apis.TryGetValue(message, out var api) ? api : null;
    }
}
