/**
 * End-to-end in a real browser (Debian's Chromium through playwright-core) against the real
 * server on a random port with a temporary database: ask with streamed progress, open a citation,
 * switch audience, follow a related question, ask a follow-up, screenshots at desktop and phone
 * widths (test-artifacts/), axe-core accessibility checks, the no-JavaScript path, and XSS.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OslerApp } from "../../src/app.js";
import { loadSettings } from "../../src/config/settings.js";
import { type RunningServer, startServer } from "../../src/server/start.js";
import { tempDbPath } from "../server/helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const AXE = readFileSync(
  fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url)),
  "utf8",
);
const XSS_LIBRARY = fileURLToPath(new URL("./fixtures/xss-library", import.meta.url));
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const QUESTION = "What should be done when a DVT occurs despite LMWH prophylaxis in septic shock?";

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

let browser: Browser;
let server: RunningServer;
let cleanup: () => void;
const problems: string[] = [];

async function newPage(
  options: { viewport?: typeof DESKTOP; bypassCSP?: boolean; javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, ...options });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** axe-core through evaluate (not a script tag), so the page's strict CSP stays in force. */
async function expectAccessible(page: Page, label: string) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${label}: ${JSON.stringify(serious)}`).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe.skipIf(!hasChromium)("Osler in a real browser", () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const db = tempDbPath("osler-e2e-");
    cleanup = db.cleanup;
    const settings = loadSettings({ dbPath: db.dbPath, logLevel: "silent", server: { port: 0 } }, {});
    // Starter library plus the XSS fixture, loaded before the server starts as a user would import.
    const setup = OslerApp.open(settings);
    await setup.ensureLibrary();
    await setup.importLibrary(XSS_LIBRARY);
    await setup.close();
    server = await startServer(settings);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanup?.();
  });

  it("asks with streamed progress, opens a citation, switches audience, follows related and follow-up questions", async () => {
    const page = await newPage();
    await page.goto(server.url);
    expect(await page.locator("h1").count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}ask-desktop.png`, fullPage: true });
    await expectAccessible(page, "ask page");

    // The first Tab reaches the skip link, whose focus is visible.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");

    await page.fill("#question", QUESTION);
    await page.check("input[name=audience][value=clinician]", { force: true });
    const streamed = page.waitForResponse(
      (r) =>
        r.url().endsWith("/api/answers") &&
        (r.headers()["content-type"] ?? "").startsWith("text/event-stream"),
    );
    await page.click("#ask-form button[type=submit]");
    await streamed;
    await page.waitForURL(/\/q\/[a-z0-9-]+-ans_[0-9a-f]+$/);
    const answerUrl = page.url();
    expect((await page.locator("h1").textContent())?.trim()).toBe(QUESTION);
    expect(await page.locator(".review-steps [aria-current=step]").count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}answer-desktop.png`, fullPage: true });
    await expectAccessible(page, "answer page");

    // A citation opens its supporting passage with the statement's words highlighted.
    const cite = page.locator("a.cite").first();
    await cite.click();
    const dialog = page.locator("dialog#cite-dialog[open]");
    await dialog.waitFor();
    expect(await dialog.locator("mark").count()).toBeGreaterThan(0);
    // The first citation of a library-backed answer is a guideline or trial whose supporting text
    // is the Osler summary citing it; the dialog says so whenever that is the case.
    const citedRef = await page
      .locator(`#ref-${await cite.getAttribute("data-ref")}`)
      .getAttribute("data-via-summary");
    const refLine = (await dialog.locator(".cite-dialog-ref").textContent()) ?? "";
    expect(refLine.includes("passage from the Osler summary that cites it")).toBe(citedRef === "true");
    expect(await dialog.locator(".cite-dialog-source").getAttribute("href")).toMatch(
      /^\/(passage|sources)\//,
    );
    await page.screenshot({ path: `${ARTIFACTS}citation-desktop.png` });
    await expectAccessible(page, "citation dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" }).catch(() => {});
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cite"))).toBe(true);

    // Audience switch re-renders the same answer for another reader.
    await page.selectOption("#audience-select", "nurse");
    await page.click(".audience-switch button");
    await page.waitForURL(/audience=nurse/);
    expect((await page.locator(".rendered-note").textContent())?.trim()).toContain("Nurse");

    // A related question is asked and lands on its own answer.
    await page.goto(answerUrl);
    const related = page.locator(".related a").first();
    const relatedText = (await related.textContent())?.trim();
    await related.click();
    await page.waitForURL((url) => url.pathname.startsWith("/q/") && url.href !== answerUrl);
    expect((await page.locator("h1").textContent())?.trim()).toBe(relatedText);

    // A follow-up keeps the context of the answer it follows.
    await page.goto(answerUrl);
    await page.fill("#follow-question", "And in severe renal impairment?");
    await page.click(".follow-up button[type=submit]");
    await page.waitForURL((url) => url.pathname.startsWith("/q/") && url.href !== answerUrl);
    expect((await page.locator(".eyebrow").first().textContent())?.trim()).toMatch(/follow-up question/i);

    // Phone width: no horizontal scrolling, screenshots of both pages.
    const phone = await newPage({ viewport: PHONE });
    await phone.goto(server.url);
    await expectNoHorizontalScroll(phone);
    await phone.screenshot({ path: `${ARTIFACTS}ask-phone.png`, fullPage: true });
    await phone.goto(answerUrl);
    await expectNoHorizontalScroll(phone);
    await phone.screenshot({ path: `${ARTIFACTS}answer-phone.png`, fullPage: true });
    await expectAccessible(phone, "answer page (phone)");

    expect(problems).toEqual([]); // no script errors and no CSP violations on our own pages
  }, 90_000);

  it("works without JavaScript: the form posts and redirects to the answer", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(server.url);
    await page.fill("#question", "Which vasopressor is first line in septic shock?");
    await page.click("#ask-form button[type=submit]");
    await page.waitForURL(/\/q\//);
    expect((await page.locator("h1").textContent())?.trim()).toBe(
      "Which vasopressor is first line in septic shock?",
    );
    // Citations fall back to the reference list.
    await page.locator("a.cite").first().click();
    expect(page.url()).toMatch(/#ref-\d+$/);
  }, 30_000);

  it("renders hostile passages, titles and questions as text (escaping alone, CSP bypassed)", async () => {
    // bypassCSP: the page must be safe because of escaping, not only because CSP blocks inline code.
    const page = await newPage({ bypassCSP: true });
    const xss = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    await page.goto(`${server.url}/sources/lib:toxicology/xss-probe`);
    expect(await page.getByText("<script>window.__xss=1</script>", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText('<img src=x onerror="window.__xss=2">', { exact: false }).isVisible()).toBe(
      true,
    );
    expect(await xss()).toBeUndefined();

    await page.goto(server.url);
    await page.fill("#question", "How is zorbitrazine overdose treated?");
    await page.click("#ask-form button[type=submit]");
    await page.waitForURL(/\/q\//);
    expect((await page.locator(".references").textContent())?.trim()).toContain(
      "<script>window.__xss=3</script>",
    );
    await page.locator("a.cite").first().click();
    await page.locator("dialog#cite-dialog[open]").waitFor();
    await page.keyboard.press("Escape");

    await page.goto(
      `${server.url}/ask?q=${encodeURIComponent('zorbitrazine <img src=x onerror="window.__xss=5">')}`,
    );
    await page.waitForURL(/\/q\//);
    expect((await page.locator("h1").textContent())?.trim()).toContain(
      '<img src=x onerror="window.__xss=5">',
    );
    expect(await xss()).toBeUndefined();
  }, 30_000);
});
