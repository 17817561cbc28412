/**
 * Renders the BUILT control (out/controls/HealthCard/bundle.js and its css, as the solution ships
 * them) in headless Chromium on a page of its own that hosts it with a context stub, and checks
 * what a user sees and what a screen reader is told, by DOM and by screenshot, in every state.
 * Screenshots go to test-output/screenshots/; with HEALTHCARD_UPDATE_DOCS=1 the three README
 * samples are also written to docs/.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, Page, chromium } from "playwright-core";
import { AccountSample, healthy, noHistory, notEnoughData, notScored, now, perkDependent, unreadable } from "./fixtures";

const root = path.resolve(__dirname, "..");
const built = path.join(root, "out", "controls", "HealthCard");
const screenshots = path.join(root, "test-output", "screenshots");
const docs = path.join(root, "docs");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let browser: Browser;

beforeAll(async () => {
    for (const file of ["bundle.js", "ControlManifest.xml", path.join("css", "HealthCard.css")]) {
        if (!fs.existsSync(path.join(built, file)))
            throw new Error(`${path.join(built, file)} is missing: run 'npm run build' first; these tests render the built control.`);
    }
    if (!fs.existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath} (set CHROMIUM_PATH); install Debian's chromium.`);
    fs.mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"],
    });
});

afterAll(async () => {
    await browser?.close();
});

interface Host {
    languageId?: number;
    readOnly?: boolean;
    width?: number;
    colorScheme?: "light" | "dark";
    forcedColors?: "active" | "none";
}

/** A page hosting the built control the way a model-driven form does: init, then updateView with a context. */
async function mount(sample: AccountSample, host: Host = {}): Promise<Page> {
    const width = host.width ?? 640;
    const context = await browser.newContext({ viewport: { width: width + 32, height: 900 }, timezoneId: "UTC", locale: "en-US" });
    const page = await context.newPage();
    page.on("pageerror", (e) => { throw e; });
    await page.clock.setFixedTime(new Date(now));
    await page.emulateMedia({ colorScheme: host.colorScheme ?? "light", forcedColors: host.forcedColors ?? "none" });
    const css = fs.readFileSync(path.join(built, "css", "HealthCard.css"), "utf8");
    const bundle = fs.readFileSync(path.join(built, "bundle.js"), "utf8");
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>
        <style>body{margin:16px;font-family:"Liberation Sans",sans-serif;background:${host.colorScheme === "dark" ? "#111" : "#f5f5f5"}}</style>
        <script>window.__controls={};window.ComponentFramework={registerControl:function(n,c){window.__controls[n]=c;}};</script>
        <script>${bundle}</script></head><body><div id="host" style="width:${width}px"></div></body></html>`);
    await page.evaluate(({ sample, host, width }) => {
        const w = window as unknown as { __controls: Record<string, new () => { init: (...args: unknown[]) => void; updateView: (context: unknown) => void }>; __queries: string[] };
        w.__queries = [];
        const Control = w.__controls["Loyalty.HealthCard"];
        if (!Control) throw new Error("the bundle registered no control named Loyalty.HealthCard");
        const c = sample.columns as Record<string, unknown>;
        const parameters: Record<string, { raw: unknown }> = {};
        for (const [name, value] of Object.entries(c)) parameters[name] = { raw: name === "scoredOn" && value ? new Date(value as string) : value };
        const context = {
            parameters,
            userSettings: { languageId: host.languageId ?? 1033 },
            mode: {
                isControlDisabled: host.readOnly ?? false,
                allocatedWidth: width,
                allocatedHeight: -1,
                trackContainerResize: () => undefined,
                contextInfo: { entityId: sample.accountId, entityTypeName: "account" },
            },
            webAPI: {
                retrieveMultipleRecords: (entity: string, query: string) => {
                    w.__queries.push(`${entity}${query}`);
                    return sample.history === "fail"
                        ? Promise.reject(new Error("Principal user is missing prvReadloy_healthassessment privilege"))
                        : Promise.resolve({ entities: sample.history, nextLink: undefined });
                },
            },
        };
        const control = new Control();
        const container = document.getElementById("host") as HTMLDivElement;
        control.init(context, () => undefined, {}, container);
        control.updateView(context);
    }, { sample, host, width });
    await page.waitForFunction(() => document.querySelector(".loy-card") !== null
        && document.querySelector('.loy-history[data-status="loading"]') === null);
    return page;
}

async function shoot(page: Page, name: string, toDocs = false): Promise<Buffer> {
    const card = page.locator(".loy-card");
    const png = await card.screenshot({ animations: "disabled" });
    expect(png.length).toBeGreaterThan(2000);
    fs.writeFileSync(path.join(screenshots, `${name}.png`), png);
    if (toDocs && process.env.HEALTHCARD_UPDATE_DOCS === "1") {
        fs.mkdirSync(docs, { recursive: true });
        fs.writeFileSync(path.join(docs, `${name}.png`), png);
    }
    return png;
}

type Rgb = [number, number, number];

/** The colours of a screenshot at points relative to the card, read back from the PNG itself (decoded by the page's canvas). */
async function pixels(page: Page, png: Buffer, points: { x: number; y: number }[]): Promise<Rgb[]> {
    return page.evaluate(async ({ data, points }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext("2d")!;
        ctx.drawImage(img, 0, 0);
        return points.map((p) => {
            const d = ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data;
            return [d[0], d[1], d[2]] as [number, number, number];
        });
    }, { data: png.toString("base64"), points });
}

/** Where things are in the card's screenshot: the band pill's inside, and the gauge arc near its start (filled from 0) and near its end (filled only near 100). */
async function landmarks(page: Page): Promise<{ band: { x: number; y: number }; arcStart: { x: number; y: number }; arcEnd: { x: number; y: number } }> {
    const card = (await page.locator(".loy-card").boundingBox())!;
    const band = (await page.locator(".loy-band").boundingBox())!;
    const arc = (await page.locator(".loy-gauge-arc").boundingBox())!;
    // The arc is the upper half of a circle, centre (60, 62) radius 50 in a 120×70 viewBox; 10° from either end.
    const at = (degrees: number) => {
        const r = (degrees * Math.PI) / 180;
        return { x: arc.x - card.x + ((60 + 50 * Math.cos(r)) * arc.width) / 120, y: arc.y - card.y + ((62 - 50 * Math.sin(r)) * arc.height) / 70 };
    };
    return { band: { x: band.x - card.x + 6, y: band.y - card.y + band.height / 2 }, arcStart: at(170), arcEnd: at(10) };
}

function near(actual: Rgb, expected: Rgb): boolean {
    return actual.every((v, i) => Math.abs(v - expected[i]) <= 8);
}

/** Each colour within a small tolerance of the expected one; a failure shows the colours found. */
function expectColours(actual: Rgb[], expected: Rgb[]): void {
    expect(actual.map((a, i) => (near(a, expected[i]) ? expected[i] : a))).toEqual(expected);
}

const green: Rgb = [0x10, 0x7c, 0x10];
const red: Rgb = [0xc5, 0x0f, 0x1f];
const grey: Rgb = [0x70, 0x70, 0x70];
const track: Rgb = [0xe6, 0xe6, 0xe6];

async function texts(page: Page, selector: string): Promise<string[]> {
    return page.locator(selector).allInnerTexts();
}

describe("the built health card in Chromium", () => {
    it("shows a healthy account: gauge value, band, trend, bars, reasons and the last scoring", async () => {
        const page = await mount(healthy);
        const gauge = page.getByRole("meter", { name: "Overall health" });
        expect(await gauge.getAttribute("aria-valuenow")).toBe("82");
        expect(await gauge.getAttribute("aria-valuetext")).toBe("82 – Healthy");
        expect(await page.locator(".loy-gauge-value").innerText()).toBe("82");
        expect(await page.locator(".loy-band").innerText()).toBe("Healthy");
        expect(await page.locator(".loy-trend").innerText()).toContain("Improving");
        for (const [name, value] of [["Understanding", "88"], ["Familiarity", "74"], ["Service", "85"]]) {
            expect(await page.getByRole("meter", { name }).getAttribute("aria-valuenow")).toBe(value);
        }
        const fill = await page.locator('.loy-pillar[data-pillar="Understanding"] .loy-bar-fill').evaluate((e) => (e as HTMLElement).style.width);
        expect(fill).toBe("88%");
        expect(await page.locator(".loy-scored-on").innerText()).toBe("Last scored June 28, 2026");
        const reasons = page.getByRole("list").filter({ has: page.locator(".loy-reason") });
        expect(await reasons.locator("li:visible").allInnerTexts()).toEqual([
            "Value with a money figure was reported in 4 of 4 periods (48,000 in total).",
            expect.stringContaining("monthly") as unknown as string,
            "The customer's goals were reviewed 21 days ago.",
        ]);
        expect(await texts(page, ".loy-action")).toEqual(["Meet people beyond your main contact."]);
        expect(await page.locator(".loy-perk").innerText()).toContain("Not perk-dependent");
        // The trend line: an image named by its summary, one point per assessment.
        const line = page.getByRole("img", { name: /Overall health over the last 12 months: 11 assessments, from 61 to 82/ });
        expect(await line.count()).toBe(1);
        expect(await page.locator(".loy-trend-point").count()).toBe(11);
        const queries = await page.evaluate(() => (window as unknown as { __queries: string[] }).__queries);
        expect(queries).toEqual([expect.stringContaining("loy_healthassessment?$select=loy_assessedon,loy_overallhealth&$filter=_loy_accountid_value eq 8f1a3c52")]);
        // In the picture: the band pill and the arc up to 82 are green, the rest of the arc is the grey track.
        const spots = await landmarks(page);
        const [band, start, end] = await pixels(page, await shoot(page, "healthy", true), [spots.band, spots.arcStart, spots.arcEnd]);
        expectColours([band, start, end], [green, green, track]);
        await page.context().close();
    });

    it("shows a perk-dependent account with its perk share, its unknown pillar as unknown, and all reasons on request by keyboard", async () => {
        const page = await mount(perkDependent);
        expect(await page.locator(".loy-band").innerText()).toBe("At risk");
        expect(await page.locator(".loy-perk-flag").innerText()).toBe("⚠ Perk-dependent");
        expect(await page.locator(".loy-perk-share").innerText()).toBe("63% of interactions are perks");
        const service = page.locator('.loy-pillar[data-pillar="Service"]');
        expect(await service.locator(".loy-pillar-value").innerText()).toBe("unknown");
        expect(await service.getByRole("meter").count()).toBe(0);
        expect(await page.getByRole("meter").count()).toBe(3); // the gauge and the two known pillars
        expect((await page.locator(".loy-reason:visible").allInnerTexts())[0]).toMatch(/^The relationship rests on perks: 10 perks against 6 value touches \(63% perks\)/);
        expect(await page.locator(".loy-reason:visible").count()).toBe(3);
        expect(await texts(page, ".loy-action")).toHaveLength(3);
        // A gap where an assessment had no score: two runs of the line.
        expect(await page.locator(".loy-trend-path").count()).toBe(2);
        const spots = await landmarks(page);
        const [band, start, end] = await pixels(page, await shoot(page, "perk-dependent", true), [spots.band, spots.arcStart, spots.arcEnd]);
        expectColours([band, start, end], [red, red, track]);

        await page.keyboard.press("Tab");
        const toggle = page.getByRole("button", { name: "Show all 5 reasons" });
        expect(await toggle.evaluate((e) => e === document.activeElement)).toBe(true);
        expect(await toggle.getAttribute("aria-expanded")).toBe("false");
        await page.keyboard.press("Enter");
        const fewer = page.getByRole("button", { name: "Show fewer reasons" });
        expect(await fewer.getAttribute("aria-expanded")).toBe("true");
        expect(await fewer.evaluate((e) => e === document.activeElement)).toBe(true);
        expect(await page.locator(".loy-reason:visible").count()).toBe(5);
        await shoot(page, "perk-dependent-all-reasons");
        await page.context().close();
    });

    it("says an account without enough data is not rated yet, without a gauge value", async () => {
        const page = await mount(notEnoughData);
        expect(await page.getByRole("meter", { name: "Overall health" }).count()).toBe(0);
        expect(await page.getByRole("img", { name: "Overall health: Not enough data" }).count()).toBe(1);
        expect(await page.locator(".loy-gauge-value").innerText()).toBe("–");
        expect(await page.locator(".loy-band").innerText()).toBe("Not enough data");
        expect(await page.getByRole("status").innerText()).toBe("There is not enough evidence to rate this account yet.");
        expect(await texts(page, ".loy-pillar-value")).toEqual(["45", "unknown", "unknown"]);
        expect((await texts(page, ".loy-reason"))[0]).toBe("Only 1 of the three pillars has evidence (2 needed), so the account is not rated yet.");
        expect(await page.locator(".loy-history-message").innerText()).toMatch(/^No history yet/);
        // No value, so no fill: the whole arc is track, the pill grey.
        const spots = await landmarks(page);
        const [band, start, end] = await pixels(page, await shoot(page, "not-enough-data", true), [spots.band, spots.arcStart, spots.arcEnd]);
        expectColours([band, start, end], [grey, track, track]);
        await page.context().close();
    });

    it("says an account that was never scored is not scored yet, and asks nothing of the Web API it cannot answer", async () => {
        const page = await mount(notScored);
        expect(await page.getByRole("status").innerText()).toMatch(/^Not scored yet This account has not been scored yet/);
        expect(await page.locator(".loy-gauge").count()).toBe(0);
        expect(await page.locator(".loy-pillar").count()).toBe(0);
        await shoot(page, "not-scored");
        await page.context().close();

        const unsaved = await mount({ ...notScored, accountId: null });
        expect(await unsaved.getByRole("status").innerText()).toContain("Save the account to score it.");
        expect(await unsaved.evaluate(() => (window as unknown as { __queries: string[] }).__queries)).toEqual([]);
        await unsaved.context().close();
    });

    it("shows the stored texts and says the history could not be loaded when the codes or the history cannot be read", async () => {
        const page = await mount(unreadable);
        expect(await texts(page, ".loy-reason")).toEqual(["Stored reason one.", "Stored reason two."]);
        expect(await page.locator(".loy-note").innerText()).toContain("Shown as stored");
        expect(await page.locator(".loy-history-message").innerText()).toBe("The history could not be loaded.");
        expect(await page.getByRole("meter", { name: "Overall health" }).getAttribute("aria-valuenow")).toBe("82");
        await shoot(page, "history-failed");
        await page.context().close();
    });

    it("says there is no history yet after the first scoring", async () => {
        const page = await mount(noHistory);
        expect(await page.locator(".loy-history").getAttribute("data-status")).toBe("none");
        expect(await page.locator(".loy-trend-line").count()).toBe(0);
        await shoot(page, "no-history");
        await page.context().close();
    });

    it("renders in German for a German user", async () => {
        const page = await mount(perkDependent, { languageId: 1031 });
        expect(await page.locator(".loy-title").innerText()).toBe("Kundenbindung");
        expect(await page.locator(".loy-band").innerText()).toBe("Gefährdet");
        expect(await page.locator('.loy-pillar[data-pillar="Service"] .loy-pillar-value').innerText()).toBe("unbekannt");
        expect((await texts(page, ".loy-reason"))[0]).toMatch(/^Die Beziehung beruht auf Gefälligkeiten/);
        expect(await page.locator(".loy-card").getAttribute("lang")).toBe("de");
        await shoot(page, "german");
        await page.context().close();
    });

    it.each([
        [1043, "nl", "Klantbinding", "Risico", "onbekend", /^De relatie draait op attenties/, "Volgende stappen"],
        [1030, "da", "Kundeloyalitet", "I risiko", "ukendt", /^Relationen bygger på opmærksomheder/, "Næste skridt"],
        [1035, "fi", "Asiakasuskollisuus", "Vaarassa", "ei tiedossa", /^Asiakassuhde nojaa huomionosoituksiin/, "Seuraavat toimet"],
    ])("renders for a user with LCID %i in %s", async (lcid, language, title, band, unknown, firstReason, actions) => {
        const page = await mount(perkDependent, { languageId: lcid });
        expect(await page.locator(".loy-title").innerText()).toBe(title);
        expect(await page.locator(".loy-band").innerText()).toBe(band);
        expect(await page.locator('.loy-pillar[data-pillar="Service"] .loy-pillar-value').innerText()).toBe(unknown);
        expect((await texts(page, ".loy-reason"))[0]).toMatch(firstReason);
        expect(await page.getByRole("heading", { name: actions }).count()).toBe(1);
        expect(await page.locator(".loy-card").getAttribute("lang")).toBe(language);
        expect(await page.locator(".loy-card").innerText()).not.toMatch(/[{}]/);
        await shoot(page, `language-${language}`);
        await page.context().close();
    });

    it("is read-only when the form disables the control, with the same content and nothing to edit", async () => {
        const page = await mount(healthy, { readOnly: true });
        expect(await page.locator(".loy-card").getAttribute("aria-readonly")).toBe("true");
        expect(await page.locator(".loy-readonly-badge").innerText()).toBe("Read-only");
        expect(await page.locator("input, textarea, select, [contenteditable]").count()).toBe(0);
        expect(await page.getByRole("meter", { name: "Overall health" }).getAttribute("aria-valuenow")).toBe("82");
        await shoot(page, "read-only");
        await page.context().close();
    });

    it("stacks in a narrow form column without overflowing it", async () => {
        const page = await mount(perkDependent, { width: 300 });
        expect(await page.locator(".loy-card").getAttribute("class")).toContain("loy-narrow");
        const box = await page.locator(".loy-card").boundingBox();
        expect(box?.width).toBeLessThanOrEqual(300);
        const overflow = await page.locator(".loy-card").evaluate((e) => e.scrollWidth - e.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const gauge = await page.locator(".loy-gauge-box").boundingBox();
        const pillars = await page.locator(".loy-pillars").boundingBox();
        expect(pillars!.y).toBeGreaterThan(gauge!.y + gauge!.height - 1);
        await shoot(page, "narrow");
        await page.context().close();
    });

    it("follows a dark colour scheme", async () => {
        const page = await mount(healthy, { colorScheme: "dark" });
        const colours = await page.locator(".loy-card").evaluate((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]);
        expect(colours).toEqual(["rgb(31, 31, 31)", "rgb(240, 240, 240)"]);
        expect(await page.locator(".loy-band").innerText()).toBe("Healthy");
        const card = (await page.locator(".loy-card").boundingBox())!;
        const [background] = await pixels(page, await shoot(page, "dark"), [{ x: card.width / 2, y: 4 }]);
        expectColours([background], [[31, 31, 31]]);
        await page.context().close();
    });

    it("uses the system colours in forced-colours (high contrast) mode and still writes the band out", async () => {
        const page = await mount(perkDependent, { forcedColors: "active" });
        expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
        const border = await page.locator(".loy-bar").first().evaluate((e) => getComputedStyle(e).borderTopWidth);
        expect(border).toBe("1px");
        expect(await page.locator(".loy-band").innerText()).toBe("At risk");
        const card = (await page.locator(".loy-card").boundingBox())!;
        const spots = await landmarks(page);
        const [background, band] = await pixels(page, await shoot(page, "high-contrast"), [{ x: card.width / 2, y: 4 }, spots.band]);
        expect(near(band, background)).toBe(false);
        await page.context().close();
    });
});
