using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LoyaltyHealth.Pipeline.Registration;

namespace LoyaltyHealth.Cli.Live.Check
{
    /// <summary>A flow the solution ships (solution/Workflows/*.data.xml): its id and name.</summary>
    public sealed record ShippedFlow(Guid Id, string Name);

    /// <summary>
    /// What an installed Loyalty Health must have, read from the unpacked solution the tool carries: its
    /// unique name and version (Other/Solution.xml), its plugin steps (the registrations the local pipeline
    /// runs), its flows (Workflows/) and the default of each environment variable
    /// (environmentvariabledefinitions/). Nothing here is listed by hand.
    /// </summary>
    public sealed class ProductManifest
    {
        private ProductManifest(string uniqueName, string version, IReadOnlyList<StepDefinition> steps, IReadOnlyList<ShippedFlow> flows, IReadOnlyDictionary<string, string> defaults)
        {
            UniqueName = uniqueName;
            Version = version;
            Steps = steps;
            Flows = flows;
            Defaults = defaults;
        }

        public string UniqueName { get; }
        public string Version { get; }
        public IReadOnlyList<StepDefinition> Steps { get; }
        public IReadOnlyList<ShippedFlow> Flows { get; }

        /// <summary>The default value of each environment variable the solution defines, by schema name.</summary>
        public IReadOnlyDictionary<string, string> Defaults { get; }

        public static ProductManifest Read(string solutionFolder)
        {
            if (!Directory.Exists(solutionFolder))
                throw new DirectoryNotFoundException($"check needs the unpacked solution folder (solution/), not {solutionFolder}.");
            var manifest = XDocument.Load(Path.Combine(solutionFolder, "Other", "Solution.xml")).Root!.Element("SolutionManifest")
                ?? throw new InvalidDataException($"{Path.Combine(solutionFolder, "Other", "Solution.xml")} has no SolutionManifest.");
            var flows = Directory.EnumerateFiles(Path.Combine(solutionFolder, "Workflows"), "*.data.xml")
                .Select(f => XDocument.Load(f).Root!)
                .Select(w => new ShippedFlow(Guid.Parse((string)w.Attribute("WorkflowId")!), (string)w.Attribute("Name")!))
                .OrderBy(f => f.Name, StringComparer.Ordinal)
                .ToList();
            var defaults = Directory.EnumerateFiles(Path.Combine(solutionFolder, "environmentvariabledefinitions"), "environmentvariabledefinition.xml", SearchOption.AllDirectories)
                .Select(f => XDocument.Load(f).Root!)
                .ToDictionary(d => (string)d.Attribute("schemaname")!, d => (string?)d.Element("defaultvalue") ?? "", StringComparer.OrdinalIgnoreCase);
            return new ProductManifest((string)manifest.Element("UniqueName")!, (string)manifest.Element("Version")!,
                SolutionRegistrations.Load(solutionFolder).Steps, flows, defaults);
        }
    }
}
