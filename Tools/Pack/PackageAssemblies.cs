using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.Pipeline.Registration;

namespace LoyaltyHealth.Pack
{
    /// <summary>An assembly that goes into the plugin package.</summary>
    public sealed record PackageAssembly(AssemblyMetadata Metadata, byte[] Content)
    {
        public string FileName => Metadata.FileName;
        public string Name => Metadata.Name;
        public string FullName => Metadata.FullName;
        public bool IsStrongNamed => Metadata.IsStrongNamed;
    }

    /// <summary>
    /// Picks what the plugin package carries: the plugin assembly and every assembly it needs at run
    /// time that the Dataverse sandbox does not provide (found by following assembly references).
    /// </summary>
    public static class PackageAssemblies
    {
        public static IReadOnlyList<PackageAssembly> Select(string buildFolder, string pluginAssemblyFile, SandboxAssemblies sandbox)
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
                foreach (var reference in assembly.Metadata.References)
                {
                    // A .NET Standard build needs netstandard.dll and its facades, which a 4.6.2 sandbox lacks.
                    if (reference.Name == "netstandard")
                        throw new PackError($"{assembly.FileName} in {buildFolder} is a .NET Standard build (it references netstandard); the plugin package must carry net462 builds.");
                    if (sandbox.Provides(reference.Name) || chosen.ContainsKey(reference.Name)) continue;
                    if (!byName.TryGetValue(reference.Name, out var file))
                        throw new PackError($"{assembly.Name} needs {reference.Name}, which is neither in {buildFolder} nor provided by the Dataverse sandbox (.NET Framework 4.6.2 and the SDK).");
                    var found = Read(file);
                    if (!string.Equals(found.Name, reference.Name, StringComparison.Ordinal))
                        throw new PackError($"{file} holds assembly {found.Name}, not {reference.Name}.");
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
                return new PackageAssembly(AssemblyMetadata.Read(Path.GetFileName(path), content), content);
            }
            catch (BadImageFormatException e)
            {
                throw new PackError(e.Message, e);
            }
        }
    }
}
