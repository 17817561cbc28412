using System;
using System.IO;
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

        public static byte[] Encode(Entity record)
        {
            using var buffer = new MemoryStream(256);
            using (var writer = new BinaryWriter(buffer))
            {
                writer.Write(record.LogicalName);
                writer.Write(record.Id.ToByteArray());
                writer.Write(record.Attributes.Count);
                foreach (var pair in record.Attributes)
                {
                    writer.Write(pair.Key);
                    Write(writer, pair.Value);
                }
            }
            return buffer.ToArray();
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

        private static void Write(BinaryWriter writer, object? value)
        {
            switch (value)
            {
                case string s: writer.Write((byte)Tag.Text); writer.Write(s); break;
                case int i: writer.Write((byte)Tag.Int); writer.Write(i); break;
                case decimal d: writer.Write((byte)Tag.Decimal); writer.Write(d); break;
                case Money m: writer.Write((byte)Tag.Money); writer.Write(m.Value); break;
                case bool b: writer.Write((byte)Tag.Bool); writer.Write(b); break;
                case DateTime t: writer.Write((byte)Tag.Date); writer.Write(t.ToUniversalTime().Ticks); break;
                case OptionSetValue o: writer.Write((byte)Tag.Choice); writer.Write(o.Value); break;
                case Guid g: writer.Write((byte)Tag.Guid); writer.Write(g.ToByteArray()); break;
                case EntityReference r: writer.Write((byte)Tag.Lookup); writer.Write(r.LogicalName); writer.Write(r.Id.ToByteArray()); break;
                case EntityCollection c:
                    writer.Write((byte)Tag.Parties);
                    writer.Write(c.Entities.Count);
                    foreach (var party in c.Entities)
                    {
                        var target = party.GetAttributeValue<EntityReference>(Plugins.Schema.ActivityPartySchema.PartyId);
                        writer.Write(target.LogicalName);
                        writer.Write(target.Id.ToByteArray());
                    }
                    break;
                default: throw new ArgumentException($"A {value?.GetType().Name ?? "null"} cannot be staged.", nameof(value));
            }
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
