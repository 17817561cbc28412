using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.InMemory.Schema
{
    /// <summary>
    /// Reads the one-to-many relationships of an unpacked solution (pac unpack layout:
    /// Other/Relationships/&lt;ReferencedTable&gt;.xml) or of a packed solution zip (the &lt;EntityRelationships&gt;
    /// of its customizations.xml, the same elements inlined). Many-to-many relationships are not modelled.
    /// </summary>
    public static class SolutionRelationshipReader
    {
        public const string FolderName = "Other/Relationships";

        public static IReadOnlyList<SolutionRelationship> ReadSolution(string solutionFolderOrZip)
        {
            if (File.Exists(solutionFolderOrZip)) return ReadPacked(solutionFolderOrZip);
            var folder = Path.Combine(solutionFolderOrZip, FolderName);
            // A solution that adds no relationship has no such folder.
            if (!Directory.Exists(folder)) return Array.Empty<SolutionRelationship>();
            return Directory.EnumerateFiles(folder, "*.xml")
                .OrderBy(f => f, StringComparer.Ordinal)
                .SelectMany(f => Read(XDocument.Load(f).Root, f))
                .ToList();
        }

        private static IReadOnlyList<SolutionRelationship> ReadPacked(string zipPath)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
            var customizations = zip.GetEntry("customizations.xml") ?? throw new FormatException($"{zipPath}: the solution zip has no customizations.xml.");
            using var stream = customizations.Open();
            return Read(XDocument.Load(stream).Root?.Element("EntityRelationships"), $"{zipPath}!customizations.xml").ToList();
        }

        private static IEnumerable<SolutionRelationship> Read(XElement? relationships, string file)
        {
            foreach (var relationship in relationships?.Elements("EntityRelationship") ?? Enumerable.Empty<XElement>())
            {
                if (relationship.Element("EntityRelationshipType")?.Value != "OneToMany") continue;
                var name = (string?)relationship.Attribute("Name") ?? throw new FormatException($"{file}: an <EntityRelationship> has no Name.");
                string Required(string element) => relationship.Element(element)?.Value
                    ?? throw new FormatException($"{file}: relationship {name} has no <{element}>.");
                // The files give schema names (Task, loy_HealthAssessmentId); requests use logical names, their lower case.
                yield return new SolutionRelationship(name,
                    Required("ReferencedEntityName").ToLowerInvariant(),
                    Required("ReferencingEntityName").ToLowerInvariant(),
                    Required("ReferencingAttributeName").ToLowerInvariant());
            }
        }
    }
}
