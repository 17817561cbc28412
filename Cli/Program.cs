using System.CommandLine;
using LoyaltyHealth.Cli.Commands;
using Spectre.Console;

namespace LoyaltyHealth.Cli
{
    /// <summary>The <c>loyalty</c> command: the product's plugins running on this machine.</summary>
    public static class Program
    {
        public static int Main(string[] args) => Run(args, AnsiConsole.Console);

        public static int Run(string[] args, IAnsiConsole console)
        {
            var root = new RootCommand("Loyalty Health, locally: the Dataverse plugins in a local pipeline over sample or exported data.")
            {
                DemoCommand.Create(console),
                ScoreCommand.Create(console),
                ExplainCommand.Create(console),
                GenerateCommand.Create(console),
                BenchmarkCommand.Create(console),
            };
            return root.Parse(args).Invoke();
        }
    }
}
