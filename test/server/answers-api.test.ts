/**
 * The answers API in-process against a real database with the starter library: asking (JSON and
 * SSE), fetching, citation export, and the one error shape for every failure.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import type { OslerApp } from "../../src/app.js";
import { askJson, httpFor, openTestApp, parseSse } from "./helpers.js";

const QUESTION = "What should be done when a DVT occurs despite LMWH prophylaxis in septic shock?";

let app: OslerApp;
let http: OpenAPIHono;
let cleanup: () => Promise<void>;
let answer: Answer;

beforeAll(async () => {
  ({ app, cleanup } = await openTestApp());
  http = await httpFor(app, { server: { askRateLimit: 0 } });
  const res = await askJson(http, { question: QUESTION });
  answer = (await res.json()) as Answer;
});
afterAll(async () => cleanup());

function expectErrorShape(body: unknown, code: string) {
  const { error } = body as { error: Record<string, unknown> };
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(typeof error.retryable).toBe("boolean");
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/); // no stack traces
}

describe("POST /api/answers", () => {
  it("answers with the Answer contract", () => {
    expect(answer.id).toMatch(/^ans_/);
    expect(answer.question).toBe(QUESTION);
    for (const key of [
      "audience",
      "title",
      "abstained",
      "bottomLine",
      "sections",
      "references",
      "relatedQuestions",
      "review",
      "meta",
    ]) {
      expect(answer).toHaveProperty(key);
    }
    expect(answer.references.length).toBeGreaterThan(0);
  });

  it("is reproducible: asking again returns the same answer id", async () => {
    const again = (await (await askJson(http, { question: QUESTION })).json()) as Answer;
    expect(again.id).toBe(answer.id);
  });

  it.each([
    ["no question", {}, /question/],
    ["a too-short question", { question: "hi" }, /too short/],
    ["a question over the length limit", { question: `heparin ${"x".repeat(1200)}` }, /longer than 1000/],
    ["an unknown audience", { question: QUESTION, audience: "surgeon" }, /audience/],
    ["an unknown field", { question: QUESTION, priority: "high" }, /priority|Unrecognized/i],
    ["a malformed follow-up id", { question: QUESTION, followUpOf: "<script>" }, /followUpOf/],
    ["a question that is not a string", { question: 42 }, /question/],
  ])("rejects %s with 400 invalid_input", async (_name, body, message) => {
    const res = await askJson(http, body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expectErrorShape(json, "invalid_input");
    expect((json as { error: { message: string } }).error.message).toMatch(message);
  });

  it("rejects malformed JSON with 400 invalid_input", async () => {
    const res = await askJson(http, "{not json");
    expect(res.status).toBe(400);
    expectErrorShape(await res.json(), "invalid_input");
  });

  it("rejects a body over 16 KB with 413 payload_too_large", async () => {
    const res = await askJson(http, { question: "a".repeat(20_000) });
    expect(res.status).toBe(413);
    expectErrorShape(await res.json(), "payload_too_large");
  });

  it("answers 404 not_found for a follow-up of an unknown answer", async () => {
    const res = await askJson(http, {
      question: "and in renal failure?",
      followUpOf: "ans_00000000000000000000",
    });
    expect(res.status).toBe(404);
    expectErrorShape(await res.json(), "not_found");
  });

  it("keeps the context of a follow-up", async () => {
    const res = await askJson(http, { question: "And in severe renal impairment?", followUpOf: answer.id });
    expect(res.status).toBe(200);
    const follow = (await res.json()) as Answer;
    expect(follow.followUpOf).toBe(answer.id);
  });
});

describe("rate limiting on asking", () => {
  it("answers 429 with Retry-After once the per-minute limit is used up", async () => {
    const limited = await httpFor(app, { server: { askRateLimit: 2 } });
    expect((await askJson(limited, { question: QUESTION })).status).toBe(200);
    expect((await askJson(limited, { question: QUESTION })).status).toBe(200);
    const res = await askJson(limited, { question: QUESTION });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const json = (await res.json()) as { error: { retryable: boolean } };
    expectErrorShape(json, "rate_limited");
    expect(json.error.retryable).toBe(true);
    // reading is not limited
    expect((await limited.request(`/api/answers/${answer.id}`)).status).toBe(200);
  });
});

describe("streaming progress (SSE)", () => {
  it("streams progress events in pipeline order, then one answer event", async () => {
    const res = await askJson(
      http,
      { question: "How is heparin resistance monitored with anti-Xa levels?" },
      { Accept: "text/event-stream" },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    const stages = events
      .filter((e) => e.event === "progress")
      .map((e) => (e.data as { stage: string }).stage);
    const order = ["analysing", "searching", "selecting", "composing", "verifying"];
    expect(stages[0]).toBe("analysing");
    expect(stages).toEqual([...stages].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const last = events.at(-1);
    expect(last?.event).toBe("answer");
    const data = last?.data as { id: string; url: string; answer: Answer };
    expect(data.url).toMatch(new RegExp(`^/q/[a-z0-9-]+-${data.id}$`));
    expect(data.answer.id).toBe(data.id);
  });

  it("reports a failure inside the stream as an error event in the API error shape", async () => {
    const res = await askJson(
      http,
      { question: "and for children?", followUpOf: "ans_11111111111111111111" },
      { Accept: "text/event-stream" },
    );
    const events = parseSse(await res.text());
    expect(events.at(-1)?.event).toBe("error");
    expectErrorShape(events.at(-1)?.data, "not_found");
  });
});

describe("GET /api/answers/:id and exports", () => {
  it("returns a stored answer and 404 JSON for an unknown id", async () => {
    const ok = await http.request(`/api/answers/${answer.id}`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Answer).id).toBe(answer.id);
    const missing = await http.request("/api/answers/ans_ffffffffffffffffffff");
    expect(missing.status).toBe(404);
    expectErrorShape(await missing.json(), "not_found");
  });

  it("exports RIS with one record per reference", async () => {
    const res = await http.request(`/api/answers/${answer.id}/citations.ris`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/research-info-systems/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.ris"/);
    const text = await res.text();
    expect(text.match(/^TY {2}- /gm)?.length).toBe(answer.references.length);
    expect(text.match(/^ER {2}- /gm)?.length).toBe(answer.references.length);
  });

  it("exports BibTeX entries with balanced braces", async () => {
    const text = await (await http.request(`/api/answers/${answer.id}/citations.bib`)).text();
    expect(text.match(/^@(article|misc)\{/gm)?.length).toBe(answer.references.length);
    expect(text.split("{").length).toBe(text.split("}").length);
  });

  it("exports CSL-JSON that parses and carries titles and years", async () => {
    const res = await http.request(`/api/answers/${answer.id}/citations.json`);
    expect(res.headers.get("content-type")).toMatch(/csl\+json/);
    const items = (await res.json()) as Array<{ id: string; type: string; title: string }>;
    expect(items).toHaveLength(answer.references.length);
    expect(items[0]?.title).toBe(answer.references[0]?.title);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it("answers 404 for exports of an unknown answer and 400 for an unknown format", async () => {
    expect((await http.request("/api/answers/ans_ffffffffffffffffffff/citations.ris")).status).toBe(404);
    const bad = await http.request(`/api/answers/${answer.id}/citations.docx`);
    expect(bad.status).toBe(400);
    expectErrorShape(await bad.json(), "invalid_input");
  });
});
