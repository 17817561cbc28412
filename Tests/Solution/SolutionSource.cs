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

        public static string Repository
        {
            get
            {
                var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LoyaltyPlugin.sln"))) dir = dir.Parent;
                return dir?.FullName ?? throw new InvalidOperationException("No LoyaltyPlugin.sln above " + TestContext.CurrentContext.TestDirectory);
            }
        }

        public static string Folder => Path.Combine(Repository, "solution");

        public static string Schemas => Path.Combine(Directory.GetParent(Repository)!.FullName, "shared", "schemas");

        /// <summary>The tests run from Tests/bin/&lt;Configuration&gt;/net10.0; the plugin build of that configuration is packed.</summary>
        public static string PluginBuild
        {
            get
            {
                var configuration = new DirectoryInfo(TestContext.CurrentContext.TestDirectory).Parent!.Name;
                var folder = Path.Combine(Repository, "Plugins", "bin", configuration, "net462");
                Assert.That(Path.Combine(folder, "LoyaltyHealth.Plugins.dll"), Does.Exist, "the net462 plugin build is missing; build the solution first");
                return folder;
            }
        }

        /// <summary>solution/ packed once for all checks that read the packed form.</summary>
        public static PackedSolution Packed => PackedOnce.Value;

        public static PackedSolution Pack() => SolutionPacker.Pack(new PackInputs(Folder, PluginBuild));

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
