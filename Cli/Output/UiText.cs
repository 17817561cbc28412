using System;
using System.Collections.Generic;
using System.Globalization;
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
        public static readonly IReadOnlyList<string> Languages = new[] { "en", "de" };

        private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>
            {
                ["Account"] = "Account",
                ["Accounts"] = "accounts",
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
                ["WithWarnings"] = "accounts with warnings",
            },
            ["de"] = new Dictionary<string, string>
            {
                ["Account"] = "Kunde",
                ["Accounts"] = "Kunden",
                ["Health"] = "Gesamt",
                ["Band"] = "Stufe",
                ["Trend"] = "Trend",
                ["PerkDependent"] = "Gefälligkeitsabhängig",
                ["PerkShare"] = "Anteil Gefälligkeiten",
                ["PerkSpend"] = "Ausgaben für Gefälligkeiten",
                ["DeliveredValue"] = "Gelieferter Nutzen",
                ["Yes"] = "ja",
                ["No"] = "nein",
                ["Reasons"] = "Gründe",
                ["Actions"] = "Nächste Schritte",
                ["Riskiest"] = "Die gefährdetsten Kunden",
                ["Title"] = "Kundenbindung",
                ["AsOf"] = "Stand",
                ["Distribution"] = "Kunden nach Stufe",
                ["Pillars"] = "Säulen je Kunde",
                ["PerkAccounts"] = "Gefälligkeitsabhängige Kunden",
                ["NoPerkAccounts"] = "Keine Kundenbeziehung beruht auf Gefälligkeiten.",
                ["AtRisk"] = "Gefährdete Kunden: Gründe und nächste Schritte",
                ["NoAtRisk"] = "Kein Kunde ist gefährdet.",
                ["UnreadableValues"] = "Gespeicherte Werte, die nicht gelesen werden konnten",
                ["Unknown"] = "unbekannt",
                ["History"] = "Verlaufszeilen",
                ["FollowUps"] = "Offene Nachfassaufgaben",
                ["FailedJobs"] = "Systemaufträge fehlgeschlagen",
                ["Source"] = "Daten",
                ["SpendAgainstValue"] = "Ausgaben für Gefälligkeiten gegen gelieferten Nutzen",
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
            },
        };

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
    }
}
