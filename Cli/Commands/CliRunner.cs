using System;
using System.Globalization;
using System.IO;
using LoyaltyHealth.Cli.Cmt;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Cli.Staging;
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
                RemoveAbandonedFiles(console);
                return action();
            }
            catch (CliException e)
            {
                Error(console, e.Message);
                return e.ExitCode;
            }
            catch (Live.EnvironmentException e)
            {
                Error(console, e.Message);
                return e.Failure == Live.EnvironmentFailure.NotPermitted ? ExitCodes.NotPermitted : ExitCodes.EnvironmentUnavailable;
            }
            catch (System.ServiceModel.FaultException<Microsoft.Xrm.Sdk.OrganizationServiceFault> e) when (Live.LiveFaults.IsPrivilege(e.Detail))
            {
                Error(console, Live.LiveFaults.Describe(e.Detail));
                return ExitCodes.NotPermitted;
            }
            catch (CmtDataException e)
            {
                Error(console, e.Message);
                return ExitCodes.InvalidInput;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidDataException)
            {
                Error(console, e.Message);
                return ExitCodes.InvalidInput;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                Error(console, StagingStoreFailed(e, Path.GetTempPath()));
                return ExitCodes.InvalidInput;
            }
            catch (OperationCanceledException) when (Interruption.Token.IsCancellationRequested)
            {
                Error(console, "stopped on request (Ctrl+C); nothing was written and the temporary staging files were removed.");
                return ExitCodes.Stopped;
            }
            catch (OutOfMemoryException)
            {
                Error(console, "the run ran out of memory; nothing was written.");
                return ExitCodes.Internal;
            }
            catch (Exception e) when (Environment.GetEnvironmentVariable("LOYALTY_TRACE") is null)
            {
                // One line, never a stack trace; LOYALTY_TRACE=1 lets it through for a bug report.
                Error(console, $"unexpected {e.GetType().Name}: {e.Message.Split('\n')[0]} (set LOYALTY_TRACE=1 for details); nothing was written.");
                return ExitCodes.Internal;
            }
        }

        /// <summary>What to do when the staging files (in the temporary folder, TMPDIR) cannot be written: SQLite's result code says which.</summary>
        internal static string StagingStoreFailed(Microsoft.Data.Sqlite.SqliteException e, string folder)
        {
            var why = e.Message.Split('\n')[0].Trim();
            return e.SqliteErrorCode switch
            {
                SQLitePCL.raw.SQLITE_CANTOPEN => $"the staging files cannot be created in {folder} ({why}); set TMPDIR to a folder this user can write.",
                SQLitePCL.raw.SQLITE_FULL => $"the disk of {folder} is full ({why}); free space there or set TMPDIR to a folder on a larger disk.",
                _ => $"the staging store failed ({why}); is there room in {folder}?",
            };
        }

        /// <summary>Removes the temporary files that killed or crashed runs left behind (<see cref="ScratchFiles"/>), and says so.</summary>
        private static void RemoveAbandonedFiles(IAnsiConsole console)
        {
            var folder = Path.GetTempPath();
            var swept = ScratchFiles.RemoveAbandoned(folder);
            if (swept.Files == 0) return;
            var c = CultureInfo.InvariantCulture;
            var files = Quantity.Of(swept.Files, "temporary file", "temporary files");
            console.MarkupLine($"[grey]{Markup.Escape($"Removed {files} ({(swept.Bytes / 1024.0 / 1024.0).ToString("N0", c)} MB) left in {folder} by runs that were killed or crashed.")}[/]");
        }

        public static void Error(IAnsiConsole console, string message) => console.MarkupLine($"[red]Error:[/] {Markup.Escape(message)}");
    }
}
