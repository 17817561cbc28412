using System.CommandLine;
using System.IO;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Plugins.Configuration;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>
    /// <c>score data.zip</c>: an exported organisation imported through the plugins and every account
    /// recalculated. <c>score --environment URL</c>: the same, from the rows of a live environment read
    /// through the Web API (read-only).
    /// </summary>
    internal static class ScoreCommand
    {
        public static Command Create(IAnsiConsole console, LiveSettings settings)
        {
            var common = new CommonOptions();
            var live = new LiveOptions();
            var data = new Argument<string?>("data") { Description = "A Configuration Migration tool or 'pac data export' file (data.zip) with accounts, contacts and activities.", Arity = ArgumentArity.ZeroOrOne };
            var command = new Command("score", "Import exported data (or read a live environment) through the plugins, recalculate every account, show the scores and write report.html and accounts.csv.");
            command.Arguments.Add(data);
            common.AddTo(command);
            live.AddTo(command, environmentRequired: false);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var language = parse.GetValue(common.Language)!;
                var policyFile = parse.GetValue(common.Policy);
                var policy = CommonOptions.PolicyJson(policyFile, language);
                var asOf = CommonOptions.ParseAsOf(parse.GetValue(common.AsOf));
                var path = parse.GetValue(data);
                var environment = parse.GetValue(live.Environment);
                if ((path is null) == (environment is null)) throw new CliException("score needs either an export file (data.zip) or --environment URL, not both.");
                var output = parse.GetValue(common.Output)!;
                OutputFolder.CheckBeforeRun(output);
                ExportScore? score = null;
                EnvironmentConnection? connection = null;
                try
                {
                    if (path is not null)
                    {
                        score = Runs.Export(console, path, parse.GetValue(common.Solution), asOf, policy, language);
                    }
                    else
                    {
                        connection = live.Connect(parse, console, settings);
                        if (policyFile is null) policy = EnvironmentPolicy(console, connection, language);
                        else console.MarkupLine($"Policy: {Markup.Escape(policyFile)} (--policy).");
                        score = Runs.LiveEnvironment(console, connection, parse.GetValue(common.Solution), asOf, policy, language);
                    }
                    var text = new UiText(language);
                    ConsoleView.Show(console, score.Result, text);
                    Runs.Measured(console, score.Stats);
                    if (connection is not null) console.MarkupLine(Markup.Escape(connection.Stats.Summary()));
                    Runs.Write(score.Result, text, output, console);
                    return Runs.Finish(score, console);
                }
                finally
                {
                    score?.Dispose();
                    connection?.Dispose();
                }
            }));
            return command;
        }

        /// <summary>
        /// The policy the product scores with in the environment (<c>loy_LoyaltyPolicy</c>, read as its plugins
        /// read it), or the built-in default where the product is not installed; an invalid stored policy stops
        /// the run with every problem, as an invalid <c>--policy</c> file does.
        /// </summary>
        private static string EnvironmentPolicy(IAnsiConsole console, EnvironmentConnection connection, string language)
        {
            var stored = PolicyReader.Stored(connection.Service, out var source);
            var policy = CommonOptions.PolicyJson(stored, $"The loyalty policy in {source} of {connection.Service.Environment.Host}", language);
            console.MarkupLine($"Policy: {Markup.Escape(source)}.");
            return policy;
        }
    }
}
