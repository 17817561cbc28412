using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>
    /// <c>backfill --environment URL</c>: calls <c>loy_RecalculateStaleAccountHealth</c> until no account is
    /// stale, as the scheduled refresh does but at once (after the first import, after a policy change). The
    /// Custom API picks the oldest stale accounts itself and an account it rescored is no longer stale, so a
    /// stopped run, a rerun or a call retried after a dropped connection never rescores an account twice.
    /// Calls go one after another: two at once would pick the same oldest accounts.
    /// </summary>
    internal static class BackfillCommand
    {
        public static Command Create(IAnsiConsole console, LiveSettings settings)
        {
            var live = new LiveOptions();
            var maxAge = new Option<int>("--max-age-hours") { Description = "Rescore accounts whose assessment is older than this many hours (at least 1; default 24).", DefaultValueFactory = _ => 24 };
            var budget = new Option<int>("--time-budget") { Description = $"Seconds each call may spend, 1 to {CustomApiNames.MaximumTimeBudgetSeconds} (default {CustomApiNames.DefaultTimeBudgetSeconds}).", DefaultValueFactory = _ => CustomApiNames.DefaultTimeBudgetSeconds };
            var command = new Command("backfill", "Rescore every stale account of a live environment through the product's Custom API, until none remains.");
            live.AddTo(command, environmentRequired: true);
            command.Options.Add(maxAge);
            command.Options.Add(budget);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var hours = parse.GetValue(maxAge);
                var seconds = parse.GetValue(budget);
                if (hours < 1) throw new CliException($"--max-age-hours must be at least 1, is {hours}.");
                if (seconds < 1 || seconds > CustomApiNames.MaximumTimeBudgetSeconds) throw new CliException($"--time-budget must be 1 to {CustomApiNames.MaximumTimeBudgetSeconds}, is {seconds}.");
                using var connection = live.Connect(parse, console, settings);
                var outcome = Run(console, connection.Service, hours, seconds);
                console.MarkupLine(Markup.Escape(connection.Stats.Summary()));
                return outcome.Failed > 0 ? ExitCodes.JobsFailed : ExitCodes.Success;
            }));
            return command;
        }

        public sealed record Outcome(int Recalculated, int Failed, int Remaining, int Calls);

        public static Outcome Run(IAnsiConsole console, IOrganizationService service, int maxAgeHours, int budgetSeconds)
        {
            var clock = Stopwatch.StartNew();
            int recalculated = 0, failed = 0, remaining = 0, calls = 0;
            var c = CultureInfo.InvariantCulture;
            Progress.Run(console, "Rescoring stale accounts", report =>
            {
                while (true)
                {
                    var request = new OrganizationRequest(CustomApiNames.RecalculateStale)
                    {
                        [CustomApiNames.MaxAgeHoursInput] = maxAgeHours,
                        [CustomApiNames.TimeBudgetSecondsInput] = budgetSeconds,
                    };
                    var results = service.Execute(request).Results;
                    calls++;
                    var done = Int(results, CustomApiNames.RecalculatedOutput);
                    var lost = Int(results, CustomApiNames.FailedOutput);
                    remaining = Int(results, CustomApiNames.RemainingOutput);
                    recalculated += done;
                    failed += lost;
                    report(recalculated + failed, recalculated + failed + remaining);
                    var rate = recalculated / Math.Max(0.001, clock.Elapsed.TotalSeconds);
                    console.MarkupLine(Markup.Escape($"Call {calls}: rescored {done}, failed {lost}; {recalculated.ToString("N0", c)} so far at {rate.ToString("N1", c)} accounts/s; {remaining.ToString("N0", c)} remaining."));
                    // No account rescored and none failed, yet some remain: the API cannot get through them in its budget.
                    if (remaining == 0 || done + lost == 0) break;
                }
            });
            console.MarkupLine(Markup.Escape(
                $"Rescored {recalculated.ToString("N0", c)} accounts in {clock.Elapsed.TotalSeconds.ToString("N1", c)} s ({(recalculated / Math.Max(0.001, clock.Elapsed.TotalSeconds)).ToString("N1", c)} accounts/s) over {calls} calls; failed {failed.ToString("N0", c)}; remaining {remaining.ToString("N0", c)}."));
            if (failed > 0) console.MarkupLine("[yellow]Accounts that failed were traced by the Custom API (Plug-in Trace Log) and are tried again by the next refresh.[/]");
            if (remaining > 0) console.MarkupLine("[yellow]Accounts remain that no call could rescore within its time budget: raise --time-budget, or look at the Plug-in Trace Log.[/]");
            return new Outcome(recalculated, failed, remaining, calls);
        }

        private static int Int(ParameterCollection results, string name) =>
            results.TryGetValue(name, out var value) && value is int n ? n
                : throw new EnvironmentException($"{CustomApiNames.RecalculateStale} answered without {name}: is the installed solution this version of Loyalty Health?", EnvironmentFailure.NotPermitted);
    }
}
