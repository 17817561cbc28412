using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Tests.Cli;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// Every kind of problem an export can have is named: either the run stops with exit code 1 and the
    /// file, table, record, field and value (what Dataverse itself refuses on import), or the record is used
    /// or left out with a stated interpretation and a warning (README, "Problems in the data").
    /// </summary>
    public class ProblemTests : TempFolderTests
    {
        private const string Account = "a0000000-0000-0000-0000-000000000001";
        private const string Email = "e0000000-0000-0000-0000-000000000001";
        private static ExportBuilder Small() => new ExportBuilder()
            .Table("account", ("accountid", "guid", null), ("name", "string", null), ("revenue", "money", null), ("loy_servicecadence", "optionsetvalue", null),
                ("loy_healthband", "optionsetvalue", null), ("createdon", "datetime", null))
            .Table("contact", ("contactid", "guid", null), ("fullname", "string", null), ("parentcustomerid", "customer", "account|contact"), ("createdon", "datetime", null))
            .Table("email", ("activityid", "guid", null), ("subject", "string", null), ("regardingobjectid", "entityreference", "account|contact|opportunity"),
                ("actualend", "datetime", null), ("to", "partylist", null), ("createdon", "datetime", null))
            .Table("loy_perk", ("activityid", "guid", null), ("subject", "string", null), ("regardingobjectid", "entityreference", "account|contact|opportunity"), ("loy_cost", "money", null))
            .Record("account", Account, ("name", "Problem Traders"), ("createdon", "2024-01-01T00:00:00Z"));

        private (int Exit, string Output) Score(ExportBuilder export, params string[] more) =>
            CliHarness.Run(new[] { "score", export.Write(Path.Combine(Folder, "data.zip")), "--output", Path.Combine(Folder, "out") }.Concat(more).ToArray());

        private static void StopsNaming(int exit, string output, params string[] parts)
        {
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1), output);
                Assert.That(output, Does.Contain("data.zip (data.xml)"));
                foreach (var part in parts) Assert.That(output, Does.Contain(part));
                Assert.That(output, Does.Not.Contain("   at "), "no stack trace");
            });
        }

        [Test]
        public void A_choice_outside_the_products_option_set_stops_the_run_naming_record_field_and_value()
        {
            // A seller input the model cannot read is scored and reported instead (Tests/Cli: the stored value the model cannot read).
            var (exit, output) = Score(Small().Record("account", "a0000000-0000-0000-0000-000000000002", ("name", "Odd"), ("loy_healthband", "7")));

            StopsNaming(exit, output, "table account", "record a0000000-0000-0000-0000-000000000002", "field loy_healthband", "'7' is not a value of the option set");
        }

        [Test]
        public void An_all_zero_record_id_stops_the_run()
        {
            var (exit, output) = Score(Small().Record("contact", "00000000-0000-0000-0000-000000000000", ("fullname", "Nobody")));

            StopsNaming(exit, output, "table contact", "record 00000000-0000-0000-0000-000000000000", "all zeros");
        }

        [Test]
        public void An_all_zero_lookup_stops_the_run()
        {
            var (exit, output) = Score(Small().Record("contact", "c0000000-0000-0000-0000-000000000001", ("parentcustomerid", "00000000-0000-0000-0000-000000000000@account")));

            StopsNaming(exit, output, "record c0000000-0000-0000-0000-000000000001", "field parentcustomerid", "all zeros");
        }

        [Test]
        public void A_party_of_a_table_that_cannot_take_part_stops_the_run()
        {
            var (exit, output) = Score(Small().Raw("email", $"<record id=\"{Email}\"><field name=\"to\" value=\"\"><activitypointerrecords id=\"f0000000-0000-0000-0000-000000000001\">" +
                "<field name=\"partyid\" value=\"70000000-0000-0000-0000-000000000001\" lookupentity=\"invoice\" /></activitypointerrecords></field></record>"));

            StopsNaming(exit, output, $"record {Email}", "field to", "a party is a 'invoice'");
        }

        [Test]
        public void Negative_money_in_a_product_amount_stops_the_run()
        {
            var (exit, output) = Score(Small().Record("loy_perk", "9e000000-0000-0000-0000-000000000001", ("regardingobjectid", Account + "@account"), ("loy_cost", "-80.00")));

            StopsNaming(exit, output, "table loy_perk", "field loy_cost", "'-80.00' is outside the column's range");
        }

        [Test]
        public void Money_beyond_the_range_Dataverse_stores_stops_the_run()
        {
            var (exit, output) = Score(Small().Record("account", "a0000000-0000-0000-0000-000000000003", ("name", "Rich"), ("revenue", "1000000000000000000")));

            StopsNaming(exit, output, "field revenue", "outside the column's range");
        }

        [Test]
        public void A_date_that_is_not_iso_8601_stops_the_run()
        {
            var (exit, output) = Score(Small().Record("email", Email, ("regardingobjectid", Account + "@account"), ("actualend", "06/07/2026")));

            StopsNaming(exit, output, $"record {Email}", "field actualend", "'06/07/2026' is not an ISO 8601 date");
        }

        [Test]
        public void A_truncated_data_file_names_the_record_being_read()
        {
            var export = Small();
            var data = export.DataXml();
            var cut = data.Substring(0, data.IndexOf("Problem Traders", StringComparison.Ordinal));
            var path = export.Write(Path.Combine(Folder, "cut.zip"), cut);

            var error = Assert.Throws<CmtDataException>(() => CmtPackageReader.Read(path));

            Assert.That(error!.Message, Does.Contain("malformed XML at line").And.Contain($"while reading record {Account}").And.Contain("table account"));
        }

        [Test]
        public void Records_in_no_account_are_left_out_and_listed_with_their_ids()
        {
            var (exit, output) = Score(Small()
                .Record("email", Email, ("subject", "To nobody"), ("regardingobjectid", "a0000000-0000-0000-0000-0000000000ff@account"), ("actualend", "2026-05-01T10:00:00Z"))
                .Record("contact", "c0000000-0000-0000-0000-000000000009", ("fullname", "Lost"), ("parentcustomerid", "a0000000-0000-0000-0000-0000000000fe@account")));

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(output, Does.Contain($"1 email record counts toward no account in the file").And.Contain(Email));
                Assert.That(output, Does.Contain("1 contact record counts toward no account").And.Contain("c0000000-0000-0000-0000-000000000009"));
                Assert.That(output, Does.Contain("in no account").And.Contain("2 in no account"));
                Assert.That(File.ReadAllText(Path.Combine(Folder, "out", "report.html")), Does.Contain(Email));
            });
        }

        [Test]
        public void Records_dated_after_as_of_are_excluded_and_counted_per_account()
        {
            var (exit, output) = Score(Small()
                .Record("email", Email, ("subject", "Next month"), ("regardingobjectid", Account + "@account"), ("actualend", "2026-07-15T10:00:00Z"))
                .Record("email", "e0000000-0000-0000-0000-000000000002", ("subject", "Last month"), ("regardingobjectid", Account + "@account"), ("actualend", "2026-05-15T10:00:00Z"))
                .Record("account", "a0000000-0000-0000-0000-000000000004", ("name", "Founded later"), ("createdon", "2026-08-01T00:00:00Z")),
                "--as-of", "2026-06-30");

            var row = GenuineExportTests.CsvRow(Path.Combine(Folder, "out", "accounts.csv"), Account);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(row["Warnings"], Is.EqualTo("1 email record dated after the as-of moment was left out | 1 activity has no status in the export: imported open, so not counted as completed"));
                Assert.That(output, Does.Contain("2 records dated after the as-of moment 2026-06-30 12:00 UTC were excluded"));
                Assert.That(output, Does.Contain("1 account created after the as-of moment 2026-06-30 12:00 UTC was left out"));
                Assert.That(output, Does.Contain("Problem Traders: 1 email record dated after the as-of moment was left out"));
                Assert.That(File.ReadLines(Path.Combine(Folder, "out", "accounts.csv")).Count(), Is.EqualTo(2), "the later account is not scored");
            });
        }

        [Test]
        public void A_value_the_plugins_ignore_while_scoring_is_a_warning_on_the_account()
        {
            // An organisation may have added a service cadence option the model does not know: scored, and the recalculation's note reaches the account.
            var (exit, output) = Score(Small().Record("account", "a0000000-0000-0000-0000-000000000003", ("name", "Own Options Ltd"), ("loy_servicecadence", "100000099"),
                ("createdon", "2024-01-01T00:00:00Z")), "--as-of", "2026-06-30");

            var row = GenuineExportTests.CsvRow(Path.Combine(Folder, "out", "accounts.csv"), "a0000000-0000-0000-0000-000000000003");
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(row["Warnings"], Is.EqualTo("account a0000000-0000-0000-0000-000000000003: unknown loy_servicecadence value 100000099; reported as unreadable"));
                Assert.That(row["Warnings"], Does.Not.Contain("[+"), "the note as the plugin wrote it, without the trace's timing");
                Assert.That(output, Does.Contain("Own Options Ltd: account a0000000-0000-0000-0000-000000000003: unknown loy_servicecadence value 100000099"));
                Assert.That(GenuineExportTests.CsvRow(Path.Combine(Folder, "out", "accounts.csv"), Account)["Warnings"], Is.Empty, "an account with nothing ignored has no warning");
            });
        }

        private const string UndatedCall = "9c000000-0000-0000-0000-000000000001";

        /// <summary>A call of Problem Traders completed with neither an actual nor a scheduled end: the model cannot place it in time.</summary>
        private static ExportBuilder WithUndatedCall(ExportBuilder export) => export
            .Table("phonecall", ("activityid", "guid", null), ("subject", "string", null), ("regardingobjectid", "entityreference", "account|contact|opportunity"),
                ("statecode", "state", null))
            .Record("phonecall", UndatedCall, ("subject", "Quarterly review"), ("regardingobjectid", Account + "@account"), ("statecode", "1"));

        /// <summary>What the plugins ignored is traced in English for the administrator and said on the account in the run's language.</summary>
        [Test]
        public void A_value_the_plugins_ignore_is_said_on_the_account_in_the_language_of_the_run()
        {
            var export = WithUndatedCall(Small()
                .Record("account", "a0000000-0000-0000-0000-000000000003", ("name", "Own Options Ltd"), ("loy_servicecadence", "100000099"), ("createdon", "2024-01-01T00:00:00Z")));

            var (exit, output) = Score(export, "--as-of", "2026-06-30", "--language", "de");

            var csv = Path.Combine(Folder, "out", "accounts.csv");
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(GenuineExportTests.CsvRow(csv, "a0000000-0000-0000-0000-000000000003")["Warnungen"],
                    Is.EqualTo("Kunde a0000000-0000-0000-0000-000000000003: unbekannter Wert 100000099 in loy_servicecadence; als nicht lesbar gemeldet"));
                Assert.That(GenuineExportTests.CsvRow(csv, Account)["Warnungen"],
                    Is.EqualTo($"Aktivität {UndatedCall}: ohne Datum abgeschlossen (kein tatsächliches oder geplantes Ende); nicht gezählt"));
                Assert.That(output, Does.Not.Contain("reported as unreadable").And.Not.Contain("not counted"));
            });
        }

        [Test]
        public void An_activity_the_scorer_cannot_use_is_a_warning_on_the_account_in_words_not_a_code()
        {
            var (exit, output) = Score(WithUndatedCall(Small()), "--as-of", "2026-06-30");

            var warning = $"activity {UndatedCall}: completed without a date (no actual or scheduled end); not counted";
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(GenuineExportTests.CsvRow(Path.Combine(Folder, "out", "accounts.csv"), Account)["Warnings"], Is.EqualTo(warning));
                Assert.That(output, Does.Contain($"Problem Traders: {warning}").And.Not.Contain("InteractionWithoutDate"));
            });
        }

        [Test]
        public void An_account_whose_recalculation_failed_is_shown_as_failed_with_its_error_never_as_not_enough_data()
        {
            var asOf = new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);
            using var staging = new ExportStaging(asOf);
            staging.Add(new Entity("account", new Guid(Account)) { ["name"] = "Broken Ltd" });
            // A column the organisation does not have: the local organisation refuses it as Dataverse would.
            staging.Add(new Entity("email", new Guid(Email)) { ["regardingobjectid"] = new EntityReference("account", new Guid(Account)), ["favouritecolour"] = "teal" });
            staging.Add(new Entity("account", new Guid("a0000000-0000-0000-0000-000000000002")) { ["name"] = "Fine Ltd" });
            staging.Finish();
            var probe = new LoyaltyHealth.Cli.Local.LocalOrganisation(LoyaltyHealth.Cli.Local.SolutionLocator.Find(null), asOf);
            var policy = LoyaltyHealth.Model.Policy.LoyaltyPolicy.Default.ToJson();
            var replay = new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policy, asOf);

            var (accounts, stats) = ExportRun.Score(staging, new CmtSkips(), replay, TimeSpan.Zero, workers: 2);
            using var scored = accounts;
            var result = new OrganisationResult(asOf, "en", accounts, 0, "test");
            var csv = Path.Combine(Folder, "accounts.csv");
            CsvExport.Write(csv, result, new UiText("en"));

            var broken = accounts.Single(a => a.Name == "Broken Ltd");
            var row = GenuineExportTests.CsvRow(csv, Account);
            Assert.Multiple(() =>
            {
                Assert.That(broken.Failed, Is.True);
                Assert.That(broken.Error, Does.Contain("favouritecolour"));
                Assert.That(row["Band"], Is.EqualTo("Failed"));
                Assert.That(row["Error"], Does.Contain("favouritecolour"));
                Assert.That(stats.AccountsFailed, Is.EqualTo(1));
                Assert.That(stats.AccountsScored, Is.EqualTo(1));
                Assert.That(accounts.First().Name, Is.EqualTo("Broken Ltd"), "failed accounts come first");
            });
        }

        [Test]
        public void The_products_option_sets_in_the_reader_are_those_of_the_solution()
        {
            foreach (var (column, values) in CmtValueRules.ProductChoices)
            {
                var name = column == "loy_preferredchannel" ? "loy_channel" : column;
                var file = Path.Combine(LoyaltyHealth.Tests.Pipeline.RepositoryFolders.Root, "solution", "OptionSets", name + ".xml");
                var solution = System.Xml.Linq.XDocument.Load(file).Descendants("option").Select(o => (int)o.Attribute("value")!).OrderBy(v => v);
                Assert.That(values.OrderBy(v => v), Is.EqualTo(solution), column);
            }
        }
    }
}
