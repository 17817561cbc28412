using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.InMemory;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A compact binary form of an imported record for the staging store: table, id and each column with a
    /// type tag. Only the value types the reader produces occur (text, numbers, money, choices, dates,
    /// lookups and party lists), so the form is small and reads back without any parsing of text. Tables and
    /// columns are written as their numbers in the staging's <see cref="NamePool"/>, which reads them back.
    /// </summary>
    public static class RecordCodec
    {
        private enum Tag : byte { Text = 1, Int = 2, Decimal = 3, Money = 4, Bool = 5, Date = 6, Choice = 7, Lookup = 8, Parties = 9, Guid = 10 }

        /// <summary>
        /// Writes a record's form into <paramref name="buffer"/>, after what it holds: staging reuses one buffer
        /// for every record. Values are the bytes a <see cref="BinaryWriter"/> writes, which <see cref="Decode"/> reads;
        /// names are their numbers in <paramref name="names"/>, 7-bit encoded.
        /// </summary>
        public static void Encode(Entity record, ArrayBufferWriter<byte> buffer, NamePool names)
        {
            Header(buffer, names, record.LogicalName, record.Id, record.Attributes.Count);
            foreach (var pair in record.Attributes)
            {
                Name(buffer, names, pair.Key);
                Write(buffer, names, pair.Value);
            }
        }

        /// <summary>Reads a record back as an entity; its table, column and lookup-table names come from <paramref name="names"/>.</summary>
        public static Entity Decode(ReadOnlySpan<byte> bytes, NamePool names) => DecodeRow(bytes, names, shared: null).ToEntity();

        /// <summary>
        /// Reads a record back as a row only to be seeded (no entity is built for it), its lookups and activity parties taken
        /// from <paramref name="shared"/> when given: the row then shares them with the other rows read with it, unless its
        /// table shares nothing, and must only be read (<see cref="SharedValues"/>).
        /// </summary>
        public static SeedRow DecodeRow(ReadOnlySpan<byte> bytes, NamePool names, SharedValues? shared)
        {
            var reader = new StagedRecordReader(bytes, names);
            var table = reader.Name();
            var id = reader.Id();
            if (shared?.Shares(table) == false) shared = null;
            var count = reader.Int32();
            // Every column takes bytes of its own: a count beyond them is a damaged record, not an array to allocate.
            if ((uint)count > (uint)bytes.Length) throw new InvalidDataException($"A staged record claims {count} columns in {bytes.Length} bytes.");
            var columns = new KeyValuePair<string, object>[count];
            for (var i = 0; i < columns.Length; i++)
            {
                var name = reader.Name();
                columns[i] = new KeyValuePair<string, object>(name, Read(ref reader, shared));
            }
            return new SeedRow(table, id, columns);
        }

        /// <summary>The start of a record's form: its table, id and how many columns follow, each written by <see cref="Column"/>.</summary>
        internal static void Header(ArrayBufferWriter<byte> buffer, NamePool names, string table, Guid id, int columns)
        {
            Name(buffer, names, table);
            Id(buffer, id);
            Int32(buffer, columns);
        }

        /// <summary>A column of a record read from data.xml, written as <see cref="Encode"/> writes the same value held by an entity.</summary>
        internal static void Column(ArrayBufferWriter<byte> buffer, NamePool names, string name, in RecordValue value)
        {
            Name(buffer, names, name);
            switch (value.Type)
            {
                case RecordValueType.Text: TextValue(buffer, value.Text!); break;
                case RecordValueType.WholeNumber: IntValue(buffer, value.Number); break;
                case RecordValueType.Decimal: DecimalValue(buffer, value.Amount); break;
                case RecordValueType.Money: MoneyValue(buffer, value.Amount); break;
                case RecordValueType.Boolean: BoolValue(buffer, value.Number != 0); break;
                case RecordValueType.DateTime: DateValue(buffer, value.Date); break;
                case RecordValueType.Choice: ChoiceValue(buffer, value.Number); break;
                case RecordValueType.Id: GuidValue(buffer, value.Id); break;
                case RecordValueType.Lookup: LookupValue(buffer, names, value.Text!, value.Id); break;
                default:
                    var parties = value.Parties!;
                    PartiesStart(buffer, parties.Length);
                    foreach (var party in parties) Party(buffer, names, party.Table, party.Id);
                    break;
            }
        }

        private static void Write(ArrayBufferWriter<byte> buffer, NamePool names, object? value)
        {
            switch (value)
            {
                case string s: TextValue(buffer, s); break;
                case int i: IntValue(buffer, i); break;
                case decimal d: DecimalValue(buffer, d); break;
                case Money m: MoneyValue(buffer, m.Value); break;
                case bool b: BoolValue(buffer, b); break;
                case DateTime t: DateValue(buffer, t); break;
                case OptionSetValue o: ChoiceValue(buffer, o.Value); break;
                case Guid g: GuidValue(buffer, g); break;
                case EntityReference r: LookupValue(buffer, names, r.LogicalName, r.Id); break;
                case EntityCollection c:
                    PartiesStart(buffer, c.Entities.Count);
                    foreach (var party in c.Entities)
                    {
                        var target = party.GetAttributeValue<EntityReference>(Plugins.Schema.ActivityPartySchema.PartyId);
                        Party(buffer, names, target.LogicalName, target.Id);
                    }
                    break;
                default: throw new ArgumentException($"A {value?.GetType().Name ?? "null"} cannot be staged.", nameof(value));
            }
        }

        private static void TextValue(ArrayBufferWriter<byte> buffer, string value) { Tagged(buffer, Tag.Text); Text(buffer, value); }
        private static void IntValue(ArrayBufferWriter<byte> buffer, int value) { Tagged(buffer, Tag.Int); Int32(buffer, value); }
        private static void DecimalValue(ArrayBufferWriter<byte> buffer, decimal value) { Tagged(buffer, Tag.Decimal); Decimal(buffer, value); }
        private static void MoneyValue(ArrayBufferWriter<byte> buffer, decimal value) { Tagged(buffer, Tag.Money); Decimal(buffer, value); }
        private static void BoolValue(ArrayBufferWriter<byte> buffer, bool value) { Tagged(buffer, Tag.Bool); Byte(buffer, value ? (byte)1 : (byte)0); }
        private static void ChoiceValue(ArrayBufferWriter<byte> buffer, int value) { Tagged(buffer, Tag.Choice); Int32(buffer, value); }
        private static void GuidValue(ArrayBufferWriter<byte> buffer, Guid value) { Tagged(buffer, Tag.Guid); Id(buffer, value); }
        private static void LookupValue(ArrayBufferWriter<byte> buffer, NamePool names, string table, Guid id) { Tagged(buffer, Tag.Lookup); Name(buffer, names, table); Id(buffer, id); }
        private static void PartiesStart(ArrayBufferWriter<byte> buffer, int count) { Tagged(buffer, Tag.Parties); Int32(buffer, count); }
        private static void Party(ArrayBufferWriter<byte> buffer, NamePool names, string table, Guid id) { Name(buffer, names, table); Id(buffer, id); }

        private static void DateValue(ArrayBufferWriter<byte> buffer, DateTime value)
        {
            Tagged(buffer, Tag.Date);
            BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value.ToUniversalTime().Ticks);
            buffer.Advance(8);
        }

        private static void Tagged(ArrayBufferWriter<byte> buffer, Tag tag) => Byte(buffer, (byte)tag);

        private static void Byte(ArrayBufferWriter<byte> buffer, byte value)
        {
            buffer.GetSpan(1)[0] = value;
            buffer.Advance(1);
        }

        private static void Int32(ArrayBufferWriter<byte> buffer, int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
            buffer.Advance(4);
        }

        private static void Id(ArrayBufferWriter<byte> buffer, Guid id)
        {
            id.TryWriteBytes(buffer.GetSpan(16));
            buffer.Advance(16);
        }

        /// <summary>As <see cref="BinaryWriter.Write(decimal)"/>: its four 32-bit parts, low to high, then the flags.</summary>
        private static void Decimal(ArrayBufferWriter<byte> buffer, decimal value)
        {
            Span<int> parts = stackalloc int[4];
            decimal.GetBits(value, parts);
            foreach (var part in parts) Int32(buffer, part);
        }

        /// <summary>As <see cref="BinaryWriter.Write(string)"/>: the UTF-8 length as a 7-bit encoded number, then the UTF-8 bytes.</summary>
        private static void Text(ArrayBufferWriter<byte> buffer, string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            var span = buffer.GetSpan(5 + length);
            var prefix = SevenBit(span, (uint)length);
            Encoding.UTF8.GetBytes(value, span.Slice(prefix));
            buffer.Advance(prefix + length);
        }

        /// <summary>A table or column name: its number in <paramref name="names"/>, 7-bit encoded (one byte for the first 128 names).</summary>
        private static void Name(ArrayBufferWriter<byte> buffer, NamePool names, string name) =>
            buffer.Advance(SevenBit(buffer.GetSpan(5), (uint)names.Number(name)));

        /// <summary>As <see cref="BinaryWriter.Write7BitEncodedInt"/>: seven bits a byte, low first, the high bit set on all but the last.</summary>
        private static int SevenBit(Span<byte> span, uint value)
        {
            var written = 0;
            for (; value >= 0x80; value >>= 7) span[written++] = (byte)(value | 0x80);
            span[written++] = (byte)value;
            return written;
        }

        private static readonly object True = true, False = false;

        private static object Read(ref StagedRecordReader reader, SharedValues? shared) => (Tag)reader.Byte() switch
        {
            Tag.Text => reader.Text(),
            Tag.Int => reader.Int32(),
            Tag.Decimal => reader.Decimal(),
            Tag.Money => new Money(reader.Decimal()),
            // Boxed once: a boxed value never changes.
            Tag.Bool => reader.Byte() != 0 ? True : False,
            Tag.Date => new DateTime(reader.Int64(), DateTimeKind.Utc),
            Tag.Choice => new OptionSetValue(reader.Int32()),
            Tag.Guid => reader.Id(),
            Tag.Lookup => shared is null ? new EntityReference(reader.Name(), reader.Id()) : shared.Reference(reader.Name(), reader.Id()),
            Tag.Parties => Parties(ref reader, shared),
            var tag => throw new InvalidDataException($"Unknown staged value tag {tag}."),
        };

        private static EntityCollection Parties(ref StagedRecordReader reader, SharedValues? shared)
        {
            var parties = new EntityCollection();
            var count = reader.Int32();
            for (var i = 0; i < count; i++)
            {
                var table = reader.Name();
                var id = reader.Id();
                parties.Entities.Add(shared is null ? Party(new EntityReference(table, id)) : shared.Party(table, id));
            }
            return parties;
        }

        /// <summary>An activity's party as the reader gives it: an activityparty naming <paramref name="target"/>.</summary>
        internal static Entity Party(EntityReference target) => new(Plugins.Schema.ActivityPartySchema.EntityName)
        {
            [Plugins.Schema.ActivityPartySchema.PartyId] = target,
        };
    }
}
