using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.SampleData;
using Microsoft.Xrm.Sdk;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary><c>generate</c>: a large synthetic organisation as a Configuration Migration file, or the bundled sample's text files.</summary>
    internal static class GenerateCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var synthetic = new SyntheticCommandOptions();
            var output = new Option<string>("--output") { Description = "The data.zip to write (with --sample: the folder for the sample's text files).", Required = true };
            var sample = new Option<bool>("--sample") { Description = "Rewrite the bundled sample organisation's text files from its stories instead." };
            var command = new Command("generate", "Write a synthetic organisation of any size as a Configuration Migration file, for performance work.");
            synthetic.AddTo(command);
            command.Options.Add(output);
            command.Options.Add(sample);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var target = Path.GetFullPath(parse.GetValue(output)!);
                if (parse.GetValue(sample))
                {
                    SampleOrganisation.WriteTextFiles(target);
                    console.MarkupLine($"Wrote the sample organisation's files to [bold]{Markup.Escape(target)}[/].");
                    return ExitCodes.Success;
                }
                var options = synthetic.Read(parse);
                // Ctrl+C stops the writing and removes the half-written file; the target is only ever whole.
                using (Interruption.Listen())
                {
                    WholeFile.Write(target, "--output", partial =>
                    {
                        Progress.Run(console, $"Generating {options.Accounts} accounts", report =>
                            CmtPackageWriter.Write(partial, Reporting(Interruption.Checked(SyntheticOrganisation.Records(options)), options.RecordCount, report), options.AsOf));
                        Interruption.Token.ThrowIfCancellationRequested();
                    });
                }
                console.MarkupLine($"Wrote [bold]{Markup.Escape(target)}[/] ({new FileInfo(target).Length / 1024 / 1024} MB).");
                return ExitCodes.Success;
            }));
            return command;
        }

        /// <summary>
        /// The records as they are written, the bar moved every <paramref name="every"/> of the <paramref name="total"/>: writing
        /// 100,000 accounts × 100 activities takes minutes, and a bar that never moves looks like a hang.
        /// </summary>
        internal static IEnumerable<Entity> Reporting(IEnumerable<Entity> records, long total, Action<double, double> report, int every = 10_000)
        {
            long written = 0;
            foreach (var record in records)
            {
                yield return record;
                if (++written % every == 0) report(written, total);
            }
        }
    }
}
