using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace LoyaltyHealth.InMemory.Schema
{
    /// <summary>
    /// Reads the tables of an unpacked solution (pac unpack layout: Entities/&lt;Table&gt;/Entity.xml) or of a
    /// packed solution zip (the &lt;Entity&gt; elements of its customizations.xml, the same XML inlined).
    /// </summary>
    public static class SolutionEntityReader
    {
        public const string FolderName = "Entities";
        public const string FileName = "Entity.xml";

        public static IReadOnlyList<SolutionTable> ReadSolution(string solutionFolder)
        {
            if (File.Exists(solutionFolder)) return ReadPacked(solutionFolder);
            var folder = Path.Combine(solutionFolder, FolderName);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"{solutionFolder} is not an unpacked solution with tables: it has no {FolderName} folder.");
            }

            return Directory.EnumerateFiles(folder, FileName, SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(Read)
                .ToList();
        }

        private static IReadOnlyList<SolutionTable> ReadPacked(string zipPath)
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(zipPath);
            var customizations = zip.GetEntry("customizations.xml") ?? throw new FormatException($"{zipPath}: the solution zip has no customizations.xml.");
            using var stream = customizations.Open();
            return XDocument.Load(stream).Root?.Element("Entities")?.Elements("Entity")
                .Select(e => Read(e, $"{zipPath}!customizations.xml"))
                .ToList() ?? new List<SolutionTable>();
        }

        public static SolutionTable Read(string file) => Read(XDocument.Load(file).Root, file);

        private static SolutionTable Read(XElement? root, string file)
        {
            var entity = root?.Element("EntityInfo")?.Element("entity")
                ?? throw new FormatException($"{file}: <Entity><EntityInfo><entity> is missing.");
            var name = (string?)entity.Attribute("Name") ?? throw new FormatException($"{file}: <entity> has no Name.");
            // Logical names are the lower-cased schema names; pac writes both, and the PhysicalName keeps the schema name's case.
            var columns = entity.Element("attributes")?.Elements("attribute")
                .Select(a => (a.Element("LogicalName")?.Value ?? (string?)a.Attribute("PhysicalName") ?? throw new FormatException($"{file}: an attribute has no LogicalName.")).ToLowerInvariant())
                .ToList() ?? new List<string>();
            return new SolutionTable(
                name.ToLowerInvariant(),
                entity.Element("IsActivity")?.Value == "1",
                entity.Element("OwnershipTypeMask")?.Value == "OrgOwned",
                columns);
        }
    }
}
