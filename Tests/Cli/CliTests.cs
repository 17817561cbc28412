using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    public class CliTests
    {
        private string _folder = null!;

        [SetUp]
        public void SetUp()
        {
            _folder = Path.Combine(Path.GetTempPath(), "loyalty-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_folder);
        }

        [TearDown]
        public void TearDown() => Directory.Delete(_folder, recursive: true);

        private string InFolder(string name) => Path.Combine(_folder, name);

        private string ExportSample()
        {
            var zip = InFolder("sample.zip");
            var (exit, output) = CliHarness.Run("demo", "--export", zip);
            Assert.That(exit, Is.Zero, output);
            return zip;
        }

        [Test]
        public void The_demo_replays_the_sample_and_tells_the_brief_stories()
        {
            var output = InFolder("report");

            var (exit, printed) = CliHarness.Run("demo", "--output", output);

            var rows = File.ReadAllLines(Path.Combine(output, "accounts.csv")).Skip(1).ToList();
            string Row(string name) => rows.Single(r => r.Contains(name, StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(rows, Has.Count.EqualTo(14));
                Assert.That(Row("Harbour Bakery Supplies"), Does.Contain(",At risk,").And.Contain(",true,"), "the doughnut customer rests on perks");
                Assert.That(Row("Harbour Bakery Supplies"), Does.Contain(",100,660.00,0.00,"), "perk share, perk spend and delivered value, amounts with two decimals");
                Assert.That(Row("Grand Central Hotels"), Does.Contain(",Healthy,").And.Contain(",false,"), "perks next to strong value are no concern");
                Assert.That(Row("Solent Marine"), Does.Contain(",Watch,"), "single-threaded keeps it out of Healthy");
                Assert.That(Row("Brightwater Analytics"), Does.Contain(",Not enough data,"));
                Assert.That(Row("Riverside Logistics"), Does.Contain(",Declining,"));
                Assert.That(Row("Copperfield Retail"), Does.Contain(",Improving,"));
                Assert.That(printed, Does.Contain("The riskiest accounts").And.Contain("Replace the next perk with a conversation"));
                Assert.That(File.Exists(Path.Combine(output, "report.html")), Is.True);
            });
        }

        [Test]
        public void Score_imports_an_export_and_writes_the_csv_and_the_report()
        {
            var zip = ExportSample();
            var output = InFolder("scored");

            var (exit, printed) = CliHarness.Run("score", zip, "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(File.ReadAllLines(Path.Combine(output, "accounts.csv")), Has.Length.EqualTo(15));
                Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("Harbour Bakery Supplies"));
                Assert.That(printed, Does.Contain("Alpine Foods Group"));
            });
        }

        [Test]
        public void German_output_uses_the_german_labels()
        {
            var zip = ExportSample();
            var output = InFolder("de");

            var (exit, printed) = CliHarness.Run("score", zip, "--output", output, "--language", "de");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(File.ReadAllText(Path.Combine(output, "accounts.csv")), Does.Contain("Gefährdet").Or.Contain("Beobachten"));
                Assert.That(printed, Does.Contain("Kunde"));
            });
        }

        [TestCase("nl")]
        [TestCase("da")]
        [TestCase("fi")]
        public void The_demo_speaks_each_language_in_the_table_the_csv_and_the_report(string language)
        {
            var output = InFolder("demo-" + language);
            var text = new UiText(language);

            var (exit, printed) = CliHarness.Run("demo", "--output", output, "--language", language);

            var csv = File.ReadAllLines(Path.Combine(output, "accounts.csv"));
            var report = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(output, "report.html")));
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(csv[0], Does.Contain($",{text["Account"]},").And.Contain($",{text["PerkShare"]},").And.Contain($",{text.Pillar(Pillar.Familiarity)},"));
                Assert.That(csv.Single(r => r.Contains("Harbour Bakery Supplies", StringComparison.Ordinal)), Does.Contain($",{text.Band(HealthBand.AtRisk)},"));
                Assert.That(printed, Does.Contain(text["Riskiest"]).And.Not.Contain("Replace the next perk"));
                Assert.That(report, Does.Contain($"<html lang=\"{language}\">").And.Contain(text["SpendAgainstValue"]).And.Not.Contain("The relationship rests on perks"));
            });
        }

        [Test]
        public void An_invalid_policy_is_listed_with_json_paths_and_nothing_is_written()
        {
            var policy = InFolder("policy.json");
            File.WriteAllText(policy, "{ \"weights\": { \"understandng\": 1 }, \"perks\": { \"windowDays\": 0 } }");
            var output = InFolder("never");

            var (exit, printed) = CliHarness.Run("demo", "--policy", policy, "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(printed, Does.Contain("$.weights.understandng"));
                Assert.That(Directory.Exists(output), Is.False);
            });
        }

        [Test]
        public void A_missing_data_file_fails_with_its_name_and_writes_nothing()
        {
            var output = InFolder("never");

            var (exit, printed) = CliHarness.Run("score", InFolder("missing.zip"), "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(printed, Does.Contain("missing.zip").And.Contain("does not exist"));
                Assert.That(Directory.Exists(output), Is.False);
                Assert.That(Directory.GetDirectories(_folder), Is.Empty, "no staging folder is left behind");
            });
        }

        [Test]
        public void The_demo_runs_the_plugins_as_the_shipped_zip_binds_them()
        {
            var shipped = Path.Combine(LoyaltyHealth.Tests.Solution.SolutionSource.Dist, LoyaltyHealth.Tests.Solution.SolutionSource.Packed.ZipFileName);
            _ = LoyaltyHealth.Tests.Solution.SolutionSource.DistZip;

            var (exit, printed) = CliHarness.Run("demo", "--solution", shipped, "--output", InFolder("report"));

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(0), printed);
                Assert.That(printed, Does.Contain("Harbour Bakery"));
            });
        }

        [Test]
        public void A_solution_zip_whose_bindings_Dataverse_would_refuse_stops_with_exit_1()
        {
            var broken = InFolder("broken.zip");
            File.Copy(Path.Combine(LoyaltyHealth.Tests.Solution.SolutionSource.Dist, LoyaltyHealth.Tests.Solution.SolutionSource.Packed.ZipFileName), broken);
            using (var zip = System.IO.Compression.ZipFile.Open(broken, System.IO.Compression.ZipArchiveMode.Update))
            {
                var entry = zip.GetEntry("customapis/loy_RecalculateStaleAccountHealth/customapi.xml")!;
                string xml;
                using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
                writer.Write(System.Text.RegularExpressions.Regex.Replace(xml, "<plugintypeexportkey>[0-9A-F]{64}</plugintypeexportkey>", "<plugintypeexportkey>" + new string('E', 64) + "</plugintypeexportkey>"));
            }

            var (exit, printed) = CliHarness.Run("demo", "--solution", broken, "--output", InFolder("never"));

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(printed, Does.Contain("is not resolvable").And.Contain("loy_RecalculateStaleAccountHealth"));
            });
        }

        [Test]
        public void A_corrupt_zip_fails_with_a_clear_message()
        {
            var zip = InFolder("corrupt.zip");
            File.WriteAllBytes(zip, new byte[] { 0x50, 0x4b, 0x03, 0x04, 1, 2, 3 });

            var (exit, printed) = CliHarness.Run("score", zip, "--output", InFolder("never"));

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(printed, Does.Contain("not a readable zip archive"));
            });
        }

        [Test]
        public void Explain_lists_every_sub_measure_with_its_weights_and_finding()
        {
            var zip = ExportSample();

            var (exit, printed) = CliHarness.Run("explain", "Harbour Bakery", "--data", zip);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                foreach (var measure in new[] { "GoalsCurrency", "ValueReporting", "ValueMonetised", "ContactBreadth", "DepartmentSpread", "SeniorityReach",
                             "ThreadConcentration", "TwoWayEngagement", "ReferenceCustomer", "ServiceLevelAgreed", "CadenceAdherence", "ImprovementProposals" })
                    Assert.That(printed, Does.Contain(measure));
                Assert.That(printed, Does.Contain("Effective weight").And.Contain("Nobody has asked the customer which service level they want."));
            });
        }

        [Test]
        public void The_demo_on_an_80_column_console_lists_accounts_and_business_events_without_a_table()
        {
            var (exit, printed) = CliHarness.RunAt(80, "demo", "--output", InFolder("report"));
            var lines = printed.Replace("\r", "").Split('\n').Select(line => line.TrimEnd()).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(printed, Does.Not.Contain("│"), "no table, whose cells would wrap mid-word:\n" + printed);
                Assert.That(lines.Any(line => Regex.IsMatch(line, @"^Riverside Logistics \(Watch, \d+\) · Trend: Declining$")), Is.True, printed);
                Assert.That(lines.Any(line => Regex.IsMatch(line, @"^  \d{4}-\d{2}-\d{2} HealthDeclined: Riverside Logistics, Healthy → Watch, \d+ → \d+$")), Is.True,
                    "an event on one line, the bands and the overall health before and after:\n" + printed);
                Assert.That(lines.All(line => line.Length <= 80), Is.True, "nothing wider than the console:\n" + printed);
            });
        }

        [Test]
        public void Explain_on_a_console_too_narrow_for_its_table_lists_each_measure_with_its_weights_and_finding()
        {
            var (exit, printed) = CliHarness.RunAt(80, "explain", "Harbour Bakery");
            var lines = printed.Replace("\r", "").Split('\n').Select(line => line.TrimEnd()).ToList();

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(printed, Does.Not.Contain("│"), "no table, whose cells would wrap mid-word:\n" + printed);
                Assert.That(lines, Does.Contain("Service (0)"));
                Assert.That(lines, Does.Contain("  Goals reviewed (GoalsCurrency): 0 · Weight 0.35 · Effective weight 14.0%"));
                Assert.That(lines, Does.Contain("    The customer's current goals and needs are not documented."));
                Assert.That(lines, Does.Contain("    Nobody has asked the customer which service level they want."));
                Assert.That(lines, Does.Contain("    days."), "a finding's wrapped line indented as the finding");
                Assert.That(lines.All(line => line.Length <= 80), Is.True, "nothing wider than the console:\n" + printed);
            });
        }

        [Test]
        public void Explain_names_the_sub_measures_in_the_chosen_language_and_keeps_their_codes()
        {
            var (exit, printed) = CliHarness.Run("explain", "Harbour Bakery", "--language", "fi");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(printed, Does.Contain("Tavoitteet käyty läpi (GoalsCurrency)").And.Contain("Yhteydenpitorytmi pidetty (CadenceAdherence)"));
                Assert.That(printed, Does.Contain("Todellinen painoarvo").And.Contain("Kukaan ei ole kysynyt asiakkaalta, millaista palvelutasoa se toivoo."));
            });
        }

        [Test]
        public void Explain_states_the_missed_agreed_meetings_of_the_sample_account_whose_visits_stopped()
        {
            var (exit, printed) = CliHarness.Run("explain", "Riverside Logistics");
            var flat = System.Text.RegularExpressions.Regex.Replace(printed, @"\s+", " ");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, printed);
                Assert.That(flat, Does.Contain("• No in-person meeting in the last 4 monthly periods."));
                Assert.That(flat, Does.Contain("→ Plan the agreed monthly touch (in person) for the coming periods."));
                Assert.That(flat, Does.Not.Contain("Healthy,"));
            });
        }

        [Test]
        public void A_stored_value_the_model_cannot_read_is_shown_by_explain_the_csv_and_the_report()
        {
            var zip = ExportSample();
            WithUnreadableCadence(zip, "Alpine Foods Group", "100000099");
            var output = InFolder("out");
            const string Text = "The value 100000099 stored in Service cadence (loy_servicecadence) could not be read";

            var (explainExit, explained) = CliHarness.Run("explain", "Alpine Foods", "--data", zip);
            var (scoreExit, scored) = CliHarness.Run("score", zip, "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(explainExit, Is.Zero, explained);
                Assert.That(scoreExit, Is.Zero, scored);
                Assert.That(explained, Does.Contain(Text).And.Not.Contain("Nobody has asked the customer which service level they want."));
                Assert.That(File.ReadAllLines(Path.Combine(output, "accounts.csv")).Single(r => r.Contains("Alpine Foods Group", StringComparison.Ordinal)), Does.Contain(Text));
                Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("Stored values that could not be read").And.Contain(Text));
            });
        }

        /// <summary>Sets a choice value this version does not know on one account of an exported data file.</summary>
        private static void WithUnreadableCadence(string zip, string accountName, string value)
        {
            using var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Update);
            var entry = archive.GetEntry("data.xml")!;
            System.Xml.Linq.XDocument data;
            using (var stream = entry.Open()) data = System.Xml.Linq.XDocument.Load(stream);
            var record = data.Descendants("record").Single(r => r.Elements("field").Any(f => (string?)f.Attribute("name") == "name" && (string?)f.Attribute("value") == accountName));
            record.Elements("field").Single(f => (string?)f.Attribute("name") == "loy_servicecadence").SetAttributeValue("value", value);
            entry.Delete();
            using var replaced = archive.CreateEntry("data.xml").Open();
            data.Save(replaced);
        }

        [Test]
        public void Explain_names_the_accounts_when_none_matches()
        {
            var zip = ExportSample();

            var (exit, printed) = CliHarness.Run("explain", "Nobody Ltd", "--data", zip);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1));
                Assert.That(printed, Does.Contain("No account is called 'Nobody Ltd'").And.Contain("Alpine Foods Group"));
            });
        }

        [Test]
        public void Explain_names_at_most_twenty_accounts_when_none_or_many_match()
        {
            var zip = InFolder("generated.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "30", "--activities", "2", "--output", zip).Exit, Is.Zero);

            var (noneExit, none) = CliHarness.Run("explain", "Nobody Ltd", "--data", zip);
            var (manyExit, many) = CliHarness.Run("explain", "Account", "--data", zip);

            Assert.Multiple(() =>
            {
                Assert.That(noneExit, Is.EqualTo(1));
                Assert.That(none, Does.Contain("No account is called 'Nobody Ltd'. Accounts: Account 000001, Account 000002,")
                    .And.Contain("Account 000020 and 10 more.").And.Not.Contain("Account 000021"));
                Assert.That(manyExit, Is.EqualTo(1));
                Assert.That(many, Does.Contain("'Account' matches 30 accounts: Account 000001,").And.Contain("and 10 more; give more of the name or the id."));
            });
        }

        [Test]
        public void A_generated_organisation_can_be_scored()
        {
            var zip = InFolder("generated.zip");

            var generated = CliHarness.Run("generate", "--accounts", "12", "--activities", "30", "--seed", "3", "--output", zip);
            var scored = CliHarness.Run("score", zip, "--output", InFolder("out"));

            Assert.Multiple(() =>
            {
                Assert.That(generated.Exit, Is.Zero, generated.Output);
                Assert.That(scored.Exit, Is.Zero, scored.Output);
                Assert.That(File.ReadAllLines(Path.Combine(_folder, "out", "accounts.csv")), Has.Length.EqualTo(13));
            });
        }

        [Test]
        public void Generate_and_demo_refuse_a_folder_as_their_file_before_they_write_anything()
        {
            var folder = Directory.CreateDirectory(InFolder("data.zip")).FullName;

            var generated = CliHarness.Run("generate", "--accounts", "3000", "--activities", "40", "--output", folder);
            var exported = CliHarness.Run("demo", "--export", folder);

            Assert.Multiple(() =>
            {
                Assert.That(generated.Exit, Is.EqualTo(1), generated.Output);
                Assert.That(generated.Output, Does.Contain($"Error: --output {folder} is a folder; give a file name, such as {Path.Combine(folder, "data.zip")}."));
                Assert.That(generated.Output, Does.Not.Contain("Generating"), "refused before generating, not after");
                Assert.That(exported.Exit, Is.EqualTo(1), exported.Output);
                Assert.That(exported.Output, Does.Contain($"Error: --export {folder} is a folder"));
                Assert.That(Directory.GetFileSystemEntries(_folder), Is.EqualTo(new[] { folder }), "no partial file is left beside it");
            });
        }

        [Test]
        public void A_file_whose_writing_fails_is_left_as_it_was_with_no_partial_file_beside_it()
        {
            var target = InFolder("data.zip");
            File.WriteAllText(target, "the earlier export");

            Assert.Throws<IOException>(() => WholeFile.Write(target, "--output", partial =>
            {
                File.WriteAllText(partial, "half a new export");
                throw new IOException("disk full");
            }));

            Assert.Multiple(() =>
            {
                Assert.That(File.ReadAllText(target), Is.EqualTo("the earlier export"));
                Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { target }), "the partial file is removed");
            });
        }

        [Test]
        public void A_file_in_a_folder_that_cannot_be_made_is_one_line_naming_the_option()
        {
            var aFile = InFolder("notes.txt");
            File.WriteAllText(aFile, "mine");
            var target = Path.Combine(aFile, "data.zip");

            var (exit, output) = CliHarness.Run("generate", "--accounts", "10", "--output", target);

            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"Error: --output {target}: cannot write in {aFile}").And.Not.Contain("   at "));
        }

        [Test]
        public void Explain_writes_no_file_so_it_takes_no_output_folder()
        {
            var output = InFolder("out");

            var (exit, printed) = CliHarness.Run("explain", "Alpine Foods Group", "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1), "the parser refuses the option (on standard error)");
                Assert.That(printed, Does.Not.Contain("Alpine Foods Group"), "nothing was explained with the option ignored");
                Assert.That(Directory.Exists(output), Is.False);
            });
        }
    }
}
