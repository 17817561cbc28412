using System.Globalization;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>A count with its words, "1 account has" or "2,048 accounts have", as every note, warning and summary of the tool writes it.</summary>
    internal static class Quantity
    {
        /// <param name="one">The words after a count of one (noun and verb, as the sentence needs them).</param>
        /// <param name="many">The words after any other count.</param>
        public static string Of(long count, string one, string many) =>
            count == 1 ? "1 " + one : count.ToString("N0", CultureInfo.InvariantCulture) + " " + many;
    }
}
