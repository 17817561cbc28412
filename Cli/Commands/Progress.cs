using System;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary>A progress bar for long runs; on a console that is not interactive, Spectre prints it as plain lines.</summary>
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
    }
}
