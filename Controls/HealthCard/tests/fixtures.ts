/**
 * Sample accounts as the form hands them to the card: the stored column values (as the plugins
 * write them) and the account's loy_healthassessment rows. Shared by the unit and browser tests.
 */
export interface AccountSample {
    name: string;
    accountId: string | null;
    columns: {
        overallHealth: number | null;
        understandingScore: number | null;
        familiarityScore: number | null;
        serviceScore: number | null;
        healthBand: number | null;
        healthTrend: number | null;
        perkDependent: boolean | null;
        perkShare: number | null;
        reasonCodes: string | null;
        reasons: string | null;
        nextBestActions: string | null;
        actionCodes: string | null;
        scoredOn: string | null;
    };
    /** loy_healthassessment rows, or "fail" when the Web API call fails. */
    history: { loy_assessedon: string; loy_overallhealth: number | null }[] | "fail";
}

export const now = "2026-06-30T12:00:00Z";

const monthly = (values: (number | null)[]) => values.map((v, i) => ({
    loy_assessedon: new Date(Date.UTC(2025, 7 + i, 3, 6, 0, 0)).toISOString(),
    loy_overallhealth: v,
}));

const codes = (list: { code: string; impact: number; parameters: Record<string, number> }[]) => JSON.stringify(list);
const actions = (...list: string[]) => JSON.stringify(list.map((code) => ({ code, parameters: {} })));

export const healthy: AccountSample = {
    name: "Harbour Bakery",
    accountId: "8f1a3c52-3b3e-4d8a-9a57-0c1f7e2d4b11",
    columns: {
        overallHealth: 82, understandingScore: 88, familiarityScore: 74, serviceScore: 85,
        healthBand: 100000001, healthTrend: 100000000, perkDependent: false, perkShare: 4,
        reasonCodes: codes([
            { code: "ValueMonetised", impact: 12.5, parameters: { covered: 4, periods: 4, deliveredValue: 48000 } },
            { code: "CadenceKept", impact: 10, parameters: { cadence: 2, channel: 1, covered: 6, periods: 6 } },
            { code: "GoalsCurrent", impact: 8, parameters: { days: 21 } },
            { code: "FewContactsEngaged", impact: -4, parameters: { count: 2, target: 3 } },
        ]),
        reasons: "• Value with a money figure was reported in 4 of 4 periods (48,000 in total).\n• (stored English text)",
        nextBestActions: "• Meet people beyond your main contact. (stored English text)",
        actionCodes: actions("MeetPeopleBeyondMainContact"),
        scoredOn: "2026-06-28T08:15:00Z",
    },
    history: monthly([61, 64, 66, 70, 69, 72, 75, 74, 78, 80, 82]),
};

export const perkDependent: AccountSample = {
    name: "Nordlicht Events",
    accountId: "2b9d7f10-5c44-4e3b-8d21-7a6e5f4c3b22",
    columns: {
        overallHealth: 38, understandingScore: 22, familiarityScore: 51, serviceScore: null,
        healthBand: 100000003, healthTrend: 100000002, perkDependent: true, perkShare: 62.5,
        reasonCodes: codes([
            { code: "PerkDependent", impact: -30, parameters: { perkTouches: 10, valueTouches: 6, share: 0.625, perkSpend: 3400, deliveredValue: 0 } },
            { code: "NoValueReports", impact: -15, parameters: { periods: 4, days: 90 } },
            { code: "GoalsNotDocumented", impact: -10, parameters: {} },
            { code: "SingleThreaded", impact: -8, parameters: { share: 0.85, contacts: 3 } },
            { code: "NoServiceLevelAgreed", impact: -5, parameters: {} },
        ]),
        reasons: "• The relationship rests on perks.",
        nextBestActions: "• Replace the next perk with a conversation about the value you deliver.\n• Review the customer's current goals and needs with them and document them.\n• Ask the customer which service level they want: how often, and in person, by video or by phone.",
        actionCodes: actions("ReplacePerksWithValueConversation", "ReviewGoalsAndNeeds", "AskPreferredServiceLevel"),
        scoredOn: "2026-06-29T16:40:00Z",
    },
    history: monthly([58, 55, null, 52, 49, 47, 44, 41, 40, 39, 38]),
};

export const notEnoughData: AccountSample = {
    name: "Fjord Supplies",
    accountId: "c4e2a8b6-1d3f-4a5b-9c7d-8e9f0a1b2c33",
    columns: {
        overallHealth: null, understandingScore: 45, familiarityScore: null, serviceScore: null,
        healthBand: 100000000, healthTrend: null, perkDependent: false, perkShare: null,
        reasonCodes: codes([
            { code: "TooLittleEvidence", impact: 0, parameters: { knownPillars: 1, required: 2 } },
            { code: "NoContactsEngaged", impact: -6, parameters: {} },
        ]),
        reasons: "• Only 1 of the three pillars has evidence (2 needed), so the account is not rated yet.",
        nextBestActions: "• Meet people beyond your main contact.",
        actionCodes: actions("MeetPeopleBeyondMainContact"),
        scoredOn: "2026-06-30T07:00:00Z",
    },
    history: [{ loy_assessedon: "2026-06-30T07:00:00Z", loy_overallhealth: null }],
};

export const notScored: AccountSample = {
    name: "Brand-new Ltd",
    accountId: "d5f3b9c7-2e4a-4b6c-8d9e-0f1a2b3c4d44",
    columns: {
        overallHealth: null, understandingScore: null, familiarityScore: null, serviceScore: null,
        healthBand: null, healthTrend: null, perkDependent: null, perkShare: null,
        reasonCodes: null, reasons: null, nextBestActions: null, actionCodes: null, scoredOn: null,
    },
    history: [],
};

/** Scored, but its reason and action codes are not the JSON the plugins write and its history cannot be read. */
export const unreadable: AccountSample = {
    ...healthy,
    name: "Harbour Bakery (history unavailable)",
    columns: {
        ...healthy.columns, reasonCodes: "{broken", reasons: "• Stored reason one.\n• Stored reason two.",
        actionCodes: "[{\"parameters\":{}}]", nextBestActions: "• Stored action one.",
    },
    history: "fail",
};

/** Scored once: nothing to draw a line from. */
export const noHistory: AccountSample = {
    ...healthy,
    name: "Harbour Bakery (first scoring)",
    history: [{ loy_assessedon: "2026-06-28T08:15:00Z", loy_overallhealth: 82 }],
};
