using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.Model.Output;

namespace LoyaltyHealth.Cli.Report
{
    /// <summary>
    /// The report a sales leader can open from an email: one self-contained HTML file (styles and
    /// charts inline, nothing loaded from anywhere) with the active accounts by band (as the product's views, which list
    /// active accounts only; the inactive ones are counted), the pillar scores of each
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
td.num{text-align:right}.band{white-space:nowrap;display:inline-block;padding:1px 8px;border-radius:9px;color:#fff;font-size:12px}
.chart text{font-size:12px;fill:#212121}.chart .axis{fill:#757575;font-size:11px}.chart .unknown{fill:#9e9e9e;font-size:9px}
.account{margin:12px 0 18px;content-visibility:auto;contain-intrinsic-size:auto 180px}.account h3{font-size:16px;margin:0 0 4px}
ul{margin:4px 0 8px 20px;padding:0}
" + BlockedTable.Style + "\n";

        /// <summary>The report as one string, for a result small enough to hold.</summary>
        public static string Render(OrganisationResult result, UiText text)
        {
            using var html = new StringWriter();
            Write(html, result, text);
            return html.ToString();
        }

        /// <summary>
        /// Writes the report section by section as it reads the accounts, so a large organisation's report
        /// is never held in memory; each section reads the accounts again.
        /// </summary>
        public static void Write(TextWriter html, OrganisationResult result, UiText text)
        {
            html.Write("<!DOCTYPE html>\n<html lang=\"");
            html.Write(E(text.Language));
            html.Write("\">\n<head>\n<meta charset=\"utf-8\">\n");
            html.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            html.Write("<title>" + E($"{text["Title"]} {text["AsOf"]} {result.AsOf:yyyy-MM-dd}") + "</title>\n");
            html.Write("<style>" + Style + "</style>\n</head>\n<body>\n");
            html.Write("<h1>" + E(text["Title"]) + "</h1>\n");
            // The lists and charts take the active accounts, as the product's account views and dashboard do; the data's
            // problems (unreadable values, failures, warnings) are listed for every account.
            var active = result.Active;
            html.Write("<p class=\"meta\">" + E($"{text["AsOf"]} {result.AsOf:yyyy-MM-dd} · {text.Counted("Accounts", active.Count)} · {text["Source"]}: {result.Source}"));
            if (result.FailedJobs > 0) html.Write(E($" · {result.FailedJobs} {text["FailedJobs"]}"));
            html.Write("</p>\n");
            if (active.Inactive > 0) html.Write("<p id=\"inactive\" class=\"meta\">" + E(text.InactiveLine(active.Inactive)) + "</p>\n");

            Heading(html, text["Distribution"]);
            Charts.Bands(html, active, text);
            html.Write('\n');

            Heading(html, text["Pillars"]);
            Charts.Pillars(html, active.Take(Charts.PillarAccountsShown).ToList(), text);
            html.Write('\n');
            if (active.Count > Charts.PillarAccountsShown)
                html.Write("<p id=\"pillar-chart-more\" class=\"meta\">" + E(text.Counted("MoreInTable", active.Count - Charts.PillarAccountsShown)) + "</p>\n");
            AccountTable(html, active, text);

            Heading(html, text["PerkAccounts"]);
            PerkTable(html, active, text);

            Heading(html, text["AtRisk"]);
            AtRisk(html, active, text);
            Unreadable(html, result, text);

            Problems(html, result, text);

            if (result.Notes.Count > 0)
            {
                html.Write("<h2>" + E(text["Notes"]) + "</h2>\n<ul id=\"notes\">\n");
                foreach (var note in result.Notes) html.Write("<li>" + E(text.Note(note)) + "</li>\n");
                html.Write("</ul>\n");
            }

            html.Write("</body>\n</html>\n");
        }

        private static void Heading(TextWriter html, string heading) => html.Write("<h2>" + E(heading) + "</h2>\n");

        private static void AccountTable(TextWriter html, IEnumerable<AccountResult> accounts, UiText text)
        {
            var bands = Enum.GetValues<HealthBand>().Select(text.Band).Append(text["Failed"]).ToArray();
            var trends = Enum.GetValues<Trend>().Select(t => text.Trend(t)).ToArray();
            var table = new BlockedTable(html, "accounts", new (string, string?)[]
            {
                (text["Account"], null),
                (text.Pillar(Pillar.Understanding), BlockedTable.WordsWide(text.Pillar(Pillar.Understanding), "100")),
                (text.Pillar(Pillar.Familiarity), BlockedTable.WordsWide(text.Pillar(Pillar.Familiarity), "100")),
                (text.Pillar(Pillar.Service), BlockedTable.WordsWide(text.Pillar(Pillar.Service), "100")),
                (text["Health"], BlockedTable.WordsWide(text["Health"], "100")),
                (text["Band"], BlockedTable.TextsWide(bands.Append(text["Band"]).ToArray())),
                (text["Trend"], BlockedTable.WordsWide(trends.Append(text["Trend"]).ToArray())),
                (text["PerkDependent"], BlockedTable.WordsWide(text["PerkDependent"], text.YesNo(true), text.YesNo(false))),
            });
            foreach (var a in accounts)
            {
                var row = table.NextRow();
                row.Write("<tr><td>" + E(a.Name) + "</td>");
                foreach (var score in new[] { a.Understanding, a.Familiarity, a.Service, a.Overall })
                    row.Write("<td class=\"num\">" + E(text.Score(score)) + "</td>");
                row.Write("<td>" + (a.Failed ? $"<span class=\"band failed\" style=\"background:#b71c1c\">{E(text["Failed"])}</span>" : Band(a.Band, text)) + "</td>");
                row.Write("<td>" + E(text.Trend(a.Trend)) + "</td>");
                row.Write("<td>" + E(text.YesNo(a.PerkDependent)) + "</td></tr>\n");
            }
            table.End();
        }

        private static void PerkTable(TextWriter html, IEnumerable<AccountResult> accounts, UiText text)
        {
            var perkAccounts = accounts.Where(a => a.PerkDependent);
            if (!perkAccounts.Any())
            {
                html.Write("<p>" + E(text["NoPerkAccounts"]) + "</p>\n");
                return;
            }
            // Amounts are sized for up to a billion: perk spend and value reported beyond that are rare enough to overflow.
            var table = new BlockedTable(html, "perk-accounts", new (string, string?)[]
            {
                (text["Account"], null),
                (text["PerkShare"], BlockedTable.WordsWide(text["PerkShare"], "100%")),
                (text["PerkSpend"], BlockedTable.WordsWide(text["PerkSpend"], "999,999,999")),
                (text["DeliveredValue"], BlockedTable.WordsWide(text["DeliveredValue"], "999,999,999")),
                (text["SpendAgainstValue"], BlockedTable.PixelsWide(Charts.SpendChartWidth)),
            });
            foreach (var a in perkAccounts)
            {
                var row = table.NextRow();
                row.Write("<tr><td>" + E(a.Name) + "</td>");
                row.Write("<td class=\"num\">" + E(text.Percent(a.PerkSharePercent)) + "</td>");
                row.Write("<td class=\"num\">" + E(text.Money(a.PerkSpend)) + "</td>");
                row.Write("<td class=\"num\">" + E(text.Money(a.DeliveredValue)) + "</td>");
                row.Write("<td>");
                Charts.SpendAgainstValue(row, a, text);
                row.Write("</td></tr>\n");
            }
            table.End();
        }

        private static void AtRisk(TextWriter html, IEnumerable<AccountResult> accounts, UiText text)
        {
            var atRisk = accounts.Where(a => a.Band == HealthBand.AtRisk);
            if (!atRisk.Any())
            {
                html.Write("<p>" + E(text["NoAtRisk"]) + "</p>\n");
                return;
            }
            foreach (var a in atRisk)
            {
                html.Write("<div class=\"account at-risk\">\n<h3>" + E(a.Name) + " " + Band(a.Band, text) + " " + E(text.Score(a.Overall)) + "</h3>\n");
                html.Write("<strong>" + E(text["Reasons"]) + "</strong>\n<ul class=\"reasons\">\n");
                foreach (var reason in a.Reasons) html.Write("<li>" + E(reason) + "</li>\n");
                html.Write("</ul>\n<strong>" + E(text["Actions"]) + "</strong>\n<ul class=\"actions\">\n");
                foreach (var action in a.Actions) html.Write("<li>" + E(action) + "</li>\n");
                html.Write("</ul>\n</div>\n");
            }
        }

        /// <summary>Stored values the model could not read, for every account whatever its band: they are data to fix, not findings.</summary>
        private static void Unreadable(TextWriter html, OrganisationResult result, UiText text)
        {
            var affected = result.Accounts.Where(a => a.UnreadableValues.Count > 0);
            if (!affected.Any()) return;
            html.Write("<h2>" + E(text["UnreadableValues"]) + "</h2>\n<ul class=\"unreadable\">\n");
            foreach (var a in affected)
            {
                foreach (var line in a.UnreadableValues) html.Write("<li><strong>" + E(a.Name) + "</strong>: " + E(line) + "</li>\n");
            }
            html.Write("</ul>\n");
        }

        private static void Problems(TextWriter html, OrganisationResult result, UiText text)
        {
            var failed = result.Accounts.Where(a => a.Failed);
            if (failed.Any())
            {
                html.Write("<h2>" + E(text["FailedAccounts"]) + "</h2>\n<ul id=\"failed\">\n");
                foreach (var a in failed) html.Write("<li><strong>" + E(a.Name) + "</strong>: " + E(a.Error!) + "</li>\n");
                html.Write("</ul>\n");
            }
            var warned = result.Accounts.Where(a => a.Warnings.Count > 0);
            if (!warned.Any()) return;
            html.Write("<h2>" + E(text["AccountWarnings"]) + "</h2>\n<ul id=\"warnings\">\n");
            foreach (var a in warned)
            {
                html.Write("<li><strong>" + E(a.Name) + "</strong><ul>");
                foreach (var w in a.Warnings) html.Write("<li>" + E(w) + "</li>");
                html.Write("</ul></li>\n");
            }
            html.Write("</ul>\n");
        }

        private static string Band(HealthBand band, UiText text) =>
            $"<span class=\"band\" style=\"background:{Charts.BandColours[band]}\">{E(text.Band(band))}</span>";

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
