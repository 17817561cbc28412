import { CardText, Language, cardTexts, fill, languageOf, localeOf } from "./texts";
import { ReasonRenderer, StoredReason, parseReasonCodes, storedLines } from "./reasons";

/** loy_healthband and loy_healthtrend values, as Plugins/Schema/OptionValues.cs and solution/OptionSets define them. */
export const bandValues: Record<number, BandName> = {
    100000000: "NotEnoughData",
    100000001: "Healthy",
    100000002: "Watch",
    100000003: "AtRisk",
};
export const trendValues: Record<number, TrendName> = {
    100000000: "Improving",
    100000001: "Stable",
    100000002: "Declining",
};
export type BandName = "NotEnoughData" | "Healthy" | "Watch" | "AtRisk";
export type TrendName = "Improving" | "Stable" | "Declining";

/** One row of loy_healthassessment. */
export interface HistoryPoint {
    assessedOn: Date;
    overallHealth: number | null;
}

export type HistoryState =
    | { status: "loading" }
    | { status: "failed" }
    | { status: "none" }
    | { status: "loaded"; points: HistoryPoint[] };

/** What the card reads from the form (the bound assessment columns) and from its host. */
export interface CardInput {
    overallHealth: number | null;
    understanding: number | null;
    familiarity: number | null;
    service: number | null;
    band: number | null;
    trend: number | null;
    perkDependent: boolean | null;
    /** loy_perkshare: percent, 0–100. */
    perkShare: number | null;
    reasonCodes: string | null;
    reasons: string | null;
    nextBestActions: string | null;
    /** loy_nextbestactioncodes: the actions as codes with parameters. */
    actionCodes: string | null;
    scoredOn: Date | null;
    languageId: number;
    isNewRecord: boolean;
    readOnly: boolean;
    /** The width the form gives the control, or a negative number when unknown. */
    allocatedWidth: number;
    history: HistoryState;
    now: Date;
}

/** Where a list's lines come from: rendered from the stored codes, the stored texts as written, or nothing. */
export type TextSource = "codes" | "stored" | "none";

export type CardState = "newRecord" | "notScored" | "notEnoughData" | "scored";

export interface PillarView {
    key: "Understanding" | "Familiarity" | "Service";
    label: string;
    value: number | null;
    text: string;
}

export interface CardView {
    language: Language;
    locale: string;
    state: CardState;
    title: string;
    message: string | null;
    gauge: { label: string; value: number | null; valueText: string; band: BandName | null; bandLabel: string | null };
    trend: { name: TrendName; label: string } | null;
    pillars: PillarView[];
    perk: { dependent: boolean; label: string; shareText: string | null } | null;
    reasons: string[];
    reasonsSource: TextSource;
    actions: string[];
    actionsSource: TextSource;
    history: { status: HistoryState["status"]; points: HistoryPoint[]; summary: string | null; message: string | null };
    scoredOnText: string | null;
    narrow: boolean;
    readOnly: boolean;
    /** How many reasons show before "show all". */
    topReasons: number;
    words: Record<CardText, string>;
}

/** Below this width (px) the card stacks its parts in one column. */
export const narrowWidth = 420;
export const topReasonCount = 3;

const dayMs = 24 * 60 * 60 * 1000;

/** The state the card shows and every text in it, without touching the DOM. */
export function buildCardView(input: CardInput): CardView {
    const language = languageOf(input.languageId);
    const locale = localeOf(language);
    const words = cardTexts[language];
    const renderer = new ReasonRenderer(language);

    const band = input.band !== null ? bandValues[input.band] ?? null : null;
    const scored = input.scoredOn !== null || band !== null || input.overallHealth !== null;
    const state: CardState = input.isNewRecord ? "newRecord"
        : !scored ? "notScored"
        : band === "NotEnoughData" || (band === null && input.overallHealth === null) ? "notEnoughData"
        : "scored";

    const value = state === "scored" && input.overallHealth !== null ? clamp(input.overallHealth) : null;
    const bandLabel = band ? renderer.label("Band", band) : null;
    const gauge = {
        label: words.overall,
        value,
        valueText: value !== null ? `${renderer.formatNumber(value)}${bandLabel ? ` – ${bandLabel}` : ""}` : bandLabel ?? words.unknown,
        band: state === "notEnoughData" ? "NotEnoughData" as BandName : band,
        bandLabel: state === "notEnoughData" ? renderer.label("Band", "NotEnoughData") : bandLabel,
    };

    const trendName = input.trend !== null ? trendValues[input.trend] ?? null : null;
    const pillars: PillarView[] = (["Understanding", "Familiarity", "Service"] as const).map((key) => {
        const raw = key === "Understanding" ? input.understanding : key === "Familiarity" ? input.familiarity : input.service;
        const v = raw === null ? null : clamp(raw);
        return { key, label: renderer.label("Pillar", key), value: v, text: v === null ? words.unknown : renderer.formatNumber(v) };
    });

    const reasons = linesOf(input.reasonCodes, input.reasons, (code) => code, (c) => renderer.render(c), renderer);
    const actions = linesOf(input.actionCodes, input.nextBestActions, (code) => ReasonRenderer.actionKey(code), (c) => renderer.renderAction(c), renderer);

    const perk = scored && input.perkDependent !== null
        ? {
            dependent: input.perkDependent,
            label: input.perkDependent ? words.perkDependent : words.notPerkDependent,
            shareText: input.perkShare !== null ? fill(words.perkShare, { share: renderer.formatPercent(input.perkShare / 100) }) : null,
        }
        : null;

    const message = state === "newRecord" ? words.newRecord
        : state === "notScored" ? words.notScored
        : state === "notEnoughData" ? words.notEnoughData
        : null;

    return {
        language,
        locale,
        state,
        title: words.title,
        message,
        gauge,
        trend: trendName && state === "scored" ? { name: trendName, label: renderer.label("Trend", trendName) } : null,
        pillars,
        perk,
        reasons: reasons.lines,
        reasonsSource: reasons.source,
        actions: actions.lines,
        actionsSource: actions.source,
        history: historyView(input, renderer, words),
        scoredOnText: input.scoredOn ? fill(words.scoredOn, { date: formatDate(input.scoredOn, locale) }) : null,
        narrow: input.allocatedWidth >= 0 && input.allocatedWidth < narrowWidth,
        readOnly: input.readOnly,
        topReasons: topReasonCount,
        words,
    };
}

/**
 * A list rendered from its stored codes in the user's language, or, when the codes are missing,
 * unreadable or name a text this card does not know (a newer model), the stored texts as written.
 */
function linesOf(
    codesJson: string | null, stored: string | null, keyOf: (code: string) => string,
    render: (code: StoredReason) => string, renderer: ReasonRenderer,
): { lines: string[]; source: TextSource } {
    const codes = parseReasonCodes(codesJson);
    if (codes && codes.length > 0 && codes.every((c) => renderer.has(keyOf(c.code)))) return { lines: codes.map(render), source: "codes" };
    const lines = storedLines(stored);
    return lines.length > 0 ? { lines, source: "stored" } : { lines: [], source: "none" };
}

function historyView(input: CardInput, renderer: ReasonRenderer, words: Record<CardText, string>): CardView["history"] {
    const h = input.history;
    if (h.status === "loading") return { status: "loading", points: [], summary: null, message: words.historyLoading };
    if (h.status === "failed") return { status: "failed", points: [], summary: null, message: words.historyFailed };
    if (h.status === "none") return { status: "none", points: [], summary: null, message: words.noHistory };
    const since = twelveMonthsBefore(input.now);
    const points = h.points
        .filter((p) => p.assessedOn.getTime() >= since.getTime() && p.assessedOn.getTime() <= input.now.getTime() + dayMs)
        .sort((a, b) => a.assessedOn.getTime() - b.assessedOn.getTime());
    if (points.length < 2) return { status: "none", points, summary: null, message: words.noHistory };
    const rated = points.filter((p) => p.overallHealth !== null);
    const summary = rated.length === 0
        ? fill(words.trendSummaryNoScore, { count: points.length })
        : fill(words.trendSummary, {
            count: points.length,
            first: renderer.formatNumber(rated[0].overallHealth ?? 0),
            last: renderer.formatNumber(rated[rated.length - 1].overallHealth ?? 0),
        });
    return { status: "loaded", points, summary, message: null };
}

/** The start of the trend window: the same day twelve months earlier. */
export function twelveMonthsBefore(now: Date): Date {
    const d = new Date(now.getTime());
    d.setUTCFullYear(d.getUTCFullYear() - 1);
    return d;
}

/** The OData query of the last 12 months of an account's history, oldest first. */
export function historyQuery(accountId: string, now: Date): string {
    const id = accountId.replace(/[{}]/g, "").toLowerCase();
    const since = twelveMonthsBefore(now).toISOString();
    return `?$select=loy_assessedon,loy_overallhealth&$filter=_loy_accountid_value eq ${id} and loy_assessedon ge ${since}`
        + "&$orderby=loy_assessedon asc";
}

/** Rows of retrieveMultipleRecords as history points (rows without a date are left out). */
export function historyPoints(entities: Record<string, unknown>[]): HistoryPoint[] {
    const points: HistoryPoint[] = [];
    for (const e of entities) {
        const on = typeof e.loy_assessedon === "string" ? new Date(e.loy_assessedon) : null;
        if (!on || Number.isNaN(on.getTime())) continue;
        points.push({ assessedOn: on, overallHealth: typeof e.loy_overallhealth === "number" ? e.loy_overallhealth : null });
    }
    return points;
}

export function formatDate(date: Date, locale: string): string {
    return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric" }).format(date);
}

function clamp(v: number): number {
    return Math.max(0, Math.min(100, Math.round(v)));
}
