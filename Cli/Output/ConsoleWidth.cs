using Spectre.Console;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// How wide the tool writes. In a terminal, the terminal's width. Output redirected to a file or a pipe has no width, and
    /// Spectre.Console then assumes 80 columns, which wrapped the accounts table's names mid-word in every log; there the tool
    /// writes up to <see cref="Redirected"/> columns, so each account stays on one line.
    /// </summary>
    public static class ConsoleWidth
    {
        public const int Redirected = 240;

        public static IAnsiConsole Fit(IAnsiConsole console, bool outputRedirected)
        {
            if (outputRedirected) console.Profile.Width = Redirected;
            return console;
        }
    }
}
