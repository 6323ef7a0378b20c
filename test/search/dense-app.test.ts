import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OslerApp } from "../../src/app.js";
import { main } from "../../src/cli/main.js";
import { loadSettings } from "../../src/config/settings.js";
import { embedMissingPassages } from "../../src/search/dense/embed-corpus.js";
import { HybridRetriever } from "../../src/search/dense/hybrid-retriever.js";
import { LexicalRetriever } from "../../src/search/lexical-retriever.js";
import { sampleUnit } from "../../src/store/store.contract.js";
import { type StubEmbeddings, startStubEmbeddings } from "./stub-embeddings.js";

let stub: StubEmbeddings;
beforeEach(async () => {
  stub = await startStubEmbeddings();
});
afterEach(async () => {
  await stub.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const tempDb = () => join(mkdtempSync(join(tmpdir(), "osler-dense-app-")), "osler.db");

describe("OslerApp with dense retrieval", () => {
  it("stays lexical until vectors exist, then hands out the hybrid retriever", async () => {
    const settings = loadSettings(
      {
        dbPath: tempDb(),
        search: { dense: true },
        embeddings: { baseUrl: stub.baseUrl, model: "stub-embed" },
      },
      {},
    );
    const app = OslerApp.open(settings);
    const warnings: string[] = [];
    app.warn = (m) => warnings.push(m);
    try {
      await app.store.importUnit(
        sampleUnit("s1", ["aspirin after myocardial infarction", "statins for angina"]),
      );
      const before = await app.search();
      expect(before).toBeInstanceOf(LexicalRetriever);
      expect(warnings).toEqual([
        expect.stringMatching(/no passage has a stub-embed vector; run `osler embed`/),
      ]);

      await embedMissingPassages(app.store, settings.embeddings);
      const hybrid = await app.search();
      expect(hybrid).toBeInstanceOf(HybridRetriever);
      expect(await app.search()).toBe(hybrid); // cached
      expect(await app.lexical()).toBe((hybrid as HybridRetriever).lexical);
      expect(hybrid.plan("heart attack").terms.length).toBeGreaterThan(0);
      const hits = await hybrid.search("heart attack");
      expect(hits[0]?.passage.id).toBe("s1#1");
      expect(hits[0]?.explain?.denseRank).toBe(1);
      expect(await app.answers()).toBeDefined();

      await app.store.importUnit(sampleUnit("s2", ["warfarin"]));
      expect(await app.search()).not.toBe(hybrid); // corpus changed: rebuilt
    } finally {
      await app.close();
    }
  });

  it("is off by default", async () => {
    const app = OslerApp.open(
      loadSettings({ dbPath: tempDb(), embeddings: { baseUrl: stub.baseUrl, model: "m" } }, {}),
    );
    try {
      expect(app.settings.search.dense).toBe(false);
      expect(await app.search()).toBeInstanceOf(LexicalRetriever);
      expect(stub.requests).toHaveLength(0);
    } finally {
      await app.close();
    }
  });
});

describe("osler embed", () => {
  function capture() {
    let out = "";
    let err = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      err += String(chunk);
      return true;
    });
    return { out: () => out, err: () => err };
  }

  it("embeds the missing passages and prints a summary; a second run has nothing to do", async () => {
    vi.stubEnv("OSLER_EMBEDDINGS_BASE_URL", stub.baseUrl);
    vi.stubEnv("OSLER_EMBEDDINGS_MODEL", "stub-embed");
    vi.stubEnv("OSLER_CONFIG", "");
    const db = tempDb();
    const io = capture();
    expect(await main(["node", "osler", "--db", db, "embed", "--json"])).toBe(0);
    const summary = JSON.parse(io.out());
    expect(summary.model).toBe("stub-embed");
    expect(summary.embedded).toBeGreaterThan(0);
    expect(summary.embedded).toBe(summary.passages);
    expect(await main(["node", "osler", "--db", db, "embed"])).toBe(0);
    expect(io.out()).toMatch(/embedded 0 passages with stub-embed in [\d.]+ s; \d+ already had vectors/);
    expect(io.out()).toMatch(/OSLER_DENSE=1/);
  });

  it("says what to configure when no endpoint is set", async () => {
    vi.stubEnv("OSLER_EMBEDDINGS_BASE_URL", "");
    vi.stubEnv("OSLER_EMBEDDINGS_MODEL", "");
    vi.stubEnv("OSLER_CONFIG", "");
    const io = capture();
    expect(await main(["node", "osler", "--db", tempDb(), "embed"])).toBe(2);
    expect(io.err()).toMatch(
      /no embeddings endpoint is configured[\s\S]*hint: Set OSLER_EMBEDDINGS_BASE_URL/,
    );
  });
});
