using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Text;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// Writes a Configuration Migration file the way the tool writes it for a user: data_schema.xml with
    /// every column the export carries (types as CMT names them, lookupType on lookups), data.xml with
    /// lookups as value + lookupentity + lookupentityname, and [Content_Types].xml. Tests shape genuine
    /// exports with it: standard columns, money companions, tables the product does not read.
    /// </summary>
    internal sealed class ExportBuilder
    {
        private readonly List<(string Table, List<(string Name, string Type, string? LookupType)> Fields, List<string> Records)> _tables = new();

        public string Timestamp { get; set; } = "2026-06-30T12:00:00Z";

        /// <summary>The columns Dataverse gives every user-owned table, as CMT declares them.</summary>
        public static readonly (string, string, string?)[] StandardColumns =
        {
            ("createdby", "entityreference", "systemuser"), ("createdon", "datetime", null), ("createdonbehalfby", "entityreference", "systemuser"),
            ("modifiedby", "entityreference", "systemuser"), ("modifiedon", "datetime", null), ("modifiedonbehalfby", "entityreference", "systemuser"),
            ("overriddencreatedon", "datetime", null), ("importsequencenumber", "number", null), ("ownerid", "owner", "systemuser|team"),
            ("owningbusinessunit", "entityreference", "businessunit"), ("owninguser", "entityreference", "systemuser"), ("owningteam", "entityreference", "team"),
            ("statecode", "state", null), ("statuscode", "status", null), ("timezoneruleversionnumber", "number", null),
            ("utcconversiontimezonecode", "number", null), ("versionnumber", "bigint", null),
        };

        /// <summary>What every money column brings along in Dataverse.</summary>
        public static (string, string, string?)[] MoneyCompanions(params string[] moneyColumns) =>
            new (string, string, string?)[] { ("transactioncurrencyid", "entityreference", "transactioncurrency"), ("exchangerate", "decimal", null) }
                .Concat(moneyColumns.Select(c => (c + "_base", "money", (string?)null))).ToArray();

        public ExportBuilder Table(string table, params (string Name, string Type, string? LookupType)[] fields)
        {
            _tables.Add((table, fields.ToList(), new List<string>()));
            return this;
        }

        /// <summary>A record; a value "guid@table" is written as a lookup to that table.</summary>
        public ExportBuilder Record(string table, string id, params (string Field, string Value)[] fields)
        {
            var record = new StringBuilder($"<record id=\"{id}\">");
            foreach (var (field, value) in fields)
            {
                if (value.Contains('@') && Guid.TryParse(value.Split('@')[0], out _))
                {
                    var parts = value.Split('@');
                    record.Append($"<field name=\"{field}\" value=\"{parts[0]}\" lookupentity=\"{parts[1]}\" lookupentityname=\"{parts[1]} name\" />");
                }
                else
                {
                    record.Append($"<field name=\"{field}\" value=\"{WebUtility.HtmlEncode(value)}\" />");
                }
            }
            record.Append("</record>");
            return Raw(table, record.ToString());
        }

        /// <summary>A record written as given (party lists, broken XML).</summary>
        public ExportBuilder Raw(string table, string recordXml)
        {
            _tables.Single(t => t.Table == table).Records.Add(recordXml);
            return this;
        }

        /// <summary>The standard column values a real export carries on every record.</summary>
        public static (string, string)[] Standard(string created = "2024-01-10T09:00:00Z") => new[]
        {
            ("createdby", "5e000000-0000-0000-0000-000000000001@systemuser"), ("createdon", created),
            ("modifiedby", "5e000000-0000-0000-0000-000000000001@systemuser"), ("modifiedon", "2026-06-01T10:00:00Z"),
            ("importsequencenumber", "17"), ("ownerid", "5e000000-0000-0000-0000-000000000001@systemuser"),
            ("owningbusinessunit", "b0000000-0000-0000-0000-000000000001@businessunit"),
            ("timezoneruleversionnumber", "4"), ("utcconversiontimezonecode", "110"), ("versionnumber", "123456789"),
        };

        public string SchemaXml()
        {
            var xml = new StringBuilder("<entities>");
            foreach (var (table, fields, _) in _tables)
            {
                xml.Append($"<entity name=\"{table}\" displayname=\"{table}\" etc=\"1\" primaryidfield=\"{table}id\" primarynamefield=\"name\" disableplugins=\"false\"><fields>");
                foreach (var (name, type, lookup) in fields)
                    xml.Append($"<field displayname=\"{name}\" name=\"{name}\" type=\"{type}\"{(lookup is null ? "" : $" lookupType=\"{lookup}\"")} customfield=\"{(name.StartsWith("loy_") ? "true" : "false")}\" />");
                xml.Append("</fields><relationships /></entity>");
            }
            return xml.Append("</entities>").ToString();
        }

        public string DataXml()
        {
            var xml = new StringBuilder($"<entities xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" timestamp=\"{Timestamp}\">\n");
            foreach (var (table, _, records) in _tables)
            {
                xml.Append($"<entity name=\"{table}\" displayname=\"{table}\">\n<records>\n");
                foreach (var record in records) xml.Append(record).Append('\n');
                xml.Append("</records>\n<m2mrelationships />\n</entity>\n");
            }
            return xml.Append("</entities>").ToString();
        }

        public string Write(string path, string? dataXml = null)
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/octet-stream\" /></Types>"), ("data_schema.xml", SchemaXml()), ("data.xml", dataXml ?? DataXml()) })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            return path;
        }
    }
}
