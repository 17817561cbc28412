// The reason, action and label texts are the model's own files (one source of truth): webpack
// bundles Model/Reasons/Texts/*.json at build time, so the card renders exactly what the plugins render.
import en from "../../../Model/Reasons/Texts/en.json";
import de from "../../../Model/Reasons/Texts/de.json";

export type Language = "en" | "de";
export type Texts = Record<string, string>;

export const modelTexts: Record<Language, Texts> = { en, de };

/** The card's own words (headings, states); everything about the assessment comes from the model's texts. */
export const cardTexts: Record<Language, Record<CardText, string>> = {
    en: {
        title: "Loyalty health",
        overall: "Overall health",
        pillars: "Pillars",
        unknown: "unknown",
        unknownHint: "no evidence",
        perkDependent: "Perk-dependent",
        notPerkDependent: "Not perk-dependent",
        perkShare: "{share} of interactions are perks",
        reasons: "Why",
        actions: "Next best actions",
        showAll: "Show all {count} reasons",
        showFewer: "Show fewer reasons",
        noReasons: "No reasons recorded.",
        noActions: "Nothing to do right now.",
        trendHeading: "Last 12 months",
        trendSummary: "Overall health over the last 12 months: {count} assessments, from {first} to {last}.",
        trendSummaryNoScore: "Overall health over the last 12 months: {count} assessments, none rated.",
        noHistory: "No history yet: the card draws a line once the account has been scored more than once.",
        historyLoading: "Loading history…",
        historyFailed: "The history could not be loaded.",
        scoredOn: "Last scored {date}",
        notScoredTitle: "Not scored yet",
        notScored: "This account has not been scored yet. Scores appear after the next recalculation.",
        newRecord: "Save the account to score it.",
        notEnoughData: "There is not enough evidence to rate this account yet.",
        trend: "Trend",
        readOnly: "Read-only",
        storedTexts: "Shown as stored (the reason codes could not be read).",
    },
    de: {
        title: "Kundengesundheit",
        overall: "Gesamtgesundheit",
        pillars: "Säulen",
        unknown: "unbekannt",
        unknownHint: "keine Belege",
        perkDependent: "Gefälligkeitsabhängig",
        notPerkDependent: "Nicht gefälligkeitsabhängig",
        perkShare: "{share} der Kontakte sind Gefälligkeiten",
        reasons: "Warum",
        actions: "Nächste beste Schritte",
        showAll: "Alle {count} Gründe zeigen",
        showFewer: "Weniger Gründe zeigen",
        noReasons: "Keine Gründe erfasst.",
        noActions: "Derzeit nichts zu tun.",
        trendHeading: "Letzte 12 Monate",
        trendSummary: "Gesamtgesundheit der letzten 12 Monate: {count} Bewertungen, von {first} auf {last}.",
        trendSummaryNoScore: "Gesamtgesundheit der letzten 12 Monate: {count} Bewertungen, keine davon eingestuft.",
        noHistory: "Noch kein Verlauf: Die Linie erscheint, sobald der Kunde mehr als einmal bewertet wurde.",
        historyLoading: "Verlauf wird geladen…",
        historyFailed: "Der Verlauf konnte nicht geladen werden.",
        scoredOn: "Zuletzt bewertet am {date}",
        notScoredTitle: "Noch nicht bewertet",
        notScored: "Dieser Kunde wurde noch nicht bewertet. Die Werte erscheinen nach der nächsten Neuberechnung.",
        newRecord: "Speichern Sie den Kunden, um ihn zu bewerten.",
        notEnoughData: "Es gibt noch nicht genug Belege, um diesen Kunden einzustufen.",
        trend: "Trend",
        readOnly: "Schreibgeschützt",
        storedTexts: "Wie gespeichert angezeigt (die Grundcodes waren nicht lesbar).",
    },
};

export type CardText =
    | "title" | "overall" | "pillars" | "unknown" | "unknownHint" | "perkDependent" | "notPerkDependent" | "perkShare"
    | "reasons" | "actions" | "showAll" | "showFewer" | "noReasons" | "noActions" | "trendHeading" | "trendSummary"
    | "trendSummaryNoScore" | "noHistory" | "historyLoading" | "historyFailed" | "scoredOn" | "notScoredTitle" | "notScored"
    | "newRecord" | "notEnoughData" | "trend" | "readOnly" | "storedTexts";

/** Windows language ids (LCIDs) of the languages the model has texts for; any other falls back to English, as the model's renderer does. */
const germanLcids = new Set([1031, 2055, 3079, 4103, 5127]);

export function languageOf(languageId: number | undefined): Language {
    return languageId !== undefined && germanLcids.has(languageId) ? "de" : "en";
}

export function localeOf(language: Language): string {
    return language === "de" ? "de-DE" : "en-US";
}

/** Replaces {name} placeholders with the given values. */
export function fill(template: string, values: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
