using System;
using System.Globalization;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>Progress bars for long runs; on a console that is not interactive, Spectre prints them as plain lines.</summary>
    internal static class Progress
    {
        public static void Run(IAnsiConsole console, string description, Action<Action<double, double>> work) =>
            console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(description), maxValue: 1);
                    work((done, total) =>
                    {
                        task.MaxValue = Math.Max(1, total);
                        task.Value = Math.Min(done, task.MaxValue);
                    });
                    task.Value = task.MaxValue;
                });

        /// <summary>
        /// For work whose total is known only when it ends (rows read through the Web API): the bar moves without a share
        /// and the description counts what was done, instead of a bar of the count against itself that stands full throughout.
        /// </summary>
        public static void Count(IAnsiConsole console, string description, string unit, Action<Action<long>> work) =>
            console.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    // Nothing counted yet reads as the plain description: a console that is not interactive prints the bar's first state as a line.
                    var task = context.AddTask(Markup.Escape(description), maxValue: 1).IsIndeterminate();
                    work(done => task.Description = WithCount(description, done, unit));
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                });

        private static string WithCount(string description, long done, string unit) =>
            Markup.Escape($"{description}: {done.ToString("N0", CultureInfo.InvariantCulture)} {unit}");
    }
}
