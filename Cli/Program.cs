using System.CommandLine;
using LoyaltyHealth.Cli.Commands;
using LoyaltyHealth.Cli.Live;
using LoyaltyHealth.Cli.Output;
using Spectre.Console;

namespace LoyaltyHealth.Cli
{
    /// <summary>The <c>loyalty</c> command: the product's plugins running on this machine.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Interruption.Install();
            return Run(args, ConsoleWidth.Fit(AnsiConsole.Console, System.Console.IsOutputRedirected));
        }

        /// <param name="live">How commands reach live environments; the tests route it to a loopback host.</param>
        public static int Run(string[] args, IAnsiConsole console, LiveSettings? live = null)
        {
            live ??= new LiveSettings();
            var root = new RootCommand("Loyalty Health, locally: the Dataverse plugins in a local pipeline over sample or exported data.")
            {
                DemoCommand.Create(console),
                ScoreCommand.Create(console, live),
                ExplainCommand.Create(console),
                GenerateCommand.Create(console),
                BenchmarkCommand.Create(console),
                BackfillCommand.Create(console, live),
                CheckCommand.Create(console, live),
            };
            return root.Parse(args).Invoke();
        }
    }
}
