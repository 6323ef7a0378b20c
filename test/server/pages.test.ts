/**
 * Server-rendered pages in-process: the no-JavaScript flows (form post → redirect → answer page,
 * audience switch, related links), page structure, friendly 404s, and escaping of every text
 * that comes from a source or a user.
 */
import { fileURLToPath } from "node:url";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OslerApp } from "../../src/app.js";
import { httpFor, openTestApp } from "./helpers.js";

const XSS_LIBRARY = fileURLToPath(new URL("../web/fixtures/xss-library", import.meta.url));

let app: OslerApp;
let http: OpenAPIHono;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await openTestApp());
  await app.importLibrary(XSS_LIBRARY);
  http = await httpFor(app, { server: { askRateLimit: 0 } });
});
afterAll(async () => cleanup());

function form(fields: Record<string, string>) {
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

async function askByForm(fields: Record<string, string>): Promise<string> {
  const res = await http.request("/ask", form(fields));
  expect(res.status).toBe(303);
  return res.headers.get("location") ?? "";
}

function expectWellFormedPage(html: string) {
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  expect(html).toContain('<main id="main"');
  expect(html).toMatch(/<header class="site-header">/);
  expect(html).toMatch(/<footer class="site-footer">/);
  // CSP forbids inline code: every script has a src, and nothing uses style attributes
  for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="\/static\/osler\.js"/);
  expect(html).not.toMatch(/\sstyle="/);
  expect(html).not.toMatch(/\son[a-z]+="/);
}

describe("asking without JavaScript", () => {
  it("shows the ask page with the audience question and examples", async () => {
    const res = await http.request("/");
    const html = await res.text();
    expectWellFormedPage(html);
    expect(html).toContain("Which best describes you?");
    for (const label of ["Clinician", "Nurse", "Pharmacist", "Student", "Patient or caregiver"])
      expect(html).toContain(label);
    expect(html).toContain("Example questions");
  });

  it("posts the form, redirects to a shareable /q/<slug>-<id> URL and renders the answer", async () => {
    const location = await askByForm({
      question: "Which vasopressor is first line in septic shock?",
      audience: "clinician",
    });
    expect(location).toMatch(/^\/q\/[a-z0-9-]+-ans_[0-9a-f]+$/);
    const html = await (await http.request(location)).text();
    expectWellFormedPage(html);
    expect(html).toContain("<h1>Which vasopressor is first line in septic shock?</h1>");
    for (const text of [
      "Submitted",
      "Under review",
      "Approved",
      "pending human review",
      "Last updated",
      "/policy",
      "References",
      "Professional disclaimer",
      "citations.ris",
      "citations.bib",
      "citations.json",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<sup class="cites"><a class="cite" href="#ref-1"/);
    expect(html).toContain('aria-current="step"');
    // a cited guideline's supporting text is the Osler summary citing it, and says so
    expect(html).toContain("Supporting passage (from the Osler summary that cites this source)");
    // the follow-up form keeps the context
    expect(html).toMatch(/name="followUpOf" value="ans_[0-9a-f]+"/);
    // the page is listed among recent questions
    expect(await (await http.request("/")).text()).toContain(
      "Which vasopressor is first line in septic shock?",
    );
  });

  it("remembers the audience in a cookie", async () => {
    const res = await http.request(
      "/ask",
      form({ question: "What is the first-line vasopressor in septic shock?", audience: "nurse" }),
    );
    expect(res.headers.get("set-cookie")).toMatch(/osler_audience=nurse/);
    const page = await (await http.request("/", { headers: { Cookie: "osler_audience=pharmacist" } })).text();
    expect(page).toMatch(/value="pharmacist" aria-describedby="audience-hint" checked/);
  });

  it("redirects a stale slug to the canonical URL and re-renders for another audience", async () => {
    const location = await askByForm({
      question: "How is heparin resistance monitored with anti-Xa levels?",
      audience: "clinician",
    });
    const id = location.split("-").at(-1);
    const stale = await http.request(`/q/old-title-${id}`);
    expect(stale.status).toBe(301);
    expect(stale.headers.get("location")).toBe(location);
    const patient = await http.request(`${location}?audience=patient`);
    expect(patient.status).toBe(200);
    const html = await patient.text();
    expect(html).toContain("Shown in language for: Patient or caregiver");
    expect(html).toContain('<option value="patient" selected>');
  });

  it("asks related-question links (GET /ask?q=) and lands on the answer", async () => {
    const res = await http.request(
      `/ask?q=${encodeURIComponent("How should apixaban be reversed in major bleeding?")}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/q\//);
  });

  it("re-shows the form with the message when the question is invalid", async () => {
    const res = await http.request("/ask", form({ question: "x" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("too short");
    expect(html).toContain('aria-invalid="true"');
  });
});

describe("other pages", () => {
  it("shows a friendly 404 page for unknown pages and answers", async () => {
    for (const url of ["/nowhere", "/q/some-question-ans_ffffffffffffffffffff", "/sources/lib:nothing"]) {
      const res = await http.request(url);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      const html = await res.text();
      expectWellFormedPage(html);
      expect(html).toContain("Page not found");
    }
  });

  it("lists the library by specialty, searches, and shows the policy", async () => {
    const library = await (await http.request("/library")).text();
    expectWellFormedPage(library);
    expect(library).toContain("Critical care");
    expect(library).toContain('href="/sources/lib%3Athrombosis/heparin-resistance"');
    const search = await (await http.request("/search?q=anti-Xa")).text();
    expectWellFormedPage(search);
    expect(search).toMatch(/<mark>anti-Xa<\/mark>/i);
    const policy = await (await http.request("/policy")).text();
    expectWellFormedPage(policy);
    for (const word of ["Submitted", "Under review", "Approved", "Changes requested", "Educational use"])
      expect(policy).toContain(word);
  });

  it("shows a source with passage anchors, highlighting and the answers citing it", async () => {
    const res = await http.request("/sources/lib:thrombosis/heparin-resistance?hl=anti-Xa%20monitoring");
    const html = await res.text();
    expectWellFormedPage(html);
    expect(html).toContain('id="lib:thrombosis/heparin-resistance#monitoring"');
    expect(html).toContain("<mark>");
    expect(html).toContain("Answers citing this source");
  });

  it("redirects /passage/<id> to the passage anchor in its source", async () => {
    const res = await http.request(
      `/passage/${encodeURIComponent("lib:thrombosis/heparin-resistance#monitoring")}`,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(
      "/sources/lib%3Athrombosis/heparin-resistance#lib%3Athrombosis%2Fheparin-resistance%23monitoring",
    );
  });

  it("serves the stylesheet and script with their types and an ETag", async () => {
    const css = await http.request("/static/osler.css");
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
    const etag = css.headers.get("etag") ?? "";
    expect((await http.request("/static/osler.css", { headers: { "If-None-Match": etag } })).status).toBe(
      304,
    );
    expect((await http.request("/static/osler.js")).headers.get("content-type")).toMatch(/javascript/);
    expect((await http.request("/static/other.js")).status).toBe(404);
  });
});

describe("escaping", () => {
  const RAW = ["<script>window.__xss", '<img src=x onerror="window.__xss', "<img src=x onerror="];

  it("renders markup in passages, titles and publishers as text on the source page", async () => {
    const html = await (await http.request("/sources/lib:toxicology/xss-probe")).text();
    for (const raw of RAW) expect(html).not.toContain(raw);
    expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;");
  });

  it("renders markup in questions and cited sources as text on the answer page", async () => {
    const hostile = await askByForm({
      question: 'How is zorbitrazine overdose treated? <img src=x onerror="window.__xss=5">',
    });
    const asked = await (await http.request(hostile)).text();
    for (const raw of RAW) expect(asked).not.toContain(raw);
    expect(asked).toContain("&lt;img src=x onerror=&quot;window.__xss=5&quot;&gt;");
    const citing = await askByForm({ question: "How is zorbitrazine overdose treated?" });
    const html = await (await http.request(citing)).text();
    for (const raw of RAW) expect(html).not.toContain(raw);
    expect(html).toContain("Zorbitrazine &lt;script&gt;window.__xss=3&lt;/script&gt; overdose");
    expect(html).toContain("Imaginary Toxicology Group &lt;img src=x onerror=&quot;window.__xss=4&quot;&gt;");
  });
});
