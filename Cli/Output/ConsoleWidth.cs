using Spectre.Console;
using Spectre.Console.Rendering;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// How wide the tool writes. In a terminal, the terminal's width. Output redirected to a file or a pipe has no width, and
    /// Spectre.Console then assumes 80 columns, which wrapped the accounts table's names mid-word in every log; there the tool
    /// writes up to <see cref="Redirected"/> columns, so each account stays on one line.
    /// </summary>
    /// <remarks>
    /// A table is written only where it fits whole (<see cref="Fits"/>): below its natural width Spectre.Console wraps cells
    /// mid-word, and the column names cannot be shortened in every language, so the commands list the same values instead.
    /// </remarks>
    public static class ConsoleWidth
    {
        public const int Redirected = 240;

        /// <summary>A line of markup indented by <paramref name="indent"/> columns, its wrapped lines indented as much.</summary>
        public static void WriteIndented(IAnsiConsole console, int indent, string markup) =>
            console.Write(new Padder(new Markup(markup), new Padding(indent, 0, 0, 0)));

        /// <summary>Whether <paramref name="table"/> fits the console without wrapping a cell.</summary>
        public static bool Fits(IAnsiConsole console, Table table) =>
            ((IRenderable)table).Measure(RenderOptions.Create(console), int.MaxValue).Max <= console.Profile.Width;

        public static IAnsiConsole Fit(IAnsiConsole console, bool outputRedirected)
        {
            if (outputRedirected) console.Profile.Width = Redirected;
            return console;
        }
    }
}
