import { CardInput, buildCardView, historyPoints, historyQuery } from "../HealthCard/model";
import { storedLines } from "../HealthCard/reasons";
import { modelTexts } from "../HealthCard/texts";
import { AccountSample, healthy, notEnoughData, notScored, now, perkDependent, unreadable } from "./fixtures";

function input(sample: AccountSample, overrides: Partial<CardInput> = {}): CardInput {
    const c = sample.columns;
    return {
        overallHealth: c.overallHealth, understanding: c.understandingScore, familiarity: c.familiarityScore, service: c.serviceScore,
        band: c.healthBand, trend: c.healthTrend, perkDependent: c.perkDependent, perkShare: c.perkShare,
        reasonCodes: c.reasonCodes, reasons: c.reasons, nextBestActions: c.nextBestActions, actionCodes: c.actionCodes,
        scoredOn: c.scoredOn ? new Date(c.scoredOn) : null,
        languageId: 1033, isNewRecord: sample.accountId === null, readOnly: false, allocatedWidth: 640,
        history: sample.history === "fail" ? { status: "failed" } : { status: "loaded", points: historyPoints(sample.history) },
        now: new Date(now),
        ...overrides,
    };
}

describe("the card's view of an account", () => {
    it("shows a healthy account's score, band, trend, pillars and reasons rendered from the codes", () => {
        const view = buildCardView(input(healthy));
        expect(view.state).toBe("scored");
        expect(view.gauge).toMatchObject({ value: 82, band: "Healthy", bandLabel: "Healthy", valueText: "82 – Healthy" });
        expect(view.trend).toEqual({ name: "Improving", label: "Improving" });
        expect(view.pillars.map((p) => [p.label, p.value, p.text])).toEqual([["Understanding", 88, "88"], ["Familiarity", 74, "74"], ["Service", 85, "85"]]);
        expect(view.reasonsSource).toBe("codes");
        expect(view.reasons[0]).toBe("Value with a money figure was reported in 4 of 4 periods (48,000 in total).");
        expect(view.reasons).toHaveLength(4);
        expect(view.actions).toEqual(["Meet people beyond your main contact."]);
        expect(view.actionsSource).toBe("codes");
        expect(view.perk).toEqual({ dependent: false, label: "Not perk-dependent", shareText: "4% of interactions are perks" });
        expect(view.scoredOnText).toBe("Last scored June 28, 2026");
        expect(view.message).toBeNull();
    });

    it("shows an unknown pillar as unknown, never as 0", () => {
        const view = buildCardView(input(perkDependent));
        const service = view.pillars.find((p) => p.key === "Service");
        expect(service).toEqual({ key: "Service", label: "Service", value: null, text: "unknown" });
        expect(view.perk).toEqual({ dependent: true, label: "Perk-dependent", shareText: "63% of interactions are perks" });
        expect(view.gauge.band).toBe("AtRisk");
        expect(view.trend?.name).toBe("Declining");
    });

    it("renders the reasons in the user's language (German) and keeps the numbers German", () => {
        const view = buildCardView(input(perkDependent, { languageId: 1031 }));
        expect(view.title).toBe("Kundenbindung");
        expect(view.gauge.bandLabel).toBe("Gefährdet");
        expect(view.reasons[0]).toContain("(63\u00a0% Gefälligkeiten), 3.400 für Gefälligkeiten");
        expect(view.pillars[2].text).toBe("unbekannt");
        expect(view.scoredOnText).toBe("Zuletzt bewertet am 29. Juni 2026");
    });

    it("renders the next best actions from their codes in the user's language, not the stored English", () => {
        const view = buildCardView(input(perkDependent, { languageId: 1031 }));
        expect(view.actionsSource).toBe("codes");
        expect(view.actions).toEqual(["ReplacePerksWithValueConversation", "ReviewGoalsAndNeeds", "AskPreferredServiceLevel"]
            .map((code) => modelTexts.de[`Action.${code}`]));
        expect(view.actions).not.toContain(storedLines(perkDependent.columns.nextBestActions)[0]);
    });

    it.each([
        [1043, "nl", "Klantbinding", "Risico", "onbekend", "De relatie draait op attenties: 10 attenties tegenover 6 inhoudelijke contacten (aandeel attenties: 63%), 3.400 uitgegeven", "Laatst gescoord op 29 juni 2026"],
        [1030, "da", "Kundeloyalitet", "I risiko", "ukendt", "Relationen bygger på opmærksomheder: 10 opmærksomheder over for 6 værdiskabende kontakter (andel opmærksomheder: 63\u00a0%), 3.400 brugt", "Senest scoret 29. juni 2026"],
        [1035, "fi", "Asiakasuskollisuus", "Vaarassa", "ei tiedossa", "Asiakassuhde nojaa huomionosoituksiin: 10 huomionosoitusta, arvoa tuottavia yhteydenottoja 6 (huomionosoitusten osuus 63\u00a0%); huomionosoituksiin on kulunut 3\u00a0400", "Arvioitu viimeksi 29. kesäkuuta 2026"],
    ])("renders a perk-dependent account for a user with LCID %i in %s, with that language's numbers and dates", (lcid, language, title, band, unknown, reason, scoredOn) => {
        const view = buildCardView(input(perkDependent, { languageId: lcid }));
        expect(view.language).toBe(language);
        expect(view.title).toBe(title);
        expect(view.gauge.bandLabel).toBe(band);
        expect(view.pillars[2].text).toBe(unknown);
        expect(view.reasons[0]).toContain(reason);
        expect(view.reasons.join(" ")).not.toMatch(/[{}]/);
        expect(view.scoredOnText).toBe(scoredOn);
    });

    it("falls back to English for a language the model has no texts for, as the model does", () => {
        expect(buildCardView(input(healthy, { languageId: 1036 })).gauge.bandLabel).toBe("Healthy");
        expect(buildCardView(input(healthy, { languageId: 3079 })).gauge.bandLabel).toBe("Gesund");
    });

    it("says an account without enough data is not rated, with no gauge value", () => {
        const view = buildCardView(input(notEnoughData));
        expect(view.state).toBe("notEnoughData");
        expect(view.gauge).toMatchObject({ value: null, band: "NotEnoughData", bandLabel: "Not enough data" });
        expect(view.message).toBe("There is not enough evidence to rate this account yet.");
        expect(view.pillars.map((p) => p.text)).toEqual(["45", "unknown", "unknown"]);
        expect(view.reasons[0]).toBe("Only 1 of the three pillars has evidence (2 needed), so the account is not rated yet.");
        expect(view.history.status).toBe("none");
    });

    it("says an account that was never scored is not scored yet", () => {
        const view = buildCardView(input(notScored, { history: { status: "none" } }));
        expect(view.state).toBe("notScored");
        expect(view.gauge.value).toBeNull();
        expect(view.perk).toBeNull();
        expect(view.scoredOnText).toBeNull();
        expect(view.message).toContain("not been scored yet");
    });

    it("asks to save a new account first", () => {
        expect(buildCardView(input({ ...notScored, accountId: null })).state).toBe("newRecord");
    });

    it("falls back to the stored texts when the codes cannot be read or name a code it does not know", () => {
        expect(buildCardView(input(unreadable)).reasons).toEqual(["Stored reason one.", "Stored reason two."]);
        expect(buildCardView(input(unreadable)).reasonsSource).toBe("stored");
        const unknown = input(healthy, { reasonCodes: '[{"code":"SomethingNewer","parameters":{}}]' });
        expect(buildCardView(unknown).reasons).toEqual(storedOf(healthy));
    });

    it("falls back to the stored action texts when the action codes cannot be read or name an action it does not know", () => {
        expect(buildCardView(input(unreadable))).toMatchObject({ actions: ["Stored action one."], actionsSource: "stored" });
        const unknown = input(healthy, { actionCodes: '[{"code":"SomethingNewer","parameters":{}}]' });
        expect(buildCardView(unknown)).toMatchObject({ actions: ["Meet people beyond your main contact. (stored English text)"], actionsSource: "stored" });
        expect(buildCardView(input(notScored)).actionsSource).toBe("none");
    });

    it("reports a history that failed to load, is loading, or has fewer than two points", () => {
        expect(buildCardView(input(unreadable)).history).toMatchObject({ status: "failed", message: "The history could not be loaded." });
        expect(buildCardView(input(healthy, { history: { status: "loading" } })).history.status).toBe("loading");
        const one = input(healthy, { history: { status: "loaded", points: [{ assessedOn: new Date(now), overallHealth: 80 }] } });
        expect(buildCardView(one).history.status).toBe("none");
    });

    it("keeps the last 12 months of history and summarises them", () => {
        const old = { assessedOn: new Date("2025-05-01T00:00:00Z"), overallHealth: 10 };
        const points = historyPoints(healthy.history as never);
        const view = buildCardView(input(healthy, { history: { status: "loaded", points: [old, ...points] } }));
        expect(view.history.points).toHaveLength(11);
        expect(view.history.summary).toBe("Overall health over the last 12 months: 11 assessments, from 61 to 82.");
    });

    it("goes narrow below the narrow width and marks read-only", () => {
        expect(buildCardView(input(healthy, { allocatedWidth: 300 })).narrow).toBe(true);
        expect(buildCardView(input(healthy, { allocatedWidth: -1 })).narrow).toBe(false);
        expect(buildCardView(input(healthy, { readOnly: true })).readOnly).toBe(true);
    });
});

describe("the history query", () => {
    it("asks for the account's last 12 months, oldest first", () => {
        expect(historyQuery("{8F1A3C52-3B3E-4D8A-9A57-0C1F7E2D4B11}", new Date(now))).toBe(
            "?$select=loy_assessedon,loy_overallhealth&$filter=_loy_accountid_value eq 8f1a3c52-3b3e-4d8a-9a57-0c1f7e2d4b11"
            + " and loy_assessedon ge 2025-06-30T12:00:00.000Z&$orderby=loy_assessedon asc");
    });

    it("reads rows, leaving out rows without a date and keeping unrated rows as gaps", () => {
        expect(historyPoints([{ loy_assessedon: "2026-01-01T00:00:00Z", loy_overallhealth: null }, { loy_overallhealth: 5 }]))
            .toEqual([{ assessedOn: new Date("2026-01-01T00:00:00Z"), overallHealth: null }]);
    });
});

function storedOf(sample: AccountSample): string[] {
    return (sample.columns.reasons ?? "").split("\n").map((l) => l.replace(/^• /, ""));
}
