// The reason, action and label texts are the model's own files (one source of truth): webpack
// bundles Model/Reasons/Texts/*.json at build time, so the card renders exactly what the plugins render.
import en from "../../../Model/Reasons/Texts/en.json";
import de from "../../../Model/Reasons/Texts/de.json";
import nl from "../../../Model/Reasons/Texts/nl.json";
import da from "../../../Model/Reasons/Texts/da.json";
import fi from "../../../Model/Reasons/Texts/fi.json";

/** The languages the card speaks: those the model ships texts for. */
export const languages = ["en", "de", "nl", "da", "fi"] as const;
export type Language = (typeof languages)[number];
export type Texts = Record<string, string>;

export const modelTexts: Record<Language, Texts> = { en, de, nl, da, fi };

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
        title: "Kundenbindung",
        overall: "Gesamtbewertung",
        pillars: "Säulen",
        unknown: "unbekannt",
        unknownHint: "keine Belege",
        perkDependent: "Von Gefälligkeiten abhängig",
        notPerkDependent: "Nicht von Gefälligkeiten abhängig",
        perkShare: "{share} der Kontakte sind Gefälligkeiten",
        reasons: "Warum",
        actions: "Nächste Schritte",
        showAll: "Alle {count} Gründe zeigen",
        showFewer: "Weniger Gründe zeigen",
        noReasons: "Keine Gründe erfasst.",
        noActions: "Derzeit nichts zu tun.",
        trendHeading: "Letzte 12 Monate",
        trendSummary: "Gesamtbewertung der letzten 12 Monate: {count} Bewertungen, von {first} auf {last}.",
        trendSummaryNoScore: "Gesamtbewertung der letzten 12 Monate: {count} Bewertungen, keine davon eingestuft.",
        noHistory: "Noch kein Bewertungsverlauf: Die Linie erscheint, sobald der Kunde mehr als einmal bewertet wurde.",
        historyLoading: "Bewertungsverlauf wird geladen…",
        historyFailed: "Der Bewertungsverlauf konnte nicht geladen werden.",
        scoredOn: "Zuletzt bewertet am {date}",
        notScoredTitle: "Noch nicht bewertet",
        notScored: "Dieser Kunde wurde noch nicht bewertet. Die Werte erscheinen nach der nächsten Neuberechnung.",
        newRecord: "Speichern Sie den Kunden, um ihn zu bewerten.",
        notEnoughData: "Es gibt noch nicht genug Belege, um diesen Kunden einzustufen.",
        trend: "Trend",
        readOnly: "Schreibgeschützt",
        storedTexts: "Wie gespeichert angezeigt (die Grundcodes waren nicht lesbar).",
    },
    nl: {
        title: "Klantbinding",
        overall: "Totaalscore",
        pillars: "Pijlers",
        unknown: "onbekend",
        unknownHint: "geen onderbouwing",
        perkDependent: "Afhankelijk van attenties",
        notPerkDependent: "Niet afhankelijk van attenties",
        perkShare: "{share} van de contacten zijn attenties",
        reasons: "Waarom",
        actions: "Volgende stappen",
        showAll: "Alle {count} redenen tonen",
        showFewer: "Minder redenen tonen",
        noReasons: "Geen redenen vastgelegd.",
        noActions: "Op dit moment niets te doen.",
        trendHeading: "Afgelopen 12 maanden",
        trendSummary: "Totaalscore over de afgelopen 12 maanden: {count} beoordelingen, van {first} naar {last}.",
        trendSummaryNoScore: "Totaalscore over de afgelopen 12 maanden: {count} beoordelingen, geen ervan met een score.",
        noHistory: "Nog geen scoreverloop: de lijn verschijnt zodra de klant vaker dan één keer is gescoord.",
        historyLoading: "Scoreverloop wordt geladen…",
        historyFailed: "Het scoreverloop kon niet worden geladen.",
        scoredOn: "Laatst gescoord op {date}",
        notScoredTitle: "Nog niet gescoord",
        notScored: "Deze klant is nog niet gescoord. De scores verschijnen na de volgende herberekening.",
        newRecord: "Sla de klant op om een score te krijgen.",
        notEnoughData: "Er is nog te weinig onderbouwing om deze klant te beoordelen.",
        trend: "Trend",
        readOnly: "Alleen-lezen",
        storedTexts: "Weergegeven zoals opgeslagen (de redencodes waren niet leesbaar).",
    },
    da: {
        title: "Kundeloyalitet",
        overall: "Samlet score",
        pillars: "Søjler",
        unknown: "ukendt",
        unknownHint: "intet grundlag",
        perkDependent: "Afhængig af opmærksomheder",
        notPerkDependent: "Ikke afhængig af opmærksomheder",
        perkShare: "{share} af kontakterne er opmærksomheder",
        reasons: "Hvorfor",
        actions: "Næste skridt",
        showAll: "Vis alle {count} årsager",
        showFewer: "Vis færre årsager",
        noReasons: "Ingen årsager registreret.",
        noActions: "Intet at gøre lige nu.",
        trendHeading: "Seneste 12 måneder",
        trendSummary: "Samlet score de seneste 12 måneder: {count} vurderinger, fra {first} til {last}.",
        trendSummaryNoScore: "Samlet score de seneste 12 måneder: {count} vurderinger, ingen af dem med en score.",
        noHistory: "Ingen scorehistorik endnu: Kurven vises, når kunden er blevet scoret mere end én gang.",
        historyLoading: "Henter scorehistorik…",
        historyFailed: "Scorehistorikken kunne ikke hentes.",
        scoredOn: "Senest scoret {date}",
        notScoredTitle: "Ikke scoret endnu",
        notScored: "Denne kunde er ikke scoret endnu. Scorerne vises efter næste genberegning.",
        newRecord: "Gem kunden for at få den scoret.",
        notEnoughData: "Der er endnu ikke grundlag nok til at vurdere denne kunde.",
        trend: "Tendens",
        readOnly: "Skrivebeskyttet",
        storedTexts: "Vist som gemt (årsagskoderne kunne ikke læses).",
    },
    fi: {
        title: "Asiakasuskollisuus",
        overall: "Kokonaisarvio",
        pillars: "Osa-alueet",
        unknown: "ei tiedossa",
        unknownHint: "ei näyttöä",
        perkDependent: "Huomionosoitusten varassa",
        notPerkDependent: "Ei huomionosoitusten varassa",
        perkShare: "Huomionosoitusten osuus kontakteista {share}",
        reasons: "Miksi",
        actions: "Seuraavat toimet",
        showAll: "Näytä kaikki perustelut ({count})",
        showFewer: "Näytä vähemmän perusteluja",
        noReasons: "Perusteluja ei ole kirjattu.",
        noActions: "Ei toimenpiteitä juuri nyt.",
        trendHeading: "Viimeiset 12 kuukautta",
        trendSummary: "Kokonaisarvio viimeisten 12 kuukauden ajalta: arvioita {count}, alussa {first} ja lopussa {last}.",
        trendSummaryNoScore: "Kokonaisarvio viimeisten 12 kuukauden ajalta: arvioita {count}, mutta yhdessäkään ei ole pisteitä.",
        noHistory: "Arviohistoriaa ei vielä ole: käyrä näkyy, kun asiakas on arvioitu useammin kuin kerran.",
        historyLoading: "Ladataan arviohistoriaa…",
        historyFailed: "Arviohistoriaa ei voitu ladata.",
        scoredOn: "Arvioitu viimeksi {date}",
        notScoredTitle: "Ei vielä arvioitu",
        notScored: "Tätä asiakasta ei ole vielä arvioitu. Pisteet näkyvät seuraavan uudelleenlaskennan jälkeen.",
        newRecord: "Tallenna asiakas, jotta se voidaan arvioida.",
        notEnoughData: "Tietoa on vielä liian vähän tämän asiakkaan arvioimiseen.",
        trend: "Suunta",
        readOnly: "Vain luku",
        storedTexts: "Näytetään tallennetussa muodossa (perustelukoodeja ei voitu lukea).",
    },
};

export type CardText =
    | "title" | "overall" | "pillars" | "unknown" | "unknownHint" | "perkDependent" | "notPerkDependent" | "perkShare"
    | "reasons" | "actions" | "showAll" | "showFewer" | "noReasons" | "noActions" | "trendHeading" | "trendSummary"
    | "trendSummaryNoScore" | "noHistory" | "historyLoading" | "historyFailed" | "scoredOn" | "notScoredTitle" | "notScored"
    | "newRecord" | "notEnoughData" | "trend" | "readOnly" | "storedTexts";

/**
 * Windows language ids (LCIDs) of the languages the model has texts for, with their regional variants
 * (German in Switzerland, Austria, Luxembourg, Liechtenstein; Dutch in Belgium); any other falls back
 * to English, as the model's renderer does.
 */
const languageByLcid: ReadonlyMap<number, Language> = new Map<number, Language>([
    [1033, "en"],
    [1031, "de"], [2055, "de"], [3079, "de"], [4103, "de"], [5127, "de"],
    [1043, "nl"], [2067, "nl"],
    [1030, "da"],
    [1035, "fi"],
]);

export function languageOf(languageId: number | undefined): Language {
    return (languageId === undefined ? undefined : languageByLcid.get(languageId)) ?? "en";
}

const locales: Record<Language, string> = { en: "en-US", de: "de-DE", nl: "nl-NL", da: "da-DK", fi: "fi-FI" };

export function localeOf(language: Language): string {
    return locales[language];
}

/** Replaces {name} placeholders with the given values. */
export function fill(template: string, values: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
