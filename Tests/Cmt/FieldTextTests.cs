using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Output;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// A field's name and lookupentity are read as text and made strings only where the values are read: the
    /// schema field a name means, a skipped column, a lookup's or a party's table, and the problems each can have.
    /// </summary>
    public class FieldTextTests : TempFolderTests
    {
        private const string Account = "a0000000-0000-0000-0000-000000000001";
        private const string Contact = "c0000000-0000-0000-0000-000000000001";
        private const string Email = "e0000000-0000-0000-0000-000000000001";

        private static ExportBuilder Export() => new ExportBuilder()
            .Table("account", ("accountid", "guid", null), ("name", "string", null))
            .Table("contact", ("contactid", "guid", null), ("parentcustomerid", "customer", "account|contact"))
            .Table("email", ("activityid", "guid", null), ("to", "partylist", null))
            .Record("account", Account, ("name", "Text Traders"));

        private CmtPackage Read(ExportBuilder export) => CmtPackageReader.Read(export.Write(Path.Combine(Folder, Path.GetRandomFileName() + ".zip")));

        private string Refused(ExportBuilder export) => Assert.Throws<CmtDataException>(() => Read(export))!.Message;

        [Test]
        public void Declared_names_skipped_columns_lookup_and_party_tables_are_read_from_the_text()
        {
            var package = Read(Export()
                .Record("account", "a0000000-0000-0000-0000-000000000002", ("name", "Second"), ("favouritecolour", "blue"))
                .Record("account", "a0000000-0000-0000-0000-000000000003", ("favouritecolour", "green"))
                .Record("contact", Contact, ("parentcustomerid", Account + "@account"))
                .Raw("email", $"<record id=\"{Email}\"><field name=\"to\" value=\"\"><activitypointerrecords id=\"f0000000-0000-0000-0000-000000000001\">" +
                              $"<field name=\"partyid\" value=\"{Contact}\" lookupentity=\"contact\" /></activitypointerrecords></field></record>"));

            var party = package.Rows("email").Single().GetAttributeValue<EntityCollection>("to").Entities.Single().GetAttributeValue<EntityReference>("partyid");
            Assert.Multiple(() =>
            {
                Assert.That(package.Rows("account").Select(a => a.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "Text Traders", "Second", null }));
                Assert.That(package.Skips.Notes().Select(new UiText("en").Note), Is.EqualTo(new[] { "columns of account not used: favouritecolour (2)" }));
                Assert.That(package.Rows("contact").Single().GetAttributeValue<EntityReference>("parentcustomerid").LogicalName, Is.EqualTo("account"));
                Assert.That((party.LogicalName, party.Id.ToString()), Is.EqualTo(("contact", Contact)));
            });
        }

        [Test]
        public void Records_of_one_table_may_write_their_fields_in_any_order()
        {
            // The reader compares each name with the field found at the same position in the record before: every
            // record here puts another field (createdon and statecode have names of one length), or a skipped column,
            // where the one before had another.
            var package = Read(new ExportBuilder()
                .Table("account", ("accountid", "guid", null), ("name", "string", null), ("createdon", "datetime", null), ("statecode", "state", null))
                .Record("account", Account, ("name", "First"), ("createdon", "2026-01-02T00:00:00Z"), ("statecode", "0"))
                .Record("account", "a0000000-0000-0000-0000-000000000002", ("name", "Second"), ("statecode", "1"), ("createdon", "2026-02-03T00:00:00Z"))
                .Record("account", "a0000000-0000-0000-0000-000000000003", ("favouritecolour", "red"), ("name", "Third"))
                .Record("account", "a0000000-0000-0000-0000-000000000004", ("name", "Fourth"), ("favouritecolour", "blue"), ("createdon", "2026-04-05T00:00:00Z")));

            var accounts = package.Rows("account");
            Assert.Multiple(() =>
            {
                Assert.That(accounts.Select(a => a.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "First", "Second", "Third", "Fourth" }));
                Assert.That(accounts.Select(a => a.GetAttributeValue<System.DateTime?>("createdon")?.ToString("yyyy-MM-dd")),
                    Is.EqualTo(new[] { "2026-01-02", "2026-02-03", null, "2026-04-05" }));
                Assert.That(accounts.Select(a => a.GetAttributeValue<OptionSetValue>("statecode")?.Value), Is.EqualTo(new int?[] { 0, 1, null, null }));
                Assert.That(accounts.Select(a => a.Attributes.ContainsKey("favouritecolour")), Is.All.False);
                Assert.That(package.Skips.Notes().Select(new UiText("en").Note), Is.EqualTo(new[] { "columns of account not used: favouritecolour (2)" }));
            });
        }

        [Test]
        public void Long_values_of_emoji_are_read_whole()
        {
            // A record's values share one buffer that doubles as they grow: one of these two values puts an emoji's two
            // halves across an end of that buffer, which the reading once refused as malformed XML.
            var names = new[] { "", "n" }.Select(start => start + string.Concat(Enumerable.Repeat("\U0001F600", 40_000))).ToList();
            var export = new ExportBuilder().Table("account", ("accountid", "guid", null), ("name", "string", null))
                .Record("account", Account, ("name", names[0]))
                .Record("account", "a0000000-0000-0000-0000-000000000002", ("name", names[1]));

            Assert.That(Read(export).Rows("account").Select(a => a.GetAttributeValue<string>("name")), Is.EqualTo(names));
        }

        [Test]
        public void A_field_without_a_name_is_refused()
        {
            Assert.That(Refused(Export().Raw("account", "<record id=\"a0000000-0000-0000-0000-000000000002\"><field value=\"x\" /></record>")),
                Does.Contain("a <field> has no name."));
        }

        [Test]
        public void A_column_the_tool_reads_but_the_schema_does_not_declare_is_refused()
        {
            Assert.That(Refused(Export().Record("contact", Contact, ("fullname", "Ann"))), Does.Contain("the field is not declared for contact").And.Contain("fullname"));
        }

        [Test]
        public void A_lookup_to_a_table_its_column_cannot_point_at_is_refused()
        {
            Assert.That(Refused(Export().Record("contact", Contact, ("parentcustomerid", Account + "@invoice"))),
                Does.Contain("the lookup points at a invoice; it may point at account or contact"));
        }

        [Test]
        public void A_lookup_that_names_no_table_where_its_column_may_point_at_two_is_refused()
        {
            Assert.That(Refused(Export().Raw("contact", $"<record id=\"{Contact}\"><field name=\"parentcustomerid\" value=\"{Account}\" /></record>")),
                Does.Contain("the lookup names no table (lookupentity), and it may point at account or contact"));
        }

        [Test]
        public void A_record_without_an_id_and_one_with_an_empty_id_are_refused_as_written()
        {
            Assert.Multiple(() =>
            {
                Assert.That(Refused(Export().Raw("account", "<record><field name=\"name\" value=\"x\" /></record>")),
                    Does.EndWith("(data.xml), table account: the record id '' is not a GUID."), "no record named");
                Assert.That(Refused(Export().Raw("account", "<record id=\"\"><field name=\"name\" value=\"x\" /></record>")),
                    Does.EndWith("(data.xml), table account, record : the record id '' is not a GUID."), "the empty id named");
            });
        }

        [Test]
        public void A_party_without_a_table_is_refused()
        {
            Assert.That(Refused(Export().Raw("email", $"<record id=\"{Email}\"><field name=\"to\" value=\"\"><activitypointerrecords id=\"f0000000-0000-0000-0000-000000000001\">" +
                                                      $"<field name=\"partyid\" value=\"{Contact}\" /></activitypointerrecords></field></record>")),
                Does.Contain($"a party has no partyid with a record id and lookupentity (found '{Contact}')"));
        }
    }
}
