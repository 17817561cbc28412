using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Plugins.Configuration;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cli;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Live
{
    /// <summary><c>score --environment</c> scores with the policy the product uses there, <c>loy_LoyaltyPolicy</c>.</summary>
    public partial class LiveEnvironmentTests
    {
        private const string UnderstandingFirst = "{ \"weights\": { \"understanding\": 0.6, \"familiarity\": 0.2, \"service\": 0.2 } }";

        /// <summary>Sets the policy variable's current value, as an administrator does in the environment.</summary>
        private static void SetCurrentValue(LocalOrganisation organisation, string json)
        {
            var definition = organisation.Service.RetrieveMultiple(new FetchExpression(PolicyQuery.Definition().ToString())).Entities.Single();
            organisation.Store.Seed(new Entity(EnvironmentVariableSchema.ValueEntityName, System.Guid.NewGuid())
            {
                [EnvironmentVariableSchema.Value] = json,
                [EnvironmentVariableSchema.DefinitionLookup] = definition.ToEntityReference(),
            });
        }

        private (int Exit, string Output, string Csv) ScoreLive(WebApiHost host, string name, params string[] extra)
        {
            var folder = Path.Combine(_folder, name);
            var (exit, output) = CliHarness.Run(Settings(host), SignIn(host, new[] { "score", "--as-of", "2026-06-30", "--output", folder }.Concat(extra).ToArray()));
            var csv = Path.Combine(folder, "accounts.csv");
            return (exit, output, File.Exists(csv) ? File.ReadAllText(csv) : "");
        }

        private string ScoreExport(string name, params string[] extra)
        {
            var folder = Path.Combine(_folder, name);
            var (exit, output) = CliHarness.Run(new[] { "score", _export, "--as-of", "2026-06-30", "--output", folder }.Concat(extra).ToArray());
            Assert.That(exit, Is.Zero, output);
            return File.ReadAllText(Path.Combine(folder, "accounts.csv"));
        }

        [Test]
        public async Task Score_of_an_environment_uses_its_policy_variable_and_matches_score_of_the_export_with_that_policy()
        {
            await using var host = await Environment_();
            SetCurrentValue(host.Organisation, UnderstandingFirst);
            var policyFile = Path.Combine(_folder, "understanding-first.json");
            File.WriteAllText(policyFile, UnderstandingFirst);

            var live = ScoreLive(host, "variable-live");
            var withPolicy = ScoreExport("variable-export", "--policy", policyFile);
            var withDefault = ScoreExport("variable-default");

            Assert.Multiple(() =>
            {
                Assert.That(live.Exit, Is.Zero, live.Output);
                Assert.That(live.Output, Does.Contain($"Policy: the current value of {EnvironmentVariableSchema.PolicySchemaName}."));
                Assert.That(live.Csv, Is.EqualTo(withPolicy));
                Assert.That(live.Csv, Is.Not.EqualTo(withDefault), "the changed weights change the scores");
            });
        }

        /// <summary>The run succeeded, said which policy it used, and scored as <c>score</c> of the export with the built-in default.</summary>
        private void ScoredLikeTheExport((int Exit, string Output, string Csv) live, string policyLine, string exportName) => Assert.Multiple(() =>
        {
            Assert.That(live.Exit, Is.Zero, live.Output);
            Assert.That(live.Output, Does.Contain(policyLine));
            Assert.That(live.Csv, Is.EqualTo(ScoreExport(exportName)));
        });

        [Test]
        public async Task Score_of_an_environment_without_the_product_uses_the_built_in_default()
        {
            var organisation = new LocalOrganisation(RepositoryPaths.Solution, AsOf);
            organisation.Store.Seed(CmtPackageReader.Read(_export).All);
            await using var prospect = await WebApiHost.Start(organisation);

            var live = ScoreLive(prospect, "prospect-live");

            ScoredLikeTheExport(live, $"Policy: the built-in default (no {EnvironmentVariableSchema.PolicySchemaName}).", "prospect-default");
        }

        [Test]
        public async Task Policy_given_on_the_command_line_wins_over_the_environment_variable()
        {
            await using var host = await Environment_();
            SetCurrentValue(host.Organisation, UnderstandingFirst);
            var defaults = Path.Combine(_folder, "defaults.json");
            File.WriteAllText(defaults, "{}");

            var live = ScoreLive(host, "overridden-live", "--policy", defaults);

            ScoredLikeTheExport(live, $"Policy: {defaults} (--policy).", "overridden-default");
        }

        [Test]
        public async Task An_invalid_policy_in_the_environment_is_listed_with_json_paths_and_nothing_is_written()
        {
            await using var host = await Environment_();
            SetCurrentValue(host.Organisation, "{ \"weights\": { \"understandng\": 1 }, \"perks\": { \"windowDays\": 0 } }");

            var live = ScoreLive(host, "invalid-live");

            Assert.Multiple(() =>
            {
                Assert.That(live.Exit, Is.EqualTo(1), live.Output);
                Assert.That(live.Output, Does.Contain($"The loyalty policy in the current value of {EnvironmentVariableSchema.PolicySchemaName} of 127.0.0.1 is invalid"));
                Assert.That(live.Output, Does.Contain("$.weights.understandng"));
                Assert.That(Directory.Exists(Path.Combine(_folder, "invalid-live")), Is.False);
            });
        }
    }
}
