using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LoyaltyHealth.Pack
{
    /// <summary>An assembly that goes into the plugin package.</summary>
    public sealed record PackageAssembly(string FileName, string Name, string FullName, byte[] Content, bool IsStrongNamed);

    /// <summary>
    /// Picks what the plugin package carries: the plugin assembly and every assembly it needs at run
    /// time that the Dataverse sandbox does not provide (found by following assembly references).
    /// </summary>
    public static class PackageAssemblies
    {
        /// <summary>Assemblies the sandbox provides: the Dataverse SDK and the .NET Framework itself.</summary>
        public static bool ProvidedBySandbox(string name) =>
            name is "Microsoft.Xrm.Sdk" or "Microsoft.Crm.Sdk.Proxy" or "Microsoft.Xrm.Sdk.Workflow" or "mscorlib" or "netstandard" or "System" or "Microsoft.CSharp"
            || name.StartsWith("System.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);

        public static IReadOnlyList<PackageAssembly> Select(string buildFolder, string pluginAssemblyFile)
        {
            var start = Path.Combine(buildFolder, pluginAssemblyFile);
            if (!File.Exists(start))
                throw new PackError($"The plugin build has no {pluginAssemblyFile} in {buildFolder}; build Plugins for net462 first (or drop --no-build).");

            // An assembly's file is named after it; that is how the build lays out its dependencies too.
            var byName = Directory.EnumerateFiles(buildFolder, "*.dll")
                .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.OrdinalIgnoreCase);

            var root = Read(start);
            var chosen = new SortedDictionary<string, PackageAssembly>(StringComparer.Ordinal);
            var pending = new Queue<PackageAssembly>(new[] { root });
            while (pending.Count > 0)
            {
                var assembly = pending.Dequeue();
                if (!chosen.TryAdd(assembly.Name, assembly)) continue;
                foreach (var reference in References(assembly.Content))
                {
                    if (ProvidedBySandbox(reference) || chosen.ContainsKey(reference)) continue;
                    if (!byName.TryGetValue(reference, out var file))
                        throw new PackError($"{assembly.Name} needs {reference}, which is neither in {buildFolder} nor provided by the Dataverse sandbox.");
                    var found = Read(file);
                    if (!string.Equals(found.Name, reference, StringComparison.Ordinal))
                        throw new PackError($"{file} holds assembly {found.Name}, not {reference}.");
                    pending.Enqueue(found);
                }
            }

            // A strong-named assembly can only load strong-named dependencies.
            if (root.IsStrongNamed && chosen.Values.FirstOrDefault(a => !a.IsStrongNamed) is { } unsigned)
                throw new PackError($"{root.Name} is strong-named but its dependency {unsigned.Name} is not; the sandbox would refuse to load it.");
            return chosen.Values.OrderBy(a => a.FileName, StringComparer.Ordinal).ToList();
        }

        private static PackageAssembly Read(string path)
        {
            var content = File.ReadAllBytes(path);
            try
            {
                using var pe = new PEReader(new MemoryStream(content));
                var reader = pe.GetMetadataReader();
                var definition = reader.GetAssemblyDefinition();
                var name = definition.GetAssemblyName();
                return new PackageAssembly(Path.GetFileName(path), name.Name!, name.FullName, content, !definition.PublicKey.IsNil);
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
            {
                throw new PackError($"{path} is not a .NET assembly: {e.Message}", e);
            }
        }

        private static IEnumerable<string> References(byte[] content)
        {
            using var pe = new PEReader(new MemoryStream(content));
            var reader = pe.GetMetadataReader();
            return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        }
    }
}
