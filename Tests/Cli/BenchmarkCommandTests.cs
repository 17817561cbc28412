using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using LoyaltyHealth.Cli.Commands;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary><c>benchmark</c> prints what README's "Performance" quotes: both floors, the phases and the requests per account.</summary>
    public class BenchmarkCommandTests
    {
        [Test]
        public void The_benchmark_prints_both_floors_the_phases_and_the_products_requests_apart_from_the_imports()
        {
            var (exit, output) = CliHarness.Run("benchmark", "--accounts", "12", "--activities", "10");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                foreach (var row in new[] { "XML floor", "XML floor again, after scoring", "parse floor", "staging", "scoring", "× the XML floor", "× the one after scoring", "× the parse floor", "peak working set" })
                    Assert.That(output, Does.Contain(row), output);
                var requests = Regex.Match(output, @"requests per account\s*│\s*(\d+\.\d\d): the product's plugins (\d+\.\d\d) \+ the import's Create of the account 1\.00");
                Assert.That(requests.Success, Is.True, output);
                Assert.That(double.Parse(requests.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - double.Parse(requests.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    Is.EqualTo(1.0).Within(0.005), "the import's own Create is one request per account");
                Assert.That(output, Does.Contain("12 / 0 of 12"), "every account scored");
            });
        }

        [Test]
        public void Each_phase_is_announced_as_it_starts_before_the_table()
        {
            var (exit, output) = CliHarness.Run("benchmark", "--accounts", "4", "--activities", "3", "--runs", "2");

            var phases = new[]
            {
                "Generating 4 accounts × 3 activities (36 records, each table by creation)…", "The XML floor…", "The parse floor…",
                "Run 1 of 2: staging and scoring…", "Run 1 of 2: the XML floor again…", "Run 2 of 2: staging and scoring…", "Run 2 of 2: the XML floor again…", "Measure",
            };
            var at = phases.Select(phase => output.IndexOf(phase, StringComparison.Ordinal)).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(at, Has.None.EqualTo(-1), output);
                Assert.That(at, Is.Ordered, output);
                Assert.That(Regex.IsMatch(output, @"^\d\d:\d\d:\d\d Generating", RegexOptions.Multiline), Is.True, "each line starts with the time of day: " + output);
            });
        }

        [Test]
        public void The_benchmark_says_in_which_order_the_generated_file_lists_its_records()
        {
            var byCreation = CliHarness.Run("benchmark", "--accounts", "3", "--activities", "4");
            var byAccount = CliHarness.Run("benchmark", "--accounts", "3", "--activities", "4", "--order", "account");

            Assert.Multiple(() =>
            {
                Assert.That(byCreation.Exit, Is.Zero, byCreation.Output);
                Assert.That(byCreation.Output, Does.Contain("each table by creation"), byCreation.Output);
                Assert.That(byAccount.Output, Does.Contain("account by account"), byAccount.Output);
                Assert.That(byAccount.Output, Does.Not.Contain("by creation"), byAccount.Output);
            });
        }

        [Test]
        public void With_several_runs_each_total_is_set_against_the_floors_around_it_and_the_median_is_printed()
        {
            var (exit, output) = CliHarness.Run("benchmark", "--accounts", "6", "--activities", "5", "--runs", "3");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.Zero, output);
                Assert.That(output, Does.Contain("3; the rows above are the first run's"), output);
                var runs = Regex.Matches(output, @"run (\d): total \(staging \+ scoring\) ÷ the XML floor before it; after it; ÷ the parse floor\s*│.*= ([\d.]+) ×; ([\d.]+) ×; ([\d.]+) ×");
                Assert.That(runs.Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "1", "2", "3" }), output);
                var median = Regex.Match(output, @"median of the 3 runs: total ÷ the XML floor before it; after it; ÷ the parse floor\s*│\s*([\d.]+) ×; ([\d.]+) ×; ([\d.]+) × \(range: ");
                Assert.That(median.Success, Is.True, output);
                var firstAgainstParsing = Regex.Match(output, @"total \(staging \+ scoring\)\s*│.*, ([\d.]+) × the parse floor");
                Assert.That(runs[0].Groups[4].Value, Is.EqualTo(firstAgainstParsing.Groups[1].Value), "the first run set against the one parse floor, as the table's total is");
                foreach (var side in new[] { 2, 3, 4 })
                {
                    var ratios = runs.Select(m => m.Groups[side].Value).OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
                    Assert.That(median.Groups[side - 1].Value, Is.EqualTo(ratios[1]), "the median is the middle run's ratio");
                }
            });
        }

        [TestCase("0")]
        [TestCase("11")]
        public void A_number_of_runs_out_of_range_is_refused_with_exit_code_1(string runs)
        {
            var (exit, output) = CliHarness.Run("benchmark", "--accounts", "2", "--runs", runs);

            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"--runs must be between 1 and 10; it is {runs}."), output);
        }

        [Test]
        public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones()
        {
            Assert.Multiple(() =>
            {
                Assert.That(BenchmarkCommand.Median(new[] { 3.26, 2.39, 2.56 }), Is.EqualTo(2.56));
                Assert.That(BenchmarkCommand.Median(new[] { 3.26, 2.39, 2.56, 2.82 }), Is.EqualTo(2.69).Within(1e-9));
                Assert.That(BenchmarkCommand.Median(new[] { 2.5 }), Is.EqualTo(2.5));
            });
        }

        [Test]
        public void A_floor_that_took_clearly_longer_than_its_processor_time_is_called_held_back()
        {
            Assert.Multiple(() =>
            {
                // Two runs of a950441's table (docs/performance-log.md, "Time"): the first floor waited 5 s, the second ran undisturbed.
                Assert.That(BenchmarkCommand.FloorHeldBack(TimeSpan.FromSeconds(21.9), TimeSpan.FromSeconds(16.7)),
                    Is.EqualTo("21.9 s for 16.7 s of processor time: the ratios to it are flattered; measure again"));
                Assert.That(BenchmarkCommand.FloorHeldBack(TimeSpan.FromSeconds(18.8), TimeSpan.FromSeconds(18.6)), Is.Null);
                // Background threads (the collector, the compiler) can add processor time beyond the floor's wall time.
                Assert.That(BenchmarkCommand.FloorHeldBack(TimeSpan.FromSeconds(2.1), TimeSpan.FromSeconds(2.2)), Is.Null);
            });
        }
    }
}
