using System.CommandLine;
using System.Linq;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Cli.Live.Check;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>
    /// <c>check --environment URL</c>: whether Loyalty Health is installed and healthy in a live environment
    /// (<see cref="InstallationCheck"/>), one line per finding with what to do. It only reads.
    /// </summary>
    internal static class CheckCommand
    {
        public static Command Create(IAnsiConsole console, LiveSettings settings)
        {
            var live = new LiveOptions();
            var solution = new Option<string?>("--solution") { Description = "The unpacked solution folder to check the environment against (default: the one the tool carries)." };
            var command = new Command("check", "Check that Loyalty Health is installed and healthy in a live environment: steps, policy, refresh flow, overdue accounts and failed system jobs.");
            live.AddTo(command, environmentRequired: true);
            command.Options.Add(solution);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var product = ProductManifest.Read(SolutionLocator.Find(parse.GetValue(solution)));
                using var connection = live.Connect(parse, console, settings);
                var backfill = $"loyalty backfill --environment {connection.Service.Environment.GetLeftPart(System.UriPartial.Authority)}";
                var findings = new InstallationCheck(connection.Service, product, settings.Time.GetUtcNow().UtcDateTime, backfill).Run();
                foreach (var finding in findings)
                {
                    var colour = finding.Verdict switch { Verdict.Ok => "green", Verdict.Warning => "yellow", _ => "red" };
                    var text = finding.ToString();
                    var label = text.Substring(0, text.IndexOf(' '));
                    console.MarkupLine($"[{colour}]{label}[/]{Markup.Escape(text.Substring(label.Length))}");
                }
                var problems = findings.Count(f => f.Verdict == Verdict.Problem);
                var warnings = findings.Count(f => f.Verdict == Verdict.Warning);
                console.MarkupLine(Markup.Escape(problems + warnings == 0 ? "Loyalty Health is installed and healthy." : $"{Quantity.Of(problems, "problem", "problems")}, {Quantity.Of(warnings, "warning", "warnings")}."));
                console.MarkupLine(Markup.Escape(connection.Stats.Summary()));
                return problems > 0 ? ExitCodes.Unhealthy : ExitCodes.Success;
            }));
            return command;
        }
    }
}
