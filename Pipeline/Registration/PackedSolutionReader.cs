using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// Reads the registrations of a packed solution zip the way the import reads them: the steps inside
    /// customizations.xml, customapis/*/customapi.xml, the plugin package record, and the net462
    /// assemblies inside the package's .nupkg (metadata only), so that binding the result checks the
    /// very artefact an administrator imports.
    /// </summary>
    public static class PackedSolutionReader
    {
        public const string CustomizationsEntry = "customizations.xml";
        public const string PackageLibFolder = "lib/net462/";

        private static readonly Regex CustomApiEntry = new(@"^customapis/[^/]+/customapi\.xml$", RegexOptions.CultureInvariant);
        private static readonly Regex PackageRecordEntry = new(@"^pluginpackages/[^/]+/pluginpackage\.xml$", RegexOptions.CultureInvariant);
        private static readonly Regex PackageFileEntry = new(@"^pluginpackages/[^/]+/package/[^/]+\.nupkg$", RegexOptions.CultureInvariant);

        public static SolutionRegistrations Read(string zipPath)
        {
            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(zipPath);
            }
            catch (InvalidDataException e)
            {
                throw new SolutionFormatException(zipPath, "not a solution zip: " + e.Message, e);
            }
            using (zip)
            {
                var customizations = Xml(zip, CustomizationsEntry, zipPath)
                    ?? throw new SolutionFormatException(zipPath, $"has no {CustomizationsEntry}.");
                var steps = customizations.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep")
                    .Select(s => StepFileReader.Read(s, $"{zipPath}!{CustomizationsEntry} (step {(string?)s.Attribute("Name")})"))
                    .ToList() ?? new List<StepDefinition>();
                var plainTypes = customizations.Descendants("PluginType")
                    .Where(t => Guid.TryParse(((string?)t.Attribute("PluginTypeId"))?.Trim('{', '}'), out _))
                    .ToDictionary(t => Guid.Parse(((string)t.Attribute("PluginTypeId")!).Trim('{', '}')),
                        t => StepFileReader.TypeName((string?)t.Attribute("AssemblyQualifiedName") ?? (string?)t.Attribute("Name") ?? ""));
                var apis = zip.Entries.Where(e => CustomApiEntry.IsMatch(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal)
                    .Select(e => CustomApiReader.Read(Xml(zip, e.FullName, zipPath), $"{zipPath}!{e.FullName}", id => plainTypes.TryGetValue(id, out var name) ? name : null))
                    .ToList();

                var records = zip.Entries.Where(e => PackageRecordEntry.IsMatch(e.FullName)).ToList();
                if (records.Count > 1) throw new SolutionFormatException(zipPath, $"holds {records.Count} plugin packages; the pipeline binds to one.");
                var package = records.Count == 0 ? null : PluginPackageRecord.Read(Xml(zip, records[0].FullName, zipPath), $"{zipPath}!{records[0].FullName}");
                var assemblies = package is null ? null : PackageAssemblies(zip, zipPath);
                return new SolutionRegistrations(steps, apis, package, assemblies);
            }
        }

        /// <summary>The net462 assemblies of the .nupkg inside the zip.</summary>
        public static IReadOnlyList<AssemblyMetadata> PackageAssemblies(ZipArchive solution, string zipPath)
        {
            var nupkg = solution.Entries.SingleOrDefault(e => PackageFileEntry.IsMatch(e.FullName))
                ?? throw new SolutionFormatException(zipPath, "has a plugin package record but no pluginpackages/*/package/*.nupkg.");
            using var package = new ZipArchive(new MemoryStream(Bytes(nupkg)), ZipArchiveMode.Read);
            return package.Entries
                .Where(e => e.FullName.StartsWith(PackageLibFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                    && e.FullName.IndexOf('/', PackageLibFolder.Length) < 0)
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .Select(e => AssemblyMetadata.Read(e.Name, Bytes(e)))
                .ToList();
        }

        public static byte[] Bytes(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static XElement? Xml(ZipArchive zip, string entryName, string zipPath)
        {
            var entry = zip.GetEntry(entryName);
            if (entry is null) return null;
            try
            {
                using var stream = entry.Open();
                return XDocument.Load(stream).Root;
            }
            catch (XmlException e)
            {
                throw new SolutionFormatException($"{zipPath}!{entryName}", "not well-formed XML: " + e.Message, e);
            }
        }
    }
}
