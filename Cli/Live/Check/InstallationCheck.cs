using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Xml.Linq;
using LoyaltyHealth.Model.Policy;
using LoyaltyHealth.Plugins.Framework;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static LoyaltyHealth.Cli.Live.Check.InstallationQueries;

namespace LoyaltyHealth.Cli.Live.Check
{
    /// <summary>
    /// Whether Loyalty Health is installed and healthy in an environment, read-only: the solution record, each
    /// step the solution registers (present and enabled), the policy variable (validated as the product's own
    /// step validates it), each shipped flow (activated), the accounts the scheduled refresh should have
    /// rescored by now (counted as the stale-account Custom API counts them), and failed system jobs of the
    /// product's steps in the last seven days. Each finding says what to do.
    /// </summary>
    public sealed class InstallationCheck
    {
        public static readonly TimeSpan FailedJobWindow = TimeSpan.FromDays(7);

        private readonly IOrganizationService _service;
        private readonly ProductManifest _product;
        private readonly DateTime _now;
        private readonly string _backfill;

        /// <param name="backfill">The command line that rescores the overdue accounts, to name in the advice.</param>
        public InstallationCheck(IOrganizationService service, ProductManifest product, DateTime utcNow, string backfill)
        {
            _service = service;
            _product = product;
            _now = utcNow;
            _backfill = backfill;
        }

        public IReadOnlyList<Finding> Run()
        {
            var solution = SolutionRecord();
            if (solution is null)
                return new[] { new Finding(Verdict.Problem, $"Solution '{_product.UniqueName}' is not installed in this environment.", $"Import the Loyalty Health solution {_product.Version} (dist/), then run check again.") };
            var findings = new List<Finding> { Version(solution) };
            var stepIds = _product.Steps.Select(s => s.Id).ToList();
            findings.AddRange(Steps());
            var variables = Variables();
            findings.AddRange(Policy(variables));
            findings.AddRange(Flows());
            findings.Add(Stale(variables));
            findings.Add(FailedJobs(stepIds));
            return findings;
        }

        private Entity? SolutionRecord() =>
            _service.RetrieveMultiple(new FetchExpression(Fetch(Solution, new[] { "uniquename", "version", "friendlyname" },
                Filter(Condition("uniquename", "eq", _product.UniqueName))).ToString())).Entities.FirstOrDefault();

        private Finding Version(Entity solution)
        {
            var installed = solution.GetAttributeValue<string>("version") ?? "";
            return installed == _product.Version
                ? new Finding(Verdict.Ok, $"Solution '{_product.UniqueName}' {installed} is installed.")
                : new Finding(Verdict.Warning, $"Solution '{_product.UniqueName}' {installed} is installed; this tool checks against {_product.Version}.",
                    $"Import Loyalty Health {_product.Version}, or use the tool of version {installed}.");
        }

        private IEnumerable<Finding> Steps()
        {
            var found = _service.RetrieveMultiple(new FetchExpression(Fetch(Step, new[] { "sdkmessageprocessingstepid", "name", StateCode },
                Filter(In("sdkmessageprocessingstepid", _product.Steps.Select(s => s.Id.ToString("D"))))).ToString()))
                .Entities.ToDictionary(e => e.Id);
            var missing = _product.Steps.Where(s => !found.ContainsKey(s.Id)).ToList();
            var disabled = _product.Steps.Where(s => found.TryGetValue(s.Id, out var row) && Choice(row, StateCode) != StepEnabled).ToList();
            foreach (var step in missing)
                yield return new Finding(Verdict.Problem, $"Step '{step.Name}' is missing.", $"Import the Loyalty Health solution {_product.Version} again to restore it.");
            foreach (var step in disabled)
                yield return new Finding(Verdict.Problem, $"Step '{step.Name}' is disabled.", "Enable it in the solution (Plug-in steps, Activate).");
            if (missing.Count + disabled.Count == 0)
                yield return new Finding(Verdict.Ok, $"All {_product.Steps.Count} plugin steps are present and enabled.");
        }

        /// <summary>Each variable of interest: whether its definition exists, and the value in force (current value, else default).</summary>
        private Dictionary<string, string?> Variables()
        {
            var names = new[] { EnvironmentVariableSchema.PolicySchemaName, EnvironmentVariableSchema.RefreshMaxAgeHoursSchemaName };
            var definitions = _service.RetrieveMultiple(new FetchExpression(Definitions(names).ToString())).Entities.ToList();
            var values = definitions.Count == 0 ? new List<Entity>()
                : _service.RetrieveMultiple(new FetchExpression(InstallationQueries.Values(definitions.Select(d => d.Id)).ToString())).Entities.ToList();
            var inForce = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in definitions)
            {
                var current = values.FirstOrDefault(v => Lookup(v, EnvironmentVariableSchema.DefinitionLookup) == definition.Id)?.GetAttributeValue<string>(EnvironmentVariableSchema.Value);
                inForce[definition.GetAttributeValue<string>(EnvironmentVariableSchema.SchemaName)] =
                    string.IsNullOrWhiteSpace(current) ? definition.GetAttributeValue<string>(EnvironmentVariableSchema.DefaultValue) : current;
            }
            return inForce;
        }

        private IEnumerable<Finding> Policy(IReadOnlyDictionary<string, string?> variables)
        {
            var name = EnvironmentVariableSchema.PolicySchemaName;
            if (!variables.TryGetValue(name, out var json))
            {
                yield return new Finding(Verdict.Problem, $"Environment variable {name} is missing.", $"Import the Loyalty Health solution {_product.Version} again to restore it.");
                yield break;
            }
            // The same validation the product's step runs when an administrator saves the policy.
            var problems = PolicyValidator.ValidateDocument(json);
            foreach (var problem in problems)
                yield return new Finding(Verdict.Problem, $"Policy {name} is invalid at {problem}.", "Correct the value in Power Apps (Solutions, Environment variables); recalculations stop until it is valid.");
            if (problems.Count == 0)
                yield return new Finding(Verdict.Ok, $"Policy {name} is valid.");
        }

        private IEnumerable<Finding> Flows()
        {
            var found = _service.RetrieveMultiple(new FetchExpression(Fetch(Workflow, new[] { "workflowid", "name", StateCode },
                Filter(In("workflowid", _product.Flows.Select(f => f.Id.ToString("D"))))).ToString())).Entities.ToDictionary(e => e.Id);
            foreach (var flow in _product.Flows)
            {
                if (!found.TryGetValue(flow.Id, out var row))
                    yield return new Finding(Verdict.Problem, $"Flow '{flow.Name}' is missing.", $"Import the Loyalty Health solution {_product.Version} again to restore it.");
                else if (Choice(row, StateCode) != FlowActivated)
                    yield return new Finding(Verdict.Problem, $"Flow '{flow.Name}' is turned off: no account is rescored when nothing happens.", $"Turn on the flow '{flow.Name}' (Solutions, Loyalty Health, Cloud flows).");
                else
                    yield return new Finding(Verdict.Ok, $"Flow '{flow.Name}' is on.");
            }
        }

        private Finding Stale(IReadOnlyDictionary<string, string?> variables)
        {
            var name = EnvironmentVariableSchema.RefreshMaxAgeHoursSchemaName;
            variables.TryGetValue(name, out var text);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours < 1)
                return new Finding(Verdict.Problem, $"Environment variable {name} is '{text ?? "missing"}', not a whole number of hours of at least 1: the scheduled refresh fails.",
                    $"Set {name} to a whole number such as {_product.Defaults.GetValueOrDefault(name, "24")}.");
            // As the stale-account Custom API decides it (RecalculateStaleAccountsApi).
            var query = HealthQueries.StaleAccounts(_now.AddHours(-hours), _now + AccountHealthRecalculator.ClockSkewAllowance, countOnly: true);
            int count;
            string counted;
            try
            {
                var row = _service.RetrieveMultiple(new FetchExpression(query.ToString())).Entities.FirstOrDefault();
                count = Counted(row, "stale");
                counted = count.ToString("N0", CultureInfo.InvariantCulture);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == DataverseErrorCodes.AggregateQueryRecordLimit)
            {
                count = 50000;
                counted = "More than 50,000";
            }
            if (count == 0)
                return new Finding(Verdict.Ok, $"Every active account was scored within the last {hours} hours ({name}).");
            return new Finding(Verdict.Warning, $"{counted} active accounts were not scored within the last {hours} hours ({name}).",
                $"Run `{_backfill}`, then see that the refresh flow runs.");
        }

        private Finding FailedJobs(IReadOnlyCollection<Guid> stepIds)
        {
            var since = _now - FailedJobWindow;
            var filter = Filter(Condition(StatusCode, "eq", SystemJobFailed.ToString(CultureInfo.InvariantCulture)),
                In("owningextensionid", stepIds.Select(i => i.ToString("D"))), Condition("completedon", "ge", Date(since)));
            var failed = Counted(_service.RetrieveMultiple(new FetchExpression(Count(SystemJob, "asyncoperationid", filter).ToString())).Entities.FirstOrDefault(), "n");
            if (failed == 0)
                return new Finding(Verdict.Ok, $"No system job of the product's steps failed in the last {FailedJobWindow.TotalDays:N0} days.");
            var newest = Fetch(SystemJob, new[] { "asyncoperationid", "message", "friendlymessage", "completedon" }, Order("completedon", descending: true), new XElement(filter));
            newest.SetAttributeValue("top", 1);
            var latest = _service.RetrieveMultiple(new FetchExpression(newest.ToString())).Entities.First();
            var message = (latest.GetAttributeValue<string>("friendlymessage") is { Length: > 0 } friendly ? friendly : latest.GetAttributeValue<string>("message") ?? "").Split('\n')[0].Trim();
            var at = When(latest, "completedon") is { } completed ? completed.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "?";
            return new Finding(Verdict.Problem, $"{failed} system jobs of the product's steps failed in the last {FailedJobWindow.TotalDays:N0} days; the latest ({at}): {message}",
                "See System jobs (Failed) and the Plug-in Trace Log for the cause; the next refresh rescores the accounts involved.");
        }
    }
}
