using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Model.Policy;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>
    /// <c>benchmark</c>: generates an organisation, then measures what a user of <c>score</c> waits for and
    /// what the plugins cost: two floors (merely parsing data.xml with XmlReader, before staging and again after scoring,
    /// and reading it into records),
    /// staging, the per-account replay
    /// through the plugins, the organization-service requests per account, and the process's peak memory. With
    /// <c>--runs</c>, staging and scoring run again on the same file, each run between two XML floors, and the median
    /// ratio is printed.
    /// </summary>
    internal static class BenchmarkCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var synthetic = new SyntheticCommandOptions();
            var solution = new Option<string?>("--solution") { Description = "An unpacked solution folder; by default the one built with the tool." };
            var runs = new Option<int>("--runs")
            {
                Description = $"How many times staging and scoring run on the one generated file, each followed by the XML floor again (1–{MaxRuns}).",
                DefaultValueFactory = _ => 1,
            };
            var command = new Command("benchmark", "Measure the parse floor, staging, scoring through the plugins, requests per account and peak memory on a generated organisation.");
            synthetic.AddTo(command);
            command.Options.Add(solution);
            command.Options.Add(runs);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var options = synthetic.Read(parse);
                var times = parse.GetValue(runs);
                if (times is < 1 or > MaxRuns) throw new CliException($"--runs must be between 1 and {MaxRuns}; it is {times}.");
                var zip = ScratchFiles.NewPath("benchmark", ".zip");
                // Ctrl+C stops every phase cleanly: the generated file and the staging and result files are removed.
                using var listening = Interruption.Listen();
                try
                {
                    var c = CultureInfo.InvariantCulture;
                    Phase(console, $"Generating {options.Accounts.ToString("N0", c)} accounts × {options.ActivitiesPerAccount.ToString("N0", c)} activities ({options.RecordCount.ToString("N0", c)} records, {SyntheticOrganisation.Listed(options.Order)})");
                    var generate = Stopwatch.StartNew();
                    CmtPackageWriter.Write(zip, Interruption.Checked(SyntheticOrganisation.Records(options)), options.AsOf);
                    Interruption.Token.ThrowIfCancellationRequested();
                    generate.Stop();
                    return Measure(console, options, zip, parse.GetValue(solution), generate.Elapsed, times);
                }
                finally
                {
                    File.Delete(zip);
                }
            }));
            return command;
        }

        /// <summary>More runs than this would take an hour at 50,000 × 100 and tell no more.</summary>
        private const int MaxRuns = 10;

        /// <summary>One run of staging and scoring, with the processor time of each and the peak working set after staging.</summary>
        private sealed record Run(ExportRunStats Stats, TimeSpan StageCpu, TimeSpan ScoreCpu, long AfterStaging);

        private static int Measure(IAnsiConsole console, SyntheticOptions options, string zip, string? solution, TimeSpan generation, int runs)
        {
            var probe = new LocalOrganisation(SolutionLocator.Find(solution), options.AsOf);
            var policy = LoyaltyPolicy.Default.ToJson();
            probe.UsePolicy(policy);
            var replay = new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policy, options.AsOf);

            // The strict floor: merely inflating data.xml and parsing it with XmlReader, every value read, nothing built.
            var cpu = new ProcessorTime();
            Phase(console, "The XML floor");
            var (xmlWall, xmlCpu, xmlNodes, xmlCharacters) = XmlFloor(zip, cpu);

            // The record floor: the export reader turning data.xml into records (one thread), nothing kept: the ids
            // are checked for one appearance as staging checks them, on disk (their runs sorted on a pool thread).
            Phase(console, "The parse floor");
            var parse = Stopwatch.StartNew();
            long parsed = 0;
            using (var reader = CmtPackageReader.Open(zip))
            using (var ids = new UniqueRecordIds())
            {
                // Checked every 4,096 records, as the XML floor checks its nodes, so the floor measures the reading alone.
                foreach (var _ in ids.Records(reader, reader.Parse(refuseRepeatsInMemory: false)))
                    if ((++parsed & 0xFFF) == 0) Interruption.Token.ThrowIfCancellationRequested();
                ids.Check();
            }
            parse.Stop();
            var parseCpu = cpu.Lap();
            var afterParse = Process.GetCurrentProcess().PeakWorkingSet64;

            // Each run is followed by the XML floor again: on a shared machine the pace of a thread moves within minutes, so
            // a total is set against the floor measured before it and the one measured after it, each a bound the drift
            // cannot hide. The staging file is gone by then, so the system is not still writing it out while the floor reads.
            // With more than one run, the floor after a run is the floor before the next.
            var all = new List<Run>();
            var floors = new List<(TimeSpan Wall, TimeSpan Cpu)> { (xmlWall, xmlCpu) };
            for (var i = 0; i < runs; i++)
            {
                Phase(console, $"Run {i + 1} of {runs}: staging and scoring");
                all.Add(StageAndScore(zip, options.AsOf, replay, cpu));
                Phase(console, $"Run {i + 1} of {runs}: the XML floor again");
                var (wall, floorCpu, _, _) = XmlFloor(zip, cpu);
                floors.Add((wall, floorCpu));
            }
            var (stats, stageCpu, scoreCpu, afterStaging) = all[0];
            var (xmlAfter, xmlAfterCpu) = floors[1];

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
            void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
            var c = CultureInfo.InvariantCulture;
            Row("accounts × activities", $"{options.Accounts.ToString("N0", c)} × {options.ActivitiesPerAccount.ToString("N0", c)} ({options.ContactsPerAccount} contacts each; {SyntheticOrganisation.Listed(options.Order)})");
            Row("records", stats.RecordsRead.ToString("N0", c));
            Row("data.xml inflated", $"{(InflatedBytes(zip) / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("generating the file", Seconds(generation));
            Row("XML floor (inflate and parse data.xml with XmlReader, nothing built)", $"{Seconds(xmlWall)} ({xmlNodes.ToString("N0", c)} nodes, {xmlCharacters.ToString("N0", c)} characters of values)");
            Row("parse floor (read data.xml into records, nothing kept)", $"{Seconds(parse.Elapsed)} ({(parsed / Math.Max(0.001, parse.Elapsed.TotalSeconds)).ToString("N0", c)} records/s)");
            Row("staging (read, parse, keep by account)", Seconds(stats.Staging));
            Row("scoring (replay per account through the plugins)", $"{Seconds(stats.Scoring)} on {stats.Workers} workers ({(stats.AccountsScored / Math.Max(0.001, stats.Scoring.TotalSeconds)).ToString("N0", c)} accounts/s)");
            Row("total (staging + scoring)", $"{Seconds(stats.Elapsed)} = {Ratio(stats.Elapsed, xmlWall)} × the XML floor ({Ratio(stats.Elapsed, xmlAfter)} × the one after scoring), {Ratio(stats.Elapsed, parse.Elapsed)} × the parse floor");
            Row("XML floor again, after scoring", $"{Seconds(xmlAfter)} ({Seconds(xmlAfterCpu)} of processor time)");
            if (FloorHeldBack(xmlWall, xmlCpu) is { } heldBack) Row("the XML floor was held back", heldBack);
            if (FloorHeldBack(xmlAfter, xmlAfterCpu) is { } heldBackAfter) Row("the XML floor after scoring was held back", heldBackAfter);
            Row("processor time: XML floor, parse floor, staging, scoring", $"{Seconds(xmlCpu)}, {Seconds(parseCpu)}, {Seconds(stageCpu)}, {Seconds(scoreCpu)}");
            Row("processor time of staging + scoring", $"{Seconds(stageCpu + scoreCpu)} = {Ratio(stageCpu + scoreCpu, xmlCpu)} × the XML floor's, {Ratio(stageCpu + scoreCpu, parseCpu)} × the parse floor's");
            Row("requests per account", $"{stats.RequestsPerAccount.ToString("N2", c)}: the product's plugins {stats.ProductRequestsPerAccount.ToString("N2", c)} + the import's Create of the account {stats.ImportRequestsPerAccount.ToString("N2", c)}");
            Row("requests by message", string.Join(", ", stats.RequestsByMessage.Select(p => $"{p.Key} {p.Value.ToString("N0", c)}")));
            Row("accounts scored / failed", $"{stats.AccountsScored.ToString("N0", c)} / {stats.AccountsFailed.ToString("N0", c)} of {options.Accounts.ToString("N0", c)}");
            Row("peak working set after the parse floor", $"{(afterParse / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("peak working set after staging", $"{(afterStaging / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("peak working set", $"{(all[^1].Stats.PeakWorkingSetBytes / 1024.0 / 1024.0).ToString("N0", c)} MB");
            if (runs > 1) RunRows(Row, all, floors, parse.Elapsed);
            console.Write(table);
            return all.All(r => r.Stats.AccountsFailed == 0 && r.Stats.AccountsScored == options.Accounts) ? ExitCodes.Success : ExitCodes.JobsFailed;
        }

        /// <summary>
        /// One line as each phase starts, with the time of day: at 50,000 × 100 with three runs the table comes after five
        /// minutes, and the lines say what the command is doing meanwhile (a progress bar would take processor time from what is measured).
        /// </summary>
        private static void Phase(IAnsiConsole console, string phase) =>
            console.MarkupLine($"[grey]{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}[/] {Markup.Escape(phase)}…");

        private static Run StageAndScore(string zip, DateTime asOf, AccountReplay replay, ProcessorTime cpu)
        {
            var stage = Stopwatch.StartNew();
            using var source = CmtPackageReader.Open(zip);
            using var staging = ExportRun.Stage(source, asOf, cancel: Interruption.Token);
            stage.Stop();
            var stageCpu = cpu.Lap();
            var afterStaging = Process.GetCurrentProcess().PeakWorkingSet64;
            var (accounts, stats) = ExportRun.Score(staging, source.Skips, replay, stage.Elapsed, cancel: Interruption.Token);
            accounts.Dispose();
            return new Run(stats, stageCpu, cpu.Lap(), afterStaging);
        }

        /// <summary>
        /// Each run's total against the XML floors around it and against the parse floor, and the medians: one run's ratio
        /// moves with the machine's pace, which the floors before and after it bound; the median of several runs within
        /// minutes moves less. The parse floor is the issue's "merely reading and parsing" (README, "Which floor").
        /// </summary>
        private static void RunRows(Action<string, string> row, List<Run> runs, List<(TimeSpan Wall, TimeSpan Cpu)> floors, TimeSpan parseFloor)
        {
            row("runs", $"{runs.Count}; the rows above are the first run's, processor time and requests included");
            var before = new List<double>();
            var after = new List<double>();
            var parsing = new List<double>();
            for (var i = 0; i < runs.Count; i++)
            {
                var stats = runs[i].Stats;
                before.Add(RatioOf(stats.Elapsed, floors[i].Wall));
                after.Add(RatioOf(stats.Elapsed, floors[i + 1].Wall));
                parsing.Add(RatioOf(stats.Elapsed, parseFloor));
                var heldBack = new[] { floors[i], floors[i + 1] }.Any(f => FloorHeldBack(f.Wall, f.Cpu) is not null) ? "; a floor beside it was held back" : "";
                row($"run {i + 1}: total (staging + scoring) ÷ the XML floor before it; after it; ÷ the parse floor",
                    $"{Seconds(stats.Elapsed)} (staging {Seconds(stats.Staging)}, scoring {Seconds(stats.Scoring)}; floors {Seconds(floors[i].Wall)}, " +
                    $"{Seconds(floors[i + 1].Wall)}) = {Times(before[i])}; {Times(after[i])}; {Times(parsing[i])}{heldBack}");
            }
            row($"median of the {runs.Count} runs: total ÷ the XML floor before it; after it; ÷ the parse floor",
                $"{Times(Median(before))}; {Times(Median(after))}; {Times(Median(parsing))} " +
                $"(range: {Range(before)}; {Range(after)}; {Range(parsing)})");
        }

        private static string Range(List<double> ratios) => $"{Times(ratios.Min())} to {Times(ratios.Max())}";

        internal static double Median(IReadOnlyCollection<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private static string Times(double ratio) => Format(ratio) + " ×";

        /// <summary>
        /// The process's processor time since the last lap. On a machine shared with other work the wall-clock
        /// times stretch with the load, phase by phase; the processor time each phase used does not.
        /// </summary>
        private sealed class ProcessorTime
        {
            private TimeSpan _last = Process.GetCurrentProcess().TotalProcessorTime;

            public TimeSpan Lap()
            {
                var now = Process.GetCurrentProcess().TotalProcessorTime;
                var lap = now - _last;
                _last = now;
                return lap;
            }
        }

        /// <summary>The XML floor (<see cref="ReadXmlOnly"/>) timed: its wall-clock and processor time, and what it read.</summary>
        private static (TimeSpan Wall, TimeSpan Cpu, long Nodes, long Characters) XmlFloor(string zip, ProcessorTime cpu)
        {
            var clock = Stopwatch.StartNew();
            var (nodes, characters) = ReadXmlOnly(zip);
            clock.Stop();
            return (clock.Elapsed, cpu.Lap(), nodes, characters);
        }

        /// <summary>
        /// Inflates data.xml and reads it node by node with <see cref="XmlReader"/>, taking every attribute's and
        /// text's value, so nothing of the parse is skipped; nothing is built or kept. The nodes and the characters of values read.
        /// </summary>
        private static (long Nodes, long Characters) ReadXmlOnly(string zip)
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
            using var stream = archive.GetEntry(CmtPackageReader.DataEntry)!.Open();
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
            long nodes = 0, characters = 0;
            while (xml.Read())
            {
                if ((++nodes & 0xFFFF) == 0) Interruption.Token.ThrowIfCancellationRequested();
                characters += xml.Value.Length;
                for (var more = xml.MoveToFirstAttribute(); more; more = xml.MoveToNextAttribute())
                {
                    nodes++;
                    characters += xml.Value.Length;
                }
            }
            return (nodes, characters);
        }

        /// <summary>
        /// Says so when the XML floor, one thread, took clearly longer than the processor time it used: the machine kept
        /// that thread waiting (on a virtual machine, the host running something else), which lengthens the floor and
        /// flatters every ratio to it. Null when the floor ran undisturbed.
        /// </summary>
        internal static string? FloorHeldBack(TimeSpan wall, TimeSpan processor) =>
            wall.TotalSeconds > 1.1 * processor.TotalSeconds + 0.5
                ? $"{Seconds(wall)} for {Seconds(processor)} of processor time: the ratios to it are flattered; measure again"
                : null;

        private static string Ratio(TimeSpan part, TimeSpan whole) => Format(RatioOf(part, whole));

        private static double RatioOf(TimeSpan part, TimeSpan whole) => part.TotalSeconds / Math.Max(0.001, whole.TotalSeconds);

        private static string Format(double ratio) => ratio.ToString("N2", CultureInfo.InvariantCulture);

        private static long InflatedBytes(string zip)
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
            return archive.GetEntry(CmtPackageReader.DataEntry)?.Length ?? 0;
        }

        private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";
    }
}
