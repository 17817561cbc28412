using System.CommandLine;
using System.IO;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Generation;
using LoyaltyHealth.Cli.SampleData;
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
                var staging = target + ".writing";
                // Ctrl+C stops the writing and removes the half-written file; the target is only ever whole.
                using (Interruption.Listen())
                {
                    try
                    {
                        Progress.Run(console, $"Generating {options.Accounts} accounts", report =>
                            CmtPackageWriter.Write(staging, Interruption.Checked(SyntheticOrganisation.Records(options)), options.AsOf));
                        Interruption.Token.ThrowIfCancellationRequested();
                    }
                    catch
                    {
                        File.Delete(staging);
                        throw;
                    }
                }
                File.Move(staging, target, overwrite: true);
                console.MarkupLine($"Wrote [bold]{Markup.Escape(target)}[/] ({new FileInfo(target).Length / 1024 / 1024} MB).");
                return ExitCodes.Success;
            }));
            return command;
        }
    }
}
