using System;
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
        public void A_floor_that_took_clearly_longer_than_its_processor_time_is_called_held_back()
        {
            Assert.Multiple(() =>
            {
                // Two runs of this README's table: the first floor waited 5 s, the second ran undisturbed.
                Assert.That(BenchmarkCommand.FloorHeldBack(TimeSpan.FromSeconds(21.9), TimeSpan.FromSeconds(16.7)),
                    Is.EqualTo("21.9 s for 16.7 s of processor time: the ratios to it are flattered; measure again"));
                Assert.That(BenchmarkCommand.FloorHeldBack(TimeSpan.FromSeconds(18.8), TimeSpan.FromSeconds(18.6)), Is.Null);
                // Background threads (the collector, the compiler) can add processor time beyond the floor's wall time.
                Assert.That(BenchmarkCommand.FloorHeldBack(TimeSpan.FromSeconds(2.1), TimeSpan.FromSeconds(2.2)), Is.Null);
            });
        }
    }
}
