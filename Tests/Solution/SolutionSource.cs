using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pack;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Solution
{
    /// <summary>
    /// Where the solution checks find things: the repository (found by its .sln), solution/, the net462
    /// plugin build of the configuration the tests were built in, and Microsoft's schemas in ../shared,
    /// beside the repository as in a fresh CI clone.
    /// </summary>
    internal static class SolutionSource
    {
        private static readonly Lazy<PackedSolution> PackedOnce = new(Pack);

        public static string Repository => RepositoryPaths.Root;

        public static string Folder => RepositoryPaths.Solution;

        public static string Schemas => RepositoryPaths.Schemas;

        public static string PluginBuild => RepositoryPaths.Net462PluginBuild;

        /// <summary>solution/ packed once for all checks that read the packed form.</summary>
        public static PackedSolution Packed => PackedOnce.Value;

        public static PackedSolution Pack() => SolutionPacker.Pack(new PackInputs(Folder, PluginBuild));

        /// <summary>dist/, where the pack command writes what an administrator imports.</summary>
        public static string Dist => Path.Combine(Repository, "dist");

        /// <summary>The solution zip in dist/ as shipped (CI packs it before the tests run).</summary>
        public static byte[] DistZip => DistFile(Packed.ZipFileName);

        /// <summary>The plugin package in dist/ as shipped beside the zip.</summary>
        public static byte[] DistPackage => DistFile(Packed.PackageFileName);

        private static byte[] DistFile(string name)
        {
            var path = Path.Combine(Dist, name);
            if (!File.Exists(path))
                Assert.Fail($"{path} is missing: these checks read what ships. Pack first: dotnet run --project Tools/Pack -- --configuration Release (bash .ci/run does).");
            return File.ReadAllBytes(path);
        }

        public static XElement PackedXml(string entry) => XDocument.Parse(System.Text.Encoding.UTF8.GetString(Packed.Entry(entry))).Root!;

        /// <summary>Every XML file of solution/, relative to it, with its root element (line numbers kept for messages).</summary>
        public static IReadOnlyList<(string File, XElement Root)> AllXml() =>
            Directory.EnumerateFiles(Folder, "*.xml", SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (Relative(f), XDocument.Load(f, LoadOptions.SetLineInfo).Root!))
                .ToList();

        public static XElement Xml(string relative) => XDocument.Load(Path.Combine(Folder, relative), LoadOptions.SetLineInfo).Root!;

        public static IReadOnlyList<string> Files(string relativeFolder, string pattern) =>
            Directory.Exists(Path.Combine(Folder, relativeFolder))
                ? Directory.EnumerateFiles(Path.Combine(Folder, relativeFolder), pattern, SearchOption.AllDirectories)
                    .Select(Relative).OrderBy(f => f, StringComparer.Ordinal).ToList()
                : Array.Empty<string>();

        public static string Relative(string full) => Path.GetRelativePath(Folder, full).Replace('\\', '/');

        public static string Line(XObject node) => XmlFacts.Line(node);
    }
}
