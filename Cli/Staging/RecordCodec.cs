using System;
using System.Buffers;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace LoyaltyHealth.Cli.Staging
{
    /// <summary>
    /// A compact binary form of an imported record for the staging store: table, id and each column with a
    /// type tag. Only the value types the reader produces occur (text, numbers, money, choices, dates,
    /// lookups and party lists), so the form is small and reads back without any parsing of text.
    /// </summary>
    public static class RecordCodec
    {
        private enum Tag : byte { Text = 1, Int = 2, Decimal = 3, Money = 4, Bool = 5, Date = 6, Choice = 7, Lookup = 8, Parties = 9, Guid = 10 }

        /// <summary>
        /// Writes a record's form into <paramref name="buffer"/>, after what it holds: staging reuses one buffer
        /// for every record. The bytes are those a <see cref="BinaryWriter"/> writes, which <see cref="Decode"/> reads.
        /// </summary>
        public static void Encode(Entity record, ArrayBufferWriter<byte> buffer)
        {
            Text(buffer, record.LogicalName);
            Id(buffer, record.Id);
            Int32(buffer, record.Attributes.Count);
            foreach (var pair in record.Attributes)
            {
                Text(buffer, pair.Key);
                Write(buffer, pair.Value);
            }
        }

        /// <summary>Reads a record back; its table, column and lookup-table names come from <paramref name="names"/>.</summary>
        public static Entity Decode(ReadOnlySpan<byte> bytes, NamePool names)
        {
            var reader = new StagedRecordReader(bytes, names);
            var entity = new Entity(reader.Name(), reader.Id());
            var count = reader.Int32();
            for (var i = 0; i < count; i++)
            {
                var name = reader.Name();
                entity[name] = Read(ref reader);
            }
            return entity;
        }

        private static void Write(ArrayBufferWriter<byte> buffer, object? value)
        {
            switch (value)
            {
                case string s: Tagged(buffer, Tag.Text); Text(buffer, s); break;
                case int i: Tagged(buffer, Tag.Int); Int32(buffer, i); break;
                case decimal d: Tagged(buffer, Tag.Decimal); Decimal(buffer, d); break;
                case Money m: Tagged(buffer, Tag.Money); Decimal(buffer, m.Value); break;
                case bool b: Tagged(buffer, Tag.Bool); Byte(buffer, b ? (byte)1 : (byte)0); break;
                case DateTime t: Tagged(buffer, Tag.Date); BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), t.ToUniversalTime().Ticks); buffer.Advance(8); break;
                case OptionSetValue o: Tagged(buffer, Tag.Choice); Int32(buffer, o.Value); break;
                case Guid g: Tagged(buffer, Tag.Guid); Id(buffer, g); break;
                case EntityReference r: Tagged(buffer, Tag.Lookup); Text(buffer, r.LogicalName); Id(buffer, r.Id); break;
                case EntityCollection c:
                    Tagged(buffer, Tag.Parties);
                    Int32(buffer, c.Entities.Count);
                    foreach (var party in c.Entities)
                    {
                        var target = party.GetAttributeValue<EntityReference>(Plugins.Schema.ActivityPartySchema.PartyId);
                        Text(buffer, target.LogicalName);
                        Id(buffer, target.Id);
                    }
                    break;
                default: throw new ArgumentException($"A {value?.GetType().Name ?? "null"} cannot be staged.", nameof(value));
            }
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
            var prefix = 0;
            var rest = (uint)length;
            for (; rest >= 0x80; rest >>= 7) span[prefix++] = (byte)(rest | 0x80);
            span[prefix++] = (byte)rest;
            Encoding.UTF8.GetBytes(value, span.Slice(prefix));
            buffer.Advance(prefix + length);
        }

        private static object Read(ref StagedRecordReader reader) => (Tag)reader.Byte() switch
        {
            Tag.Text => reader.Text(),
            Tag.Int => reader.Int32(),
            Tag.Decimal => reader.Decimal(),
            Tag.Money => new Money(reader.Decimal()),
            Tag.Bool => reader.Byte() != 0,
            Tag.Date => new DateTime(reader.Int64(), DateTimeKind.Utc),
            Tag.Choice => new OptionSetValue(reader.Int32()),
            Tag.Guid => reader.Id(),
            Tag.Lookup => new EntityReference(reader.Name(), reader.Id()),
            Tag.Parties => Parties(ref reader),
            var tag => throw new InvalidDataException($"Unknown staged value tag {tag}."),
        };

        private static EntityCollection Parties(ref StagedRecordReader reader)
        {
            var parties = new EntityCollection();
            var count = reader.Int32();
            for (var i = 0; i < count; i++)
            {
                var target = new EntityReference(reader.Name(), reader.Id());
                parties.Entities.Add(new Entity(Plugins.Schema.ActivityPartySchema.EntityName)
                {
                    [Plugins.Schema.ActivityPartySchema.PartyId] = target,
                });
            }
            return parties;
        }
    }
}
