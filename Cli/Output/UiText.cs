using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LoyaltyHealth.Model.Output;
using LoyaltyHealth.Model.Reasons;

namespace LoyaltyHealth.Cli.Output
{
    /// <summary>
    /// The words of the console table, the CSV header and the report in the chosen language. Band,
    /// trend and pillar names come from the model's renderer, so they read exactly as on the account form.
    /// </summary>
    public sealed class UiText
    {
        private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Words = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>
            {
                ["Account"] = "Account",
                ["Accounts.One"] = "{0} account",
                ["Accounts.Other"] = "{0} accounts",
                ["Health"] = "Health",
                ["Band"] = "Band",
                ["Trend"] = "Trend",
                ["PerkDependent"] = "Perk-dependent",
                ["PerkShare"] = "Perk share",
                ["PerkSpend"] = "Perk spend",
                ["DeliveredValue"] = "Delivered value",
                ["Yes"] = "yes",
                ["No"] = "no",
                ["Reasons"] = "Reasons",
                ["Actions"] = "Next best actions",
                ["Riskiest"] = "The riskiest accounts",
                ["Title"] = "Loyalty health",
                ["AsOf"] = "as of",
                ["Distribution"] = "Accounts by band",
                ["Pillars"] = "Pillar scores per account",
                ["PerkAccounts"] = "Perk-dependent accounts",
                ["NoPerkAccounts"] = "No account rests on perks.",
                ["AtRisk"] = "At-risk accounts: reasons and next best actions",
                ["NoAtRisk"] = "No account is at risk.",
                ["UnreadableValues"] = "Stored values that could not be read",
                ["Unknown"] = "unknown",
                ["History"] = "History rows",
                ["FollowUps"] = "Open follow-ups",
                ["FailedJobs"] = "system jobs failed",
                ["Source"] = "Data",
                ["SpendAgainstValue"] = "Perk spend against delivered value",
                ["Pillar"] = "Pillar",
                ["Measure"] = "Measure",
                ["Score"] = "Score",
                ["Weight"] = "Weight",
                ["EffectiveWeight"] = "Effective weight",
                ["Finding"] = "Finding",
                ["Notes"] = "Notes on the data",
                ["Failed"] = "Failed",
                ["Error"] = "Error",
                ["Warnings"] = "Warnings",
                ["FailedAccounts"] = "Accounts that could not be scored",
                ["AccountWarnings"] = "Warnings per account",
                ["WithWarnings"] = "Accounts with warnings",
                ["MoreInFiles.One"] = "{0} more account is in accounts.csv and report.html",
                ["MoreInFiles.Other"] = "{0} more accounts are in accounts.csv and report.html",
                ["MoreInTable.One"] = "{0} more account is in the table below and in accounts.csv",
                ["MoreInTable.Other"] = "{0} more accounts are in the table below and in accounts.csv",
                ["Active"] = "Active",
                ["InactiveAccounts"] = "Inactive accounts",
                ["InactiveLeftOut"] = "scored, but not in the lists and charts (the views in Dataverse show active accounts only); they are in accounts.csv",
            },
            ["de"] = new Dictionary<string, string>
            {
                ["Account"] = "Kunde",
                ["Accounts.One"] = "{0} Kunde",
                ["Accounts.Other"] = "{0} Kunden",
                ["Health"] = "Gesamtbewertung",
                ["Band"] = "Stufe",
                ["Trend"] = "Trend",
                ["PerkDependent"] = "Von Gefälligkeiten abhängig",
                ["PerkShare"] = "Anteil Gefälligkeiten",
                ["PerkSpend"] = "Ausgaben für Gefälligkeiten",
                ["DeliveredValue"] = "Gelieferter Wert",
                ["Yes"] = "ja",
                ["No"] = "nein",
                ["Reasons"] = "Gründe",
                ["Actions"] = "Nächste Schritte",
                ["Riskiest"] = "Die gefährdetsten Kunden",
                ["Title"] = "Kundenbindung",
                ["AsOf"] = "Stand",
                ["Distribution"] = "Kunden nach Stufe",
                ["Pillars"] = "Säulen je Kunde",
                ["PerkAccounts"] = "Von Gefälligkeiten abhängige Kunden",
                ["NoPerkAccounts"] = "Keine Kundenbeziehung beruht auf Gefälligkeiten.",
                ["AtRisk"] = "Gefährdete Kunden: Gründe und nächste Schritte",
                ["NoAtRisk"] = "Kein Kunde ist gefährdet.",
                ["UnreadableValues"] = "Gespeicherte Werte, die nicht gelesen werden konnten",
                ["Unknown"] = "unbekannt",
                ["History"] = "Verlaufszeilen",
                ["FollowUps"] = "Offene Nachfassaufgaben",
                ["FailedJobs"] = "Systemaufträge fehlgeschlagen",
                ["Source"] = "Daten",
                ["SpendAgainstValue"] = "Ausgaben für Gefälligkeiten gegen gelieferten Wert",
                ["Pillar"] = "Säule",
                ["Measure"] = "Kennzahl",
                ["Score"] = "Wert",
                ["Weight"] = "Gewicht",
                ["EffectiveWeight"] = "Effektives Gewicht",
                ["Finding"] = "Befund",
                ["Notes"] = "Hinweise zu den Daten",
                ["Failed"] = "Fehlgeschlagen",
                ["Error"] = "Fehler",
                ["Warnings"] = "Warnungen",
                ["FailedAccounts"] = "Kunden, die nicht bewertet werden konnten",
                ["AccountWarnings"] = "Warnungen je Kunde",
                ["WithWarnings"] = "Kunden mit Warnungen",
                ["MoreInFiles.One"] = "{0} weiterer Kunde steht in accounts.csv und report.html",
                ["MoreInFiles.Other"] = "{0} weitere Kunden stehen in accounts.csv und report.html",
                ["MoreInTable.One"] = "{0} weiterer Kunde steht in der Tabelle unten und in accounts.csv",
                ["MoreInTable.Other"] = "{0} weitere Kunden stehen in der Tabelle unten und in accounts.csv",
                ["Active"] = "Aktiv",
                ["InactiveAccounts"] = "Inaktive Kunden",
                ["InactiveLeftOut"] = "bewertet, aber nicht in den Listen und Diagrammen (die Ansichten in Dataverse zeigen nur aktive Kunden); sie stehen in accounts.csv",
            },
            ["nl"] = new Dictionary<string, string>
            {
                ["Account"] = "Klant",
                ["Accounts.One"] = "{0} klant",
                ["Accounts.Other"] = "{0} klanten",
                ["Health"] = "Totaalscore",
                ["Band"] = "Status",
                ["Trend"] = "Trend",
                ["PerkDependent"] = "Afhankelijk van attenties",
                ["PerkShare"] = "Aandeel attenties",
                ["PerkSpend"] = "Kosten attenties",
                ["DeliveredValue"] = "Geleverde waarde",
                ["Yes"] = "ja",
                ["No"] = "nee",
                ["Reasons"] = "Redenen",
                ["Actions"] = "Volgende stappen",
                ["Riskiest"] = "De klanten met het meeste risico",
                ["Title"] = "Klantbinding",
                ["AsOf"] = "per",
                ["Distribution"] = "Klanten per status",
                ["Pillars"] = "Pijlerscores per klant",
                ["PerkAccounts"] = "Klanten die afhankelijk zijn van attenties",
                ["NoPerkAccounts"] = "Geen enkele klantrelatie draait op attenties.",
                ["AtRisk"] = "Klanten op Risico: redenen en volgende stappen",
                ["NoAtRisk"] = "Geen enkele klant staat op Risico.",
                ["UnreadableValues"] = "Opgeslagen waarden die niet leesbaar zijn",
                ["Unknown"] = "onbekend",
                ["History"] = "Rijen in het scoreverloop",
                ["FollowUps"] = "Openstaande vervolgacties",
                ["FailedJobs"] = "systeemtaken mislukt",
                ["Source"] = "Gegevens",
                ["SpendAgainstValue"] = "Kosten attenties tegenover geleverde waarde",
                ["Pillar"] = "Pijler",
                ["Measure"] = "Meetpunt",
                ["Score"] = "Score",
                ["Weight"] = "Gewicht",
                ["EffectiveWeight"] = "Werkelijk gewicht",
                ["Finding"] = "Bevinding",
                ["Notes"] = "Opmerkingen bij de gegevens",
                ["Failed"] = "Mislukt",
                ["Error"] = "Fout",
                ["Warnings"] = "Waarschuwingen",
                ["FailedAccounts"] = "Klanten die niet gescoord konden worden",
                ["AccountWarnings"] = "Waarschuwingen per klant",
                ["WithWarnings"] = "Klanten met waarschuwingen",
                ["MoreInFiles.One"] = "{0} andere klant staat in accounts.csv en report.html",
                ["MoreInFiles.Other"] = "{0} andere klanten staan in accounts.csv en report.html",
                ["MoreInTable.One"] = "{0} andere klant staat in de tabel hieronder en in accounts.csv",
                ["MoreInTable.Other"] = "{0} andere klanten staan in de tabel hieronder en in accounts.csv",
                ["Active"] = "Actief",
                ["InactiveAccounts"] = "Inactieve klanten",
                ["InactiveLeftOut"] = "beoordeeld, maar niet in de lijsten en grafieken (de weergaven in Dataverse tonen alleen actieve klanten); ze staan in accounts.csv",
            },
            ["da"] = new Dictionary<string, string>
            {
                ["Account"] = "Kunde",
                ["Accounts.One"] = "{0} kunde",
                ["Accounts.Other"] = "{0} kunder",
                ["Health"] = "Samlet score",
                ["Band"] = "Status",
                ["Trend"] = "Tendens",
                ["PerkDependent"] = "Afhængig af opmærksomheder",
                ["PerkShare"] = "Andel opmærksomheder",
                ["PerkSpend"] = "Udgifter til opmærksomheder",
                ["DeliveredValue"] = "Leveret værdi",
                ["Yes"] = "ja",
                ["No"] = "nej",
                ["Reasons"] = "Årsager",
                ["Actions"] = "Næste skridt",
                ["Riskiest"] = "Kunderne med størst risiko",
                ["Title"] = "Kundeloyalitet",
                ["AsOf"] = "pr.",
                ["Distribution"] = "Kunder pr. status",
                ["Pillars"] = "Søjlescorer pr. kunde",
                ["PerkAccounts"] = "Kunder, der er afhængige af opmærksomheder",
                ["NoPerkAccounts"] = "Ingen kunderelation bygger på opmærksomheder.",
                ["AtRisk"] = "Kunder i risiko: årsager og næste skridt",
                ["NoAtRisk"] = "Ingen kunder er i risiko.",
                ["UnreadableValues"] = "Gemte værdier, der ikke kunne læses",
                ["Unknown"] = "ukendt",
                ["History"] = "Rækker i scorehistorikken",
                ["FollowUps"] = "Åbne opfølgninger",
                ["FailedJobs"] = "systemjob mislykkedes",
                ["Source"] = "Data",
                ["SpendAgainstValue"] = "Udgifter til opmærksomheder over for leveret værdi",
                ["Pillar"] = "Søjle",
                ["Measure"] = "Måling",
                ["Score"] = "Score",
                ["Weight"] = "Vægt",
                ["EffectiveWeight"] = "Faktisk vægt",
                ["Finding"] = "Konstatering",
                ["Notes"] = "Bemærkninger til data",
                ["Failed"] = "Mislykkedes",
                ["Error"] = "Fejl",
                ["Warnings"] = "Advarsler",
                ["FailedAccounts"] = "Kunder, der ikke kunne scores",
                ["AccountWarnings"] = "Advarsler pr. kunde",
                ["WithWarnings"] = "Kunder med advarsler",
                ["MoreInFiles.One"] = "{0} anden kunde står i accounts.csv og report.html",
                ["MoreInFiles.Other"] = "{0} andre kunder står i accounts.csv og report.html",
                ["MoreInTable.One"] = "{0} anden kunde står i tabellen nedenfor og i accounts.csv",
                ["MoreInTable.Other"] = "{0} andre kunder står i tabellen nedenfor og i accounts.csv",
                ["Active"] = "Aktiv",
                ["InactiveAccounts"] = "Inaktive kunder",
                ["InactiveLeftOut"] = "vurderet, men ikke med i listerne og diagrammerne (visningerne i Dataverse viser kun aktive kunder); de står i accounts.csv",
            },
            ["fi"] = new Dictionary<string, string>
            {
                ["Account"] = "Asiakas",
                ["Accounts.One"] = "{0} asiakas",
                ["Accounts.Other"] = "{0} asiakasta",
                ["Health"] = "Kokonaisarvio",
                ["Band"] = "Tila",
                ["Trend"] = "Suunta",
                ["PerkDependent"] = "Huomionosoitusten varassa",
                ["PerkShare"] = "Huomionosoitusten osuus",
                ["PerkSpend"] = "Huomionosoitusten kulut",
                ["DeliveredValue"] = "Tuotettu arvo",
                ["Yes"] = "kyllä",
                ["No"] = "ei",
                ["Reasons"] = "Perustelut",
                ["Actions"] = "Seuraavat toimet",
                ["Riskiest"] = "Suurimmassa vaarassa olevat asiakkaat",
                ["Title"] = "Asiakasuskollisuus",
                ["AsOf"] = "tilanne",
                ["Distribution"] = "Asiakkaat tiloittain",
                ["Pillars"] = "Osa-alueiden pisteet asiakkaittain",
                ["PerkAccounts"] = "Huomionosoitusten varassa olevat asiakkaat",
                ["NoPerkAccounts"] = "Yksikään asiakassuhde ei ole huomionosoitusten varassa.",
                ["AtRisk"] = "Vaarassa olevat asiakkaat: perustelut ja seuraavat toimet",
                ["NoAtRisk"] = "Yksikään asiakas ei ole vaarassa.",
                ["UnreadableValues"] = "Tallennetut arvot, joita ei voitu lukea",
                ["Unknown"] = "ei tiedossa",
                ["History"] = "Arviohistorian rivit",
                ["FollowUps"] = "Avoimet jatkotoimet",
                ["FailedJobs"] = "järjestelmätyötä epäonnistui",
                ["Source"] = "Tiedot",
                ["SpendAgainstValue"] = "Huomionosoitusten kulut suhteessa tuotettuun arvoon",
                ["Pillar"] = "Osa-alue",
                ["Measure"] = "Mittari",
                ["Score"] = "Pisteet",
                ["Weight"] = "Painoarvo",
                ["EffectiveWeight"] = "Todellinen painoarvo",
                ["Finding"] = "Havainto",
                ["Notes"] = "Huomioita tiedoista",
                ["Failed"] = "Epäonnistui",
                ["Error"] = "Virhe",
                ["Warnings"] = "Varoitukset",
                ["FailedAccounts"] = "Asiakkaat, joita ei voitu arvioida",
                ["AccountWarnings"] = "Varoitukset asiakkaittain",
                ["WithWarnings"] = "Asiakkaat, joilla on varoituksia",
                ["MoreInFiles.One"] = "{0} muu asiakas on tiedostoissa accounts.csv ja report.html",
                ["MoreInFiles.Other"] = "{0} muuta asiakasta on tiedostoissa accounts.csv ja report.html",
                ["MoreInTable.One"] = "{0} muu asiakas on alla olevassa taulukossa ja tiedostossa accounts.csv",
                ["MoreInTable.Other"] = "{0} muuta asiakasta on alla olevassa taulukossa ja tiedostossa accounts.csv",
                ["Active"] = "Aktiivinen",
                ["InactiveAccounts"] = "Passiiviset asiakkaat",
                ["InactiveLeftOut"] = "arvioitu, mutta ei listoissa eikä kaavioissa (Dataversen näkymät näyttävät vain aktiiviset asiakkaat); ne ovat tiedostossa accounts.csv",
            },
        };

        /// <summary>The words above and the notes' (<see cref="NoteTexts"/>, as "Note.&lt;key&gt;"), by language.</summary>
        private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts = WithNotes(NoteTexts.Texts);

        private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> WithNotes(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> notes) =>
            Words.ToDictionary(
                language => language.Key,
                language => (IReadOnlyDictionary<string, string>)language.Value
                    .Concat(notes.TryGetValue(language.Key, out var own) ? own.Select(n => KeyValuePair.Create("Note." + n.Key, n.Value)) : Enumerable.Empty<KeyValuePair<string, string>>())
                    .ToDictionary(t => t.Key, t => t.Value));

        /// <summary>The languages the command line speaks, in the order they are offered.</summary>
        public static IReadOnlyList<string> Languages { get; } = Words.Keys.ToList();

        /// <summary>Every language's words, for the check that no language lacks one.</summary>
        public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> AllTexts => Texts;

        private readonly IReadOnlyDictionary<string, string> _texts;

        public UiText(string language)
        {
            if (!Texts.TryGetValue(language, out var texts))
                throw new ArgumentException($"Language '{language}' is not one of {string.Join(", ", Languages)}.", nameof(language));
            _texts = texts;
            Language = language;
            Culture = CultureInfo.GetCultureInfo(language);
            Renderer = new ReasonRenderer(Culture);
        }

        public string Language { get; }
        public CultureInfo Culture { get; }
        public ReasonRenderer Renderer { get; }

        public string this[string key] => _texts[key];

        public string Band(HealthBand band) => Renderer.Label(band);
        /// <summary>The band column of an account: "Failed" when its recalculation failed, never a band it was not given.</summary>
        public string Band(AccountResult account) => account.Failed ? this["Failed"] : Band(account.Band);
        public string Trend(Trend? trend) => trend is { } t ? Renderer.Label(t) : "–";
        public string Pillar(Pillar pillar) => Renderer.Label(pillar);
        public string Score(int? score) => score?.ToString(Culture) ?? "–";
        public string Money(decimal? amount) => amount?.ToString("N0", Culture) ?? "–";
        public string Percent(decimal? percent) => percent is { } p ? (p / 100m).ToString("P0", Culture) : "–";
        public string YesNo(bool value) => value ? this["Yes"] : this["No"];
        /// <summary>A note on the data in this language: its kind's text, singular or plural by its count, with its values.</summary>
        public string Note(DataNote note) => Counted("Note." + note.Kind, note.Count, note.Values);

        /// <summary>"1 account", "2 accounts": the text of <paramref name="key"/> for the count ("key.One" or "key.Other", else "key"), the count as {0}, the values from {1}.</summary>
        public string Counted(string key, long count, IReadOnlyList<string>? values = null)
        {
            var template = _texts.TryGetValue(key + (count == 1 ? ".One" : ".Other"), out var counted) ? counted : _texts[key];
            var arguments = new object[(values?.Count ?? 0) + 1];
            arguments[0] = count.ToString("N0", Culture);
            for (var i = 1; i < arguments.Length; i++) arguments[i] = values![i - 1];
            return string.Format(Culture, template, arguments);
        }

        /// <summary>The console's label before a skipped table's or column's line.</summary>
        public string SkippedLabel => this["Note.Skipped"];

        /// <summary>The console's label before a note on the data.</summary>
        public string NoteLabel => this["Note.Note"];

        /// <summary>"Inactive accounts: 3 – scored, but not in the lists…": a heading and its count, so no language needs a plural.</summary>
        public string InactiveLine(int inactive) => $"{this["InactiveAccounts"]}: {inactive.ToString("N0", Culture)} – {this["InactiveLeftOut"]}";
    }
}
