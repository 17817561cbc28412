using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>The console summary of a large organisation shows the riskiest accounts and says where the rest are.</summary>
    public class ConsoleViewTests
    {
        [TestCase(ConsoleView.RowsShown, false)]
        [TestCase(ConsoleView.RowsShown + 57, true)]
        public void The_table_shows_at_most_the_riskiest_rows_and_counts_the_rest(int accounts, bool more)
        {
            var results = Enumerable.Range(0, accounts)
                .Select(i => new AccountResult { Id = Guid.NewGuid(), Name = $"Account {i:D4}", Overall = 20 + i % 80, Band = HealthBand.Watch })
                .ToList();

            var output = Show(new OrganisationResult(new DateTime(2026, 6, 30), "en", results, 0, "test"));

            Assert.Multiple(() =>
            {
                Assert.That(output, Does.Contain($"Account {ConsoleView.RowsShown - 1:D4}"));
                Assert.That(output, Does.Not.Contain($"Account {ConsoleView.RowsShown:D4}"));
                Assert.That(output.Contains("57 more accounts are in accounts.csv and report.html"), Is.EqualTo(more));
            });
        }

        private static string Show(OrganisationResult result)
        {
            var writer = new StringWriter();
            var console = CliHarness.PlainConsole(writer);
            ConsoleView.Show(console, result, new UiText("en"));
            return writer.ToString();
        }
    }
}
