import { Language, Texts, localeOf, modelTexts } from "./texts";

/** One stored code: loy_nextbestactioncodes holds a JSON array of these, in the model's order. */
export interface StoredCode {
    code: string;
    parameters?: Record<string, number>;
}

/** One stored reason: loy_healthreasoncodes holds a JSON array of these, ordered by impact. */
export interface StoredReason extends StoredCode {
    impact?: number;
}

/**
 * How a parameter is formatted, as Model/Output/Parameter.cs types it. The stored JSON carries only
 * name and value, so the kind follows the name (every code uses a name with one kind, except
 * "target", which is a percentage in MostlyOneWay and a count elsewhere); a test checks every
 * placeholder of the model's texts has a kind here.
 */
export type ParameterKind = "count" | "percent" | "money" | "cadence" | "channel" | "pillar" | "touch" | "input" | "storedValue";

export function kindOf(code: string, name: string): ParameterKind {
    switch (name) {
        case "share": return "percent";
        case "target": return code === "MostlyOneWay" ? "percent" : "count";
        case "perkSpend":
        case "deliveredValue": return "money";
        case "cadence": return "cadence";
        case "channel": return "channel";
        case "pillar": return "pillar";
        case "touch": return "touch";
        case "input": return "input";
        case "value": return "storedValue";
        default: return "count";
    }
}

// Enum numbers as Model/Input/Enums.cs and Model/Output/Enums.cs define them.
const cadences = ["", "Weekly", "Monthly", "Quarterly", "HalfYearly", "Yearly"];
const channels = ["Unknown", "InPerson", "Video", "Phone"];
const pillars = ["", "Understanding", "Familiarity", "Service"];
const sellerInputs = ["", "ServiceCadence", "ServiceChannel"];

/** Renders codes and parameters as the model's ReasonRenderer does: {name} a value, {name|singular|plural} agreeing with a count. */
export class ReasonRenderer {
    private readonly texts: Texts[];
    private readonly locale: string;

    constructor(public readonly language: Language) {
        this.texts = language === "en" ? [modelTexts.en] : [modelTexts[language], modelTexts.en];
        this.locale = localeOf(language);
    }

    has(key: string): boolean {
        return this.texts.some((t) => key in t);
    }

    text(key: string): string {
        for (const t of this.texts) {
            if (key in t) return t[key];
        }
        return key;
    }

    label(kind: "Band" | "Trend" | "Pillar", name: string): string {
        return this.text(`${kind}.${name}`);
    }

    render(reason: StoredReason): string {
        return this.fill(reason.code, this.text(reason.code), reason.parameters ?? {});
    }

    /** The text key of a next best action code, as the model's renderer prefixes it. */
    static actionKey(code: string): string {
        return `Action.${code}`;
    }

    renderAction(action: StoredCode): string {
        return this.fill(action.code, this.text(ReasonRenderer.actionKey(action.code)), action.parameters ?? {});
    }

    formatNumber(value: number): string {
        return new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 }).format(value);
    }

    formatPercent(ratio: number): string {
        return new Intl.NumberFormat(this.locale, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
    }

    private fill(code: string, template: string, parameters: Record<string, number>): string {
        return template.replace(/\{([^{}]*)\}/g, (whole, inner: string) => {
            const parts = inner.split("|");
            const value = parameters[parts[0]];
            if (typeof value !== "number") return whole;
            if (parts.length === 3) return value === 1 ? parts[1] : parts[2];
            return this.format(kindOf(code, parts[0]), value);
        });
    }

    private format(kind: ParameterKind, value: number): string {
        switch (kind) {
            case "percent": return this.formatPercent(value);
            case "cadence": return this.text(`Cadence.${cadences[value] ?? ""}`);
            case "channel": return this.text(`Channel.${channels[value] ?? "Unknown"}`);
            case "pillar": return this.text(`Pillar.${pillars[value] ?? ""}`);
            case "touch": return this.text(`Touch.${channels[value] ?? "Unknown"}`);
            case "input": return this.text(`Input.${sellerInputs[value] ?? ""}`);
            // An unreadable stored choice value is shown as stored, without grouping.
            case "storedValue": return String(value);
            default: return this.formatNumber(value);
        }
    }
}

/** The stored codes (reasons in loy_healthreasoncodes, actions in loy_nextbestactioncodes), or null when the column is empty or not the JSON the plugins write. */
export function parseReasonCodes(json: string | null | undefined): StoredReason[] | null {
    if (!json?.trim()) return null;
    try {
        const parsed: unknown = JSON.parse(json);
        if (!Array.isArray(parsed)) return null;
        const reasons: StoredReason[] = [];
        for (const item of parsed) {
            if (typeof item !== "object" || item === null || typeof (item as StoredReason).code !== "string") return null;
            const parameters: Record<string, number> = {};
            for (const [name, value] of Object.entries((item as StoredReason).parameters ?? {})) {
                const number = typeof value === "number" ? value : Number(value);
                if (Number.isFinite(number)) parameters[name] = number;
            }
            reasons.push({ code: (item as StoredReason).code, impact: (item as StoredReason).impact, parameters });
        }
        return reasons;
    } catch {
        return null;
    }
}

/** The lines of a stored text column ("• one\n• two"), without their bullets. */
export function storedLines(text: string | null | undefined): string[] {
    return (text ?? "")
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*[•\-*]\s*/, "").trim())
        .filter((line) => line.length > 0);
}
