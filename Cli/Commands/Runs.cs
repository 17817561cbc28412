using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Report;
using LoyaltyHealth.Cli.SampleData;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Pipeline.Registration;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>A scored export: the result to show and write, read from the results set aside (<see cref="ScoredAccounts"/>), and what the run measured.</summary>
    internal sealed record ExportScore(OrganisationResult Result, ExportRunStats Stats, ScoredAccounts Accounts) : IDisposable
    {
        public void Dispose() => Accounts.Dispose();
    }

    /// <summary>The two ways a local organisation comes to life (replaying the sample, importing an export), and what is written afterwards.</summary>
    internal static class Runs
    {
        public static LocalOrganisation Sample(IAnsiConsole console, string? solution, DateTime? asOf, string policyJson)
        {
            var zip = ScratchFiles.NewPath("sample", ".zip");
            try
            {
                SampleOrganisation.WriteZip(zip);
                var package = CmtPackageReader.Read(zip);
                var until = asOf ?? package.ExportedOn ?? SampleStories.AsOf;
                var organisation = Create(solution, until, policyJson);
                organisation.Clock.UtcNow = package.All.Select(r => r.GetAttributeValue<DateTime?>("createdon")).Where(d => d.HasValue).DefaultIfEmpty(until).Min()!.Value;
                Progress.Run(console, "Replaying the sample organisation through the plugins", report =>
                    Replay.Run(organisation, package, until, (done, total) => report(done, total)));
                return organisation;
            }
            finally
            {
                File.Delete(zip);
            }
        }

        /// <summary>
        /// Scores an export: stages it once, then replays each account's slice through the plugins in its own
        /// small organisation, in parallel (README, "Performance"). Prints what was skipped and measured.
        /// </summary>
        public static ExportScore Export(IAnsiConsole console, string path, string? solution, DateTime? asOf, string policyJson, string language, int? workers = null)
        {
            var probe = Create(solution, asOf ?? DateTime.UtcNow, policyJson);
            using var reader = OpenExport(path);
            return Staged(console, probe, () => Shown(console, StagingAnExport, StagingOf(reader, asOf)), reader.Skips, Path.GetFileName(path), policyJson, language, workers);
        }

        /// <summary>
        /// Scores an environment as it scores an export: its rows, read through the Web API, are staged and
        /// replayed through the plugins on this machine; nothing is written to the environment.
        /// </summary>
        public static ExportScore LiveEnvironment(IAnsiConsole console, Live.EnvironmentConnection connection, string? solution, DateTime? asOf, string policyJson, string language, int? workers = null)
        {
            var probe = Create(solution, asOf ?? DateTime.UtcNow, policyJson);
            var started = ExportRun.Now();
            ExportStaging Stage(Action<long> report) =>
                ExportRun.Stage(Live.EnvironmentRecords.Read(connection.Service, null, connection.Settings.PageSize, connection.Settings.ActivityPageSize), () => asOf ?? started, report, cancel: Interruption.Token);
            return Staged(console, probe, () => Counted(console, "Reading and staging the environment", Stage),
                new CmtSkips(), connection.Service.Environment.Host, policyJson, language, workers);
        }

        private const string StagingAnExport = "Reading and staging the export";

        /// <summary>An export's staging, its progress shown as the share of data.xml read (<see cref="ReportRead"/>), stopped by Ctrl+C.</summary>
        private static Func<Action<double, double>, ExportStaging> StagingOf(CmtPackageReader reader, DateTime? asOf) =>
            report => Guard(() => ExportRun.Stage(reader, asOf, _ => ReportRead(reader, report), Interruption.Token));

        /// <summary>Stages under a progress bar; the caller listens for Ctrl+C around it.</summary>
        private static ExportStaging Shown(IAnsiConsole console, string label, Func<Action<double, double>, ExportStaging> stage)
        {
            ExportStaging staging = null!;
            Progress.Run(console, label, report => staging = stage(report));
            return staging;
        }

        /// <summary>Stages rows read until they end under a bar that counts them (their total is not known before); the caller listens for Ctrl+C around it.</summary>
        private static ExportStaging Counted(IAnsiConsole console, string label, Func<Action<long>, ExportStaging> stage)
        {
            ExportStaging staging = null!;
            Progress.Count(console, label, "rows read", report => staging = stage(report));
            return staging;
        }

        /// <summary>
        /// Staging's progress as the share of data.xml read: the records' count is known only at the end, and a bar of records
        /// read against themselves stood full for the minute a large export takes to stage.
        /// </summary>
        internal static void ReportRead(CmtPackageReader reader, Action<double, double> report)
        {
            var length = reader.DataLength;
            var read = reader.DataRead;
            report(read, length > 0 ? length : read);
        }

        /// <param name="stageShown">Stages the records under its progress bar.</param>
        private static ExportScore Staged(IAnsiConsole console, LocalOrganisation probe, Func<ExportStaging> stageShown, CmtSkips skips,
            string source, string policyJson, string language, int? workers)
        {
            // From here until the scores are in hand, Ctrl+C stops the run cleanly (its temporary files removed).
            using var listening = Interruption.Listen();
            var stagingClock = System.Diagnostics.Stopwatch.StartNew();
            using var staging = stageShown();
            stagingClock.Stop();
            var until = staging.AsOf;
            var text = new UiText(language);
            foreach (var note in skips.Notes()) console.MarkupLine($"[grey]{Markup.Escape($"{text.SkippedLabel}: {text.Note(note)}")}[/]");
            foreach (var note in staging.Notes) console.MarkupLine($"[yellow]{Markup.Escape($"{text.NoteLabel}: {text.Note(note)}")}[/]");
            var replay = new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policyJson, until);
            (ScoredAccounts Accounts, ExportRunStats Stats) run = default;
            Progress.Run(console, "Scoring every account through the plugins", report =>
                run = ExportRun.Score(staging, skips, replay, stagingClock.Elapsed, workers, (done, total) => report(done, total), cancel: Interruption.Token));
            var notes = skips.Notes().Concat(staging.Notes).ToList();
            var result = new OrganisationResult(until, language, run.Accounts!, 0, source) { Notes = notes };
            return new ExportScore(result, run.Stats!, run.Accounts!);
        }

        /// <summary>The local organisation of one account of an export, after its import and recalculation (for explain).</summary>
        public static (LocalOrganisation Organisation, Guid Id, string Name) ExportAccount(IAnsiConsole console, string path, string? solution, DateTime? asOf, string policyJson,
            Func<IReadOnlyList<(Guid Id, string Name)>, (Guid Id, string Name)> find)
        {
            var probe = Create(solution, asOf ?? DateTime.UtcNow, policyJson);
            using var reader = OpenExport(path);
            // The whole export is staged to find the account's rows: a minute at 50,000 accounts, shown, and stopped by Ctrl+C, as score's is.
            ExportStaging staged;
            using (Interruption.Listen()) staged = Shown(console, StagingAnExport, StagingOf(reader, asOf));
            using var staging = staged;
            var (id, name) = find(staging.Accounts().Where(a => !a.Excluded).Select(a => (a.Id, a.Name)).ToList());
            var replay = new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policyJson, staging.AsOf);
            return (replay.Organisation(staging.Slice(id)), id, name);
        }

        /// <summary>Prints what the run measured: records read and skipped, accounts scored and failed, requests per account, time and peak memory.</summary>
        public static void Measured(IAnsiConsole console, ExportRunStats stats)
        {
            var c = System.Globalization.CultureInfo.InvariantCulture;
            console.MarkupLine(Markup.Escape(
                $"Records read {stats.RecordsRead.ToString("N0", c)}; skipped: {stats.RecordsInSkippedTables.ToString("N0", c)} in tables not used, " +
                $"{stats.RecordsExcludedAfterAsOf.ToString("N0", c)} dated after the as-of moment, {stats.RecordsInNoAccount.ToString("N0", c)} in no account."));
            console.MarkupLine(Markup.Escape(
                $"Accounts scored {stats.AccountsScored.ToString("N0", c)}, failed {stats.AccountsFailed.ToString("N0", c)}; requests per account {stats.RequestsPerAccount.ToString("N1", c)} (the product's plugins {stats.ProductRequestsPerAccount.ToString("N1", c)}, the import's Create {stats.ImportRequestsPerAccount.ToString("N1", c)})."));
            console.MarkupLine(Markup.Escape(
                $"Elapsed {stats.Elapsed.TotalSeconds.ToString("N1", c)} s (staging {stats.Staging.TotalSeconds.ToString("N1", c)} s, scoring {stats.Scoring.TotalSeconds.ToString("N1", c)} s on {stats.Workers} workers); " +
                $"peak memory {(stats.PeakWorkingSetBytes / 1024.0 / 1024.0).ToString("N0", c)} MB."));
        }

        /// <summary>Exit code 2 with the first errors when accounts failed.</summary>
        public static int Finish(ExportScore score, IAnsiConsole console)
        {
            if (score.Stats.AccountsFailed == 0) return ExitCodes.Success;
            foreach (var account in score.Result.Accounts.Where(a => a.Failed).Take(5)) console.MarkupLine($"[red]{Markup.Escape($"{account.Name} ({account.Id}): {account.Error}")}[/]");
            return ExitCodes.JobsFailed;
        }

        private static CmtPackageReader OpenExport(string path) => Guard(() => CmtPackageReader.Open(path));

        private static T Guard<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (CmtDataException e)
            {
                throw new CliException(e.Message, ExitCodes.InvalidInput, e);
            }
        }

        public static OrganisationResult Result(LocalOrganisation organisation, string language, string source) =>
            new(organisation.Clock.UtcNow, language, ResultReader.Read(organisation.Store), organisation.Pipeline.FailedJobs.Count(), source);

        /// <summary>Writes report.html and accounts.csv, both or neither.</summary>
        public static void Write(OrganisationResult result, UiText text, string folder, IAnsiConsole console)
        {
            using var output = new OutputFolder(folder);
            using (var report = new StreamWriter(output.PathOf("report.html"), false, new System.Text.UTF8Encoding(false)))
                HtmlReport.Write(report, result, text);
            CsvExport.Write(output.PathOf("accounts.csv"), result, text);
            output.Commit();
            console.MarkupLine($"Wrote [bold]{Markup.Escape(Path.Combine(output.Target, "report.html"))}[/] and [bold]accounts.csv[/].");
        }

        public static int Finish(OrganisationResult result, LocalOrganisation organisation, IAnsiConsole console)
        {
            ShowEvents(organisation, console);
            if (result.FailedJobs == 0) return ExitCodes.Success;
            foreach (var job in organisation.Pipeline.FailedJobs.Take(5)) console.MarkupLine($"[red]{Markup.Escape(job.ToString())}[/]");
            return ExitCodes.JobsFailed;
        }

        /// <summary>
        /// The business events the plugins raised (what a flow on "When an action is performed" would have been
        /// started for): how many of each, then the last ones with account, old and new band, overall health.
        /// </summary>
        public static void ShowEvents(LocalOrganisation organisation, IAnsiConsole console, int last = 15)
        {
            var events = organisation.Pipeline.Events;
            console.MarkupLine($"[bold]Business events raised:[/] {events.Count}");
            if (events.Count == 0) return;
            foreach (var group in events.GroupBy(e => e.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
                console.MarkupLine($"  {Markup.Escape(group.Key)}: {group.Count()}");
            var table = new Table().AddColumns("raised on", "event", "account", "old band", "new band", "overall", "before");
            var lines = new List<string>();
            foreach (var raised in events.Skip(Math.Max(0, events.Count - last)))
            {
                var name = organisation.Store.Peek(Plugins.Schema.AccountSchema.EntityName, raised.AccountId, new Microsoft.Xrm.Sdk.Query.ColumnSet(Plugins.Schema.AccountSchema.Name))?.GetAttributeValue<string>(Plugins.Schema.AccountSchema.Name) ?? raised.AccountId.ToString();
                var on = raised.RaisedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                var kind = raised.Name.Replace("loy_OnAccount", "");
                string oldBand = Band(raised, Plugins.Schema.BusinessEventNames.OldBand), newBand = Band(raised, Plugins.Schema.BusinessEventNames.NewBand);
                string overall = Value(raised, Plugins.Schema.BusinessEventNames.OverallHealth), before = Value(raised, Plugins.Schema.BusinessEventNames.PreviousOverallHealth);
                table.AddRow(on, Markup.Escape(kind), Markup.Escape(name), oldBand, newBand, overall, before);
                var health = before.Length > 0 ? $", {before} → {overall}" : overall.Length > 0 ? $", {overall}" : "";
                lines.Add(Markup.Escape($"{on} {kind}: {name}, {oldBand} → {newBand}{health}"));
            }
            if (events.Count > last) console.MarkupLine($"  the last {last}:");
            // Too narrow for the table: one line an event, the bands and then the overall health before and after.
            if (ConsoleWidth.Fits(console, table)) console.Write(table);
            else foreach (var line in lines) ConsoleWidth.WriteIndented(console, 2, line);
        }

        private static string Value(LoyaltyHealth.Pipeline.Execution.RaisedEvent raised, string parameter) =>
            raised.Parameters.TryGetValue(parameter, out var value) && value is not null ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)! : "";

        private static string Band(LoyaltyHealth.Pipeline.Execution.RaisedEvent raised, string parameter) =>
            raised.Parameters.TryGetValue(parameter, out var value) && value is int band && Plugins.Mapping.OptionMaps.Band.TryGet(band, out var named) ? named.ToString() : "";

        private static LocalOrganisation Create(string? solution, DateTime start, string policyJson)
        {
            string folder;
            SolutionRegistrations registrations;
            LocalOrganisation organisation;
            try
            {
                folder = SolutionLocator.Find(solution);
                registrations = SolutionRegistrations.Load(folder);
                if (registrations.Steps.Count == 0) throw new CliException($"The solution in {folder} registers no plugin steps, so nothing would be scored.");
                // Reads the tables (a solution without readable tables is bad input) and binds every step and
                // Custom API as the import would: a binding Dataverse refuses stops here.
                organisation = new LocalOrganisation(folder, start);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or SolutionFormatException or FormatException or System.Xml.XmlException)
            {
                throw new CliException(e.Message, ExitCodes.InvalidInput, e);
            }
            var missing = organisation.Pipeline.MissingPluginTypes();
            if (missing.Count > 0) throw new CliException($"The solution in {folder} registers plugin types the plugin assembly does not have: {string.Join(", ", missing)}.");
            organisation.UsePolicy(policyJson);
            return organisation;
        }
    }
}
