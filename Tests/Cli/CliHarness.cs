using System;
using System.IO;
using LoyaltyHealth.Cli;
using LoyaltyHealth.Cli.Output;
using Spectre.Console;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>Runs the loyalty command in-process on a plain, wide, non-interactive console and keeps what it printed.</summary>
    internal static class CliHarness
    {
        public static (int Exit, string Output) Run(params string[] args) => Run(null, args);

        /// <summary>With how commands reach live environments (Tests/Live routes them to a loopback host).</summary>
        public static (int Exit, string Output) Run(LoyaltyHealth.Cli.Live.LiveSettings? live, params string[] args) => RunOn(ConsoleWidth.Redirected, live, args);

        /// <summary>On a console <paramref name="width"/> columns wide, as a terminal of that width.</summary>
        public static (int Exit, string Output) RunAt(int width, params string[] args) => RunOn(width, null, args);

        private static (int Exit, string Output) RunOn(int width, LoyaltyHealth.Cli.Live.LiveSettings? live, string[] args)
        {
            var writer = new StringWriter();
            var exit = Program.Run(args, PlainConsole(writer, width), live);
            return (exit, writer.ToString());
        }

        /// <summary>A console that writes plain text to <paramref name="writer"/>, by default as wide as the tool writes to a file.</summary>
        public static IAnsiConsole PlainConsole(TextWriter writer, int width = ConsoleWidth.Redirected)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(writer),
            });
            console.Profile.Width = width;
            return console;
        }
    }
}
