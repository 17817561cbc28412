using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Tests.Cli;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cmt
{
    /// <summary>
    /// Exports shaped as the Configuration Migration tool writes them for a user (the shape of a live CMT
    /// export: every standard column, money companions, lookups with lookupentity, tables the product does
    /// not read): they score without an error, and what is not used is listed once.
    /// </summary>
    public class GenuineExportTests : TempFolderTests
    {
        internal const string Account = "a0000000-0000-0000-0000-000000000001";
        internal const string Quiet = "a0000000-0000-0000-0000-000000000002";
        internal const string Contact = "c0000000-0000-0000-0000-000000000001";
        internal const string Opportunity = "0b000000-0000-0000-0000-000000000001";

        private static readonly (string, string, string?)[] ActivityColumns =
        {
            ("activityid", "guid", null), ("subject", "string", null), ("description", "memo", null),
            ("regardingobjectid", "entityreference", "account|contact|opportunity"), ("actualend", "datetime", null), ("scheduledend", "datetime", null),
            ("loy_interactionclass", "optionsetvalue", null), ("activitytypecode", "string", null), ("isregularactivity", "bool", null),
            ("actualdurationminutes", "number", null), ("prioritycode", "picklist", null),
        };

        /// <summary>A genuine export: account, contact, opportunity, emails regarding the opportunity, value reports and perks with money companions, a table the product does not read, and optionally the stored assessment and history.</summary>
        internal static ExportBuilder Genuine(bool withHistory)
        {
            var export = new ExportBuilder()
                .Table("account", new (string, string, string?)[]
                    {
                        ("accountid", "guid", null), ("name", "string", null), ("revenue", "money", null), ("address1_composite", "memo", null),
                        ("primarycontactid", "entityreference", "contact"), ("loy_servicecadence", "optionsetvalue", null),
                        ("loy_overallhealth", "number", null), ("loy_healthband", "optionsetvalue", null), ("loy_healthscoredon", "datetime", null),
                    }.Concat(ExportBuilder.StandardColumns).Concat(ExportBuilder.MoneyCompanions("revenue")).ToArray())
                .Table("contact", new (string, string, string?)[]
                    {
                        ("contactid", "guid", null), ("fullname", "string", null), ("firstname", "string", null), ("lastname", "string", null),
                        ("parentcustomerid", "customer", "account|contact"), ("department", "string", null), ("accountrolecode", "picklist", null),
                        ("emailaddress1", "string", null), ("gendercode", "picklist", null),
                    }.Concat(ExportBuilder.StandardColumns).ToArray())
                .Table("opportunity", new (string, string, string?)[]
                    {
                        ("opportunityid", "guid", null), ("name", "string", null), ("parentaccountid", "entityreference", "account"),
                        ("customerid", "customer", "account|contact"), ("estimatedvalue", "money", null),
                    }.Concat(ExportBuilder.StandardColumns).Concat(ExportBuilder.MoneyCompanions("estimatedvalue")).ToArray())
                .Table("email", ActivityColumns.Concat(new (string, string, string?)[] { ("directioncode", "bool", null), ("to", "partylist", null) })
                    .Concat(ExportBuilder.StandardColumns).ToArray())
                .Table("loy_valuereport", ActivityColumns.Concat(new (string, string, string?)[] { ("loy_valueamount", "money", null), ("loy_measure", "string", null) })
                    .Concat(ExportBuilder.StandardColumns).Concat(ExportBuilder.MoneyCompanions("loy_valueamount")).ToArray())
                .Table("loy_perk", ActivityColumns.Concat(new (string, string, string?)[] { ("loy_cost", "money", null), ("loy_perkkind", "optionsetvalue", null) })
                    .Concat(ExportBuilder.StandardColumns).Concat(ExportBuilder.MoneyCompanions("loy_cost")).ToArray())
                .Table("transactioncurrency", ("transactioncurrencyid", "guid", null), ("isocurrencycode", "string", null))
                .Table("loy_healthassessment", new (string, string, string?)[]
                    {
                        ("loy_healthassessmentid", "guid", null), ("loy_name", "string", null), ("loy_accountid", "entityreference", "account"),
                        ("loy_assessedon", "datetime", null), ("loy_overallhealth", "number", null), ("loy_healthband", "optionsetvalue", null),
                    }.Concat(ExportBuilder.StandardColumns).ToArray());

            var currency = ("transactioncurrencyid", "e0000000-0000-0000-0000-0000000000e1@transactioncurrency");
            var account = new List<(string, string)> { ("name", "Genuine Traders"), ("revenue", "1200000.0000"), ("revenue_base", "1200000.0000"), currency, ("exchangerate", "1.0000000000"),
                ("address1_composite", "1 Quay Street\nHarbourtown"), ("primarycontactid", Contact + "@contact"), ("loy_servicecadence", "100000001") };
            if (withHistory) account.AddRange(new[] { ("loy_overallhealth", "96"), ("loy_healthband", "100000001"), ("loy_healthscoredon", "2026-05-02T06:00:00Z") });
            export.Record("account", Account, account.Concat(ExportBuilder.Standard("2023-02-01T09:00:00Z")).ToArray());
            export.Record("account", Quiet, new[] { ("name", "Quiet Holdings") }.Concat(ExportBuilder.Standard("2023-02-01T09:00:00Z")).ToArray());
            export.Record("contact", Contact, new[] { ("fullname", "Jane Buyer"), ("firstname", "Jane"), ("lastname", "Buyer"), ("parentcustomerid", Account + "@account"),
                ("department", "Purchasing"), ("accountrolecode", "1"), ("emailaddress1", "jane@example.com"), ("gendercode", "2") }.Concat(ExportBuilder.Standard()).ToArray());
            export.Record("opportunity", Opportunity, new[] { ("name", "Fleet renewal"), ("parentaccountid", Account + "@account"), ("customerid", Account + "@account"),
                ("estimatedvalue", "50000.0000"), ("estimatedvalue_base", "50000.0000"), currency, ("exchangerate", "1.0000000000") }.Concat(ExportBuilder.Standard()).ToArray());
            var asOf = new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);
            for (var month = 1; month <= 12; month++)
            {
                var on = asOf.AddDays(-30 * month + 10).ToString("yyyy-MM-ddTHH:mm:ssZ");
                export.Raw("email", $"<record id=\"e{month:0000000}-0000-0000-0000-000000000001\"><field name=\"subject\" value=\"Fleet review {month}\" />" +
                    $"<field name=\"regardingobjectid\" value=\"{Opportunity}\" lookupentity=\"opportunity\" lookupentityname=\"Fleet renewal\" /><field name=\"actualend\" value=\"{on}\" />" +
                    "<field name=\"statecode\" value=\"1\" /><field name=\"directioncode\" value=\"True\" /><field name=\"activitytypecode\" value=\"email\" /><field name=\"isregularactivity\" value=\"True\" />" +
                    $"<field name=\"to\" value=\"\"><activitypointerrecords id=\"f{month:0000000}-0000-0000-0000-000000000001\"><field name=\"partyid\" value=\"{Contact}\" lookupentity=\"contact\" lookupentityname=\"Jane Buyer\" /><field name=\"participationtypemask\" value=\"2\" /></activitypointerrecords></field>" +
                    "<field name=\"createdby\" value=\"5e000000-0000-0000-0000-000000000001\" lookupentity=\"systemuser\" lookupentityname=\"Admin\" /><field name=\"importsequencenumber\" value=\"3\" /></record>");
                if (month % 3 == 0)
                    export.Record("loy_valuereport", $"d{month:0000000}-0000-0000-0000-000000000001", new[] { ("subject", $"Quarterly value {month}"), ("regardingobjectid", Account + "@account"),
                        ("actualend", on), ("statecode", "1"), ("loy_valueamount", "8000.0000"), ("loy_valueamount_base", "8000.0000"), currency, ("exchangerate", "1.0000000000"),
                        ("loy_interactionclass", "100000001"), ("activitytypecode", "loy_valuereport") }.Concat(ExportBuilder.Standard(on)).ToArray());
            }
            export.Record("loy_perk", "9e000000-0000-0000-0000-000000000001", new[] { ("subject", "Lunch"), ("regardingobjectid", Account + "@account"), ("actualend", "2026-06-01T12:00:00Z"),
                ("statecode", "1"), ("loy_cost", "80.0000"), ("loy_cost_base", "80.0000"), currency, ("exchangerate", "1.0000000000") }.Concat(ExportBuilder.Standard("2026-06-01T12:00:00Z")).ToArray());
            export.Record("transactioncurrency", "e0000000-0000-0000-0000-0000000000e1", ("isocurrencycode", "EUR"));
            if (withHistory)
            {
                export.Record("loy_healthassessment", "4a000000-0000-0000-0000-000000000001", new[] { ("loy_name", "Genuine Traders 2026-03-01"), ("loy_accountid", Account + "@account"),
                    ("loy_assessedon", "2026-03-01T06:00:00Z"), ("loy_overallhealth", "97"), ("loy_healthband", "100000001") }.Concat(ExportBuilder.Standard("2026-03-01T06:00:00Z")).ToArray());
                export.Record("loy_healthassessment", "4a000000-0000-0000-0000-000000000002", new[] { ("loy_name", "Genuine Traders 2026-05-02"), ("loy_accountid", Account + "@account"),
                    ("loy_assessedon", "2026-05-02T06:00:00Z"), ("loy_overallhealth", "96"), ("loy_healthband", "100000001") }.Concat(ExportBuilder.Standard("2026-05-02T06:00:00Z")).ToArray());
            }
            return export;
        }

        /// <summary>A <c>score</c> run: its exit code, what it printed and the folder it wrote.</summary>
        private sealed record Scored(int Exit, string Printed, string Output)
        {
            public Dictionary<string, string> Row(string accountId) => CsvRow(Path.Combine(Output, "accounts.csv"), accountId);

            public string Report => File.ReadAllText(Path.Combine(Output, "report.html"));
        }

        /// <summary>The export written as <paramref name="name"/>.zip and scored into the folder <paramref name="name"/>.</summary>
        private Scored Score(ExportBuilder export, string name, params string[] options)
        {
            var output = Path.Combine(Folder, name);
            var (exit, printed) = CliHarness.Run(new[] { "score", export.Write(output + ".zip"), "--output", output }.Concat(options).ToArray());
            return new Scored(exit, printed, output);
        }

        /// <summary>The CSV row of an account, by column name (RFC 4180: quoted fields may hold commas, quotes and line breaks).</summary>
        internal static Dictionary<string, string> CsvRow(string csv, string accountId)
        {
            var rows = ParseCsv(File.ReadAllText(csv).TrimStart('\uFEFF'));
            var header = rows[0];
            var row = rows.Skip(1).SingleOrDefault(r => r[0] == accountId) ?? throw new AssertionException($"No row for {accountId} in {csv}.");
            return header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => row[p.i]);
        }

        internal static List<List<string>> ParseCsv(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    row.Add(field.ToString()); field.Clear();
                    rows.Add(row); row = new List<string>();
                }
                else field.Append(c);
            }
            if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
            return rows;
        }

        /// <summary>
        /// As a live export writes them (TALXIS/platform-metadata, tests/TALXIS.Platform.Metadata.Tests/TestData/CmtPackage/
        /// live-export/data.xml): a timestamp with a fraction of a second, and accounts exported without a created-on column.
        /// The import creates such an account at the export's moment, as Dataverse would; that is said on the account and in
        /// the notes, with what to add to the export, and it is never called an account created in the future.
        /// </summary>
        [Test]
        public void An_account_exported_without_its_created_on_date_is_scored_as_created_by_the_import_and_says_so()
        {
            var export = new ExportBuilder { Timestamp = "2026-10-05T17:42:19.8956467Z" }
                .Table("account", ("accountid", "guid", null), ("name", "string", null), ("telephone1", "string", null), ("createdon", "datetime", null))
                .Record("account", Account, ("name", "CMTLAB Account"), ("telephone1", "+420 555 0100"))
                .Record("account", Quiet, ("name", "Dated Ltd"), ("telephone1", "+420 555 0101"), ("createdon", "2024-03-01T08:00:00Z"));

            var scored = Score(export, "live");

            var (exit, printed, _) = scored;
            var row = scored.Row(Account);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(row["Warnings"], Is.EqualTo("no created-on date in the export: scored as created by this import, so it is not rated as an established account"));
                Assert.That(row["Band"], Is.EqualTo("Not enough data"));
                Assert.That(scored.Row(Quiet)["Warnings"], Is.Empty, "an account with its date has no such warning");
                Assert.That(printed, Does.Not.Contain("created after the moment scored").And.Not.Contain("AccountCreatedInFuture"), "created by the import at the export's moment, not after it");
                Assert.That(System.Text.RegularExpressions.Regex.Replace(printed, @"\s+", " "),
                    Does.Contain("Note: 1 account has no created-on date in the export").And.Contain("add Created On (createdon) to the account's fields"));
                Assert.That(scored.Report, Does.Contain("1 account has no created-on date in the export"));
                Assert.That(printed, Does.Contain("Accounts with warnings: 1").And.Contain("CMTLAB Account: no created-on date in the export"));
            });
        }

        /// <summary>
        /// The notes and the warnings the tool writes itself speak the run's language, as the table and the report do: the same
        /// live-shaped export scored in German has no English left in its notes, its skipped columns or its account's warning.
        /// </summary>
        [Test]
        public void The_notes_and_warnings_on_the_data_speak_the_language_of_the_run()
        {
            var export = new ExportBuilder { Timestamp = "2026-10-05T17:42:19.8956467Z" }
                .Table("account", ("accountid", "guid", null), ("name", "string", null), ("favouritecolour", "string", null), ("createdon", "datetime", null))
                .Table("transactioncurrency", ("transactioncurrencyid", "guid", null), ("isocurrencycode", "string", null))
                .Record("account", Account, ("name", "CMTLAB Account"), ("favouritecolour", "teal"))
                .Record("transactioncurrency", "e0000000-0000-0000-0000-0000000000e1", ("isocurrencycode", "EUR"));

            var scored = Score(export, "de", "--language", "de");

            var printed = System.Text.RegularExpressions.Regex.Replace(scored.Printed, @"\s+", " ");
            var report = System.Net.WebUtility.HtmlDecode(scored.Report);
            Assert.Multiple(() =>
            {
                Assert.That(scored.Exit, Is.Zero, scored.Printed);
                Assert.That(printed, Does.Contain("Übersprungen: Tabelle transactioncurrency wird nicht verwendet: 1 Datensatz übersprungen"));
                Assert.That(printed, Does.Contain("Übersprungen: nicht verwendete Spalten von account: favouritecolour (1)"));
                Assert.That(printed, Does.Contain("Hinweis: 1 Kunde hat im Export kein Erstellungsdatum"));
                Assert.That(scored.Row(Account)["Warnungen"], Is.EqualTo("kein Erstellungsdatum im Export: als durch diesen Import angelegt bewertet, daher nicht als bestehender Kunde eingestuft"));
                Assert.That(report, Does.Contain("<li>1 Kunde hat im Export kein Erstellungsdatum").And.Contain("<li>Tabelle transactioncurrency wird nicht verwendet"));
                Assert.That(report, Does.Contain("· 1 Kunde ·"), "one account, in the singular");
                foreach (var english in new[] { "Skipped:", "Note:", "is not used", "not used:", "no created-on date", "created-on" })
                {
                    Assert.That(printed, Does.Not.Contain(english));
                    Assert.That(report, Does.Not.Contain(english));
                }
            });
        }

        /// <summary>
        /// A live export may leave an activity table's Status out (TALXIS/platform-metadata's live-export lists appointments
        /// without statecode). The import creates such activities open, as Dataverse does, so none counts as completed: the
        /// account says how many, and the notes say what to add to the export.
        /// </summary>
        [Test]
        public void Activities_exported_without_their_status_are_imported_open_and_said_so()
        {
            ExportBuilder Calls(bool withStatus)
            {
                var columns = new List<(string, string, string?)> { ("activityid", "guid", null), ("subject", "string", null), ("regardingobjectid", "entityreference", "account|contact"), ("actualend", "datetime", null) };
                if (withStatus) columns.Add(("statecode", "state", null));
                var export = new ExportBuilder()
                    .Table("account", ("accountid", "guid", null), ("name", "string", null), ("createdon", "datetime", null))
                    .Table("contact", ("contactid", "guid", null), ("fullname", "string", null), ("parentcustomerid", "customer", "account|contact"))
                    .Table("phonecall", columns.ToArray())
                    .Record("account", Account, ("name", "Calls Ltd"), ("createdon", "2023-01-01T00:00:00Z"))
                    .Record("contact", Contact, ("fullname", "Jane Doe"), ("parentcustomerid", Account + "@account"));
                for (var i = 1; i <= 24; i++)
                {
                    var values = new List<(string, string)> { ("subject", $"Review call {i}"), ("regardingobjectid", Contact + "@contact"), ("actualend", $"2026-{1 + i % 5:00}-{10 + i % 15:00}T10:00:00Z") };
                    if (withStatus) values.Add(("statecode", "1"));
                    export.Record("phonecall", $"e0000000-0000-0000-0000-{i:000000000000}", values.ToArray());
                }
                return export;
            }

            var without = Score(Calls(withStatus: false), "without");
            var with = Score(Calls(withStatus: true), "with");

            var withoutRow = without.Row(Account);
            var withRow = with.Row(Account);
            Assert.Multiple(() =>
            {
                Assert.That(without.Exit, Is.Zero, without.Printed);
                Assert.That(withoutRow["Warnings"], Is.EqualTo("24 activities have no status in the export: imported open, so not counted as completed"));
                Assert.That(withoutRow["Band"], Is.EqualTo("Not enough data"), "open activities are no evidence, as in Dataverse after such an import");
                Assert.That(System.Text.RegularExpressions.Regex.Replace(without.Printed, @"\s+", " "),
                    Does.Contain("Note: 24 activities have no status in the export").And.Contain("add Status (statecode) to the activity tables' fields"));
                Assert.That(with.Exit, Is.Zero, with.Printed);
                Assert.That(withRow["Warnings"], Is.Empty);
                Assert.That(withRow["Band"], Is.Not.EqualTo("Not enough data"), "the same calls, completed, are evidence");
                Assert.That(with.Printed, Does.Not.Contain("no status in the export"));
            });
        }

        [Test]
        public void An_export_with_every_standard_column_money_companions_and_an_opportunity_table_scores_without_an_error()
        {
            var scored = Score(Genuine(withHistory: false), "genuine");

            var (exit, printed, _) = scored;
            var row = scored.Row(Account);
            var report = scored.Report;
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(row["Band"], Is.Not.EqualTo("Not enough data"), "the emails regarding the opportunity count toward its account");
                Assert.That(printed, Does.Contain("table transactioncurrency is not used: 1 record skipped"));
                Assert.That(printed, Does.Contain("columns of account not used:").And.Contain("createdby (1)").And.Contain("revenue_base (1)").And.Contain("exchangerate (1)"));
                Assert.That(printed, Does.Contain("columns of loy_valuereport not used:").And.Contain("loy_valueamount_base (4)").And.Contain("transactioncurrencyid (4)"));
                Assert.That(printed, Does.Contain("columns of opportunity not used:").And.Contain("customerid (1)"));
                Assert.That(printed.Split("columns of account not used").Length, Is.EqualTo(2), "each table's skipped columns are listed once");
                Assert.That(report, Does.Contain("id=\"notes\"").And.Contain("table transactioncurrency is not used"));
                Assert.That(printed, Does.Contain("Records read 21; skipped: 1 in tables not used, 0 dated after the as-of moment, 0 in no account."), "score prints what it measured");
                Assert.That(printed, Does.Match(@"Accounts scored 2, failed 0; requests per account \d+\.\d \(the product's plugins \d+\.\d, the import's Create 1\.0\)\."));
                Assert.That(printed, Does.Match(@"Elapsed [\d.]+ s \(staging [\d.]+ s, scoring [\d.]+ s on \d+ workers\); peak memory [\d,]+ MB\."));
            });
        }

        [Test]
        public void The_reader_keeps_the_opportunity_and_the_history_rows()
        {
            var zip = Genuine(withHistory: true).Write(Path.Combine(Folder, "genuine.zip"));

            var package = CmtPackageReader.Read(zip);

            Assert.Multiple(() =>
            {
                Assert.That(package.Rows("opportunity"), Has.Count.EqualTo(1));
                Assert.That(package.Rows("loy_healthassessment"), Has.Count.EqualTo(2));
                Assert.That(package.Rows("account").First().Contains("createdby"), Is.False, "a skipped column never reaches the organisation");
                Assert.That(package.Skips.Tables["transactioncurrency"], Is.EqualTo(1));
            });
        }

        [Test]
        public void An_export_with_the_stored_assessment_and_history_shows_a_trend_offline()
        {
            var scored = Score(Genuine(withHistory: true), "history");
            var first = Score(Genuine(withHistory: false), "fresh");

            var row = scored.Row(Account);
            var freshRow = first.Row(Account);
            Assert.Multiple(() =>
            {
                Assert.That(scored.Exit, Is.Zero, scored.Printed);
                Assert.That(first.Exit, Is.Zero, first.Printed);
                Assert.That(freshRow["Trend"], Is.Empty, "without a previous assessment there is no trend");
                Assert.That(row["Trend"], Is.AnyOf("Declining", "Improving", "Stable"), "the stored history gives the trend, as in Dataverse");
                Assert.That(int.Parse(row["History rows"]), Is.EqualTo(3), "the two exported history rows and the new one");
            });
        }
    }
}
