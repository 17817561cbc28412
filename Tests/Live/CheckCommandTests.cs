using System;
using System.Linq;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Cli.Live.Check;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cli;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Live
{
    /// <summary>
    /// <c>check --environment</c> against the loopback environment with Loyalty Health installed as the
    /// solution itself registers it (its steps, its flow, its variables), then broken one way at a time.
    /// </summary>
    public partial class LiveEnvironmentTests
    {
        private static readonly ProductManifest Product = ProductManifest.Read(RepositoryPaths.Solution);

        /// <summary>The tool's clock at the organisation's: the environment's accounts were scored in its time.</summary>
        private sealed class ShiftedTime : TimeProvider
        {
            private readonly TimeSpan _shift = AsOf - DateTime.UtcNow;
            public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
        }

        /// <summary>An environment with the product installed and healthy: every account scored an hour ago.</summary>
        private async Task<WebApiHost> Installed()
        {
            var host = await Environment_();
            var store = host.Organisation.Store;
            store.Seed(new Entity(InstallationQueries.Solution, Guid.NewGuid()) { ["uniquename"] = Product.UniqueName, ["version"] = Product.Version, ["friendlyname"] = "Loyalty Health" });
            store.Seed(Product.Steps.Select(s => new Entity(InstallationQueries.Step, s.Id) { ["name"] = s.Name, ["statecode"] = new OptionSetValue(InstallationQueries.StepEnabled) }));
            store.Seed(Product.Flows.Select(f => new Entity(InstallationQueries.Workflow, f.Id) { ["name"] = f.Name, ["category"] = new OptionSetValue(5), ["statecode"] = new OptionSetValue(InstallationQueries.FlowActivated) }));
            store.Seed(new Entity(EnvironmentVariableSchema.DefinitionEntityName, Guid.NewGuid())
            {
                [EnvironmentVariableSchema.SchemaName] = EnvironmentVariableSchema.RefreshMaxAgeHoursSchemaName,
                [EnvironmentVariableSchema.DefaultValue] = Product.Defaults[EnvironmentVariableSchema.RefreshMaxAgeHoursSchemaName],
            });
            foreach (var account in Accounts(host))
                store.SeedUpdate(new Entity(AccountSchema.EntityName, account) { [AccountSchema.HealthScoredOn] = AsOf.AddHours(-1) });
            return host;
        }

        private static Guid[] Accounts(WebApiHost host) =>
            host.Organisation.Store.RetrieveMultiple(new QueryExpression(AccountSchema.EntityName)).Entities.Select(a => a.Id).OrderBy(i => i).ToArray();

        private static (int Exit, string Output) Check(WebApiHost host) => CliHarness.Run(Settings(host, time: new ShiftedTime()), SignIn(host, "check"));

        private static readonly string[] Verdicts = { "OK ", "WARNING ", "PROBLEM " };

        /// <summary>The finding lines of the output, each whole again where the console wrapped it.</summary>
        private static string[] Findings(string output)
        {
            var findings = new System.Collections.Generic.List<string>();
            var continuing = false;
            foreach (var line in output.Split('\n').Select(l => l.TrimEnd()))
            {
                if (Verdicts.Any(v => line.StartsWith(v, StringComparison.Ordinal))) { findings.Add(line); continuing = true; }
                else if (continuing && line.Length > 0 && !line.StartsWith("Loyalty Health is", StringComparison.Ordinal) && !char.IsDigit(line[0]) && !line.StartsWith("Requests", StringComparison.Ordinal)) findings[^1] += " " + line.Trim();
                else continuing = false;
            }
            return findings.ToArray();
        }

        [Test]
        public async Task Check_of_a_healthy_installation_under_throttling_is_every_check_OK_and_exit_code_0()
        {
            await using var host = await Installed();
            host.Inject(3, Fault.TooManyRequests);
            host.Inject(6, Fault.ServiceUnavailable);

            var (exit, output) = Check(host);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
                Assert.That(Findings(output), Is.EqualTo(new[]
                {
                    $"OK Solution 'LoyaltyHealth' {Product.Version} is installed.",
                    $"OK All {Product.Steps.Count} plugin steps are present and enabled.",
                    "OK Policy loy_LoyaltyPolicy is valid.",
                    "OK Flow 'Loyalty Health daily stale refresh' is on.",
                    "OK Every active account was scored within the last 24 hours (loy_RefreshMaxAgeHours).",
                    "OK No system job of the product's steps failed in the last 7 days.",
                }));
                Assert.That(output, Does.Contain("Loyalty Health is installed and healthy.").And.Contains("2 retried (429: 1, 503: 1)").And.Not.Contains(WebApiHost.Secret));
                Assert.That(host.Requests.Select(r => r.Method).Distinct(), Is.EqualTo(new[] { "GET" }), "check never writes");
            });
        }

        [Test]
        public async Task A_disabled_step_is_a_problem_saying_to_enable_it()
        {
            await using var host = await Installed();
            var step = Product.Steps[3];
            host.Organisation.Store.SeedUpdate(new Entity(InstallationQueries.Step, step.Id) { ["statecode"] = new OptionSetValue(1) });

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Unhealthy), output);
            Assert.That(Findings(output), Does.Contain($"PROBLEM Step '{step.Name}' is disabled. Enable it in the solution (Plug-in steps, Activate)."));
            Assert.That(Findings(output).Count(f => f.StartsWith("PROBLEM", StringComparison.Ordinal)), Is.EqualTo(1), output);
        }

        [Test]
        public async Task A_missing_step_is_a_problem_saying_to_import_the_solution_again()
        {
            await using var host = await Installed();
            var step = Product.Steps.Last();
            host.Organisation.Store.Delete(InstallationQueries.Step, step.Id);

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Unhealthy), output);
            Assert.That(Findings(output), Does.Contain($"PROBLEM Step '{step.Name}' is missing. Import the Loyalty Health solution {Product.Version} again to restore it."));
        }

        [Test]
        public async Task An_invalid_policy_value_is_a_problem_for_each_error_with_its_JSON_path()
        {
            await using var host = await Installed();
            var store = host.Organisation.Store;
            var definition = store.RetrieveMultiple(new QueryExpression(EnvironmentVariableSchema.DefinitionEntityName) { ColumnSet = new ColumnSet(EnvironmentVariableSchema.SchemaName) })
                .Entities.Single(d => d.GetAttributeValue<string>(EnvironmentVariableSchema.SchemaName) == EnvironmentVariableSchema.PolicySchemaName);
            // Saved past the product's validation (e.g. before the solution was installed): only check sees it.
            store.Seed(new Entity(EnvironmentVariableSchema.ValueEntityName, Guid.NewGuid())
            {
                [EnvironmentVariableSchema.Value] = "{ \"weights\": { \"service\": -1 }, \"perks\": { \"windowDays\": 0 } }",
                [EnvironmentVariableSchema.DefinitionLookup] = definition.ToEntityReference(),
            });

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Unhealthy), output);
            Assert.That(Findings(output).Where(f => f.Contains("loy_LoyaltyPolicy", StringComparison.Ordinal)), Is.EqualTo(new[]
            {
                "PROBLEM Policy loy_LoyaltyPolicy is invalid at $.weights.service: a weight must not be below 0, is -1. Correct the value in Power Apps (Solutions, Environment variables); recalculations stop until it is valid.",
                "PROBLEM Policy loy_LoyaltyPolicy is invalid at $.perks.windowDays: a window must be at least 1 day, is 0. Correct the value in Power Apps (Solutions, Environment variables); recalculations stop until it is valid.",
            }));
        }

        [Test]
        public async Task The_refresh_flow_turned_off_is_a_problem_saying_to_turn_it_on()
        {
            await using var host = await Installed();
            var flow = Product.Flows.Single();
            host.Organisation.Store.SeedUpdate(new Entity(InstallationQueries.Workflow, flow.Id) { ["statecode"] = new OptionSetValue(0) });

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Unhealthy), output);
            Assert.That(Findings(output), Does.Contain("PROBLEM Flow 'Loyalty Health daily stale refresh' is turned off: no account is rescored when nothing happens. "
                + "Turn on the flow 'Loyalty Health daily stale refresh' (Solutions, Loyalty Health, Cloud flows)."));
        }

        [Test]
        public async Task Accounts_not_scored_within_the_refresh_age_are_counted_with_the_backfill_advice()
        {
            await using var host = await Installed();
            var accounts = Accounts(host);
            host.Organisation.Store.SeedUpdate(new Entity(AccountSchema.EntityName, accounts[0]) { [AccountSchema.HealthScoredOn] = AsOf.AddHours(-25) });
            host.Organisation.Store.SeedUpdate(new Entity(AccountSchema.EntityName, accounts[1]) { [AccountSchema.HealthScoredOn] = null });
            host.Organisation.Store.SeedUpdate(new Entity(AccountSchema.EntityName, accounts[2]) { [AccountSchema.HealthScoredOn] = AsOf.AddHours(-23) });

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Success), "overdue accounts are a warning: the product works, it is behind");
            Assert.That(Findings(output), Does.Contain("WARNING 2 active accounts were not scored within the last 24 hours (loy_RefreshMaxAgeHours). "
                + $"Run `loyalty backfill --environment {host.Url.GetLeftPart(UriPartial.Authority)}`, then see that the refresh flow runs."));
        }

        [Test]
        public async Task Failed_system_jobs_of_the_products_steps_in_the_last_week_are_counted_with_the_latest_message()
        {
            await using var host = await Installed();
            Entity Job(Guid step, int status, int daysAgo, string message) => new(InstallationQueries.SystemJob, Guid.NewGuid())
            {
                ["name"] = "Loyalty Health step",
                [InstallationQueries.StatusCode] = new OptionSetValue(status),
                ["statecode"] = new OptionSetValue(3),
                ["owningextensionid"] = new EntityReference(InstallationQueries.Step, step),
                ["completedon"] = AsOf.AddDays(-daysAgo),
                ["message"] = message,
            };
            host.Organisation.Store.Seed(
                Job(Product.Steps[0].Id, InstallationQueries.SystemJobFailed, 3, "Account 42 could not be read.\nat LoyaltyHealth…"),
                Job(Product.Steps[1].Id, InstallationQueries.SystemJobFailed, 1, "The loyalty policy is invalid."),
                Job(Product.Steps[1].Id, 30, 1, "Succeeded."),
                Job(Product.Steps[1].Id, InstallationQueries.SystemJobFailed, 9, "Too old to count."),
                Job(Guid.NewGuid(), InstallationQueries.SystemJobFailed, 1, "Another product's step."));

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Unhealthy), output);
            Assert.That(Findings(output), Does.Contain("PROBLEM 2 system jobs of the product's steps failed in the last 7 days; the latest (2026-06-29 12:00 UTC): The loyalty policy is invalid. "
                + "See System jobs (Failed) and the Plug-in Trace Log for the cause; the next refresh rescores the accounts involved."));
        }

        [Test]
        public async Task Another_installed_version_is_a_warning_naming_both_versions()
        {
            await using var host = await Installed();
            var solution = host.Organisation.Store.RetrieveMultiple(new QueryExpression(InstallationQueries.Solution)).Entities.Single();
            host.Organisation.Store.SeedUpdate(new Entity(InstallationQueries.Solution, solution.Id) { ["version"] = "0.9.0.0" });

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(Findings(output)[0], Is.EqualTo($"WARNING Solution 'LoyaltyHealth' 0.9.0.0 is installed; this tool checks against {Product.Version}. Import Loyalty Health {Product.Version}, or use the tool of version 0.9.0.0."));
            Assert.That(output, Does.Contain("0 problems, 1 warning."));
        }

        [Test]
        public async Task A_missing_solution_is_one_clear_finding()
        {
            await using var host = await Environment_();

            var (exit, output) = Check(host);

            Assert.That(exit, Is.EqualTo(ExitCodes.Unhealthy), output);
            Assert.That(Findings(output), Is.EqualTo(new[] { $"PROBLEM Solution 'LoyaltyHealth' is not installed in this environment. Import the Loyalty Health solution {Product.Version} (dist/), then run check again." }));
        }
    }
}
