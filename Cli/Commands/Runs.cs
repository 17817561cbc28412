using System;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Report;
using LoyaltyHealth.Cli.SampleData;
using LoyaltyHealth.InMemory.Schema;
using LoyaltyHealth.Pipeline.Registration;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>The two ways a local organisation comes to life (replaying the sample, importing an export), and what is written afterwards.</summary>
    internal static class Runs
    {
        public static LocalOrganisation Sample(IAnsiConsole console, string? solution, DateTime? asOf, string policyJson)
        {
            var zip = Path.Combine(Path.GetTempPath(), "loyalty-sample-" + Guid.NewGuid().ToString("N") + ".zip");
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

        public static LocalOrganisation Export(IAnsiConsole console, string path, string? solution, DateTime? asOf, string policyJson)
        {
            CmtPackage package;
            try
            {
                package = CmtPackageReader.Read(path);
            }
            catch (CmtDataException e)
            {
                throw new CliException(e.Message, ExitCodes.InvalidInput, e);
            }
            var until = asOf ?? package.ExportedOn ?? new DateTime(DateTime.UtcNow.Ticks - DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            var organisation = Create(solution, until, policyJson);
            Progress.Run(console, $"Importing {package.Count} records through the plugins", report =>
                BulkImport.Load(organisation, package.All, done => report(done, package.Count)));
            Progress.Run(console, "Recalculating every account (system jobs)", report =>
            {
                var waiting = organisation.Pipeline.WaitingJobs;
                organisation.RunSystemJobs((done, left) => report(done, done + left));
                report(waiting, waiting);
            });
            return organisation;
        }

        public static OrganisationResult Result(LocalOrganisation organisation, string language, string source) =>
            new(organisation.Clock.UtcNow, language, ResultReader.Read(organisation.Store), organisation.Pipeline.FailedJobs.Count(), source);

        /// <summary>Writes report.html and accounts.csv, both or neither.</summary>
        public static void Write(OrganisationResult result, UiText text, string folder, IAnsiConsole console)
        {
            using var output = new OutputFolder(folder);
            File.WriteAllText(output.PathOf("report.html"), HtmlReport.Render(result, text), new System.Text.UTF8Encoding(false));
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
            foreach (var raised in events.Skip(Math.Max(0, events.Count - last)))
            {
                var name = organisation.Store.Peek(Plugins.Schema.AccountSchema.EntityName, raised.AccountId, new Microsoft.Xrm.Sdk.Query.ColumnSet(Plugins.Schema.AccountSchema.Name))?.GetAttributeValue<string>(Plugins.Schema.AccountSchema.Name) ?? raised.AccountId.ToString();
                table.AddRow(raised.RaisedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(raised.Name.Replace("loy_OnAccount", "")), Markup.Escape(name),
                    Band(raised, Plugins.Schema.BusinessEventNames.OldBand), Band(raised, Plugins.Schema.BusinessEventNames.NewBand),
                    Value(raised, Plugins.Schema.BusinessEventNames.OverallHealth), Value(raised, Plugins.Schema.BusinessEventNames.PreviousOverallHealth));
            }
            if (events.Count > last) console.MarkupLine($"  the last {last}:");
            console.Write(table);
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
