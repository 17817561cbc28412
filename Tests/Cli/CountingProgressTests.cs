using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using NUnit.Framework;
using Spectre.Console;
using Progress = LoyaltyHealth.Cli.Commands.Progress;

namespace LoyaltyHealth.Tests.Cli
{
    /// <summary>
    /// Staging an environment reads rows whose total the Web API gives only at the end. Its bar counts the rows; before,
    /// it showed rows read against rows read, a bar standing at 100 % from the first page to the last.
    /// </summary>
    public class CountingProgressTests
    {
        [Test]
        public void The_bar_counts_the_rows_read_and_shows_no_share_while_they_are_read()
        {
            var (console, screen) = Terminal();
            string? whileReading = null;

            Progress.Count(console, "Reading and staging the environment", "rows read", report =>
            {
                report(10_000);
                report(20_000);
                whileReading = WaitFor(screen, "20,000 rows read");
                report(23_456);
            });

            Assert.Multiple(() =>
            {
                Assert.That(whileReading, Does.Contain("Reading and staging the environment: 20,000 rows read").And.Not.Contains("%"));
                Assert.That(screen.Text, Does.Contain("Reading and staging the environment: 23,456 rows read"));
            });
        }

        /// <summary>An interactive console, as a terminal user has, drawing into a text the test reads.</summary>
        private static (IAnsiConsole Console, Screen Screen) Terminal()
        {
            var screen = new Screen();
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(screen.Writer),
            });
            console.Profile.Width = 160;
            return (console, screen);
        }

        /// <summary>What was drawn once <paramref name="text"/> appears: the bar is drawn by Spectre's own thread, ten times a second.</summary>
        private static string WaitFor(Screen screen, string text)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var drawn = screen.Text;
                if (drawn.Contains(text, StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(30)) return drawn;
                Thread.Sleep(20);
            }
        }

        /// <summary>Text drawn by one thread and read by another: the synchronized writer locks on itself for every write.</summary>
        private sealed class Screen
        {
            private readonly StringWriter _drawn = new();

            public Screen() => Writer = TextWriter.Synchronized(_drawn);

            public TextWriter Writer { get; }

            public string Text
            {
                get
                {
                    lock (Writer) return _drawn.ToString();
                }
            }
        }
    }
}
