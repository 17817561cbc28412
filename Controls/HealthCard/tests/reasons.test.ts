import en from "../../../Model/Reasons/Texts/en.json";
import de from "../../../Model/Reasons/Texts/de.json";
import { ReasonRenderer, kindOf, parseReasonCodes, storedLines } from "../HealthCard/reasons";
import { languages, modelTexts } from "../HealthCard/texts";

const sample: Record<string, number> = {
    days: 45, requiredDays: 90, count: 2, target: 4, covered: 3, periods: 6, share: 0.8, contacts: 1, cadence: 2, channel: 1,
    perkTouches: 12, valueTouches: 3, perkSpend: 4200, deliveredValue: 1000, pillar: 2, score: 35, floor: 40, knownPillars: 1, required: 2,
    pricedPerks: 8, unpricedPerks: 4, missed: 3, partly: 1, touch: 1, input: 1, value: 100000009,
};

describe("the model's texts are the card's texts", () => {
    it("bundles Model/Reasons/Texts/en.json and de.json themselves, not a copy", () => {
        expect(modelTexts.en).toBe(en);
        expect(modelTexts.de).toBe(de);
        expect(Object.keys(en).length).toBeGreaterThan(50);
    });

    it.each(languages)("has a kind for every placeholder and renders every %s text without leftover braces", (language) => {
        const renderer = new ReasonRenderer(language);
        for (const [key, template] of Object.entries(modelTexts[language])) {
            for (const match of template.matchAll(/\{([^{}|]*)/g)) {
                expect(Object.keys(sample)).toContain(match[1]);
                expect(["count", "percent", "money", "cadence", "channel", "pillar", "touch", "input", "storedValue"]).toContain(kindOf(key, match[1]));
            }
            const text = renderer.render({ code: key, parameters: sample });
            expect(text).not.toMatch(/[{}]/);
        }
    });
});

describe("rendering codes as the model's ReasonRenderer does", () => {
    const perk = { code: "PerkDependent", parameters: { perkTouches: 12, valueTouches: 3, share: 0.8, perkSpend: 4200, deliveredValue: 1000 } };

    it("formats percentages, money and plurals in English", () => {
        expect(new ReasonRenderer("en").render(perk)).toBe(
            "The relationship rests on perks: 12 perks against 3 value touches (80% perks), 4,200 spent on perks against 1,000 of value reported with a money figure.");
    });

    it("names the agreed touch and an unreadable stored value as the model's renderer does", () => {
        const renderer = new ReasonRenderer("en");
        expect(renderer.render({ code: "CadenceNotMet", parameters: { touch: 1, periods: 4, cadence: 2 } }))
            .toBe("No in-person meeting in the last 4 monthly periods.");
        expect(renderer.render({ code: "StoredValueUnreadable", parameters: { value: 100000009, input: 1 } }))
            .toBe("The value 100000009 stored in Service cadence (loy_servicecadence) could not be read, so it is left out of the score; check the column's choices.");
    });

    it("formats them the German way in German", () => {
        expect(new ReasonRenderer("de").render(perk)).toBe(
            "Die Beziehung beruht auf Gefälligkeiten: 12 Gefälligkeiten gegenüber 3 Wertkontakten (80\u00a0% Gefälligkeiten), 4.200 für Gefälligkeiten gegenüber 1.000 berichtetem Wert mit Geldbetrag.");
    });

    it("agrees with a count of one", () => {
        expect(new ReasonRenderer("en").render({ code: "FewContactsEngaged", parameters: { count: 1, target: 3 } }))
            .toBe("Only 1 person at the customer is engaged; 3 make a broad relationship.");
    });

    it("reads target as a percentage only where the model writes one", () => {
        expect(new ReasonRenderer("en").render({ code: "MostlyOneWay", parameters: { share: 0.1, target: 0.3 } }))
            .toBe("The customer starts only 10% of the interactions (target 30%); the contact is mostly one-way.");
        expect(kindOf("NarrowDepartmentSpread", "target")).toBe("count");
    });

    it("names pillars, cadences and channels by their labels", () => {
        const text = new ReasonRenderer("de").render({ code: "WeakPillarCapsBand", parameters: { pillar: 3, score: 35, floor: 40 } });
        expect(text).toContain("Service");
        expect(text).toContain("35");
        expect(new ReasonRenderer("en").text("Cadence.Monthly")).toBe(en["Cadence.Monthly"]);
    });

    it("leaves a placeholder without its parameter visible rather than inventing a value", () => {
        expect(new ReasonRenderer("en").render({ code: "GoalsCurrent", parameters: {} })).toContain("{days}");
    });
});

describe("reading the stored columns", () => {
    it("parses the JSON the plugins write", () => {
        expect(parseReasonCodes('[{"code":"GoalsCurrent","impact":-3.5,"parameters":{"days":12}}]'))
            .toEqual([{ code: "GoalsCurrent", impact: -3.5, parameters: { days: 12 } }]);
    });

    it.each([null, "", "  ", "not json", "{}", '[{"impact":1}]', "[1]"])("gives null for %p", (value) => {
        expect(parseReasonCodes(value)).toBeNull();
    });

    it("splits a stored text column into lines without bullets", () => {
        expect(storedLines("• First reason.\n• Second reason.\r\n")).toEqual(["First reason.", "Second reason."]);
        expect(storedLines(null)).toEqual([]);
    });
});
