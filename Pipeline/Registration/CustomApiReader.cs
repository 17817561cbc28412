using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace LoyaltyHealth.Pipeline.Registration
{
    /// <summary>
    /// Reads customapis/&lt;uniquename&gt;/customapi.xml. The plugin that implements an API is named by
    /// <c>&lt;plugintypeid&gt;&lt;plugintypeexportkey&gt;</c>: a plugin package's export key, resolved when the
    /// registrations are bound, or the id of a plain assembly's type, resolved through the plugin types
    /// listed in PluginAssemblies/*/*.dll.data.xml (Microsoft's "Create a custom API with solution files").
    /// </summary>
    public static class CustomApiReader
    {
        public const string FolderName = "customapis";
        public const string FileName = "customapi.xml";
        /// <summary>allowedcustomprocessingsteptype "Async Only": with no plugin, the shape of a custom business event.</summary>
        public const string AsyncOnly = "1";
        private const string AssembliesFolder = "PluginAssemblies";

        public static IReadOnlyList<CustomApiDefinition> ReadSolution(string solutionFolder)
        {
            var folder = Path.Combine(solutionFolder, FolderName);
            if (!Directory.Exists(folder)) return Array.Empty<CustomApiDefinition>();
            var typeIds = new Lazy<IReadOnlyDictionary<Guid, string>>(() => PluginTypeIds(Path.Combine(solutionFolder, AssembliesFolder)));
            return Directory.EnumerateFiles(folder, FileName, SearchOption.AllDirectories)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => Read(Load(f).Root, f, id => typeIds.Value.TryGetValue(id, out var name) ? name : null))
                .ToList();
        }

        /// <summary>Reads one customapi.xml; <paramref name="plainTypeName"/> resolves a plain assembly's type id.</summary>
        public static CustomApiDefinition Read(XElement? root, string source, Func<Guid, string?> plainTypeName)
        {
            if (root is null || root.Name.LocalName != "customapi")
                throw new SolutionFormatException(source, "the root element must be <customapi>.");
            var uniqueName = (string?)root.Attribute("uniquename") ?? Text(root, "uniquename")
                ?? throw new SolutionFormatException(source, "the custom API has no uniquename.");
            var bound = Text(root, "boundentitylogicalname");
            var boundEntity = string.IsNullOrEmpty(bound) || bound == "none" ? null : bound;
            var key = Text(root.Element("plugintypeid"), "plugintypeexportkey") ?? Text(root, "plugintypeid");
            if (key is null && Text(root, "allowedcustomprocessingsteptype") == AsyncOnly)
                return new CustomApiDefinition(uniqueName, boundEntity, "", source) { IsEvent = true };
            if (key is null)
                throw new SolutionFormatException(source, $"custom API {uniqueName} names no plugin type (<plugintypeid><plugintypeexportkey>) and is no business event (allowedcustomprocessingsteptype {AsyncOnly}, asynchronous steps only); locally it would do nothing.");
            if (PluginTypeExportKey.IsKey(key))
                return new CustomApiDefinition(uniqueName, boundEntity, "", source) { PluginTypeExportKey = key };
            if (!Guid.TryParse(key.Trim('{', '}'), out var id))
                throw new SolutionFormatException(source, $"custom API {uniqueName} names plugin type '{key}', which is neither a plugin package's export key (64 hex digits) nor a plugin type id.");
            var typeName = plainTypeName(id)
                ?? throw new SolutionFormatException(source, $"custom API {uniqueName} names plugin type {id}, which no plain plugin assembly of the solution lists.");
            return new CustomApiDefinition(uniqueName, boundEntity, typeName, source);
        }

        private static IReadOnlyDictionary<Guid, string> PluginTypeIds(string folder)
        {
            var ids = new Dictionary<Guid, string>();
            if (!Directory.Exists(folder)) return ids;
            foreach (var file in Directory.EnumerateFiles(folder, "*.data.xml", SearchOption.AllDirectories))
            {
                foreach (var type in Load(file).Descendants("PluginType"))
                {
                    if (Guid.TryParse(((string?)type.Attribute("PluginTypeId"))?.Trim('{', '}'), out var id)
                        && ((string?)type.Attribute("AssemblyQualifiedName") ?? (string?)type.Attribute("Name")) is { } name)
                        ids[id] = StepFileReader.TypeName(name);
                }
            }
            return ids;
        }

        internal static XDocument Load(string path)
        {
            try
            {
                return XDocument.Load(path);
            }
            catch (XmlException e)
            {
                throw new SolutionFormatException(path, "not well-formed XML: " + e.Message, e);
            }
        }

        private static string? Text(XElement? parent, string element)
        {
            var value = parent?.Element(element)?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }
}
