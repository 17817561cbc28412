using System.CommandLine;
using System.IO;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.SampleData;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary><c>demo</c>: the bundled sample organisation replayed through the plugins, shown and reported.</summary>
    internal static class DemoCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var common = new CommonOptions();
            var export = new Option<string?>("--export") { Description = "Write the sample organisation as a Configuration Migration file (data.zip) to try 'score' on, and stop." };
            var command = new Command("demo", "Replay the bundled sample organisation through the plugins, show the scores and write report.html and accounts.csv.");
            common.AddTo(command);
            command.Options.Add(export);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                if (parse.GetValue(export) is { } zip)
                {
                    var target = Path.GetFullPath(zip);
                    WholeFile.Write(target, "--export", SampleOrganisation.WriteZip);
                    console.MarkupLine($"Wrote the sample organisation to [bold]{Markup.Escape(target)}[/]; try [bold]score {Markup.Escape(zip)}[/].");
                    return ExitCodes.Success;
                }
                var language = parse.GetValue(common.Language)!;
                var policy = CommonOptions.PolicyJson(parse.GetValue(common.Policy), language);
                var asOf = CommonOptions.ParseAsOf(parse.GetValue(common.AsOf));
                var output = parse.GetValue(common.Output)!;
                OutputFolder.CheckBeforeRun(output);
                var organisation = Runs.Sample(console, parse.GetValue(common.Solution), asOf, policy);
                var text = new UiText(language);
                var result = Runs.Result(organisation, language, "sample organisation");
                ConsoleView.Show(console, result, text);
                Runs.Write(result, text, output, console);
                return Runs.Finish(result, organisation, console);
            }));
            return command;
        }
    }
}
