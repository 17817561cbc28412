using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Cli.Local;
using LoyaltyHealth.Cli.Output;
using LoyaltyHealth.InMemory.Execution;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Plugins.Health;
using LoyaltyHealth.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Spectre.Console;

namespace LoyaltyHealth.Cli.Commands
{
    /// <summary><c>explain account</c>: every sub-measure of one account with its score, weight, effective weight and finding.</summary>
    internal static class ExplainCommand
    {
        public static Command Create(IAnsiConsole console)
        {
            var common = new CommonOptions();
            var account = new Argument<string>("account") { Description = "The account's name (or a unique part of it) or its id." };
            var data = new Option<string?>("--data") { Description = "Explain an account of this exported file instead of the sample organisation." };
            var command = new Command("explain", "Show every sub-measure of one account: its score, weight, effective weight and the finding behind it.");
            command.Arguments.Add(account);
            command.Options.Add(data);
            // explain prints one account and writes no file, so an --output would be silently ignored.
            common.AddTo(command, writesReport: false);
            command.SetAction(parse => CliRunner.Guard(console, () =>
            {
                var language = parse.GetValue(common.Language)!;
                var policy = CommonOptions.PolicyJson(parse.GetValue(common.Policy), language);
                var asOf = CommonOptions.ParseAsOf(parse.GetValue(common.AsOf));
                var wanted = parse.GetValue(account)!;
                LocalOrganisation organisation;
                Guid id;
                string name;
                if (parse.GetValue(data) is { } zip)
                {
                    (organisation, id, name) = Runs.ExportAccount(console, zip, parse.GetValue(common.Solution), asOf, policy, accounts => Find(accounts, wanted));
                }
                else
                {
                    organisation = Runs.Sample(console, parse.GetValue(common.Solution), asOf, policy);
                    (id, name) = Find(ResultReader.All(organisation.Store, new QueryExpression(AccountSchema.EntityName) { ColumnSet = new ColumnSet(AccountSchema.Name) })
                        .Select(e => (e.Id, e.GetAttributeValue<string>(AccountSchema.Name) ?? "")).ToList(), wanted);
                }
                // The same assessment the plugins and the Custom API store, read and scored without writing anything.
                var assessor = new AccountAssessor(organisation.Service, new CollectingTracingService(), sender: null);
                var stored = assessor.ReadAccount(id) ?? throw new CliException($"Account {name} could not be assessed: it no longer exists.");
                var assessment = assessor.Assess(stored, AccountAssessor.AsOf(organisation.Clock.UtcNow)).Assessment;
                Show(console, name, assessment, new UiText(language));
                return ExitCodes.Success;
            }));
            return command;
        }

        private static (Guid Id, string Name) Find(IReadOnlyList<(Guid Id, string Name)> accounts, string wanted)
        {
            if (Guid.TryParse(wanted, out var id))
                return accounts.FirstOrDefault(a => a.Id == id) is { Name: not null } byId && byId.Id == id ? byId : throw new CliException($"No account has the id {id}.");
            var exact = accounts.Where(a => string.Equals(a.Name, wanted, StringComparison.CurrentCultureIgnoreCase)).ToList();
            var matches = exact.Count > 0 ? exact : accounts.Where(a => a.Name.Contains(wanted, StringComparison.CurrentCultureIgnoreCase)).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new CliException($"No account is called '{wanted}'. Accounts: {Names(accounts.Select(a => a.Name).OrderBy(n => n, StringComparer.CurrentCulture))}."),
                _ => throw new CliException($"'{wanted}' matches {matches.Count.ToString("N0", CultureInfo.InvariantCulture)} accounts: {Names(matches.Select(m => m.Name).OrderBy(n => n, StringComparer.CurrentCulture))}; give more of the name or the id."),
            };
        }

        /// <summary>At most this many names in an error: an export of 50,000 accounts would otherwise print every one.</summary>
        public const int NamesListed = 20;

        private static string Names(IEnumerable<string> names)
        {
            var all = names.ToList();
            var listed = string.Join(", ", all.Take(NamesListed));
            return all.Count <= NamesListed ? listed : $"{listed} and {(all.Count - NamesListed).ToString("N0", CultureInfo.InvariantCulture)} more";
        }

        private static void Show(IAnsiConsole console, string name, Assessment assessment, UiText text)
        {
            console.MarkupLine($"[bold]{Markup.Escape(name)}[/]: {Markup.Escape(text["Health"])} {Markup.Escape(text.Score(assessment.Overall))}, " +
                $"{Markup.Escape(text.Band(assessment.Band))}, {Markup.Escape(text["Trend"])} {Markup.Escape(text.Trend(assessment.Trend))}, " +
                $"{Markup.Escape(text["PerkDependent"])} {Markup.Escape(text.YesNo(assessment.Perks.IsPerkDependent))}");
            var table = Table(assessment, text);
            if (ConsoleWidth.Fits(console, table)) console.Write(table);
            else List(console, assessment, text);
            if (assessment.Reasons.Count > 0)
            {
                console.MarkupLine($"[bold]{Markup.Escape(text["Reasons"])}[/]");
                foreach (var reason in assessment.Reasons) console.MarkupLine($"  • {Markup.Escape(text.Renderer.Render(reason))}");
            }
            if (assessment.NextBestActions.Count > 0)
            {
                console.MarkupLine($"[bold]{Markup.Escape(text["Actions"])}[/]");
                foreach (var action in assessment.NextBestActions) console.MarkupLine($"  → {Markup.Escape(text.Renderer.Render(action))}");
            }
        }

        private static Table Table(Assessment assessment, UiText text)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(text["Pillar"]).AddColumn(text["Measure"]).AddColumn(new TableColumn(text["Score"]).RightAligned())
                .AddColumn(new TableColumn(text["Weight"]).RightAligned()).AddColumn(new TableColumn(text["EffectiveWeight"]).RightAligned()).AddColumn(text["Finding"]);
            foreach (var pillar in assessment.Pillars)
            {
                foreach (var measure in pillar.Measures)
                {
                    table.AddRow(
                        Markup.Escape(PillarLabel(pillar, text)),
                        Markup.Escape(MeasureLabel(measure, text)),
                        Markup.Escape(MeasureScore(measure, text)),
                        Markup.Escape(Weight(measure)),
                        Markup.Escape(EffectiveWeight(measure, text)),
                        Markup.Escape(Finding(measure, text)));
                }
            }
            return table;
        }

        /// <summary>The table's values for a console too narrow for it: each pillar, then each measure and its finding.</summary>
        private static void List(IAnsiConsole console, Assessment assessment, UiText text)
        {
            foreach (var pillar in assessment.Pillars)
            {
                console.MarkupLine($"[bold]{Markup.Escape(PillarLabel(pillar, text))}[/]");
                foreach (var measure in pillar.Measures)
                {
                    ConsoleWidth.WriteIndented(console, 2, $"{Markup.Escape(MeasureLabel(measure, text))}: {Markup.Escape(MeasureScore(measure, text))} · " +
                        $"{Markup.Escape(text["Weight"])} {Markup.Escape(Weight(measure))} · {Markup.Escape(text["EffectiveWeight"])} {Markup.Escape(EffectiveWeight(measure, text))}");
                    ConsoleWidth.WriteIndented(console, 4, Markup.Escape(Finding(measure, text)));
                }
            }
        }

        private static string PillarLabel(PillarResult pillar, UiText text) => $"{text.Pillar(pillar.Pillar)} ({text.Score(pillar.Score)})";

        private static string MeasureLabel(SubMeasureResult measure, UiText text) => $"{text.Renderer.MeasureLabel(measure.Code)} ({measure.Code})";

        private static string MeasureScore(SubMeasureResult measure, UiText text) => measure.Score is { } s ? s.ToString("0.#", text.Culture) : text["Unknown"];

        private static string Weight(SubMeasureResult measure) => measure.Weight.ToString("0.00", CultureInfo.InvariantCulture);

        private static string EffectiveWeight(SubMeasureResult measure, UiText text) => measure.EffectiveWeight.ToString("P1", text.Culture);

        private static string Finding(SubMeasureResult measure, UiText text) =>
            string.IsNullOrEmpty(measure.ReasonCode) ? text["Unknown"] : text.Renderer.Render(new Reason(measure.ReasonCode, 0m, measure.Evidence, measure.Code));
    }
}
