using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Report;
using LoyaltyHealth.Model.Output;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Report
{
    public class HtmlReportTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

        private static AccountResult Account(int n, string name, HealthBand band, int? overall, bool perks = false) => new()
        {
            Id = new Guid($"ac000000-0000-0000-0000-{n:D12}"),
            Name = name,
            Understanding = overall is null ? null : Math.Min(100, overall.Value + 10),
            Familiarity = overall,
            Service = overall is null ? null : Math.Max(0, overall.Value - 10),
            Overall = overall,
            Band = band,
            Trend = overall is null ? null : Trend.Stable,
            PerkDependent = perks,
            PerkSharePercent = perks ? 80m : null,
            PerkSpend = perks ? 2720m : null,
            DeliveredValue = perks ? 0m : null,
            Reasons = new[] { "The relationship rests on perks & <lunches>." },
            Actions = new[] { "Replace the next perk with a conversation about the value you deliver." },
        };

        private static OrganisationResult Result() => new(AsOf, "en", new[]
        {
            Account(1, "Nordlicht <script>alert(1)</script> & Co", HealthBand.AtRisk, 9, perks: true),
            Account(2, "Solent Marine", HealthBand.Watch, 60),
            Account(3, "Alpine Foods Group", HealthBand.Healthy, 99),
            Account(4, "Brightwater Analytics", HealthBand.NotEnoughData, null),
        }, 0, "sample organisation");

        [Test]
        public void Text_from_the_data_is_html_encoded()
        {
            var html = HtmlReport.Render(Result(), new UiText("en"));

            Assert.Multiple(() =>
            {
                Assert.That(html, Does.Not.Contain("<script>"));
                Assert.That(html, Does.Contain("Nordlicht &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
                Assert.That(html, Does.Contain("perks &amp; &lt;lunches&gt;."));
            });
        }

        [Test]
        public void The_report_loads_nothing_from_outside()
        {
            var html = HtmlReport.Render(Result(), new UiText("en"));

            Assert.Multiple(() =>
            {
                Assert.That(Regex.IsMatch(html, @"\s(src|href)\s*=", RegexOptions.IgnoreCase), Is.False, "no src or href attributes");
                Assert.That(html, Does.Not.Contain("url("), "no CSS resources");
                Assert.That(Regex.Matches(html, @"https?://").Select(m => html.Substring(m.Index, 26)).Distinct(), Is.EqualTo(new[] { "http://www.w3.org/2000/svg" }),
                    "the only address is the SVG namespace, which is a name, not a download");
            });
        }

        [Test]
        public void The_report_lists_perk_dependent_accounts_and_the_reasons_of_each_at_risk_account()
        {
            var html = HtmlReport.Render(Result(), new UiText("en"));

            var perkTable = html.Substring(html.IndexOf("<table id=\"perk-accounts\"", StringComparison.Ordinal));
            Assert.Multiple(() =>
            {
                Assert.That(perkTable, Does.Contain("80%").And.Contain("2,720"));
                Assert.That(Regex.Matches(html, "class=\"account at-risk\"").Count, Is.EqualTo(1));
                Assert.That(html, Does.Contain("<li>Replace the next perk with a conversation about the value you deliver.</li>"));
            });
        }

        [Test]
        public void The_pillar_chart_draws_the_riskiest_accounts_and_the_table_lists_every_one()
        {
            var accounts = Enumerable.Range(1, Charts.PillarAccountsShown + 3)
                .Select(n => Account(n, $"Account {n:D4}", HealthBand.Watch, 40 + n % 50)).ToList();

            var html = HtmlReport.Render(new OrganisationResult(AsOf, "en", accounts, 0, "test"), new UiText("en"));

            var pillarChart = Regex.Match(html, "<svg id=\"pillar-chart\".*?</svg>", RegexOptions.Singleline).Value;
            var table = Regex.Match(html, "<table id=\"accounts\"[^>]*>.*?</table>", RegexOptions.Singleline).Value;
            Assert.Multiple(() =>
            {
                Assert.That(Regex.Matches(pillarChart, "<rect class=\"bar\"").Count, Is.EqualTo(3 * Charts.PillarAccountsShown), "three pillars for each account drawn");
                Assert.That(pillarChart, Does.Contain($">Account {Charts.PillarAccountsShown:D4}<").And.Not.Contain($">Account {Charts.PillarAccountsShown + 1:D4}<"),
                    "the first accounts, riskiest first as the result lists them");
                Assert.That(html, Does.Contain("<p id=\"pillar-chart-more\" class=\"meta\">3 more accounts are in the table below and in accounts.csv</p>"));
                Assert.That(Regex.Matches(table, "<tr><td>").Count, Is.EqualTo(Charts.PillarAccountsShown + 3), "every account in the table");
            });
        }

        [Test]
        public void A_long_table_is_written_in_blocks_the_browser_lays_out_as_they_come_into_view()
        {
            const int accounts = 2 * BlockedTable.RowsPerBlock + 203;
            var results = Enumerable.Range(1, accounts).Select(n => Account(n, $"Account {n:D5}", HealthBand.Watch, 40 + n % 50)).ToList();
            var folder = Path.Combine(Path.GetTempPath(), "loyalty-report-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var file = Path.Combine(folder, "report.html");
                var html = HtmlReport.Render(new OrganisationResult(AsOf, "en", results, 0, "test"), new UiText("en"));
                File.WriteAllText(file, html);

                var dom = Chromium.Run(file, "--dump-dom");

                var section = html.Substring(html.IndexOf("<table id=\"accounts\"", StringComparison.Ordinal));
                section = section.Substring(0, section.IndexOf("<h2>", StringComparison.Ordinal));
                var blocks = Regex.Matches(section, "<table[^>]*>(.*?)</table>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
                Assert.Multiple(() =>
                {
                    Assert.That(blocks.Select(b => Regex.Matches(b, "<tr><td>").Count), Is.EqualTo(new[] { BlockedTable.RowsPerBlock, BlockedTable.RowsPerBlock, 203 }));
                    Assert.That(blocks.Select(b => Regex.Match(b, "<colgroup>.*?</colgroup>").Value).Distinct().Count(), Is.EqualTo(1), "the same columns in every block");
                    Assert.That(Regex.Matches(section, "<div class=\"more-rows\"><table").Count, Is.EqualTo(2), "the blocks after the first laid out when near");
                    Assert.That(blocks[0], Does.Contain("<thead>"));
                    Assert.That(Regex.Matches(dom, "<tr><td>Account \\d{5}</td>").Count, Is.EqualTo(accounts), "the browser reads every row of the blocks");
                    Assert.That(dom, Does.Contain($"<tr><td>Account {accounts:D5}</td>"));
                });
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Test]
        public void Chromium_renders_the_charts_and_the_table()
        {
            var folder = Path.Combine(Path.GetTempPath(), "loyalty-report-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var file = Path.Combine(folder, "report.html");
                File.WriteAllText(file, HtmlReport.Render(Result(), new UiText("en")));
                var screenshot = Path.Combine(folder, "report.png");

                var dom = Chromium.Run(file, "--dump-dom");
                Chromium.Run(file, "--screenshot=" + screenshot, "--window-size=1280,2000", "--hide-scrollbars");

                var image = PngImage.Read(screenshot);
                var inked = 0;
                // The band chart sits near the top left, below the heading.
                for (var y = 60; y < Math.Min(image.Height, 320); y++)
                    for (var x = 0; x < Math.Min(image.Width, 700); x++)
                        if (image[x, y] is var p && (p.R < 200 || p.G < 200 || p.B < 200)) inked++;
                var bandChart = Regex.Match(dom, "<svg id=\"band-chart\".*?</svg>", RegexOptions.Singleline).Value;
                var pillarChart = Regex.Match(dom, "<svg id=\"pillar-chart\".*?</svg>", RegexOptions.Singleline).Value;
                Assert.Multiple(() =>
                {
                    Assert.That(Regex.Matches(bandChart, "<rect class=\"bar\"").Count, Is.EqualTo(4), dom);
                    Assert.That(Regex.Matches(pillarChart, "<rect class=\"bar\"").Count, Is.EqualTo(9), "three pillars for each of the three rated accounts");
                    Assert.That(Regex.Matches(dom, "<tr><td>").Count, Is.EqualTo(5), "four accounts and one perk-dependent account");
                    Assert.That(image.Width, Is.EqualTo(1280));
                    Assert.That(inked, Is.GreaterThan(5000), "the chart region is drawn, not blank");
                });
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
