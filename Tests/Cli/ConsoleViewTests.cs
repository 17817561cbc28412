using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// The console summary: a table where the console is wide enough, a list where a table would break words, and for a large
    /// organisation the riskiest accounts with a count of the rest.
    /// </summary>
    public class ConsoleViewTests
    {
        [TestCase(ConsoleView.RowsShown, null)]
        [TestCase(ConsoleView.RowsShown + 1, "1 more account is in accounts.csv and report.html")]
        [TestCase(ConsoleView.RowsShown + 1057, "1,057 more accounts are in accounts.csv and report.html")]
        public void The_table_shows_at_most_the_riskiest_rows_and_counts_the_rest(int accounts, string? more)
        {
            var results = Enumerable.Range(0, accounts)
                .Select(i => new AccountResult { Id = Guid.NewGuid(), Name = $"Account {i:D4}", Overall = 20 + i % 80, Band = HealthBand.Watch })
                .ToList();

            var output = Show(new OrganisationResult(new DateTime(2026, 6, 30), "en", results, 0, "test"));

            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Contain($"Account {ConsoleView.RowsShown - 1:D4}"));
                Assert.That(output, Does.Not.Contain($"Account {ConsoleView.RowsShown:D4}"));
                if (more is null) Assert.That(output, Does.Not.Contain("more account"));
                else Assert.That(output, Does.Contain(more));
            });
        }

        [Test]
        public void A_console_wide_enough_shows_one_table_row_per_account()
        {
            var output = Show(Sample(), ConsoleWidth.Redirected);

            Assert.Multiple(() =>
            {
                Assert.That(Lines(output).Any(line => Regex.IsMatch(line, "Account .*Understanding .*Familiarity .*Service .*Health .*Band .*Trend .*Perk-dependent")),
                    Is.True, "every column name on the header line:\n" + output);
                Assert.That(Lines(output).Any(line => Regex.IsMatch(line, @"│ Nordlicht Engineering Holdings +│ +0 │ +31 │ +0 │ +9 │ At risk +│ Declining +│ yes +│")),
                    Is.True, "the account's row on one line:\n" + output);
            });
        }

        [Test]
        public void A_console_too_narrow_for_the_table_lists_each_account_without_breaking_a_word()
        {
            var output = Show(Sample(), 80);

            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Not.Contain("│"), "no table, whose cells would wrap mid-word:\n" + output);
                Assert.That(Lines(output), Does.Contain("Nordlicht Engineering Holdings (At risk, 9) · Trend: Declining"));
                Assert.That(Lines(output), Does.Contain("  Understanding 0 · Familiarity 31 · Service 0 · Perk-dependent: yes"));
                Assert.That(Lines(output), Does.Contain("Brightwater Analytics (Not enough data, –) · Trend: –"));
                Assert.That(Lines(output), Does.Contain("  Understanding – · Familiarity 33 · Service 100 · Perk-dependent: no"));
                Assert.That(Lines(output).All(line => line.Length <= 80), Is.True, "nothing wider than the console:\n" + output);
            });
        }

        private static OrganisationResult Sample() => new(new DateTime(2026, 6, 30), "en", new List<AccountResult>
        {
            new() { Id = Guid.NewGuid(), Name = "Nordlicht Engineering Holdings", Understanding = 0, Familiarity = 31, Service = 0, Overall = 9, Band = HealthBand.AtRisk, Trend = Trend.Declining, PerkDependent = true },
            new() { Id = Guid.NewGuid(), Name = "Brightwater Analytics", Familiarity = 33, Service = 100, Band = HealthBand.NotEnoughData },
        }, 0, "test");

        private static string[] Lines(string output) => output.Replace("\r", "").Split('\n');

        private static string Show(OrganisationResult result, int width = ConsoleWidth.Redirected)
        {
            var writer = new StringWriter();
            var console = CliHarness.PlainConsole(writer, width);
            ConsoleView.Show(console, result, new UiText("en"));
            return writer.ToString();
        }
    }
}
