using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Staging;
using LoyaltyHealth.Plugins.Schema;
using LoyaltyHealth.Tests.Cmt;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// Ctrl+C during a long run stops it cleanly: the staging and result files (gigabytes for a large export) are
    /// removed, nothing is written, and the exit code says so, instead of the process ending where it stands.
    /// </summary>
    public class StopOnRequestTests : TempFolderTests
    {
        private static readonly DateTime AsOf = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

        [Test]
        public void Staging_stopped_on_request_throws_and_leaves_no_file()
        {
            using var cancel = new CancellationTokenSource();
            var records = Enumerable.Range(1, 50_000).Select(i => new Entity(AccountSchema.EntityName, new Guid(i, 0, 0, new byte[8])) { [AccountSchema.Name] = $"Account {i}" });

            Assert.Throws<OperationCanceledException>(() =>
                ExportRun.Stage(records, () => AsOf, read => { if (read >= 20_000) cancel.Cancel(); }, Folder, cancel.Token));
            Assert.That(Directory.GetFiles(Folder), Is.Empty, "the staging file is removed");
        }

        [Test]
        public void Scoring_stopped_on_request_stops_the_workers_and_removes_the_results()
        {
            var zip = Path.Combine(Folder, "data.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "300", "--activities", "5", "--as-of", "2026-06-30", "--output", zip).Exit, Is.Zero);
            var replay = ExportScoring.Replay(AsOf);
            using var reader = CmtPackageReader.Open(zip);
            using var staging = ExportRun.Stage(reader, AsOf);
            using var cancel = new CancellationTokenSource();
            var scored = 0;

            var run = Task.Run(() => ExportRun.Score(staging, reader.Skips, replay, TimeSpan.Zero, 2, (done, _) =>
            {
                scored = done;
                if (done >= 100) cancel.Cancel();
            }, Folder, cancel.Token));

            var thrown = Assert.Throws<AggregateException>(() => run.Wait(TimeSpan.FromMinutes(2)), "the run ends, and with an exception");
            Assert.Multiple(() =>
            {
                Assert.That(thrown!.InnerException, Is.InstanceOf<OperationCanceledException>());
                Assert.That(scored, Is.LessThan(300), "the workers stop before the last account");
                Assert.That(Directory.GetFiles(Folder, "loyalty-results-*"), Is.Empty, "the results file is removed");
            });
        }

        [Test]
        public void Ctrl_C_during_a_score_ends_it_with_exit_130_writing_nothing_and_leaving_no_temporary_file()
        {
            var zip = Path.Combine(Folder, "data.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "3000", "--activities", "40", "--as-of", "2026-06-30", "--output", zip).Exit, Is.Zero);
            var output = Path.Combine(Folder, "out");

            var (exit, printed, errors, temp) = Interrupted(temp => Directory.EnumerateFiles(temp, "loyalty-staging-*").Any(), "score", zip, "--output", output);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(130), printed + errors);
                Assert.That(printed, Does.Contain("stopped on request (Ctrl+C); nothing was written"));
                Assert.That(printed + errors, Does.Not.Contain("   at "), "no stack trace");
                Assert.That(Directory.GetFiles(temp), Is.Empty, "no staging, id or result file is left");
                Assert.That(Directory.Exists(output), Is.False, "nothing is written");
            });
        }

        [Test]
        public void Ctrl_C_while_explain_stages_an_export_ends_it_with_exit_130_and_leaves_no_temporary_file()
        {
            var zip = Path.Combine(Folder, "data.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "3000", "--activities", "40", "--as-of", "2026-06-30", "--output", zip).Exit, Is.Zero);

            var (exit, printed, errors, temp) = Interrupted(temp => Directory.EnumerateFiles(temp, "loyalty-staging-*").Any(), "explain", "Account 000001", "--data", zip);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(130), printed + errors);
                Assert.That(printed, Does.Contain("stopped on request (Ctrl+C)"));
                Assert.That(printed + errors, Does.Not.Contain("   at "), "no stack trace");
                Assert.That(Directory.GetFiles(temp), Is.Empty, "no staging or id file is left");
            });
        }

        [Test]
        public void A_score_killed_outright_leaves_its_files_and_the_next_run_of_any_command_removes_them()
        {
            var zip = Path.Combine(Folder, "data.zip");
            Assert.That(CliHarness.Run("generate", "--accounts", "3000", "--activities", "40", "--as-of", "2026-06-30", "--output", zip).Exit, Is.Zero);
            var (_, _, _, temp) = Signalled("KILL", temp => Directory.EnumerateFiles(temp, "loyalty-staging-*").Any(), "score", zip, "--output", Path.Combine(Folder, "out"));
            // The runtime leaves its own diagnostic pipes there too; those are not the tool's to remove.
            var left = Directory.GetFiles(temp, "loyalty-*");
            Assert.That(left.Select(Path.GetFileName), Has.Some.StartsWith("loyalty-staging-"), "a run killed outright cannot remove its staging file");

            using var next = Process.Start(Tool(temp, new[] { "generate", "--accounts", "5", "--activities", "2", "--output", Path.Combine(Folder, "small.zip") }))!;
            var printed = next.StandardOutput.ReadToEnd();
            next.WaitForExit();

            Assert.Multiple(() =>
            {
                Assert.That(next.ExitCode, Is.Zero, printed);
                // The console wraps long lines where the output is not a terminal.
                Assert.That(Regex.Replace(printed, @"\s+", " "), Does.Match($@"Removed {left.Length} temporary files? \([0-9,]+ MB\) left in .+ by runs that were killed or crashed\."));
                Assert.That(Directory.GetFiles(temp, "loyalty-*"), Is.Empty, "the killed run's staging, id and result files are removed");
            });
        }

        [Test]
        public void Ctrl_C_while_generating_leaves_neither_the_file_nor_a_half_written_one()
        {
            var output = Directory.CreateDirectory(Path.Combine(Folder, "out")).FullName;
            var zip = Path.Combine(output, "data.zip");

            var (exit, printed, errors, _) = Interrupted(_ => File.Exists(zip + ".writing"), "generate", "--accounts", "50000", "--activities", "40", "--output", zip);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(130), printed + errors);
                Assert.That(printed, Does.Contain("stopped on request (Ctrl+C)"));
                Assert.That(printed + errors, Does.Not.Contain("   at "), "no stack trace");
                Assert.That(Directory.GetFiles(output), Is.Empty, "neither data.zip nor its half-written file");
            });
        }

        [Test]
        public void Ctrl_C_during_a_benchmark_removes_the_generated_file_and_the_staging()
        {
            var (exit, printed, errors, temp) = Interrupted(temp => Directory.EnumerateFiles(temp, "loyalty-staging-*").Any(),
                "benchmark", "--accounts", "3000", "--activities", "40");

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(130), printed + errors);
                Assert.That(printed, Does.Contain("stopped on request (Ctrl+C)"));
                Assert.That(printed + errors, Does.Not.Contain("   at "), "no stack trace");
                Assert.That(Directory.GetFiles(temp), Is.Empty, "no generated zip (gigabytes at full size), staging, id or result file is left");
            });
        }

        /// <summary>
        /// Runs the tool as a user does, with a temporary folder of its own, and sends it SIGINT once <paramref name="ready"/>
        /// holds for that folder: how it ended, what it printed on its output and on its error stream, and the folder.
        /// </summary>
        private (int Exit, string Printed, string Errors, string Temp) Interrupted(Func<string, bool> ready, params string[] arguments) =>
            Signalled("INT", ready, arguments);

        /// <summary>As <see cref="Interrupted"/>, with any signal: KILL ends the run where it stands, as a crash would.</summary>
        private (int Exit, string Printed, string Errors, string Temp) Signalled(string signal, Func<string, bool> ready, params string[] arguments)
        {
            Assume.That(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "sends the signal with kill");
            var temp = Directory.CreateDirectory(Path.Combine(Folder, "tmp")).FullName;
            using var process = Process.Start(Tool(temp, arguments))!;
            var printed = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!ready(temp) && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(10);
            Assert.That(process.HasExited, Is.False, $"the run is still going when SIG{signal} comes");
            using (var kill = Process.Start("kill", $"-{signal} {process.Id}")!) kill.WaitForExit();

            Assert.That(process.WaitForExit(120_000), Is.True, "the run stops");
            return (process.ExitCode, printed.Result, errors.Result, temp);
        }

        /// <summary>Whether this process ignores SIGINT (Linux's SigIgn mask in /proc; bit 1 is SIGINT).</summary>
        private static bool InterruptIgnored() =>
            OperatingSystem.IsLinux() && File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } mask
            && (Convert.ToUInt64(mask.Substring("SigIgn:".Length).Trim(), 16) & 0x2) != 0;

        /// <summary>
        /// The tool run as a user runs it from a terminal, with <paramref name="temp"/> as its temporary folder. A shell hands
        /// the jobs it starts in the background SIGINT ignored, children keep that, and so does the runtime (a backgrounded
        /// `.ci/run` would see no Ctrl+C reach the tool): the tool then starts through `env --default-signal=INT`.
        /// </summary>
        internal static ProcessStartInfo Tool(string temp, IEnumerable<string> arguments)
        {
            var tool = new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "loyalty.dll") };
            var command = InterruptIgnored() ? new[] { "env", "--default-signal=INT" }.Concat(tool) : tool;
            var start = new ProcessStartInfo(command.First()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in command.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
            start.Environment["TMPDIR"] = temp + Path.DirectorySeparatorChar;
            return start;
        }

        /// <summary>Runs the tool as <see cref="Tool"/> starts it, to its end or for at most <paramref name="timeout"/>, with what it printed.</summary>
        internal static (bool Ended, int Exit, string Printed, string Errors) RunToEnd(string temp, TimeSpan timeout, params string[] arguments)
        {
            using var tool = Process.Start(Tool(temp, arguments))!;
            var errors = tool.StandardError.ReadToEndAsync();
            var printed = tool.StandardOutput.ReadToEnd();
            var ended = tool.WaitForExit(timeout);
            if (!ended) tool.Kill(entireProcessTree: true);
            return (ended, ended ? tool.ExitCode : -1, printed, ended ? errors.Result : "");
        }
    }
}
