using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Model.Output;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// The console summary: one row per active account (inactive ones are counted: the product's views list active
    /// accounts only), riskiest first, up to <see cref="RowsShown"/> (an export of
    /// 50,000 accounts would scroll past, and the table is held until it prints: the rest are counted and are in
    /// accounts.csv and report.html), then what to do about the riskiest ones.
    /// </summary>
    public static class ConsoleView
    {
        public const int RowsShown = 200;
        public const int RiskiestShown = 3;
        public const int LinesShown = 3;

        public static void Show(IAnsiConsole console, OrganisationResult result, UiText text)
        {
            // Active accounts only, as the product's views list them; the inactive ones are counted below.
            var active = result.Active;
            var shown = active.Take(RowsShown).ToList();
            var table = Table(result, text, shown);
            if (ConsoleWidth.Fits(console, table)) console.Write(table);
            else List(console, result, text, shown);
            if (active.Count > RowsShown)
                console.MarkupLine($"[grey]{Markup.Escape(text.Counted("MoreInFiles", active.Count - RowsShown))}[/]");
            if (active.Inactive > 0) console.MarkupLine($"[grey]{Markup.Escape(text.InactiveLine(active.Inactive))}[/]");
            Problems(console, result, text);

            var riskiest = active.Where(a => a.Band is HealthBand.AtRisk or HealthBand.Watch).Take(RiskiestShown).ToList();
            if (riskiest.Count == 0) return;
            console.WriteLine();
            console.MarkupLine($"[bold]{Markup.Escape(text["Riskiest"])}[/]");
            foreach (var account in riskiest)
            {
                console.MarkupLine(Headline(account, text));
                console.MarkupLine($"  {Markup.Escape(text["Reasons"])}:");
                foreach (var reason in account.Reasons.Take(LinesShown)) console.MarkupLine($"    • {Markup.Escape(reason)}");
                console.MarkupLine($"  {Markup.Escape(text["Actions"])}:");
                foreach (var action in account.Actions.Take(LinesShown)) console.MarkupLine($"    → {Markup.Escape(action)}");
            }
            if (result.FailedJobs > 0) console.MarkupLine($"[yellow]{result.FailedJobs} {Markup.Escape(text["FailedJobs"])}[/]");
        }

        /// <summary>Failed accounts with their error, and the accounts with warnings (the first few lines; all are in the CSV and the report).</summary>
        private static void Problems(IAnsiConsole console, OrganisationResult result, UiText text)
        {
            foreach (var account in result.Accounts.Where(a => a.Failed).Take(RiskiestShown))
                console.MarkupLine($"[red]{Markup.Escape(text["Failed"])}:[/] {Markup.Escape(account.Name)}: {Markup.Escape(account.Error!)}");
            var warned = result.Accounts.Where(a => a.Warnings.Count > 0);
            var count = warned.Count();
            if (count == 0) return;
            // A heading and its count, so no language needs a plural: "Accounts with warnings: 1".
            console.MarkupLine($"[yellow]{Markup.Escape(text["WithWarnings"])}: {count.ToString("N0", CultureInfo.InvariantCulture)}[/]");
            foreach (var account in warned.Take(RiskiestShown))
                foreach (var warning in account.Warnings.Take(LinesShown))
                    console.MarkupLine($"  {Markup.Escape(account.Name)}: {Markup.Escape(warning)}");
        }

        private static Table Table(OrganisationResult result, UiText text, IReadOnlyList<AccountResult> accounts)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Title(result, text))
                .AddColumn(text["Account"])
                .AddColumn(new TableColumn(text.Pillar(Pillar.Understanding)).RightAligned())
                .AddColumn(new TableColumn(text.Pillar(Pillar.Familiarity)).RightAligned())
                .AddColumn(new TableColumn(text.Pillar(Pillar.Service)).RightAligned())
                .AddColumn(new TableColumn(text["Health"]).RightAligned())
                .AddColumn(text["Band"])
                .AddColumn(text["Trend"])
                .AddColumn(text["PerkDependent"]);
            foreach (var account in accounts)
            {
                table.AddRow(
                    Markup.Escape(account.Name),
                    text.Score(account.Understanding),
                    text.Score(account.Familiarity),
                    text.Score(account.Service),
                    text.Score(account.Overall),
                    BandMarkup(account, text),
                    Markup.Escape(text.Trend(account.Trend)),
                    PerkMarkup(account, text));
            }
            return table;
        }

        /// <summary>The same values as the table, two lines an account, for a console too narrow for it.</summary>
        private static void List(IAnsiConsole console, OrganisationResult result, UiText text, IReadOnlyList<AccountResult> accounts)
        {
            console.MarkupLine($"[bold]{Markup.Escape(Title(result, text))}[/]");
            foreach (var account in accounts)
            {
                console.MarkupLine($"{Headline(account, text)} · {Markup.Escape(text["Trend"])}: {Markup.Escape(text.Trend(account.Trend))}");
                ConsoleWidth.WriteIndented(console, 2, string.Join(" · ",
                    Labelled(text.Pillar(Pillar.Understanding), text.Score(account.Understanding)),
                    Labelled(text.Pillar(Pillar.Familiarity), text.Score(account.Familiarity)),
                    Labelled(text.Pillar(Pillar.Service), text.Score(account.Service)),
                    $"{Markup.Escape(text["PerkDependent"])}: {PerkMarkup(account, text)}"));
            }
        }

        /// <summary>"Harbour Bakery Supplies (At risk, 3)": the account, its band and its overall health.</summary>
        private static string Headline(AccountResult account, UiText text) =>
            $"[bold]{Markup.Escape(account.Name)}[/] ({BandMarkup(account, text)}, {Markup.Escape(text.Score(account.Overall))})";

        private static string Labelled(string label, string value) => $"{Markup.Escape(label)} {Markup.Escape(value)}";

        private static string Title(OrganisationResult result, UiText text) => $"{text["Title"]} {text["AsOf"]} {result.AsOf:yyyy-MM-dd}";

        private static string BandMarkup(AccountResult account, UiText text) =>
            $"[{(account.Failed ? "red" : Colour(account.Band))}]{Markup.Escape(text.Band(account))}[/]";

        private static string PerkMarkup(AccountResult account, UiText text) =>
            account.PerkDependent ? $"[red]{Markup.Escape(text.YesNo(true))}[/]" : Markup.Escape(text.YesNo(false));

        private static string Colour(HealthBand band) => band switch
        {
            HealthBand.Healthy => "green",
            HealthBand.Watch => "yellow",
            HealthBand.AtRisk => "red",
            _ => "grey",
        };
    }
}
