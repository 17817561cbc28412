using System;
using System.Buffers;
using System.Linq;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// What staging writes for a record reads back as the same record, whatever its values: scoring reads every
    /// account's rows from these bytes, and staging writes them into one reused buffer.
    /// </summary>
    public class RecordCodecTests
    {
        private static readonly Guid Id = new("e0000000-0000-0000-0000-000000000001");
        private static readonly Guid Contact = new("c0000000-0000-0000-0000-000000000001");

        [Test]
        public void Every_kind_of_value_reads_back_as_written_after_an_earlier_record_in_the_same_buffer()
        {
            var record = new Entity(ActivitySchema.Email, Id)
            {
                // Lengths written in one, two and three bytes, in UTF-8 bytes rather than characters.
                [ActivitySchema.Subject] = "Quarterly review – Zürich",
                [ActivitySchema.Description] = new string('é', 100),
                ["address1_city"] = new string('x', 200),
                ["websiteurl"] = new string('€', 6_000),
                ["numberofemployees"] = -42,
                ["exchangerate"] = 1.2345678901m,
                [PerkSchema.Cost] = new Money(-1234.50m),
                [ActivitySchema.DirectionCode] = true,
                [ActivitySchema.ActualEnd] = new DateTime(2025, 12, 27, 3, 40, 37, DateTimeKind.Utc).AddTicks(1234567),
                [ActivitySchema.StateCode] = new OptionSetValue(1),
                ["activityid"] = Id,
                [ActivitySchema.RegardingObjectId] = new EntityReference(AccountSchema.EntityName, new Guid("a0000000-0000-0000-0000-000000000001")),
                ["to"] = new EntityCollection(new[] { new Entity(ActivityPartySchema.EntityName) { [ActivityPartySchema.PartyId] = new EntityReference(ContactSchema.EntityName, Contact) } }),
            };
            var buffer = new ArrayBufferWriter<byte>();
            var names = new NamePool();
            RecordCodec.Encode(new Entity(AccountSchema.EntityName, Guid.NewGuid()) { [AccountSchema.Name] = new string('x', 500) }, buffer, names);
            buffer.ResetWrittenCount();

            RecordCodec.Encode(record, buffer, names);
            var read = RecordCodec.Decode(buffer.WrittenSpan, names);

            Assert.Multiple(() =>
            {
                Assert.That(read.LogicalName, Is.EqualTo(record.LogicalName));
                Assert.That(read.Id, Is.EqualTo(record.Id));
                Assert.That(read.Attributes.Keys, Is.EquivalentTo(record.Attributes.Keys));
                foreach (var (name, value) in record.Attributes.Where(a => a.Value is not EntityCollection))
                    Assert.That(read[name], Is.EqualTo(value), name);
                var decimalScale = read.GetAttributeValue<decimal>("exchangerate").ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(decimalScale, Is.EqualTo("1.2345678901"), "a decimal keeps its scale");
                Assert.That(read.GetAttributeValue<DateTime>(ActivitySchema.ActualEnd).Kind, Is.EqualTo(DateTimeKind.Utc));
                Assert.That(read.GetAttributeValue<EntityCollection>("to").Entities.Select(p => p.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId)),
                    Is.EqualTo(new[] { new EntityReference(ContactSchema.EntityName, Contact) }));
            });
        }

        [Test]
        public void Names_numbered_beyond_one_byte_read_back_as_written()
        {
            var buffer = new ArrayBufferWriter<byte>();
            var names = new NamePool();
            // 300 names: the numbers from 128 take two bytes.
            for (var i = 0; i < 300; i++) names.Number($"loy_column{i}");
            var record = new Entity("loy_table299", Id) { ["loy_column299"] = 7, ["loy_column5"] = new EntityReference("loy_column200", Contact) };

            RecordCodec.Encode(record, buffer, names);
            var read = RecordCodec.Decode(buffer.WrittenSpan, names);

            Assert.Multiple(() =>
            {
                Assert.That(read.LogicalName, Is.EqualTo("loy_table299"));
                Assert.That(read["loy_column299"], Is.EqualTo(7));
                Assert.That(read["loy_column5"], Is.EqualTo(new EntityReference("loy_column200", Contact)));
            });
        }

        [Test]
        public void A_name_number_the_staging_never_gave_is_refused_by_name()
        {
            var buffer = new ArrayBufferWriter<byte>();
            RecordCodec.Encode(new Entity(AccountSchema.EntityName, Id) { [AccountSchema.Name] = "Contoso" }, buffer, new NamePool());

            var error = Assert.Throws<System.IO.InvalidDataException>(() => RecordCodec.Decode(buffer.WrittenSpan, new NamePool()));

            Assert.That(error!.Message, Does.Contain("name number 0 was never given"));
        }

        [Test]
        public void A_column_count_beyond_the_record_bytes_is_refused_as_damage()
        {
            var buffer = new ArrayBufferWriter<byte>();
            var names = new NamePool();
            RecordCodec.Encode(new Entity(AccountSchema.EntityName, Id) { [AccountSchema.Name] = "Contoso" }, buffer, names);
            var damaged = buffer.WrittenSpan.ToArray();
            // The count follows the table's name number (one byte) and the id (16 bytes).
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(17), int.MaxValue);

            var error = Assert.Throws<System.IO.InvalidDataException>(() => RecordCodec.Decode(damaged, names));

            Assert.That(error!.Message, Does.Contain($"claims {int.MaxValue} columns"));
        }
    }
}
