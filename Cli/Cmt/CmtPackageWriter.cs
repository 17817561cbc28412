using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using LoyaltyHealth.InMemory.Activities;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// Writes records as a Configuration Migration file that the tool, the Configuration Migration tool
    /// and <c>pac data import</c> read: [Content_Types].xml, data.xml and a data_schema.xml declaring the
    /// columns the records use. Records stream into the archive, so a generated organisation of millions
    /// of activities never sits in memory as XML.
    /// </summary>
    public static class CmtPackageWriter
    {
        private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

        /// <summary>Writes <paramref name="records"/>, grouped by table in catalogue order, to a new zip at <paramref name="path"/>.</summary>
        public static void Write(string path, IEnumerable<Entity> records, DateTime exportedOn)
        {
            using var file = File.Create(path);
            Write(file, records, exportedOn);
        }

        public static void Write(Stream target, IEnumerable<Entity> records, DateTime exportedOn)
        {
            using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
            var used = WriteData(zip, records, exportedOn);
            WriteSchema(zip, used);
            WriteContentTypes(zip);
        }

        private static Dictionary<string, HashSet<string>> WriteData(ZipArchive zip, IEnumerable<Entity> records, DateTime exportedOn)
        {
            var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            using var stream = zip.CreateEntry(CmtPackageReader.DataEntry, CompressionLevel.Fastest).Open();
            using var xml = XmlWriter.Create(stream, Settings);
            xml.WriteStartElement("entities");
            xml.WriteAttributeString("timestamp", CmtValues.Format(exportedOn));
            KnownTable? current = null;
            foreach (var record in records)
            {
                var table = CmtCatalogue.Find(record.LogicalName) ?? throw new ArgumentException($"Table '{record.LogicalName}' is not one the tool knows.", nameof(records));
                if (!ReferenceEquals(table, current))
                {
                    if (current is not null) EndEntity(xml);
                    if (used.ContainsKey(table.Name)) throw new ArgumentException($"The {table.Name} records are not together; group records by table.", nameof(records));
                    current = table;
                    used[table.Name] = new HashSet<string>(StringComparer.Ordinal) { table.PrimaryId };
                    xml.WriteStartElement("entity");
                    xml.WriteAttributeString("name", table.Name);
                    xml.WriteAttributeString("displayname", table.DisplayName);
                    xml.WriteStartElement("records");
                }
                WriteRecord(xml, table, record, used[table.Name]);
            }
            if (current is not null) EndEntity(xml);
            xml.WriteEndElement();
            return used;
        }

        private static void EndEntity(XmlWriter xml)
        {
            xml.WriteEndElement();
            xml.WriteStartElement("m2mrelationships");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        private static void WriteRecord(XmlWriter xml, KnownTable table, Entity record, HashSet<string> used)
        {
            xml.WriteStartElement("record");
            xml.WriteAttributeString("id", CmtValues.Format(record.Id));
            Field(xml, table.PrimaryId, CmtValues.Format(record.Id));
            foreach (var pair in record.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (pair.Value is null || pair.Key == table.PrimaryId) continue;
                var field = table.Field(pair.Key) ?? throw new ArgumentException($"Column '{pair.Key}' of {table.Name} is not one the tool knows.", nameof(record));
                used.Add(field.Name);
                switch (pair.Value)
                {
                    case EntityReference reference:
                        Field(xml, field.Name, CmtValues.Format(reference), reference.LogicalName);
                        break;
                    case EntityCollection parties:
                        WriteParties(xml, field.Name, parties);
                        break;
                    default:
                        Field(xml, field.Name, CmtValues.Format(pair.Value));
                        break;
                }
            }
            xml.WriteEndElement();
        }

        private static void WriteParties(XmlWriter xml, string column, EntityCollection parties)
        {
            xml.WriteStartElement("field");
            xml.WriteAttributeString("name", column);
            xml.WriteAttributeString("value", "");
            foreach (var party in parties.Entities)
            {
                var target = party.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId);
                if (target is null) continue;
                xml.WriteStartElement("activitypointerrecords");
                Field(xml, ActivityPartySchema.PartyId, CmtValues.Format(target), target.LogicalName);
                Field(xml, ActivityPartySchema.ParticipationTypeMask, ParticipationType.ByPartyListColumn[column].ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        private static void Field(XmlWriter xml, string name, string value, string? lookupEntity = null)
        {
            xml.WriteStartElement("field");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("value", value);
            if (lookupEntity is not null) xml.WriteAttributeString("lookupentity", lookupEntity);
            xml.WriteEndElement();
        }

        private static void WriteSchema(ZipArchive zip, Dictionary<string, HashSet<string>> used)
        {
            using var stream = zip.CreateEntry(CmtPackageReader.SchemaEntry, CompressionLevel.Fastest).Open();
            using var xml = XmlWriter.Create(stream, Settings);
            xml.WriteStartElement("entities");
            xml.WriteStartElement("entityImportOrder");
            foreach (var table in CmtCatalogue.Tables.Where(t => used.ContainsKey(t.Name))) xml.WriteElementString("entityName", table.Name);
            xml.WriteEndElement();
            foreach (var table in CmtCatalogue.Tables.Where(t => used.ContainsKey(t.Name)))
            {
                xml.WriteStartElement("entity");
                xml.WriteAttributeString("name", table.Name);
                xml.WriteAttributeString("displayname", table.DisplayName);
                xml.WriteAttributeString("etc", table.TypeCode.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("primaryidfield", table.PrimaryId);
                xml.WriteAttributeString("primarynamefield", table.PrimaryName);
                xml.WriteAttributeString("disableplugins", "false");
                xml.WriteStartElement("fields");
                foreach (var field in table.Fields.Where(f => used[table.Name].Contains(f.Name)))
                {
                    xml.WriteStartElement("field");
                    xml.WriteAttributeString("displayname", field.DisplayName);
                    xml.WriteAttributeString("name", field.Name);
                    xml.WriteAttributeString("type", FieldKinds.SchemaType(field.Kind));
                    if (field.Kind == FieldKind.Id) xml.WriteAttributeString("primaryKey", "true");
                    if (field.LookupTables is { } targets) xml.WriteAttributeString("lookupType", string.Join("|", targets));
                    if (field.Name.StartsWith("loy_", StringComparison.Ordinal)) xml.WriteAttributeString("customfield", "true");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        private static void WriteContentTypes(ZipArchive zip)
        {
            using var stream = zip.CreateEntry(CmtPackageReader.ContentTypesEntry, CompressionLevel.Fastest).Open();
            using var xml = XmlWriter.Create(stream, Settings);
            xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
            xml.WriteStartElement("Default", "http://schemas.openxmlformats.org/package/2006/content-types");
            xml.WriteAttributeString("Extension", "xml");
            xml.WriteAttributeString("ContentType", "application/octet-stream");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
    }
}
