import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ensureConsoleBuilt } from "../../scripts/build-web.js";
import { seedDemoIfEmpty } from "../../demo/index.js";
import { startTestHub, type TestHub } from "../helpers/hub.js";

/**
 * The web console in Debian's chromium (playwright-core, no browser download) against a whole
 * running hub with the demo data, as `npm start` serves it: one hub and one browser for the file,
 * a fresh browser context (its own sessionStorage, so its own signed-in identity) per user.
 *
 * The tests run in order; the last one approves a policy change, so it stays last.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const IN_CI = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Screenshots (gitignored); `.ci/run` prints where they are. */
const ARTIFACTS = path.join(ROOT, "test-artifacts", "browser");
const VIEWPORT = { width: 1280, height: 800 };
/** Every wait in a page: conditions only, generous for a loaded 2-core machine. */
const WAIT_MS = 60_000;
const TEST_MS = 180_000;

if (!HAVE_CHROMIUM && !IN_CI) {
  process.stderr.write(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH); in CI they fail instead\n`);
}

/** The LANTERN shop's phone and the COURIER couriers' shared account (README, "Planted demo networks"). */
const LANTERN_PHONE = "+44 7700 900101";
const COURIER_IBAN = "GB93 ALBS 4021 2420 2202 02";

/** The 27 nodes a customs analyst in OP-LANTERN sees around the LANTERN phone at depth 2 (the console's default). */
const LANTERN_FOR_CUSTOMS = [
  "+447700900101", "+447700900102", "+447700900103", "+447700900111", "+447700900112", "+447700900113", "+447700900114", "+447700900115", "+447700900116",
  "LANTERN-CASE-01: Lantern Shop: NPS and nitazenes sold online and posted to UK buyers",
  "LANTERN-PI-01", "LANTERN-PI-02", "LANTERN-PI-03", "LANTERN-PI-04", "LANTERN-PI-05", "LANTERN-PI-06",
  "LANTERN-SZ-01", "LANTERN-SZ-02", "LANTERN-SZ-03", "LANTERN-SZ-04",
  "LX990101013CN", "LX990101027CN", "LX990101035NL", "LX990101044NL", "LX990101058CN", "LX990101061CN",
  "orders@lantern-shop.example",
].sort();
/**
 * The same search once customs no longer read AMBER postal declarations: the six parcel records go, and
 * with them the identifiers only the delivered parcels PI-03 and PI-06 named (their item numbers and phones).
 */
const LANTERN_FOR_CUSTOMS_WITHOUT_AMBER_PARCELS = LANTERN_FOR_CUSTOMS.filter(
  (label) => !label.startsWith("LANTERN-PI-") && !["LX990101035NL", "LX990101061CN", "+447700900113", "+447700900116"].includes(label),
);

interface Identity {
  agency: string;
  role: string;
  clearance: number;
  sub: string;
  operations?: string;
  purpose?: string;
}

interface ShownNode {
  id: string;
  agency: string;
  label: string;
  restricted: boolean;
}

const CUSTOMS_LANTERN: Identity = { agency: "CUSTOMS", role: "analyst", clearance: 2, sub: "customs-analyst-demo", operations: "OP-LANTERN" };

const byTestId = (id: string) => `[data-testid="${id}"]`;

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)("the web console in chromium", () => {
  let hub: TestHub | undefined;
  let browser: Browser | undefined;
  let base = "";
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(`the browser tests need Debian's chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it), and CI must not skip them`);
    }
    await mkdir(ARTIFACTS, { recursive: true });
    // The console npm start serves: web/dist, built (in a child process) when missing or older than web/src.
    const build = await ensureConsoleBuilt();
    if (build.state === "unavailable") throw new Error(`the console could not be built: ${build.reason}`);
    // A generous subgraph timeout: linkGraph's hops on a busy machine must not turn into partial answers.
    hub = await startTestHub({ env: { SUBGRAPH_TIMEOUT_MS: "20000" } });
    await seedDemoIfEmpty(hub.hub, hub.config);
    base = new URL(hub.hub.gateway.url).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 600_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await hub?.close();
  });

  /** A new user: a browser context of its own (its own sessionStorage) at 1280x800. */
  async function newPage(name: string): Promise<Page> {
    if (!browser) throw new Error("no browser");
    const context = await browser.newContext({ viewport: VIEWPORT });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    onTestFailed(async () => {
      if (!page.isClosed()) await page.screenshot({ path: path.join(ARTIFACTS, `failed-${name}.png`) }).catch(() => {});
    });
    return page;
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  }

  /** Signs in with the demo identity picker and waits for the top bar. */
  async function signIn(page: Page, identity: Identity): Promise<void> {
    await page.goto(`${base}/console/`);
    await page.waitForSelector(byTestId("identity-picker"));
    await page.selectOption(byTestId("identity-agency"), identity.agency);
    await page.selectOption(byTestId("identity-role"), identity.role);
    await page.selectOption(byTestId("identity-clearance"), String(identity.clearance));
    await page.fill(byTestId("identity-sub"), identity.sub);
    await page.fill(byTestId("identity-operations"), identity.operations ?? "");
    await page.selectOption(byTestId("identity-purpose"), identity.purpose ?? "investigation");
    await page.click(byTestId("identity-submit"));
    await expect.poll(() => page.textContent(byTestId("signed-in-identity")), { timeout: WAIT_MS }).toContain(`${identity.sub} (${identity.agency} ${identity.role}, clearance ${identity.clearance})`);
  }

  /** The nodes in the node list (what the graph shows), in list order. */
  async function shownNodes(page: Page): Promise<ShownNode[]> {
    // A string is evaluated as an expression in the page (the test project has no DOM types).
    const json = await page.evaluate<string>(`JSON.stringify([...document.querySelectorAll('[data-testid="node-item"]')].map((item) => {
      const meta = item.querySelector("span.muted")?.textContent ?? "";
      const text = item.textContent ?? "";
      return { id: item.getAttribute("data-node-id") ?? "", agency: item.getAttribute("data-agency") ?? "", label: text.slice(0, text.length - meta.length).trim(), restricted: meta.includes("restricted") };
    }))`);
    return JSON.parse(json) as ShownNode[];
  }

  const labels = (nodes: readonly ShownNode[]) => nodes.map((node) => node.label).sort();
  const agencies = (nodes: readonly ShownNode[]) => [...new Set(nodes.map((node) => node.agency).filter(Boolean))].sort();
  const countBy = (nodes: readonly ShownNode[], agency: string) => nodes.filter((node) => node.agency === agency).length;

  /** Waits until a search has answered: the button is enabled again and the status counts nodes and edges. */
  async function searchAnswered(page: Page): Promise<string> {
    // Polled from the test (page.waitForFunction would evaluate a string in the page, which the console's CSP forbids).
    const state = async () => {
      const error = await page.$(byTestId("graph-error"));
      if (error) return `error: ${await error.textContent()}`;
      const idle = await page.isEnabled(byTestId("search-submit"));
      const status = (await page.textContent(byTestId("graph-status"))) ?? "";
      return idle && /^\d+ nodes, \d+ edges/.test(status) ? status : "busy";
    };
    await expect.poll(state, { timeout: WAIT_MS, interval: 200 }).not.toBe("busy");
    const answer = await state();
    if (answer.startsWith("error: ")) throw new Error(`the search failed: ${answer.slice("error: ".length)}`);
    return answer;
  }

  /** Types an identifier, searches (depth 2 unless said) and waits for the answer. */
  async function search(page: Page, identifier: string, depth = 2): Promise<string> {
    await page.fill(byTestId("search-box"), identifier);
    await page.selectOption(byTestId("search-depth"), String(depth));
    await page.click(byTestId("search-submit"));
    return searchAnswered(page);
  }

  it("an analyst finds a planted phone and sees nodes from three agencies", async () => {
    const page = await newPage("analyst-lantern");
    await signIn(page, CUSTOMS_LANTERN);
    const status = await search(page, LANTERN_PHONE);
    expect(status).toBe("27 nodes, 46 edges");
    const nodes = await shownNodes(page);
    expect(agencies(nodes)).toEqual(["CUSTOMS", "POLICE", "POSTAL"]);
    expect(nodes).toHaveLength(27);
    expect(labels(nodes)).toEqual(LANTERN_FOR_CUSTOMS);
    // Customs' own four seizures, the police case opened by the operation, the six AMBER parcels; 16 identifiers.
    expect([countBy(nodes, "CUSTOMS"), countBy(nodes, "POLICE"), countBy(nodes, "POSTAL"), countBy(nodes, "")]).toEqual([4, 1, 6, 16]);
    expect(nodes.filter((node) => node.restricted)).toEqual([]);
    expect(await page.textContent("h2:has-text('Nodes (')")).toBe("Nodes (27)");
    await page.waitForSelector(`${byTestId("graph-canvas")} canvas`, { state: "attached" });
    await shoot(page, "1-customs-analyst-lantern-graph");
  }, TEST_MS);

  it("a postal officer sees no FIU content", async () => {
    // The FIU holds two reports on the couriers' shared account: its own analyst sees them in full.
    const fiu = await newPage("fiu-courier");
    await signIn(fiu, { agency: "FIU", role: "analyst", clearance: 2, sub: "fiu-analyst-demo" });
    expect(await search(fiu, COURIER_IBAN)).toMatch(/^7 nodes, /);
    const fiuNodes = await shownNodes(fiu);
    expect(countBy(fiuNodes, "FIU")).toBe(2);
    expect(fiuNodes.filter((node) => node.agency === "FIU" && node.restricted)).toEqual([]);
    await shoot(fiu, "2-fiu-analyst-courier-iban");

    // The post gets nothing of the FIU (policies/default/40-fiu.yaml: no fiuHit for it either): the account alone.
    const postal = await newPage("postal-officer");
    await signIn(postal, { agency: "POSTAL", role: "officer", clearance: 2, sub: "postal-officer-demo" });
    expect(await search(postal, COURIER_IBAN)).toBe("1 nodes, 0 edges");
    const onAccount = await shownNodes(postal);
    expect(onAccount.map((node) => [node.label, node.agency])).toEqual([["GB93ALBS40212420220202", ""]]);
    await shoot(postal, "2-postal-officer-courier-iban");

    // Around the LANTERN phone: its own six parcels, customs' four seizures only as restricted (exists, no content), no FIU node at all.
    expect(await search(postal, LANTERN_PHONE)).toBe("24 nodes, 28 edges");
    const onPhone = await shownNodes(postal);
    expect(agencies(onPhone)).toEqual(["CUSTOMS", "POSTAL"]);
    expect(countBy(onPhone, "FIU")).toBe(0);
    expect(countBy(onPhone, "POSTAL")).toBe(6);
    expect(onPhone.filter((node) => node.agency === "CUSTOMS").map((node) => node.restricted)).toEqual([true, true, true, true]);
    expect(onPhone.filter((node) => node.agency === "POSTAL" && node.restricted)).toEqual([]);
    await shoot(postal, "2-postal-officer-lantern-graph");
  }, TEST_MS);

  it("the detail panel shows withheld fields as withheld, with the rule that withheld them", async () => {
    const page = await newPage("detail");
    await signIn(page, CUSTOMS_LANTERN);
    await search(page, LANTERN_PHONE);
    // The police case, opened to customs by the operation, except its summary and informants.
    await page.click(`${byTestId("node-item")}:has-text("LANTERN-CASE-01")`);
    const fields = page.locator(`${byTestId("node-detail")} ${byTestId("record-fields")}`);
    await fields.waitFor();
    const row = (name: string) => fields.locator(`tr[data-field="${name}"]`);
    await expect.poll(() => row("summary").getAttribute("data-state"), { timeout: WAIT_MS }).toBe("withheld");
    expect(await row("summary").locator("td").textContent()).toBe("withheld (rule customs-police.no-case-summary)");
    expect(await row("informants").getAttribute("data-state")).toBe("withheld");
    expect(await row("informants").locator("td").textContent()).toBe("withheld (rule police.informants-stay-in-police)");
    expect(await row("title").getAttribute("data-state")).toBe("shown");
    expect(await row("title").locator("td").textContent()).toBe("Lantern Shop: NPS and nitazenes sold online and posted to UK buyers");
    expect(await row("reference").locator("td").textContent()).toBe("LANTERN-CASE-01");
    const withheld = await Promise.all((await fields.locator('tr[data-state="withheld"]').all()).map((r) => r.getAttribute("data-field")));
    expect(withheld.sort()).toEqual(["bankAccounts", "informants", "summary"]);
    // Another agency's record lists no bank accounts outside the FIU (the parties show the IBANs masked).
    expect(await row("bankAccounts").locator("td").textContent()).toBe("withheld (rule iban.no-account-list-outside-fiu)");
    await row("summary").scrollIntoViewIfNeeded();
    await shoot(page, "4-customs-analyst-case-detail-withheld");
  }, TEST_MS);

  it("signs in and searches with the keyboard only", async () => {
    const page = await newPage("keyboard");
    await page.goto(`${base}/console/`);
    await page.waitForSelector(byTestId("identity-picker"));
    /** Tabs forward until the control is focused (it must be reachable), at most `limit` presses. */
    const focused = () => page.evaluate<string | null>(`document.activeElement?.getAttribute("data-testid") ?? null`);
    const tabTo = async (testId: string, limit = 60) => {
      for (let presses = 0; presses < limit; presses += 1) {
        if ((await focused()) === testId) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`${testId} was not reached with ${limit} presses of Tab`);
    };
    const focusedValue = () => page.evaluate<string | null>(`document.activeElement?.value ?? null`);
    // Selects take type-ahead; text fields take typing.
    await tabTo("identity-agency");
    await page.keyboard.type("CUSTOMS");
    await expect.poll(focusedValue).toBe("CUSTOMS");
    await tabTo("identity-role");
    await page.keyboard.type("analyst");
    await expect.poll(focusedValue).toBe("analyst");
    await tabTo("identity-clearance");
    await page.keyboard.type("2");
    await expect.poll(focusedValue).toBe("2");
    await tabTo("identity-sub");
    await page.keyboard.type("keyboard-analyst");
    await tabTo("identity-operations");
    await page.keyboard.type("OP-LANTERN");
    await tabTo("identity-submit");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent(byTestId("signed-in-identity")), { timeout: WAIT_MS }).toContain("keyboard-analyst (CUSTOMS analyst, clearance 2)");

    await tabTo("search-box");
    await page.keyboard.type(LANTERN_PHONE);
    await page.keyboard.press("Enter");
    expect(await searchAnswered(page)).toBe("27 nodes, 46 edges");
    expect(agencies(await shownNodes(page))).toEqual(["CUSTOMS", "POLICE", "POSTAL"]);

    // The node list is the keyboard's way into the graph: Enter on a node opens its detail.
    await tabTo("node-item", 150);
    const first = await page.evaluate<string | null>(`document.activeElement?.getAttribute("data-node-id") ?? null`);
    expect(first).toBeTruthy();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(`${byTestId("node-item")}[data-node-id="${first}"]`).getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.locator(byTestId("node-detail")).getAttribute("aria-label")).toMatch(/^Detail of /);
    await shoot(page, "5-keyboard-only-search");
  }, TEST_MS);

  // Last: it changes the active policy set of this file's hub.
  it("an administrator proposes a change, a second approves it, and the analyst's graph changes accordingly", async () => {
    const analyst = await newPage("policy-analyst");
    await signIn(analyst, CUSTOMS_LANTERN);
    expect(await search(analyst, LANTERN_PHONE)).toBe("27 nodes, 46 edges");
    expect(labels(await shownNodes(analyst))).toEqual(LANTERN_FOR_CUSTOMS);

    // admin-1 stops customs reading AMBER postal declarations (postal.customs-advance-data: CLEAR and GREEN only).
    const admin1 = await newPage("admin-1");
    await signIn(admin1, { agency: "HUB", role: "admin", clearance: 0, sub: "admin-1" });
    await admin1.click(byTestId("nav-policies"));
    await admin1.click(byTestId("policy-open-50-postal"));
    const editor = admin1.locator(byTestId("policy-editor"));
    await expect.poll(() => editor.inputValue(), { timeout: WAIT_MS }).toContain("postal.customs-advance-data");
    const active = await editor.inputValue();
    const amberLine = "          - GREEN\n          - AMBER\n  - id: postal.police-investigation";
    expect(active).toContain(amberLine);
    await editor.fill(active.replace(amberLine, "          - GREEN\n  - id: postal.police-investigation"));
    await admin1.fill(byTestId("policy-comment"), "customs read CLEAR and GREEN postal declarations only");
    await admin1.click(byTestId("policy-propose"));
    const message = admin1.locator(byTestId("admin-message"));
    await expect.poll(async () => (await message.count()) > 0 && ((await message.textContent()) ?? ""), { timeout: WAIT_MS }).toMatch(/^Propose: change [0-9a-f-]{36} PROPOSED$/);
    const changeId = ((await message.textContent()) ?? "").split(" ")[2] ?? "";
    await admin1.waitForSelector(`${byTestId("policy-changes")} li[data-change-id="${changeId}"]`);
    await shoot(admin1, "3-admin-1-proposed");
    // The proposer may not approve it.
    await admin1.locator(`${byTestId("policy-changes")} li[data-change-id="${changeId}"] ${byTestId("policy-approve")}`).click();
    await expect.poll(() => message.textContent(), { timeout: WAIT_MS }).toMatch(/^Approve refused: .*\(FORBIDDEN, rule two-person-rule\)$/);

    // A proposal alone changes nothing.
    expect(await search(analyst, LANTERN_PHONE)).toBe("27 nodes, 46 edges");

    // admin-2, another administrator, approves it (the two-person rule).
    const admin2 = await newPage("admin-2");
    await signIn(admin2, { agency: "HUB", role: "admin", clearance: 0, sub: "admin-2" });
    await admin2.click(byTestId("nav-policies"));
    const change = admin2.locator(`${byTestId("policy-changes")} li[data-change-id="${changeId}"]`);
    await change.waitFor();
    expect(await change.textContent()).toContain("by admin-1 (HUB)");
    await change.locator(byTestId("policy-approve")).click();
    await expect.poll(() => admin2.textContent(byTestId("admin-message")), { timeout: WAIT_MS }).toBe(`Approve: change ${changeId} APPROVED, version 2`);
    await shoot(admin2, "3-admin-2-approved");

    // Every service enforces the new version within the live-reload delay: search again until it shows.
    await expect
      .poll(async () => {
        await analyst.click(byTestId("search-submit"));
        await searchAnswered(analyst);
        return agencies(await shownNodes(analyst));
      }, { timeout: WAIT_MS, interval: 500 })
      .toEqual(["CUSTOMS", "POLICE"]);
    expect(await searchAnswered(analyst)).toBe("17 nodes, 22 edges");
    const after = await shownNodes(analyst);
    expect(labels(after)).toEqual(LANTERN_FOR_CUSTOMS_WITHOUT_AMBER_PARCELS);
    expect([countBy(after, "CUSTOMS"), countBy(after, "POLICE"), countBy(after, "POSTAL"), countBy(after, "")]).toEqual([4, 1, 0, 12]);
    await shoot(analyst, "3-customs-analyst-after-approval");
  }, TEST_MS);
});
