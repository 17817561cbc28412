using System;
using System.Buffers;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.SampleData;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Tests.Cmt;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// Staging an export writes each record's staged form straight from the values read, with no entity: what it
    /// stages must be what staging the same records read into entities stages, byte for byte.
    /// </summary>
    public class StagedRecordTests : TempFolderTests
    {
        private const string Account = "a0000000-0000-0000-0000-000000000001";
        private const string Contact = "c0000000-0000-0000-0000-000000000001";

        [Test]
        public void Every_record_of_an_export_is_staged_as_the_bytes_of_its_entity()
        {
            var sample = Path.Combine(Folder, "sample.zip");
            SampleOrganisation.WriteZip(sample);
            var compared = 0;
            foreach (var path in new[] { sample, RepeatedColumns() })
            {
                using var reader = CmtPackageReader.Open(path);
                var staged = new StagedRecord();
                var names = new NamePool();
                foreach (var parsed in reader.Parse(refuseRepeatsInMemory: false))
                {
                    reader.Read(parsed, staged);
                    var entity = reader.Read(parsed);
                    Assert.That(Form(b => staged.Encode(b, names)), Is.EqualTo(Form(b => RecordCodec.Encode(entity, b, names))), $"{parsed.Table} {parsed.Id}");
                    compared++;
                }
            }
            Assert.That(compared, Is.GreaterThan(100));
        }

        [Test]
        public void Staging_an_export_gives_the_slices_accounts_and_notes_of_staging_its_entities()
        {
            var sample = Path.Combine(Folder, "sample.zip");
            SampleOrganisation.WriteZip(sample);
            // Months before the sample's moment, so some accounts and records are dated after it.
            var asOf = SampleStories.AsOf.AddMonths(-4);
            using var reader = CmtPackageReader.Open(sample);
            using var direct = ExportRun.Stage(reader, asOf);
            using var entities = CmtPackageReader.Open(sample);
            using var throughEntities = ExportRun.Stage(entities.Records(), () => asOf, folder: Folder);

            var names = new NamePool();
            Assert.Multiple(() =>
            {
                Assert.That(direct.ExcludedAfterAsOf, Is.GreaterThan(0), "the as-of moment leaves records out");
                Assert.That((direct.Records, direct.ExcludedAfterAsOf, direct.Orphans, direct.AccountsToScore),
                    Is.EqualTo((throughEntities.Records, throughEntities.ExcludedAfterAsOf, throughEntities.Orphans, throughEntities.AccountsToScore)));
                Assert.That(direct.Accounts(), Is.EqualTo(throughEntities.Accounts()));
                Assert.That(direct.Notes, Is.EqualTo(throughEntities.Notes));
                foreach (var (slice, expected) in direct.Slices().Zip(throughEntities.Slices()))
                {
                    Assert.That(slice.Rows.Select(r => r.ToEntity()).Prepend(slice.Account).Select(r => Form(b => RecordCodec.Encode(r, b, names))),
                        Is.EqualTo(expected.Rows.Select(r => r.ToEntity()).Prepend(expected.Account).Select(r => Form(b => RecordCodec.Encode(r, b, names)))), slice.Account.Id.ToString());
                    Assert.That(slice.Warnings, Is.EqualTo(expected.Warnings));
                }
            });
        }

        /// <summary>A record holding a column twice: its entity keeps the last value in the place of the first.</summary>
        private string RepeatedColumns()
        {
            var export = new ExportBuilder()
                .Table("account", ("accountid", "guid", null), ("name", "string", null), ("createdon", "datetime", null))
                .Table("contact", ("contactid", "guid", null), ("fullname", "string", null), ("parentcustomerid", "customer", "account|contact"), ("createdon", "datetime", null));
            export.Record("account", Account, ("name", "First name"), ("createdon", "2024-01-10T09:00:00Z"), ("name", "Last name"));
            export.Record("contact", Contact, ("fullname", "Jane"), ("parentcustomerid", Account + "@account"), ("createdon", "2024-01-10T09:00:00Z"), ("fullname", "Jane Buyer"));
            return export.Write(Path.Combine(Folder, "repeated.zip"));
        }

        private static byte[] Form(Action<ArrayBufferWriter<byte>> write)
        {
            var buffer = new ArrayBufferWriter<byte>();
            write(buffer);
            return buffer.WrittenSpan.ToArray();
        }
    }
}
