using System.Collections.Generic;
using System.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>What a pack produced, all in memory: nothing is written until every part is known to be good.</summary>
    public sealed class PackedSolution
    {
        public PackedSolution(SolutionManifest manifest, IReadOnlyList<KeyValuePair<string, byte[]>> entries, byte[] zip,
            PluginPackageSource package, byte[] packageContent, IReadOnlyList<PackageAssembly> assemblies)
        {
            Manifest = manifest;
            Entries = entries;
            Zip = zip;
            Package = package;
            PackageContent = packageContent;
            Assemblies = assemblies;
        }

        public SolutionManifest Manifest { get; }
        /// <summary>The zip's entries in the order they were written.</summary>
        public IReadOnlyList<KeyValuePair<string, byte[]>> Entries { get; }
        public byte[] Zip { get; }
        public PluginPackageSource Package { get; }
        public byte[] PackageContent { get; }
        public IReadOnlyList<PackageAssembly> Assemblies { get; }
        public string ZipFileName => Manifest.ZipFileName;
        /// <summary>The package under NuGet's file name, for registering it by hand with the Plugin Registration tool.</summary>
        public string PackageFileName => $"{Package.Name}.{Package.Version}.nupkg";

        public byte[] Entry(string name) =>
            Entries.FirstOrDefault(e => e.Key == name).Value ?? throw new KeyNotFoundException($"The packed solution has no entry {name}.");
    }
}
