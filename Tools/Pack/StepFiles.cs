using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LoyaltyHealth.Pipeline.Registration;
using LoyaltyHealth.Plugins.Framework;

namespace LoyaltyHealth.Pack
{
    /// <summary>A step file as it should be committed.</summary>
    public sealed record StepFile(Guid Id, string File, byte[] Content);

    /// <summary>
    /// The step files of solution/ as derived from the plugins' declared registrations (see
    /// <see cref="DerivedSteps"/>), and the step root components of Other/Solution.xml that list them.
    /// <c>--write-steps</c> writes them; the tests check that the committed files are exactly these.
    /// </summary>
    public static class StepFiles
    {
        private const int StepComponentType = 92;
        private static readonly Regex StepRoot = new($"^\\s*<RootComponent type=\"{StepComponentType}\" [^>]*/>\\s*$", RegexOptions.CultureInvariant);

        /// <summary>Every step file, relative to the solution folder, with its content as it should be committed.</summary>
        public static IReadOnlyList<StepFile> Derive(string solutionFolder)
        {
            var tree = new SourceTree(solutionFolder);
            var manifest = SolutionManifest.Read(tree);
            var packages = tree.Folders(SolutionLayout.PluginPackages);
            if (packages.Count != 1)
                throw new PackError($"{SolutionLayout.PluginPackages}/ must hold exactly one plugin package to bind the steps to; it holds {packages.Count}.");
            var package = PluginPackageSource.Read(tree, packages[0], manifest.PublisherPrefix);
            return DerivedSteps.From(typeof(PluginBase).Assembly, package.UniqueName, manifest.Version)
                .Select(s => new StepFile(s.Id, $"{SolutionLayout.Steps}/{s.FileName}", XmlText.SourceBytes(s.Xml)))
                .ToList();
        }

        /// <summary>Other/Solution.xml with exactly one step root component per derived step, in id order, and nothing else changed.</summary>
        public static string SolutionXmlWithStepRoots(string solutionXml, IEnumerable<Guid> stepIds)
        {
            var lines = solutionXml.Replace("\r\n", "\n").Split('\n').ToList();
            var first = lines.FindIndex(l => StepRoot.IsMatch(l));
            var end = lines.FindIndex(l => l.Trim() == "</RootComponents>");
            if (end < 0) throw new PackError($"{SolutionLayout.SolutionFile} has no </RootComponents> to list the steps in.");
            var at = first >= 0 ? first : end;
            var indent = first >= 0 ? lines[first][..(lines[first].Length - lines[first].TrimStart().Length)] : lines[end][..(lines[end].Length - lines[end].TrimStart().Length)] + "  ";
            lines.RemoveAll(l => StepRoot.IsMatch(l));
            lines.InsertRange(Math.Min(at, lines.FindIndex(l => l.Trim() == "</RootComponents>")),
                stepIds.OrderBy(id => id.ToString("D"), StringComparer.Ordinal)
                    .Select(id => $"{indent}<RootComponent type=\"{StepComponentType}\" id=\"{{{id:D}}}\" behavior=\"0\" />"));
            return string.Join("\n", lines);
        }

        /// <summary>Writes the derived step files, removes step files no plugin declares, and lists the steps in Other/Solution.xml.</summary>
        public static int Write(string solutionFolder)
        {
            var derived = Derive(solutionFolder);
            var tree = new SourceTree(solutionFolder);
            foreach (var stale in tree.Files(SolutionLayout.Steps, "*.xml").Except(derived.Select(d => d.File)))
                File.Delete(tree.Full(stale));
            Directory.CreateDirectory(tree.Full(SolutionLayout.Steps));
            foreach (var step in derived) File.WriteAllBytes(tree.Full(step.File), step.Content);

            var solutionXml = tree.Full(SolutionLayout.SolutionFile);
            File.WriteAllText(solutionXml, SolutionXmlWithStepRoots(File.ReadAllText(solutionXml), derived.Select(d => d.Id)));
            return derived.Count;
        }
    }
}
