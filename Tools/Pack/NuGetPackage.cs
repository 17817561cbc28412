using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace LoyaltyHealth.Pack
{
    /// <summary>
    /// Writes the plugin package as a NuGet package, the way <c>dotnet pack</c> lays one out (nuspec,
    /// lib/net462/, OPC relationships and core properties), but deterministic: the core-properties
    /// part is named after a hash of the content instead of a random name, and every entry has the
    /// same time stamp.
    /// </summary>
    public static class NuGetPackage
    {
        public const string TargetFolder = "lib/net462";
        public const string TargetFramework = ".NETFramework4.6.2";
        private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
        private static readonly XNamespace CoreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

        public static byte[] Create(string id, string version, string authors, string description, IReadOnlyList<PackageAssembly> assemblies)
        {
            var nuspecName = id + ".nuspec";
            var nuspec = XmlText.Bytes(new XElement(Nuspec + "package",
                new XElement(Nuspec + "metadata",
                    new XElement(Nuspec + "id", id),
                    new XElement(Nuspec + "version", version),
                    new XElement(Nuspec + "authors", authors),
                    new XElement(Nuspec + "description", description),
                    new XElement(Nuspec + "dependencies",
                        new XElement(Nuspec + "group", new XAttribute("targetFramework", TargetFramework))))));

            var lib = assemblies.Select(a => new KeyValuePair<string, byte[]>($"{TargetFolder}/{a.FileName}", a.Content)).ToList();
            var hash = ContentHash(nuspec, lib);
            var corePropertiesName = $"package/services/metadata/core-properties/{hash.Substring(0, 32)}.psmdcp";
            var coreProperties = XmlText.Bytes(new XElement(CoreProperties + "coreProperties",
                new XAttribute(XNamespace.Xmlns + "dc", Dc),
                new XElement(Dc + "creator", authors),
                new XElement(Dc + "description", description),
                new XElement(Dc + "identifier", id),
                new XElement(CoreProperties + "version", version),
                new XElement(CoreProperties + "keywords", ""),
                new XElement(CoreProperties + "lastModifiedBy", "LoyaltyHealth.Pack")));

            var rels = XmlText.Bytes(new XElement(Relationships + "Relationships",
                Relationship("http://schemas.microsoft.com/packaging/2010/07/manifest", "/" + nuspecName),
                Relationship("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "/" + corePropertiesName)));

            var types = XmlText.Bytes(new XElement(ContentTypes + "Types",
                Default("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                Default("psmdcp", "application/vnd.openxmlformats-package.core-properties+xml"),
                Default("dll", "application/octet"),
                Default("nuspec", "application/octet")));

            var entries = new List<KeyValuePair<string, byte[]>> { new("_rels/.rels", rels), new(nuspecName, nuspec) };
            entries.AddRange(lib);
            entries.Add(new(corePropertiesName, coreProperties));
            entries.Add(new(SolutionLayout.ContentTypes, types));
            return DeterministicZip.Create(entries);
        }

        private static XElement Relationship(string type, string target) =>
            new(Relationships + "Relationship",
                new XAttribute("Type", type),
                new XAttribute("Target", target),
                new XAttribute("Id", "R" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(target))).Substring(0, 16)));

        private static XElement Default(string extension, string contentType) =>
            new(ContentTypes + "Default", new XAttribute("Extension", extension), new XAttribute("ContentType", contentType));

        private static string ContentHash(byte[] nuspec, IEnumerable<KeyValuePair<string, byte[]>> files)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(nuspec);
            foreach (var (name, content) in files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(name));
                hash.AppendData(content);
            }
            return Hex(hash.GetHashAndReset());
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
