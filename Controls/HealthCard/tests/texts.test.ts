import * as fs from "fs";
import * as path from "path";
import { cardTexts, languageOf, languages, localeOf, modelTexts } from "../HealthCard/texts";

type Catalogue = Record<string, Record<string, string>>;

/** The names of a text's {name} and {name|singular|plural} placeholders, sorted. */
function placeholders(text: string): string[] {
    return [...new Set([...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
}

/** Every text missing from or extra in a language, and every text whose placeholders differ from English's. */
function textProblems(catalogue: Catalogue): string[] {
    const reference = catalogue.en;
    const problems: string[] = [];
    for (const [language, texts] of Object.entries(catalogue)) {
        for (const key of Object.keys(reference)) {
            if (!(key in texts)) problems.push(`${language}: no text for ${key}`);
            else if (placeholders(texts[key]).join() !== placeholders(reference[key]).join())
                problems.push(`${language}: ${key} has {${placeholders(texts[key]).join("}, {")}}, English has {${placeholders(reference[key]).join("}, {")}}`);
        }
        for (const key of Object.keys(texts)) {
            if (!(key in reference)) problems.push(`${language}: ${key} is not an English text`);
        }
    }
    return problems;
}

describe("every text of the card exists in every language, with the same placeholders", () => {
    it("speaks exactly the languages the model ships texts for", () => {
        const shipped = fs.readdirSync(path.resolve(__dirname, "../../../Model/Reasons/Texts"))
            .filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length));
        expect([...languages].sort()).toEqual(shipped.sort());
        expect(Object.keys(cardTexts).sort()).toEqual([...languages].sort());
        expect(Object.keys(modelTexts).sort()).toEqual([...languages].sort());
    });

    it("has all of the card's own words in every language", () => {
        expect(textProblems(cardTexts)).toEqual([]);
    });

    it("has all of the model's reasons, actions and labels in every language", () => {
        expect(textProblems(modelTexts)).toEqual([]);
    });

    it("would notice a missing text and a renamed placeholder", () => {
        const broken: Catalogue = { en: { ...cardTexts.en }, nl: { ...cardTexts.nl } };
        delete broken.nl.noHistory;
        broken.nl.showAll = broken.nl.showAll.replace("{count}", "{aantal}");
        expect(textProblems(broken)).toEqual([
            "nl: showAll has {aantal}, English has {count}",
            "nl: no text for noHistory",
        ]);
    });

    it("gives no language an English card word where it should have its own", () => {
        const untranslated = languages.filter((l) => l !== "en").flatMap((l) =>
            (Object.keys(cardTexts.en) as (keyof typeof cardTexts.en)[])
                .filter((k) => cardTexts[l][k] === cardTexts.en[k] && cardTexts.en[k] !== "Trend")
                .map((k) => `${l}: ${k}`));
        expect(untranslated).toEqual([]);
    });
});

describe("the user's language", () => {
    it.each([
        [1033, "en"], [1031, "de"], [3079, "de"], [2055, "de"], [1043, "nl"], [2067, "nl"], [1030, "da"], [1035, "fi"],
    ] as const)("reads LCID %i as %s", (lcid, language) => {
        expect(languageOf(lcid)).toBe(language);
    });

    it.each([1036, 1053, 1044, 2057, 0, undefined])("falls back to English for LCID %p, which has no texts", (lcid) => {
        expect(languageOf(lcid)).toBe("en");
    });

    it("formats numbers the way each language writes them", () => {
        expect(languages.map((l) => new Intl.NumberFormat(localeOf(l)).format(3400))).toEqual(["3,400", "3.400", "3.400", "3.400", "3\u00a0400"]);
    });
});
