using System;
using System.IO;
using LoyaltyHealth.Cli.Cmt;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>Turns the problems a user can fix into clear messages and exit codes.</summary>
    internal static class CliRunner
    {
        public static int Guard(IAnsiConsole console, Func<int> action)
        {
            try
            {
                return action();
            }
            catch (CliException e)
            {
                Error(console, e.Message);
                return e.ExitCode;
            }
            catch (CmtDataException e)
            {
                Error(console, e.Message);
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Error(console, e.Message);
                return ExitCodes.InvalidInput;
            }
        }

        public static void Error(IAnsiConsole console, string message) => console.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");
    }
}
