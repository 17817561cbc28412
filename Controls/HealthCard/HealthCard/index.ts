import { IInputs, IOutputs } from "./generated/ManifestTypes";
import { CardInput, HistoryState, buildCardView, historyPoints, historyQuery } from "./model";
import { renderCard } from "./view";

/**
 * The Loyalty Health card on the account form: bound to loy_overallhealth, reading the other
 * assessment columns bound beside it, and the last 12 months of loy_healthassessment through
 * the Web API. It never writes a column.
 */
export class HealthCard implements ComponentFramework.StandardControl<IInputs, IOutputs> {
    private container: HTMLDivElement;
    private context: ComponentFramework.Context<IInputs>;
    private expanded = false;
    private history: HistoryState = { status: "loading" };
    /** The account and scoring the loaded history belongs to; a rescoring reloads it. */
    private historyKey: string | null = null;
    private destroyed = false;

    public init(
        context: ComponentFramework.Context<IInputs>,
        notifyOutputChanged: () => void,
        state: ComponentFramework.Dictionary,
        container: HTMLDivElement
    ): void {
        this.container = container;
        this.context = context;
        context.mode.trackContainerResize(true);
    }

    public updateView(context: ComponentFramework.Context<IInputs>): void {
        this.context = context;
        const now = new Date();
        const accountId = this.accountId(context);
        const scoredOn = context.parameters.scoredOn?.raw ?? null;
        const key = accountId ? `${accountId}|${scoredOn ? scoredOn.getTime() : ""}` : null;
        if (key !== this.historyKey) {
            this.historyKey = key;
            if (accountId && key) {
                this.history = { status: "loading" };
                void this.loadHistory(context, accountId, now, key);
            } else {
                this.history = { status: "none" };
            }
        }
        this.render(now);
    }

    public getOutputs(): IOutputs {
        return {};
    }

    public destroy(): void {
        this.destroyed = true;
        this.container.replaceChildren();
    }

    private render(now: Date): void {
        const p = this.context.parameters;
        const input: CardInput = {
            overallHealth: p.overallHealth.raw ?? null,
            understanding: p.understandingScore?.raw ?? null,
            familiarity: p.familiarityScore?.raw ?? null,
            service: p.serviceScore?.raw ?? null,
            band: p.healthBand?.raw ?? null,
            trend: p.healthTrend?.raw ?? null,
            perkDependent: p.perkDependent?.raw ?? null,
            perkShare: p.perkShare?.raw ?? null,
            reasonCodes: p.reasonCodes?.raw ?? null,
            reasons: p.reasons?.raw ?? null,
            nextBestActions: p.nextBestActions?.raw ?? null,
            actionCodes: p.actionCodes?.raw ?? null,
            scoredOn: p.scoredOn?.raw ?? null,
            languageId: this.context.userSettings.languageId,
            isNewRecord: this.accountId(this.context) === null,
            readOnly: this.context.mode.isControlDisabled,
            allocatedWidth: this.context.mode.allocatedWidth,
            history: this.history,
            now,
        };
        renderCard(this.container, buildCardView(input), {
            expanded: this.expanded,
            now,
            onToggleReasons: () => {
                this.expanded = !this.expanded;
                this.render(new Date());
                this.container.querySelector<HTMLButtonElement>(".loy-toggle")?.focus();
            },
        });
    }

    private async loadHistory(context: ComponentFramework.Context<IInputs>, accountId: string, now: Date, key: string): Promise<void> {
        let next: HistoryState;
        try {
            const result = await context.webAPI.retrieveMultipleRecords("loy_healthassessment", historyQuery(accountId, now));
            const points = historyPoints(result.entities);
            next = points.length > 0 ? { status: "loaded", points } : { status: "none" };
        } catch {
            next = { status: "failed" };
        }
        if (this.destroyed || key !== this.historyKey) return;
        this.history = next;
        this.render(new Date());
    }

    /** The record the form shows; null on a new, unsaved account. */
    private accountId(context: ComponentFramework.Context<IInputs>): string | null {
        const info = (context.mode as unknown as { contextInfo?: { entityId?: string | null; entityTypeName?: string } }).contextInfo;
        const id = info?.entityId;
        return id && !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(id.replace(/[{}]/g, "")) ? id : null;
    }
}
