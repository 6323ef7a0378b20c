/**
 * The corpus API (search, sources, passages, related), the OpenAPI document, security headers,
 * request logs, and the guarantee that internal errors never leak details.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../../src/answer/engine.js";
import type { OslerApp } from "../../src/app.js";
import { createLogger } from "../../src/server/log.js";
import { askJson, httpFor, openTestApp } from "./helpers.js";

let app: OslerApp;
let http: OpenAPIHono;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ app, cleanup } = await openTestApp());
  http = await httpFor(app);
});
afterAll(async () => cleanup());

const SOURCE = "lib:thrombosis/heparin-resistance";

describe("GET /api/search", () => {
  it("returns k ranked passages with their sources", async () => {
    const res = await http.request("/api/search?q=heparin%20resistance%20anti-Xa&k=3");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      hits: Array<{ score: number; passage: { id: string }; source: { id: string } }>;
    };
    expect(body.hits).toHaveLength(3);
    expect(body.hits[0]?.source.id).toBe(SOURCE);
    expect(body.hits[0]?.score).toBeGreaterThanOrEqual(body.hits[1]?.score ?? 0);
  });

  it("filters by evidence kind", async () => {
    const body = (await (await http.request("/api/search?q=heparin&kind=editorial&k=5")).json()) as {
      hits: Array<{ source: { kind: string } }>;
    };
    expect(body.hits.every((h) => h.source.kind === "editorial")).toBe(true);
  });

  it.each([
    ["missing q", "/api/search"],
    ["k out of range", "/api/search?q=heparin&k=0"],
    ["k not a number", "/api/search?q=heparin&k=lots"],
    ["an unknown kind", "/api/search?q=heparin&kind=blog"],
  ])("rejects %s with 400", async (_name, url) => {
    const res = await http.request(url);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });
});

describe("sources, passages, related", () => {
  it("returns a source with its passages (id with an encoded slash)", async () => {
    const res = await http.request(`/api/sources/${encodeURIComponent(SOURCE)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { source: { id: string; contentHash?: string }; passages: unknown[] };
    expect(body.source.id).toBe(SOURCE);
    expect(body.source.contentHash).toBeUndefined();
    expect(body.passages.length).toBeGreaterThan(2);
  });

  it("returns a passage with its source", async () => {
    const id = `${SOURCE}#monitoring`;
    const res = await http.request(`/api/passages/${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { passage: { id: string } }).passage.id).toBe(id);
  });

  it("answers 404 JSON for unknown sources and passages", async () => {
    for (const url of ["/api/sources/lib%3Anope", "/api/passages/lib%3Anope%23x"]) {
      const res = await http.request(url);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("suggests related questions", async () => {
    const res = await http.request("/api/related?q=vasopressors%20in%20septic%20shock");
    const body = (await res.json()) as { questions: string[] };
    expect(body.questions.length).toBeGreaterThan(0);
    expect(body.questions.every((q) => q.endsWith("?"))).toBe(true);
  });

  it("answers 404 JSON for an unknown API route", async () => {
    const res = await http.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("OpenAPI document", () => {
  it("is an OpenAPI 3 document whose references all resolve and that lists every route", async () => {
    const doc = (await (await http.request("/api/openapi.json")).json()) as {
      openapi: string;
      info: { title: string };
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, unknown>; parameters?: Array<{ name: string; in: string }> }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBeTruthy();
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/answers",
        "/api/answers/{id}",
        "/api/answers/{id}/{file}",
        "/api/passages/{id}",
        "/api/related",
        "/api/search",
        "/api/sources/{id}",
      ].sort(),
    );
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref as string);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(op.responses).toHaveProperty("200");
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          expect(op.parameters?.some((p) => p.name === name && p.in === "path")).toBe(true);
        }
      }
    }
    const ask = doc.paths["/api/answers"]?.post as unknown as { requestBody: unknown };
    expect(JSON.stringify(ask.requestBody)).toContain("AskRequest");
  });
});

describe("headers, logs and internal errors", () => {
  it("sends strict security headers on pages and API responses", async () => {
    for (const url of ["/", "/api/search?q=heparin", "/static/osler.css"]) {
      const res = await http.request(url);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("writes one structured JSON log line per request", async () => {
    const lines: string[] = [];
    const logged = await httpFor(app, { logger: createLogger("info", (l) => lines.push(l)) });
    await logged.request("/api/search?q=heparin");
    await logged.request("/api/nothing");
    const entries = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((e) => e.msg === "request");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ level: "info", method: "GET", path: "/api/search", status: 200 });
    expect(typeof entries[0]?.ms).toBe("number");
    expect(entries[1]).toMatchObject({ status: 404 });
  });

  it("answers 500 internal without the message or stack of an unexpected error", async () => {
    const broken: AnswerEngine = {
      ask: async () => {
        throw new Error("database password is hunter2");
      },
      get: async () => null,
      render: (a) => a,
    };
    const lines: string[] = [];
    const server = await httpFor(app, {
      engine: broken,
      logger: createLogger("error", (l) => lines.push(l)),
    });
    const res = await askJson(server, { question: "What is the dose of heparin?" });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toMatch(/at .*\.ts/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: "internal", retryable: true } });
    expect(lines.join("")).toContain("hunter2"); // the operator still sees it in the log
  });
});
