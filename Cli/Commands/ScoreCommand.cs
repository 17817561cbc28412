using System.CommandLine;
using System.IO;
using LoyaltyHealth.Cli.Output;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary><c>score data.zip</c>: an exported organisation imported through the plugins and every account recalculated.</summary>
    internal static class ScoreCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var common = new CommonOptions();
            var data = new Argument<string>("data") { Description = "A Configuration Migration tool or 'pac data export' file (data.zip) with accounts, contacts and activities." };
            var command = new Command("score", "Import exported data through the plugins, recalculate every account, show the scores and write report.html and accounts.csv.");
            command.Arguments.Add(data);
            common.AddTo(command);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var language = parse.GetValue(common.Language)!;
                var policy = CommonOptions.PolicyJson(parse.GetValue(common.Policy), language);
                var asOf = CommonOptions.ParseAsOf(parse.GetValue(common.AsOf));
                var path = parse.GetValue(data)!;
                var score = Runs.Export(console, path, parse.GetValue(common.Solution), asOf, policy, language);
                var text = new UiText(language);
                ConsoleView.Show(console, score.Result, text);
                Runs.Measured(console, score.Stats);
                Runs.Write(score.Result, text, parse.GetValue(common.Output)!, console);
                return Runs.Finish(score, console);
            }));
            return command;
        }
    }
}
