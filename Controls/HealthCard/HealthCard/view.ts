import { CardView, HistoryPoint, twelveMonthsBefore } from "./model";
import { fill } from "./texts";

const svgNs = "http://www.w3.org/2000/svg";

export interface ViewOptions {
    expanded: boolean;
    onToggleReasons: () => void;
    now: Date;
}

/** Draws the card into the container, replacing what was there. Only DOM APIs, no HTML strings. */
export function renderCard(container: HTMLElement, view: CardView, options: ViewOptions): void {
    const doc = container.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
        const e = doc.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined) e.textContent = text;
        return e;
    };
    const svg = (tag: string, attributes: Record<string, string | number>): SVGElement => {
        const e = doc.createElementNS(svgNs, tag);
        for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
        return e;
    };

    const card = el("section", "loy-card");
    card.setAttribute("aria-label", view.title);
    card.lang = view.language;
    card.dataset.state = view.state;
    card.dataset.band = view.gauge.band ?? "none";
    if (view.narrow) card.classList.add("loy-narrow");
    if (view.readOnly) {
        card.classList.add("loy-readonly");
        card.setAttribute("aria-readonly", "true");
    }

    const header = el("header", "loy-header");
    header.append(el("h2", "loy-title", view.title));
    if (view.readOnly) header.append(el("span", "loy-badge loy-readonly-badge", view.words.readOnly));
    if (view.scoredOnText) header.append(el("p", "loy-scored-on", view.scoredOnText));
    card.append(header);

    if (view.message) {
        const message = el("p", "loy-message", view.message);
        message.setAttribute("role", "status");
        if (view.state === "notScored" || view.state === "newRecord") {
            const title = el("strong", "loy-message-title", view.words.notScoredTitle);
            message.prepend(title, doc.createTextNode(" "));
        }
        card.append(message);
    }

    if (view.state === "notScored" || view.state === "newRecord") {
        container.replaceChildren(card);
        return;
    }

    // Gauge: a meter when there is a value; otherwise an image named by its band, never a 0.
    const top = el("div", "loy-top");
    const gauge = el("div", "loy-gauge");
    gauge.dataset.band = view.gauge.band ?? "none";
    if (view.gauge.value !== null) {
        gauge.setAttribute("role", "meter");
        gauge.setAttribute("aria-valuemin", "0");
        gauge.setAttribute("aria-valuemax", "100");
        gauge.setAttribute("aria-valuenow", String(view.gauge.value));
        gauge.setAttribute("aria-valuetext", view.gauge.valueText);
        gauge.setAttribute("aria-label", view.gauge.label);
    } else {
        gauge.setAttribute("role", "img");
        gauge.setAttribute("aria-label", `${view.gauge.label}: ${view.gauge.valueText}`);
    }
    const arc = svg("svg", { viewBox: "0 0 120 70", class: "loy-gauge-arc", "aria-hidden": "true", focusable: "false" });
    arc.append(svg("path", { d: "M10,62 A50,50 0 0 1 110,62", pathLength: 100, class: "loy-gauge-track" }));
    if (view.gauge.value !== null) {
        arc.append(svg("path", {
            d: "M10,62 A50,50 0 0 1 110,62", pathLength: 100, class: "loy-gauge-fill",
            "stroke-dasharray": `${view.gauge.value} 100`,
        }));
    }
    gauge.append(arc);
    const gaugeText = el("div", "loy-gauge-text");
    gaugeText.setAttribute("aria-hidden", "true");
    gaugeText.append(el("span", "loy-gauge-value", view.gauge.value !== null ? String(view.gauge.value) : "–"));
    gauge.append(gaugeText);
    const bandRow = el("div", "loy-band-row");
    if (view.gauge.bandLabel) bandRow.append(el("span", "loy-band", view.gauge.bandLabel));
    if (view.trend) {
        const trend = el("span", "loy-trend", `${view.trend.name === "Improving" ? "▲" : view.trend.name === "Declining" ? "▼" : "▶"} ${view.trend.label}`);
        trend.dataset.trend = view.trend.name;
        trend.setAttribute("aria-label", `${view.words.trend}: ${view.trend.label}`);
        bandRow.append(trend);
    }
    const gaugeBox = el("div", "loy-gauge-box");
    gaugeBox.append(gauge, bandRow);
    top.append(gaugeBox);

    // Pillars: bars with their value, or "unknown" without a bar value.
    const pillars = el("div", "loy-pillars");
    const pillarsHeading = el("h3", "loy-heading", view.words.pillars);
    pillarsHeading.id = uniqueId(doc, "loy-pillars");
    pillars.setAttribute("role", "group");
    pillars.setAttribute("aria-labelledby", pillarsHeading.id);
    const list = el("ul", "loy-pillar-list");
    for (const p of view.pillars) {
        const item = el("li", "loy-pillar");
        item.dataset.pillar = p.key;
        item.dataset.known = p.value === null ? "false" : "true";
        item.append(el("span", "loy-pillar-label", p.label));
        const bar = el("span", "loy-bar");
        if (p.value !== null) {
            bar.setAttribute("role", "meter");
            bar.setAttribute("aria-label", p.label);
            bar.setAttribute("aria-valuemin", "0");
            bar.setAttribute("aria-valuemax", "100");
            bar.setAttribute("aria-valuenow", String(p.value));
            const fillBar = el("span", "loy-bar-fill");
            fillBar.style.width = `${p.value}%`;
            bar.append(fillBar);
        } else {
            bar.classList.add("loy-bar-unknown");
            bar.setAttribute("aria-hidden", "true");
        }
        item.append(bar);
        const valueText = el("span", "loy-pillar-value", p.text);
        if (p.value === null) valueText.title = view.words.unknownHint;
        item.append(valueText);
        list.append(item);
    }
    pillars.append(pillarsHeading, list);
    top.append(pillars);
    card.append(top);

    if (view.perk) {
        const perk = el("p", "loy-perk");
        perk.dataset.dependent = String(view.perk.dependent);
        perk.append(el("span", "loy-perk-flag", `${view.perk.dependent ? "⚠ " : ""}${view.perk.label}`));
        if (view.perk.shareText) perk.append(el("span", "loy-perk-share", view.perk.shareText));
        card.append(perk);
    }

    // Reasons and actions: each a section named by its heading, with a list or a line saying it is empty.
    const listSection = (className: string, heading: string, items: string[], empty: string, listTag: "ol" | "ul", itemClass: string) => {
        const section = el("section", className);
        const h = el("h3", "loy-heading", heading);
        h.id = uniqueId(doc, className);
        section.setAttribute("aria-labelledby", h.id);
        section.append(h);
        if (items.length === 0) {
            section.append(el("p", "loy-empty", empty));
            return { section, list: null };
        }
        const list = el(listTag, `${className}-list`);
        list.id = uniqueId(doc, `${className}-list`);
        for (const item of items) list.append(el("li", itemClass, item));
        section.append(list);
        return { section, list };
    };
    const lists = el("div", "loy-lists");
    const { section: reasons, list: reasonList } = listSection("loy-reasons", view.words.reasons, view.reasons, view.words.noReasons, "ol", "loy-reason");
    if (reasonList) {
        Array.from(reasonList.children).forEach((li, i) => { (li as HTMLElement).hidden = !options.expanded && i >= view.topReasons; });
        if (view.reasonsSource === "stored") reasons.append(el("p", "loy-note", view.words.storedTexts));
        if (view.reasons.length > view.topReasons) {
            const toggle = el("button", "loy-toggle", options.expanded ? view.words.showFewer : fill(view.words.showAll, { count: view.reasons.length }));
            toggle.type = "button";
            toggle.setAttribute("aria-expanded", String(options.expanded));
            toggle.setAttribute("aria-controls", reasonList.id);
            toggle.addEventListener("click", options.onToggleReasons);
            reasons.append(toggle);
        }
    }
    const { section: actions } = listSection("loy-actions", view.words.actions, view.actions, view.words.noActions, "ul", "loy-action");
    lists.append(reasons, actions);
    card.append(lists);

    // The last 12 months.
    const history = el("figure", "loy-history");
    history.dataset.status = view.history.status;
    const caption = el("figcaption", "loy-heading", view.words.trendHeading);
    history.append(caption);
    if (view.history.status === "loaded") {
        history.append(trendLine(svg, view.history.points, view.history.summary ?? "", options.now));
    } else {
        const message = el("p", "loy-history-message", view.history.message ?? "");
        if (view.history.status === "loading") message.setAttribute("aria-busy", "true");
        history.append(message);
    }
    card.append(history);

    container.replaceChildren(card);
}

function trendLine(svg: (tag: string, a: Record<string, string | number>) => SVGElement, points: HistoryPoint[], summary: string, now: Date): SVGElement {
    const width = 300;
    const height = 80;
    const start = twelveMonthsBefore(now).getTime();
    const span = Math.max(1, now.getTime() - start);
    const x = (p: HistoryPoint) => 6 + ((p.assessedOn.getTime() - start) / span) * (width - 12);
    const y = (v: number) => height - 6 - (v / 100) * (height - 12);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "loy-trend-line", role: "img", "aria-label": summary, preserveAspectRatio: "none" });
    const title = svg("title", {});
    title.textContent = summary;
    chart.append(title);
    for (const level of [25, 50, 75]) {
        chart.append(svg("line", { x1: 0, x2: width, y1: y(level), y2: y(level), class: "loy-trend-grid" }));
    }
    let run: string[] = [];
    const flush = () => {
        if (run.length > 1) chart.append(svg("polyline", { points: run.join(" "), class: "loy-trend-path" }));
        run = [];
    };
    for (const p of points) {
        if (p.overallHealth === null) { flush(); continue; }
        run.push(`${x(p).toFixed(1)},${y(p.overallHealth).toFixed(1)}`);
    }
    flush();
    points.forEach((p, i) => {
        if (p.overallHealth === null) return;
        // A zero-length round-capped line: a dot that stays round however the chart is stretched.
        const px = x(p).toFixed(1);
        const py = y(p.overallHealth).toFixed(1);
        chart.append(svg("line", { x1: px, y1: py, x2: px, y2: py, class: i === points.length - 1 ? "loy-trend-point loy-trend-last" : "loy-trend-point" }));
    });
    return chart;
}

let counter = 0;
function uniqueId(doc: Document, prefix: string): string {
    let id: string;
    do { id = `${prefix}-${++counter}`; } while (doc.getElementById(id));
    return id;
}
