using System.Linq;
using System.Net;
using System.Text;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Cli.Report
{
    /// <summary>
    /// The report a sales leader can open from an email: one self-contained HTML file (styles and
    /// charts inline, nothing loaded from anywhere) with the accounts by band, the pillar scores of each
    /// account, the perk-dependent accounts with their perk share and spend against delivered value, and
    /// the reasons and next best actions of every account at risk. All text is HTML-encoded.
    /// </summary>
    public static class HtmlReport
    {
        private const string Style = @"
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:24px;color:#212121;max-width:1100px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#616161;margin:0 0 12px}table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eee;vertical-align:top}th{background:#fafafa}
td.num{text-align:right}.band{display:inline-block;padding:1px 8px;border-radius:9px;color:#fff;font-size:12px}
.chart text{font-size:12px;fill:#212121}.chart .axis{fill:#757575;font-size:11px}.chart .unknown{fill:#9e9e9e;font-size:9px}
.account{margin:12px 0 18px}.account h3{font-size:16px;margin:0 0 4px}ul{margin:4px 0 8px 20px;padding:0}
";

        public static string Render(OrganisationResult result, UiText text)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(text.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.Append("<title>").Append(E($"{text["Title"]} {text["AsOf"]} {result.AsOf:yyyy-MM-dd}")).Append("</title>\n");
            html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
            html.Append("<h1>").Append(E(text["Title"])).Append("</h1>\n");
            html.Append("<p class=\"meta\">").Append(E($"{text["AsOf"]} {result.AsOf:yyyy-MM-dd} · {result.Accounts.Count} {text["Accounts"]} · {text["Source"]}: {result.Source}"));
            if (result.FailedJobs > 0) html.Append(E($" · {result.FailedJobs} {text["FailedJobs"]}"));
            html.Append("</p>\n");

            html.Append("<h2>").Append(E(text["Distribution"])).Append("</h2>\n");
            html.Append(Charts.Bands(result.Accounts, text)).Append('\n');

            html.Append("<h2>").Append(E(text["Pillars"])).Append("</h2>\n");
            html.Append(Charts.Pillars(result.Accounts, text)).Append('\n');
            AccountTable(html, result, text);

            html.Append("<h2>").Append(E(text["PerkAccounts"])).Append("</h2>\n");
            PerkTable(html, result, text);

            html.Append("<h2>").Append(E(text["AtRisk"])).Append("</h2>\n");
            AtRisk(html, result, text);
            Unreadable(html, result, text);

            Problems(html, result, text);

            if (result.Notes.Count > 0)
            {
                html.Append("<h2>").Append(E(text["Notes"])).Append("</h2>\n<ul id=\"notes\">\n");
                foreach (var note in result.Notes) html.Append("<li>").Append(E(note)).Append("</li>\n");
                html.Append("</ul>\n");
            }

            html.Append("</body>\n</html>\n");
            return html.ToString();
        }

        private static void AccountTable(StringBuilder html, OrganisationResult result, UiText text)
        {
            html.Append("<table id=\"accounts\">\n<thead><tr>");
            foreach (var heading in new[] { text["Account"], text.Pillar(Pillar.Understanding), text.Pillar(Pillar.Familiarity), text.Pillar(Pillar.Service), text["Health"], text["Band"], text["Trend"], text["PerkDependent"] })
                html.Append("<th>").Append(E(heading)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var a in result.Accounts)
            {
                html.Append("<tr><td>").Append(E(a.Name)).Append("</td>");
                foreach (var score in new[] { a.Understanding, a.Familiarity, a.Service, a.Overall })
                    html.Append("<td class=\"num\">").Append(E(text.Score(score))).Append("</td>");
                html.Append("<td>").Append(a.Failed ? $"<span class=\"band failed\" style=\"background:#b71c1c\">{E(text["Failed"])}</span>" : Band(a.Band, text)).Append("</td>");
                html.Append("<td>").Append(E(text.Trend(a.Trend))).Append("</td>");
                html.Append("<td>").Append(E(text.YesNo(a.PerkDependent))).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }

        private static void PerkTable(StringBuilder html, OrganisationResult result, UiText text)
        {
            var perkAccounts = result.Accounts.Where(a => a.PerkDependent).ToList();
            if (perkAccounts.Count == 0)
            {
                html.Append("<p>").Append(E(text["NoPerkAccounts"])).Append("</p>\n");
                return;
            }
            html.Append("<table id=\"perk-accounts\">\n<thead><tr>");
            foreach (var heading in new[] { text["Account"], text["PerkShare"], text["PerkSpend"], text["DeliveredValue"], text["SpendAgainstValue"] })
                html.Append("<th>").Append(E(heading)).Append("</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var a in perkAccounts)
            {
                html.Append("<tr><td>").Append(E(a.Name)).Append("</td>");
                html.Append("<td class=\"num\">").Append(E(text.Percent(a.PerkSharePercent))).Append("</td>");
                html.Append("<td class=\"num\">").Append(E(text.Money(a.PerkSpend))).Append("</td>");
                html.Append("<td class=\"num\">").Append(E(text.Money(a.DeliveredValue))).Append("</td>");
                html.Append("<td>").Append(Charts.SpendAgainstValue(a, text)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }

        private static void AtRisk(StringBuilder html, OrganisationResult result, UiText text)
        {
            var atRisk = result.Accounts.Where(a => a.Band == HealthBand.AtRisk).ToList();
            if (atRisk.Count == 0)
            {
                html.Append("<p>").Append(E(text["NoAtRisk"])).Append("</p>\n");
                return;
            }
            foreach (var a in atRisk)
            {
                html.Append("<div class=\"account at-risk\">\n<h3>").Append(E(a.Name)).Append(' ').Append(Band(a.Band, text))
                    .Append(' ').Append(E(text.Score(a.Overall))).Append("</h3>\n");
                html.Append("<strong>").Append(E(text["Reasons"])).Append("</strong>\n<ul class=\"reasons\">\n");
                foreach (var reason in a.Reasons) html.Append("<li>").Append(E(reason)).Append("</li>\n");
                html.Append("</ul>\n<strong>").Append(E(text["Actions"])).Append("</strong>\n<ul class=\"actions\">\n");
                foreach (var action in a.Actions) html.Append("<li>").Append(E(action)).Append("</li>\n");
                html.Append("</ul>\n</div>\n");
            }
        }

        /// <summary>Stored values the model could not read, for every account whatever its band: they are data to fix, not findings.</summary>
        private static void Unreadable(StringBuilder html, OrganisationResult result, UiText text)
        {
            var affected = result.Accounts.Where(a => a.UnreadableValues.Count > 0).ToList();
            if (affected.Count == 0) return;
            html.Append("<h2>").Append(E(text["UnreadableValues"])).Append("</h2>\n<ul class=\"unreadable\">\n");
            foreach (var a in affected)
            {
                foreach (var line in a.UnreadableValues) html.Append("<li><strong>").Append(E(a.Name)).Append("</strong>: ").Append(E(line)).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }

        private static void Problems(StringBuilder html, OrganisationResult result, UiText text)
        {
            var failed = result.Accounts.Where(a => a.Failed).ToList();
            if (failed.Count > 0)
            {
                html.Append("<h2>").Append(E(text["FailedAccounts"])).Append("</h2>\n<ul id=\"failed\">\n");
                foreach (var a in failed) html.Append("<li><strong>").Append(E(a.Name)).Append("</strong>: ").Append(E(a.Error!)).Append("</li>\n");
                html.Append("</ul>\n");
            }
            var warned = result.Accounts.Where(a => a.Warnings.Count > 0).ToList();
            if (warned.Count == 0) return;
            html.Append("<h2>").Append(E(text["AccountWarnings"])).Append("</h2>\n<ul id=\"warnings\">\n");
            foreach (var a in warned)
            {
                html.Append("<li><strong>").Append(E(a.Name)).Append("</strong><ul>");
                foreach (var w in a.Warnings) html.Append("<li>").Append(E(w)).Append("</li>");
                html.Append("</ul></li>\n");
            }
            html.Append("</ul>\n");
        }

        private static string Band(HealthBand band, UiText text) =>
            $"<span class=\"band\" style=\"background:{Charts.BandColours[band]}\">{E(text.Band(band))}</span>";

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
