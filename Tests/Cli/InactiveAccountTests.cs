using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LoyaltyHealth.Tests.Cmt;
using LoyaltyHealth.Tests.Pipeline;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// An export's inactive account is scored, as the plugins score it in Dataverse, but the report's and the console's
    /// lists leave it out, as the product's account views do (they filter on statecode Active); accounts.csv keeps it,
    /// with Active false.
    /// </summary>
    public class InactiveAccountTests : TempFolderTests
    {
        private const string HarbourBakery = "005a0b1e-0000-0000-0000-000000000001";
        private const string HarbourBakeryName = "Harbour Bakery Supplies";
        private const string Nordlicht = "005a0b1e-0000-0000-0000-000000000058";

        private string Export(bool harbourBakeryInactive)
        {
            var zip = Path.Combine(Folder, $"sample-{harbourBakeryInactive}.zip");
            var (exit, printed) = CliHarness.Run("demo", "--export", zip);
            Assert.That(exit, Is.Zero, printed);
            if (!harbourBakeryInactive) return zip;
            using var archive = ZipFile.Open(zip, ZipArchiveMode.Update);
            var entry = archive.GetEntry("data.xml")!;
            XDocument data;
            using (var read = entry.Open()) data = XDocument.Load(read);
            var record = data.Descendants("record").Single(r => (string?)r.Attribute("id") == HarbourBakery);
            record.Elements("field").Single(f => (string?)f.Attribute("name") == "statecode").SetAttributeValue("value", "1");
            entry.Delete();
            using (var write = archive.CreateEntry("data.xml").Open()) data.Save(write);
            return zip;
        }

        private (int Exit, string Printed, string Output) Score(string zip)
        {
            var output = Path.Combine(Folder, Path.GetFileNameWithoutExtension(zip));
            var (exit, printed) = CliHarness.Run("score", zip, "--output", output);
            return (exit, printed, output);
        }

        private static string AtRiskSection(string report) =>
            Regex.Match(report, "<h2>At-risk accounts: reasons and next best actions</h2>(.*?)(<h2>|</body>)", RegexOptions.Singleline).Groups[1].Value;

        private static string AccountTable(string report) => Regex.Match(report, "<table id=\"accounts\"[^>]*>(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;

        [Test]
        public void An_inactive_account_is_scored_into_the_csv_but_left_out_of_the_lists_as_the_product_views_leave_it_out()
        {
            var active = Score(Export(harbourBakeryInactive: false));
            var inactive = Score(Export(harbourBakeryInactive: true));

            var activeReport = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(active.Output, "report.html")));
            var inactiveReport = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(inactive.Output, "report.html")));
            var csv = Path.Combine(inactive.Output, "accounts.csv");
            var harbour = GenuineExportTests.CsvRow(csv, HarbourBakery);
            Assert.Multiple(() =>
            {
                Assert.That(active.Exit, Is.Zero, active.Printed);
                Assert.That(AtRiskSection(activeReport), Does.Contain(HarbourBakeryName), "active, the account is among the at-risk accounts");
                Assert.That(active.Printed, Does.Contain(HarbourBakeryName).And.Not.Contain("Inactive accounts"));
                Assert.That(GenuineExportTests.CsvRow(Path.Combine(active.Output, "accounts.csv"), HarbourBakery)["Active"], Is.EqualTo("true"));

                Assert.That(inactive.Exit, Is.Zero, inactive.Printed);
                Assert.That(harbour["Active"], Is.EqualTo("false"));
                Assert.That(harbour["Band"], Is.EqualTo("At risk"), "scored as the plugins score it in Dataverse");
                Assert.That(GenuineExportTests.CsvRow(csv, Nordlicht)["Active"], Is.EqualTo("true"));
                Assert.That(AtRiskSection(inactiveReport), Does.Not.Contain(HarbourBakeryName));
                Assert.That(AccountTable(inactiveReport), Does.Not.Contain(HarbourBakeryName));
                Assert.That(inactiveReport, Does.Contain("Inactive accounts: 1 – scored, but not in the lists and charts"));
                Assert.That(AtRisk(inactiveReport), Is.EqualTo(AtRisk(activeReport) - 1), "the band chart counts active accounts");
                Assert.That(inactive.Printed, Does.Not.Contain(HarbourBakeryName));
                Assert.That(Regex.Replace(inactive.Printed, @"\s+", " "), Does.Contain("Inactive accounts: 1 – scored, but not in the lists and charts"));
            });
        }

        /// <summary>The report follows the product's views: each account view of the solution shows active accounts only.</summary>
        [Test]
        public void Every_account_view_of_the_solution_filters_on_active_accounts()
        {
            var views = Directory.GetFiles(Path.Combine(RepositoryFolders.Root, "solution", "Entities", "Account", "SavedQueries"), "*.xml");

            Assert.That(views, Is.Not.Empty);
            foreach (var view in views)
            {
                var conditions = XDocument.Load(view).Descendants("fetch").Single().Element("entity")!.Element("filter")!.Elements("condition");
                Assert.That(conditions.Any(c => (string?)c.Attribute("attribute") == "statecode" && (string?)c.Attribute("operator") == "eq" && (string?)c.Attribute("value") == "0"),
                    $"{Path.GetFileName(view)} shows inactive accounts too, which the report leaves out");
            }
        }

        /// <summary>The band chart's count of at-risk accounts.</summary>
        private static int AtRisk(string report) => int.Parse(Regex.Match(report, "<title>At risk: (\\d+)</title>").Groups[1].Value);
    }
}
