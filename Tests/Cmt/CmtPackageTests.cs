using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.SampleData;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Pipeline;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    public class CmtPackageTests
    {
        private string _folder = null!;

        [SetUp]
        public void SetUp()
        {
            _folder = Path.Combine(Path.GetTempPath(), "loyalty-cmt-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
        }

        [TearDown]
        public void TearDown() => Directory.Delete(_folder, recursive: true);

        private string Zip(string schema, string data)
        {
            var path = Path.Combine(_folder, "data.zip");
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("data_schema.xml", schema), ("data.xml", data) })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            return path;
        }

        private const string AccountSchemaXml = @"<entities><entity name=""account"" primaryidfield=""accountid"">
  <fields><field name=""accountid"" type=""guid"" primaryKey=""true""/><field name=""name"" type=""string""/><field name=""loy_servicecadence"" type=""optionsetvalue""/></fields>
</entity><entity name=""email"" primaryidfield=""activityid"">
  <fields><field name=""activityid"" type=""guid""/><field name=""to"" type=""partylist""/><field name=""actualend"" type=""datetime""/><field name=""regardingobjectid"" type=""entityreference"" lookupType=""account""/></fields>
</entity></entities>";

        [Test]
        public void Written_records_read_back_with_the_same_values()
        {
            var records = SampleStories.Build().Records().ToList();
            var path = Path.Combine(_folder, "sample.zip");

            CmtPackageWriter.Write(path, records, SampleStories.AsOf);
            var package = CmtPackageReader.Read(path);

            var email = records.First(r => r.LogicalName == ActivitySchema.Email);
            var read = package.Rows(ActivitySchema.Email).Single(r => r.Id == email.Id);
            Assert.Multiple(() =>
            {
                Assert.That(package.Count, Is.EqualTo(records.Count));
                Assert.That(package.ExportedOn, Is.EqualTo(SampleStories.AsOf));
                Assert.That(read.GetAttributeValue<string>(ActivitySchema.Subject), Is.EqualTo(email.GetAttributeValue<string>(ActivitySchema.Subject)));
                Assert.That(read.GetAttributeValue<DateTime>(ActivitySchema.ActualEnd), Is.EqualTo(email.GetAttributeValue<DateTime>(ActivitySchema.ActualEnd)));
                Assert.That(read.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId).Id, Is.EqualTo(email.GetAttributeValue<EntityReference>(ActivitySchema.RegardingObjectId).Id));
                Assert.That(read.GetAttributeValue<EntityCollection>("to").Entities.Select(p => p.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId).Id),
                    Is.EqualTo(email.GetAttributeValue<EntityCollection>("to").Entities.Select(p => p.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId).Id)));
            });
        }

        [Test]
        public void A_party_list_in_the_configuration_migration_form_reads_as_activity_parties()
        {
            var path = Zip(AccountSchemaXml, @"<entities timestamp=""2026-06-30T12:00:00Z""><entity name=""email""><records>
<record id=""e0000000-0000-0000-0000-000000000001""><field name=""to"" value="""">
  <activitypointerrecords id=""aa000000-0000-0000-0000-000000000001""><field name=""partyid"" value=""c0000000-0000-0000-0000-000000000001"" lookupentity=""contact"" lookupentityname=""Jane""/><field name=""participationtypemask"" value=""2""/></activitypointerrecords>
  <activitypointerrecords id=""aa000000-0000-0000-0000-000000000002""><field name=""partyid"" value=""c0000000-0000-0000-0000-000000000002"" lookupentity=""contact""/></activitypointerrecords>
</field></record></records></entity></entities>");

            var email = CmtPackageReader.Read(path).Rows(ActivitySchema.Email).Single();

            Assert.That(email.GetAttributeValue<EntityCollection>("to").Entities.Select(p => p.GetAttributeValue<EntityReference>(ActivityPartySchema.PartyId).Id.ToString()),
                Is.EqualTo(new[] { "c0000000-0000-0000-0000-000000000001", "c0000000-0000-0000-0000-000000000002" }));
        }

        [Test]
        public void A_missing_file_is_reported_with_its_path()
        {
            var path = Path.Combine(_folder, "nothing.zip");

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            Assert.That(error!.Message, Does.Contain(path).And.Contain("does not exist"));
        }

        [Test]
        public void A_file_that_is_not_a_zip_is_reported_as_such()
        {
            var path = Path.Combine(_folder, "corrupt.zip");
            File.WriteAllText(path, "this is not a zip archive");

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            Assert.That(error!.Message, Does.Contain("not a readable zip archive"));
        }

        [Test]
        public void Malformed_xml_is_reported_with_the_entry_and_line()
        {
            var path = Zip(AccountSchemaXml, "<entities>\n<entity name=\"account\"><records>\n<record id=\"a0000000-0000-0000-0000-000000000001\"><field name=\"name\" value=\"x\"></record>");

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            Assert.That(error!.Message, Does.Contain("(data.xml)").And.Contain("malformed XML at line 3"));
        }

        [Test]
        public void A_file_with_only_tables_the_tool_does_not_read_is_reported_with_their_names()
        {
            var path = Zip("<entities><entity name=\"invoice\"><fields/></entity></entities>", "<entities/>");

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            Assert.That(error!.Message, Does.Contain("(data_schema.xml)").And.Contain("only tables the tool does not read (invoice)"));
        }

        [Test]
        public void An_unknown_table_and_an_unknown_field_are_skipped_and_counted()
        {
            var path = Zip("<entities><entity name=\"account\"><fields><field name=\"accountid\" type=\"guid\"/><field name=\"favouritecolour\" type=\"string\"/></fields></entity>" +
                "<entity name=\"invoice\"><fields/></entity></entities>",
                "<entities><entity name=\"account\"><records><record id=\"a0000000-0000-0000-0000-000000000001\"><field name=\"favouritecolour\" value=\"teal\"/></record></records></entity>" +
                "<entity name=\"invoice\"><records><record id=\"10000000-0000-0000-0000-000000000001\"><field name=\"x\" value=\"1\"/></record><record id=\"10000000-0000-0000-0000-000000000002\"/></records></entity></entities>");

            var package = CmtPackageReader.Read(path);

            Assert.Multiple(() =>
            {
                Assert.That(package.Rows("account").Single().Contains("favouritecolour"), Is.False);
                Assert.That(package.Skips.Notes().Select(new UiText("en").Note), Is.EqualTo(new[] { "table invoice is not used: 2 records skipped", "columns of account not used: favouritecolour (1)" }));
            });
        }

        [Test]
        public void A_follow_up_tasks_link_to_its_assessment_is_carried_not_reported_as_unused()
        {
            // What an export of an environment running the product writes for a task the product opened.
            var path = Zip(@"<entities><entity name=""task"" primaryidfield=""activityid"">
  <fields><field name=""activityid"" type=""guid""/><field name=""loy_healthassessmentid"" type=""entityreference"" lookupType=""loy_healthassessment""/></fields>
</entity></entities>",
                @"<entities><entity name=""task""><records><record id=""7a000000-0000-0000-0000-000000000001"">
<field name=""loy_healthassessmentid"" value=""4a000000-0000-0000-0000-000000000001"" lookupentity=""loy_healthassessment""/></record></records></entity></entities>");

            var package = CmtPackageReader.Read(path);

            Assert.Multiple(() =>
            {
                Assert.That(package.Rows("task").Single().GetAttributeValue<EntityReference>("loy_healthassessmentid")?.Id,
                    Is.EqualTo(new Guid("4a000000-0000-0000-0000-000000000001")));
                Assert.That(package.Skips.Notes().Select(new UiText("en").Note), Is.Empty);
            });
        }

        [Test]
        public void A_bad_value_is_reported_with_the_file_record_and_field()
        {
            var path = Zip(AccountSchemaXml, @"<entities><entity name=""account""><records>
<record id=""a0000000-0000-0000-0000-000000000007""><field name=""loy_servicecadence"" value=""monthly""/></record></records></entity></entities>");

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            Assert.That(error!.Message, Does.Contain("(data.xml)").And.Contain("record a0000000-0000-0000-0000-000000000007").And.Contain("field loy_servicecadence")
                .And.Contain("'monthly' is not a choice value"));
        }

        [Test]
        public void The_bundled_sample_files_are_what_the_sample_stories_write()
        {
            var fresh = Path.Combine(_folder, "fresh");

            SampleOrganisation.WriteTextFiles(fresh);

            foreach (var file in SampleOrganisation.Files)
            {
                Assert.That(File.ReadAllText(Path.Combine(fresh, file)), Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "Cli", "SampleData", file))),
                    $"Cli/SampleData/{file} is out of date: run 'dotnet run --project Cli -- generate --sample --output Cli/SampleData'.");
            }
        }

        [Test]
        public void A_generated_organisation_has_the_asked_number_of_accounts_contacts_and_activities()
        {
            var options = new SyntheticOptions { Accounts = 7, ContactsPerAccount = 3, ActivitiesPerAccount = 11, Seed = 5 };
            var path = Path.Combine(_folder, "generated.zip");

            CmtPackageWriter.Write(path, SyntheticOrganisation.Records(options), options.AsOf);
            var package = CmtPackageReader.Read(path);

            Assert.Multiple(() =>
            {
                Assert.That(package.Rows(AccountSchema.EntityName), Has.Count.EqualTo(7));
                Assert.That(package.Rows(ContactSchema.EntityName), Has.Count.EqualTo(21));
                Assert.That(package.Count - 7 - 21, Is.EqualTo(77));
                Assert.That(SyntheticOrganisation.Records(options).Select(r => r.Id), Is.EqualTo(package.All.Select(r => r.Id)), "the same seed gives the same organisation");
            });
        }
    }
}
