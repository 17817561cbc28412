using System.Globalization;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// A count with its English words, "1 problem" or "2,048 problems", for the tool's own lines (summaries, errors), which are
    /// English in every language; what the report and accounts.csv say is counted in the run's language by <see cref="UiText.Counted"/>.
    /// </summary>
    internal static class Quantity
    {
        /// <param name="one">The words after a count of one (noun and verb, as the sentence needs them).</param>
        /// <param name="many">The words after any other count.</param>
        public static string Of(long count, string one, string many) =>
            count == 1 ? "1 " + one : count.ToString("N0", CultureInfo.InvariantCulture) + " " + many;
    }
}
