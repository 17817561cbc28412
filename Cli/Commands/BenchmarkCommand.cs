using System;
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
    /// through the plugins, the organization-service requests per account, and the process's peak memory.
    /// </summary>
    internal static class BenchmarkCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var synthetic = new SyntheticCommandOptions();
            var solution = new Option<string?>("--solution") { Description = "An unpacked solution folder; by default the one built with the tool." };
            var command = new Command("benchmark", "Measure the parse floor, staging, scoring through the plugins, requests per account and peak memory on a generated organisation.");
            synthetic.AddTo(command);
            command.Options.Add(solution);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var options = synthetic.Read(parse);
                var zip = Path.Combine(Path.GetTempPath(), "loyalty-benchmark-" + Guid.NewGuid().ToString("N") + ".zip");
                // Ctrl+C stops every phase cleanly: the generated file and the staging and result files are removed.
                using var listening = Interruption.Listen();
                try
                {
                    var generate = Stopwatch.StartNew();
                    CmtPackageWriter.Write(zip, Interruption.Checked(SyntheticOrganisation.Records(options)), options.AsOf);
                    Interruption.Token.ThrowIfCancellationRequested();
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
            var probe = new LocalOrganisation(SolutionLocator.Find(solution), options.AsOf);
            var policy = LoyaltyPolicy.Default.ToJson();
            probe.UsePolicy(policy);
            var replay = new AccountReplay(probe.Pipeline.Registrations, probe.Store.Schema!, policy, options.AsOf);

            // The strict floor: merely inflating data.xml and parsing it with XmlReader, every value read, nothing built.
            var cpu = new ProcessorTime();
            var xml = Stopwatch.StartNew();
            var (xmlNodes, xmlCharacters) = ReadXmlOnly(zip);
            xml.Stop();
            var xmlCpu = cpu.Lap();

            // The record floor: the export reader turning data.xml into records (one thread), nothing kept: the ids
            // are checked for one appearance as staging checks them, on disk (their runs sorted on a pool thread).
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

            TimeSpan stageCpu, scoreCpu;
            long afterStaging;
            ExportRunStats stats;
            var stage = Stopwatch.StartNew();
            using (var source = CmtPackageReader.Open(zip))
            using (var staging = ExportRun.Stage(source, options.AsOf, cancel: Interruption.Token))
            {
                stage.Stop();
                stageCpu = cpu.Lap();
                afterStaging = Process.GetCurrentProcess().PeakWorkingSet64;
                var (accounts, scored) = ExportRun.Score(staging, source.Skips, replay, stage.Elapsed, cancel: Interruption.Token);
                accounts.Dispose();
                stats = scored;
                scoreCpu = cpu.Lap();
            }

            // The XML floor once more: on a shared machine the pace of a thread moves within minutes, so a total is set
            // against the floor measured before it and the one measured after it, each a bound the drift cannot hide.
            // The staging file is gone by then, so the system is not still writing it out while the floor reads.
            var xmlAfter = Stopwatch.StartNew();
            ReadXmlOnly(zip);
            xmlAfter.Stop();
            var xmlAfterCpu = cpu.Lap();

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Measure").AddColumn(new TableColumn("Value").RightAligned());
            void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
            var c = CultureInfo.InvariantCulture;
            Row("accounts × activities", $"{options.Accounts.ToString("N0", c)} × {options.ActivitiesPerAccount.ToString("N0", c)} ({options.ContactsPerAccount} contacts each)");
            Row("records", stats.RecordsRead.ToString("N0", c));
            Row("data.xml inflated", $"{(InflatedBytes(zip) / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("generating the file", Seconds(generation));
            Row("XML floor (inflate and parse data.xml with XmlReader, nothing built)", $"{Seconds(xml.Elapsed)} ({xmlNodes.ToString("N0", c)} nodes, {xmlCharacters.ToString("N0", c)} characters of values)");
            Row("parse floor (read data.xml into records, nothing kept)", $"{Seconds(parse.Elapsed)} ({(parsed / Math.Max(0.001, parse.Elapsed.TotalSeconds)).ToString("N0", c)} records/s)");
            Row("staging (read, parse, index by account)", Seconds(stats.Staging));
            Row("scoring (replay per account through the plugins)", $"{Seconds(stats.Scoring)} on {stats.Workers} workers ({(stats.AccountsScored / Math.Max(0.001, stats.Scoring.TotalSeconds)).ToString("N0", c)} accounts/s)");
            Row("total (staging + scoring)", $"{Seconds(stats.Elapsed)} = {Ratio(stats.Elapsed, xml.Elapsed)} × the XML floor ({Ratio(stats.Elapsed, xmlAfter.Elapsed)} × the one after scoring), {Ratio(stats.Elapsed, parse.Elapsed)} × the parse floor");
            Row("XML floor again, after scoring", $"{Seconds(xmlAfter.Elapsed)} ({Seconds(xmlAfterCpu)} of processor time)");
            if (FloorHeldBack(xml.Elapsed, xmlCpu) is { } heldBack) Row("the XML floor was held back", heldBack);
            if (FloorHeldBack(xmlAfter.Elapsed, xmlAfterCpu) is { } heldBackAfter) Row("the XML floor after scoring was held back", heldBackAfter);
            Row("processor time: XML floor, parse floor, staging, scoring", $"{Seconds(xmlCpu)}, {Seconds(parseCpu)}, {Seconds(stageCpu)}, {Seconds(scoreCpu)}");
            Row("processor time of staging + scoring", $"{Seconds(stageCpu + scoreCpu)} = {Ratio(stageCpu + scoreCpu, xmlCpu)} × the XML floor's, {Ratio(stageCpu + scoreCpu, parseCpu)} × the parse floor's");
            Row("requests per account", $"{stats.RequestsPerAccount.ToString("N2", c)}: the product's plugins {stats.ProductRequestsPerAccount.ToString("N2", c)} + the import's Create of the account {stats.ImportRequestsPerAccount.ToString("N2", c)}");
            Row("requests by message", string.Join(", ", stats.RequestsByMessage.Select(p => $"{p.Key} {p.Value.ToString("N0", c)}")));
            Row("accounts scored / failed", $"{stats.AccountsScored.ToString("N0", c)} / {stats.AccountsFailed.ToString("N0", c)} of {options.Accounts.ToString("N0", c)}");
            Row("peak working set after the parse floor", $"{(afterParse / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("peak working set after staging", $"{(afterStaging / 1024.0 / 1024.0).ToString("N0", c)} MB");
            Row("peak working set", $"{(stats.PeakWorkingSetBytes / 1024.0 / 1024.0).ToString("N0", c)} MB");
            console.Write(table);
            return stats.AccountsFailed == 0 && stats.AccountsScored == options.Accounts ? ExitCodes.Success : ExitCodes.JobsFailed;
        }

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

        private static string Ratio(TimeSpan part, TimeSpan whole) => (part.TotalSeconds / Math.Max(0.001, whole.TotalSeconds)).ToString("N2", CultureInfo.InvariantCulture);

        private static long InflatedBytes(string zip)
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
            return archive.GetEntry(CmtPackageReader.DataEntry)?.Length ?? 0;
        }

        private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";
    }
}
