using System.Globalization;
using System.IO;
using CsvHelper;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// Writes one CSV row per account (RFC 4180), active or not (as the perk-dependent flag, true or false): scores, band, trend, perk figures, and the reasons and
    /// actions as text. Numbers are invariant so a spreadsheet in any locale reads them the same way.
    /// </summary>
    public static class CsvExport
    {
        public static void Write(string path, OrganisationResult result, UiText text)
        {
            using var file = new StreamWriter(path, false, new System.Text.UTF8Encoding(true));
            using var csv = CsvWriter.Create(file, null, leaveOpen: true);
            csv.WriteHeader(Header(text));
            foreach (var a in result.Accounts)
            {
                csv.WriteRecord(Safe(new[]
                {
                    a.Id.ToString("D"), a.Name, a.Active ? "true" : "false", N(a.Understanding), N(a.Familiarity), N(a.Service), N(a.Overall),
                    text.Band(a), a.Trend is null ? "" : text.Trend(a.Trend), a.PerkDependent ? "true" : "false",
                    N(a.PerkSharePercent), Money(a.PerkSpend), Money(a.DeliveredValue),
                    string.Join(" | ", a.Reasons), string.Join(" | ", a.Actions), N(a.HistoryRows), N(a.OpenFollowUps),
                    string.Join(" | ", a.Warnings), a.Error ?? "",
                }));
            }
            csv.Flush();
        }

        /// <summary>The columns' names in the language: each a different word, as a spreadsheet reads the columns by them.</summary>
        public static string[] Header(UiText text) => new[]
        {
            "accountid", text["Account"], text["Active"], text.Pillar(Pillar.Understanding), text.Pillar(Pillar.Familiarity), text.Pillar(Pillar.Service),
            text["Health"], text["Band"], text["Trend"], text["PerkDependent"], text["PerkShare"], text["PerkSpend"], text["DeliveredValue"],
            text["Reasons"], text["Actions"], text["History"], text["FollowUps"], text["Warnings"], text["Error"],
        };

        /// <summary>
        /// A cell a spreadsheet would run as a formula (beginning with =, +, -, @, a tab or a carriage return,
        /// OWASP's list) gets a leading apostrophe, so it shows as the text it is; numbers stay numbers.
        /// </summary>
        public static string Escape(string cell) =>
            cell.Length > 0 && "=+-@\t\r".IndexOf(cell[0]) >= 0 && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "'" + cell : cell;

        private static string[] Safe(string[] cells) => System.Array.ConvertAll(cells, Escape);

        private static string N(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        private static string N(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        /// <summary>Amounts with two decimals whatever the sum's scale, so a column reads 660.00 and 0.00, not 660.00 and 0.0.</summary>
        private static string Money(decimal? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
    }
}
