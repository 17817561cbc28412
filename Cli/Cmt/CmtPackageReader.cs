using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Cmt
{
    /// <summary>
    /// Reads a Configuration Migration tool / <c>pac data export</c> file: a zip with data_schema.xml
    /// (tables and typed fields) and data.xml (records). The schema is checked against the catalogue
    /// first, then records are read one at a time, so a file with millions of activities streams.
    /// Every problem names the file, and where it can the table, record id and field.
    /// </summary>
    public sealed class CmtPackageReader : IDisposable
    {
        public const string SchemaEntry = "data_schema.xml";
        public const string DataEntry = "data.xml";
        public const string ContentTypesEntry = "[Content_Types].xml";

        private readonly ZipArchive _zip;
        private readonly string _path;
        private readonly Dictionary<string, SchemaTable> _schema;
        private readonly Dictionary<string, HashSet<string>> _skippedColumns = new(StringComparer.Ordinal);
        private readonly HashSet<string> _skippedTables = new(StringComparer.Ordinal);

        private readonly CmtLimits _limits;

        /// <summary>data.xml while it is read (and after), for <see cref="DataRead"/>.</summary>
        private BoundedEntryStream? _data;

        /// <summary>The names of columns the tool does not read, one string each (the columns it reads are named by their schema).</summary>
        private readonly TextPool _skippedColumnNames = new();

        /// <summary>Records read and handed back (<see cref="Recycle"/>), to be filled again: the parsing and the reading of values run on two threads.</summary>
        private readonly ConcurrentQueue<ParsedRecord> _spareRecords = new();

        /// <summary>
        /// How many records handed back wait behind a record before it is filled again. The thread that read a record's
        /// values hands it back with its buffers in that core's cache, and the parsing thread, refilling it a batch later,
        /// had to take each line back from the other core: parsing 50,000 × 100 on one thread took 16.7–17.3 s, handing
        /// each record to another thread that read its text and handed it straight back 22 s of the parsing thread's
        /// processor time, holding 1,024 records first 18 s (docs/performance-log.md). About 6 MB of records wait.
        /// </summary>
        internal int RestingRecords { get; set; } = 2048;

        private CmtPackageReader(ZipArchive zip, string path, CmtLimits limits)
        {
            _zip = zip;
            _path = path;
            _limits = limits;
            _schema = ReadSchema();
        }

        /// <summary>Opens a file and checks its schema; the records are read by <see cref="Records"/>.</summary>
        public static CmtPackageReader Open(string path, CmtLimits? limits = null)
        {
            if (Directory.Exists(path)) throw new CmtDataException(path, "is a folder; give the data.zip file itself, as the Configuration Migration tool or pac data export wrote it.");
            if (!File.Exists(path)) throw new CmtDataException(path, "the file does not exist.");
            ZipArchive zip;
            try
            {
                zip = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException e)
            {
                throw new CmtDataException(path, "not a readable zip archive (" + e.Message + "); export the data again with the Configuration Migration tool or pac data export.", inner: e);
            }
            try
            {
                return new CmtPackageReader(zip, path, limits ?? CmtLimits.Default);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }

        /// <summary>Reads a whole file into memory.</summary>
        public static CmtPackage Read(string path, CmtLimits? limits = null)
        {
            using var reader = Open(path, limits);
            var records = reader.Records().ToList();
            return new CmtPackage(records, reader.ExportedOn, reader.Skips);
        }

        /// <summary>Tables and columns of the file the tool does not use, with how many records and values were passed over.</summary>
        public CmtSkips Skips { get; } = new();

        /// <summary>The tables the schema declares, in its order.</summary>
        public IReadOnlyCollection<string> SchemaTables => _schema.Keys;

        /// <summary>The size of data.xml inflated, as the archive's directory gives it; 0 when it gives none or before it is opened.</summary>
        public long DataLength => Volatile.Read(ref _data)?.DeclaredLength ?? 0;

        /// <summary>How many bytes of data.xml have been inflated for parsing so far; safe to read from any thread, for progress.</summary>
        public long DataRead => Volatile.Read(ref _data)?.BytesRead ?? 0;

        /// <summary>The timestamp data.xml carries, read with the first record.</summary>
        public DateTime? ExportedOn { get; private set; }

        public void Dispose() => _zip.Dispose();

        /// <summary>The records of data.xml, in file order.</summary>
        public IEnumerable<Entity> Records()
        {
            foreach (var parsed in Parse())
            {
                var entity = Read(parsed);
                Recycle(parsed);
                yield return entity;
            }
        }

        /// <summary>How data.xml is read: no document type, whose entities could multiply the text.</summary>
        internal static XmlReaderSettings DataSettings() => new() { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit };

        /// <summary>
        /// The records of data.xml parsed but not yet read into entities, in file order: parsing the XML is about
        /// two thirds of the reading (20,000 accounts × 100 activities), so staging reads the values on the
        /// thread that stages them, the parsing on another.
        /// </summary>
        /// <param name="refuseRepeatsInMemory">
        /// Whether reading refuses a record that appears twice by keeping every id read (about 37 bytes a record); staging
        /// passes false and finds repeats on disk instead (<c>UniqueRecordIds</c>).
        /// </param>
        internal IEnumerable<ParsedRecord> Parse(bool refuseRepeatsInMemory = true)
        {
            var file = Where(DataEntry);
            using var stream = Bounded(DataEntry, _limits.MaxDataBytes);
            Volatile.Write(ref _data, stream);
            using var xml = XmlReader.Create(stream, DataSettings());
            var cursor = new Cursor(xml, stream);
            var records = new RecordXml(xml);
            var seen = refuseRepeatsInMemory ? new HashSet<Guid>() : null;
            // Records that may be taken from the spares without counting them again: only this thread takes, so the
            // count only grows meanwhile. Counting the queue for every record was 2 % of the parsing thread's time (perf,
            // 20,000 × 100), most likely in reading the lines the thread handing records back had just written.
            var takeable = 0;
            while (true)
            {
                ParsedRecord record;
                try
                {
                    if (!Next(cursor, file)) yield break;
                    if (takeable == 0) takeable = Math.Max(0, _spareRecords.Count - RestingRecords);
                    if (takeable > 0 && _spareRecords.TryDequeue(out record!)) takeable--;
                    else record = new ParsedRecord();
                    record.Begin(file, cursor.Table!, seen);
                    if (cursor.HasId) record.WriteId(cursor.Id);
                    records.Read(record);
                }
                catch (XmlException e)
                {
                    var reading = cursor.RecordId is null ? "" : $" while reading record {cursor.RecordId}";
                    throw new CmtDataException(file, $"malformed XML at line {e.LineNumber}, position {e.LinePosition}{reading}: {e.Message}", cursor.Table, cursor.RecordId, inner: e);
                }
                stream.RecordStart = null;
                yield return record;
            }
        }

        /// <summary>Moves to the next record's start, keeping track of the table it belongs to; false at the end of the file.</summary>
        private bool Next(Cursor cursor, string file)
        {
            var xml = cursor.Xml;
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }
                if (xml.LocalName == "record")
                {
                    if (cursor.Table is null) throw new CmtDataException(file, "a <record> stands outside any <entity>.");
                    cursor.ReadId();
                    cursor.Stream.RecordStart = cursor.Stream.Position64;
                    if (++cursor.Records > _limits.MaxRecords)
                        throw new CmtDataException(file, $"holds more than {_limits.MaxRecords:N0} records, far beyond any real export; the file is refused.", cursor.Table, cursor.RecordId);
                    if (cursor.Skipping)
                    {
                        Skips.Table(cursor.Table, 1);
                        xml.Skip();
                        continue;
                    }
                    return true;
                }
                if (!cursor.RootSeen)
                {
                    if (xml.LocalName != "entities") throw new CmtDataException(file, $"the root element is <{xml.LocalName}>, not <entities>.");
                    cursor.RootSeen = true;
                    if (xml.GetAttribute("timestamp") is { Length: > 0 } stamp)
                        ExportedOn = DateTime.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var on)
                            ? DateTime.SpecifyKind(on, DateTimeKind.Utc)
                            : throw new CmtDataException(file, $"the timestamp '{stamp}' is not a date and time.");
                }
                else if (xml.LocalName == "entity")
                {
                    cursor.Table = xml.GetAttribute("name") ?? throw new CmtDataException(file, "an <entity> has no name.");
                    cursor.Skipping = !_schema.ContainsKey(cursor.Table);
                    if (cursor.Skipping && CmtCatalogue.Find(cursor.Table) is not null)
                        throw new CmtDataException(file, $"holds records of '{cursor.Table}', which {SchemaEntry} does not declare.", cursor.Table);
                    if (cursor.Skipping) Skips.Table(cursor.Table);
                }
                xml.Read();
            }
            return false;
        }

        /// <summary>
        /// Hands back a record <see cref="Parse"/> gave once its values are read: the next records are parsed into it. Nothing
        /// read from it may be kept but what <see cref="Read(ParsedRecord, IRecordValues)"/> gave.
        /// </summary>
        internal void Recycle(ParsedRecord record) => _spareRecords.Enqueue(record);

        /// <summary>Reads a parsed record's values into its entity; parsed records are read in file order, as <see cref="Parse"/> gave them.</summary>
        internal Entity Read(ParsedRecord parsed)
        {
            var entity = new EntityValues();
            Read(parsed, entity);
            return entity.Entity;
        }

        /// <summary>
        /// Reads and checks a parsed record's values into <paramref name="values"/>, which may be reused from record to
        /// record; parsed records are read in file order, as <see cref="Parse"/> gave them.
        /// </summary>
        internal void Read(ParsedRecord parsed, IRecordValues values)
        {
            var file = parsed.File;
            var table = parsed.Table;
            // The id's text is made a string only for a message.
            if (!Guid.TryParse(parsed.IdText, out var id)) throw new CmtDataException(file, $"the record id '{parsed.Id}' is not a GUID.", table, parsed.Id);
            if (id == Guid.Empty) throw new CmtDataException(file, $"the record id '{parsed.Id}' is all zeros, which is no record's id.", table, parsed.Id);
            if (parsed.Seen is { } seen && !seen.Add(id)) throw new CmtDataException(file, "the record appears twice.", table, parsed.Id);
            var schema = _schema[table];
            var known = schema.Known;
            values.Begin(table, id);
            var fields = parsed.Fields;
            for (var position = 0; position < fields.Count; position++)
            {
                var field = fields[position];
                if (field.Name.IsAbsent) throw new CmtDataException(file, "a <field> has no name.", table, parsed.Id);
                var nameText = parsed.Text(field.Name);
                if (!schema.TryField(position, nameText, out var name, out var schemaField))
                {
                    // A column the tool does not read is passed over and counted; a column it reads must be declared, or its type is unknown.
                    var skipped = _skippedColumnNames.Of(nameText);
                    if (known.Field(skipped) is not null)
                        throw new CmtDataException(file, $"the field is not declared for {table} in {SchemaEntry}.", table, parsed.Id, skipped);
                    Skips.Column(table, skipped, 1);
                    continue;
                }
                if (!Value(file, table, schemaField, parsed, field, out var value)) continue;
                try
                {
                    CmtValueRules.Check(known, schemaField.Known, value);
                }
                catch (FormatException e)
                {
                    throw new CmtDataException(file, e.Message, table, parsed.Id, name, e);
                }
                if (schemaField.Known.Name == known.PrimaryId)
                {
                    if (value.Type != RecordValueType.Id || value.Id != id) throw new CmtDataException(file, $"holds {value.ToObject()}, but the record id is {id}.", table, parsed.Id, name);
                    continue;
                }
                values.Add(name, value);
            }
        }

        /// <summary>The field's value; false when it holds none.</summary>
        private bool Value(string file, string table, SchemaField field, ParsedRecord record, ParsedField parsed, out RecordValue value)
        {
            var kind = field.Known.Kind;
            if (kind == FieldKind.PartyList)
            {
                value = Parties(file, table, field, record, parsed.Parties);
                return true;
            }
            value = default;
            var text = record.Text(parsed.Value);
            if (text.IsEmpty) return false;
            if (text.Length > _limits.MaxValueLength)
                throw new CmtDataException(file, $"the value is {text.Length:N0} characters long; Dataverse's longest text column holds {_limits.MaxValueLength:N0}.", table, record.Id, field.Known.Name);
            try
            {
                value = kind == FieldKind.Lookup ? Lookup(field, text, record.Text(parsed.LookupEntity)) : CmtValues.Read(kind, text);
                return true;
            }
            catch (FormatException e)
            {
                throw new CmtDataException(file, e.Message, table, record.Id, field.Known.Name, e);
            }
        }

        /// <param name="lookupEntity">The lookupentity attribute's text, empty when absent.</param>
        private static RecordValue Lookup(SchemaField field, ReadOnlySpan<char> text, ReadOnlySpan<char> lookupEntity)
        {
            if (!Guid.TryParse(text, out var id)) throw new FormatException($"'{text}' is not the id of a record.");
            var targets = field.Known.LookupTables ?? Array.Empty<string>();
            var named = !lookupEntity.IsEmpty ? lookupEntity
                : field.LookupTypes.Count == 1 ? field.LookupTypes[0]
                : targets.Count == 1 ? targets[0]
                : throw new FormatException($"the lookup names no table (lookupentity), and it may point at {string.Join(" or ", targets)}.");
            var table = Among(targets, named) ?? throw new FormatException($"the lookup points at a {named}; it may point at {string.Join(" or ", targets)}.");
            return RecordValue.OfLookup(table, id);
        }

        /// <summary>The one of <paramref name="names"/> that is <paramref name="text"/>; null when none is.</summary>
        /// <remarks>Indexed, not enumerated: the list's enumerator would be an allocation per value.</remarks>
        private static string? Among(IReadOnlyList<string> names, ReadOnlySpan<char> text)
        {
            for (var i = 0; i < names.Count; i++)
                if (text.SequenceEqual(names[i])) return names[i];
            return null;
        }

        private static RecordValue Parties(string file, string table, SchemaField field, ParsedRecord record, PartyRange parsed)
        {
            if (parsed.Count == 0) return RecordValue.OfParties(Array.Empty<PartyValue>());
            var parties = new PartyValue[parsed.Count];
            for (var i = 0; i < parties.Length; i++)
            {
                var (text, targetText) = record.Parties[parsed.Start + i];
                var value = record.Text(text);
                var target = record.Text(targetText);
                if (!Guid.TryParse(value, out var id) || target.IsEmpty)
                    throw new CmtDataException(file, $"a party has no partyid with a record id and lookupentity (found '{value}').", table, record.Id, field.Known.Name);
                if (id == Guid.Empty)
                    throw new CmtDataException(file, $"a party's id '{value}' is all zeros, which is no record's id.", table, record.Id, field.Known.Name);
                var partyTable = Among(CmtValueRules.PartyTables, target)
                    ?? throw new CmtDataException(file, $"a party is a '{target}' ({value}); a party of an activity is one of {string.Join(", ", CmtValueRules.PartyTables)}.", table, record.Id, field.Known.Name);
                parties[i] = new PartyValue(partyTable, id);
            }
            return RecordValue.OfParties(parties);
        }

        private Dictionary<string, SchemaTable> ReadSchema()
        {
            var file = Where(SchemaEntry);
            XDocument document;
            try
            {
                using var stream = Bounded(SchemaEntry, _limits.MaxSchemaBytes);
                document = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }), LoadOptions.SetLineInfo);
            }
            catch (XmlException e)
            {
                throw new CmtDataException(file, $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", inner: e);
            }
            if (document.Root?.Name.LocalName != "entities")
                throw new CmtDataException(file, $"the root element is <{document.Root?.Name.LocalName}>, not <entities>.");

            var schema = new Dictionary<string, SchemaTable>(StringComparer.Ordinal);
            foreach (var entity in document.Root.Elements("entity"))
            {
                var table = (string?)entity.Attribute("name") ?? throw new CmtDataException(file, "an <entity> has no name.");
                var known = CmtCatalogue.Find(table);
                if (known is null)
                {
                    // A table the tool does not read (a genuine export carries many) is passed over and listed.
                    _skippedTables.Add(table);
                    Skips.Table(table);
                    continue;
                }
                var fields = new Dictionary<string, SchemaField>(StringComparer.Ordinal);
                foreach (var field in entity.Element("fields")?.Elements("field") ?? Enumerable.Empty<XElement>())
                {
                    var name = (string?)field.Attribute("name") ?? throw new CmtDataException(file, "a <field> has no name.", table);
                    var type = ((string?)field.Attribute("type") ?? "").ToLowerInvariant();
                    var knownField = known.Field(name);
                    if (knownField is null)
                    {
                        Skips.Column(table, name);
                        continue;
                    }
                    if (!FieldKinds.SchemaTypes(knownField.Kind).Contains(type))
                        throw new CmtDataException(file, $"has type '{type}'; expected {string.Join(" or ", FieldKinds.SchemaTypes(knownField.Kind))}.", table, field: name);
                    var lookupTypes = ((string?)field.Attribute("lookupType") ?? "").Split(new[] { '|', ',' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    fields[name] = new SchemaField(knownField, lookupTypes);
                }
                schema[table] = new SchemaTable(known, fields);
            }
            if (schema.Count == 0)
                throw new CmtDataException(file, _skippedTables.Count == 0 ? "declares no tables."
                    : $"declares only tables the tool does not read ({string.Join(", ", _skippedTables)}); export {string.Join(", ", CmtCatalogue.Tables.Select(t => t.Name))}.");
            return schema;
        }

        private ZipArchiveEntry Entry(string name) =>
            _zip.GetEntry(name) ?? throw new CmtDataException(_path, $"the archive holds no {name}; a Configuration Migration file has {ContentTypesEntry}, {SchemaEntry} and {DataEntry}.");

        private string Where(string entry) => $"{_path} ({entry})";

        private BoundedEntryStream Bounded(string name, long max)
        {
            var entry = Entry(name);
            Stream inner;
            try
            {
                inner = entry.Open();
            }
            catch (InvalidDataException e)
            {
                throw new CmtDataException(Where(name), $"the archive entry cannot be read ({e.Message}); export the data again.", inner: e);
            }
            return new BoundedEntryStream(inner, Where(name), max, entry.CompressedLength, _limits, entry.Length);
        }

        /// <summary>A table the schema declares and the tool reads, with the columns declared for it that the tool reads.</summary>
        private sealed record SchemaTable(KnownTable Known, Dictionary<string, SchemaField> Fields)
        {
            /// <summary>The fields by the text of their name as data.xml writes it, which the parsing leaves unmade into a string.</summary>
            public Dictionary<string, SchemaField>.AlternateLookup<ReadOnlySpan<char>> FieldsByName { get; } = Fields.GetAlternateLookup<ReadOnlySpan<char>>();

            /// <summary>The field last found at each position of a record; positions beyond are looked up by name every time.</summary>
            private readonly (string Name, SchemaField Field)?[] _lastAtPosition = new (string, SchemaField)?[64];

            /// <summary>
            /// The field named <paramref name="text"/>, found at <paramref name="position"/> among its record's fields. The records of
            /// a table write their fields in one order, so the name is compared with the field found at that position before, and
            /// hashed only when it differs (looking each name up took 4 % of the staging thread, 20,000 accounts × 100 activities).
            /// Values are read on one thread, so nothing guards the remembered fields.
            /// </summary>
            public bool TryField(int position, ReadOnlySpan<char> text, out string name, out SchemaField field)
            {
                var remembered = (uint)position < (uint)_lastAtPosition.Length;
                if (remembered && _lastAtPosition[position] is { } last && text.SequenceEqual(last.Name))
                {
                    (name, field) = last;
                    return true;
                }
                if (!FieldsByName.TryGetValue(text, out name!, out field!)) return false;
                if (remembered) _lastAtPosition[position] = (name, field);
                return true;
            }
        }

        private sealed record SchemaField(KnownField Known, IReadOnlyList<string> LookupTypes);

        private sealed class Cursor
        {
            public Cursor(XmlReader xml, BoundedEntryStream stream) { Xml = xml; Stream = stream; }
            public XmlReader Xml { get; }
            public BoundedEntryStream Stream { get; }
            public long Records { get; set; }
            public string? Table { get; set; }
            public bool RootSeen { get; set; }
            public bool Skipping { get; set; }

            /// <summary>Whether the record read has an id attribute; false before the first record.</summary>
            public bool HasId => _idLength >= 0;

            /// <summary>The id attribute of the record read, as written, read into a buffer rather than a string per record.</summary>
            public ReadOnlySpan<char> Id => HasId ? _id.AsSpan(0, _idLength) : default;

            /// <summary>The id as a string, for a message; null when the record has none.</summary>
            public string? RecordId => HasId ? Id.ToString() : null;

            private char[] _id = new char[64];
            private int _idLength = -1;

            /// <summary>Reads the id attribute of the record element the reader stands on, and leaves the reader on the element.</summary>
            public void ReadId()
            {
                if (!Xml.MoveToAttribute("id"))
                {
                    _idLength = -1;
                    return;
                }
                _idLength = RecordXml.ReadValue(Xml, ref _id, 0);
                Xml.MoveToElement();
            }
        }
    }
}
