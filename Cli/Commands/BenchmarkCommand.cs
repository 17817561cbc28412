using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Policy;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>
    /// <c>benchmark</c>: generates an organisation, then measures what a user waits for and what the
    /// plugins cost: importing it through the pipeline, the recalculation of every account by the
    /// system jobs, the organization-service requests per account, and the process's peak memory.
    /// </summary>
    internal static class BenchmarkCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var synthetic = new SyntheticCommandOptions();
            var solution = new Option<string?>("--solution") { Description = "An unpacked solution folder; by default the one built with the tool." };
            var command = new Command("benchmark", "Measure import, recalculation, requests per account and peak memory on a generated organisation.");
            synthetic.AddTo(command);
            command.Options.Add(solution);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var options = synthetic.Read(parse);
                var zip = Path.Combine(Path.GetTempPath(), "loyalty-benchmark-" + Guid.NewGuid().ToString("N") + ".zip");
                try
                {
                    var generate = Stopwatch.StartNew();
                    CmtPackageWriter.Write(zip, SyntheticOrganisation.Records(options), options.AsOf);
                    generate.Stop();
                    return Measure(console, options, zip, parse.GetValue(solution), generate.Elapsed);
                }
                finally
                {
                    File.Delete(zip);
                }
            }));
            return command;
        }

        private static int Measure(IAnsiConsole console, SyntheticOptions options, string zip, string? solution, TimeSpan generation)
        {
            var organisation = new LocalOrganisation(SolutionLocator.Find(solution), options.AsOf);
            organisation.UsePolicy(LoyaltyPolicy.Default.ToJson());
            organisation.Store.ResetRequestCount();

            var import = Stopwatch.StartNew();
            int records;
            using (var reader = CmtPackageReader.Open(zip))
                records = BulkImport.Load(organisation, reader.Records());
            import.Stop();
            var importRequests = organisation.Store.RequestCount;
            var jobs = organisation.Pipeline.WaitingJobs;

            var recalculation = Stopwatch.StartNew();
            organisation.RunSystemJobs();
            recalculation.Stop();
            var recalculationRequests = organisation.Store.RequestCount - importRequests;
            var byMessage = organisation.Store.RequestCountsByMessage;

            var scored = ResultReader.Read(organisation.Store).Count(a => a.ScoredOn.HasValue);
            var failed = organisation.Pipeline.FailedJobs.Count();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            var gc = GC.GetGCMemoryInfo();

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
            void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
            var c = CultureInfo.InvariantCulture;
            Row("accounts × activities", $"{options.Accounts.ToString("N0", c)} × {options.ActivitiesPerAccount.ToString("N0", c)} ({options.ContactsPerAccount} contacts each)");
            Row("records imported", records.ToString("N0", c));
            Row("generating the file", Seconds(generation));
            Row("import through the pipeline", $"{Seconds(import.Elapsed)} ({(records / Math.Max(0.001, import.Elapsed.TotalSeconds)).ToString("N0", c)} records/s)");
            Row("recalculation (system jobs)", $"{Seconds(recalculation.Elapsed)} ({jobs.ToString("N0", c)} jobs, {(options.Accounts / Math.Max(0.001, recalculation.Elapsed.TotalSeconds)).ToString("N1", c)} accounts/s)");
            Row("requests per account: import", (importRequests / (double)options.Accounts).ToString("N1", c));
            Row("requests per account: recalculation", (recalculationRequests / (double)options.Accounts).ToString("N1", c));
            Row("requests by message", string.Join(", ", byMessage.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value.ToString("N0", c)}")));
            Row("accounts scored", $"{scored.ToString("N0", c)} of {options.Accounts.ToString("N0", c)}");
            Row("failed system jobs", failed.ToString("N0", c));
            Row("peak working set", $"{(peak / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("GC heap after the run", $"{(gc.HeapSizeBytes / 1024.0 / 1024.0).ToString("N0", c)} MB");
            console.Write(table);
            return failed == 0 && scored == options.Accounts ? ExitCodes.Success : ExitCodes.JobsFailed;
        }

        private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";
    }
}
