import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSettings } from "../src/config/settings.js";
import { runImport } from "../src/corpus/import-runner.js";
import { readMedquad } from "../src/corpus/importers/medquad.js";
import { readPubmedXml } from "../src/corpus/importers/pubmed.js";
import { ANALYZER_VERSION } from "../src/search/analyzer.js";
import { indexPaths, openSearch } from "../src/search/search-service.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { sampleUnit } from "../src/store/store.contract.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/import/", import.meta.url));

async function corpus() {
  const dbPath = join(mkdtempSync(join(tmpdir(), "osler-search-")), "osler.db");
  const store = new SqliteStore(dbPath);
  await runImport(store, readMedquad(`${FIXTURES}medquad`));
  await runImport(store, readPubmedXml(`${FIXTURES}pubmed/articles.xml`));
  await store.upsertLexicon([
    {
      term: "imaginary syndrome",
      synonyms: [],
      abbreviations: ["IMS"],
      conceptId: null,
      layTerm: null,
      origin: "osler",
    },
  ]);
  return { store, settings: loadSettings({ dbPath }, {}) };
}

describe("search service", () => {
  it("builds the index from the store, persists it beside the database and reuses it", async () => {
    const { store, settings } = await corpus();
    const first = await openSearch(store, settings);
    const paths = indexPaths(settings.dbPath);
    const built = statSync(paths.index).mtimeMs;
    expect(first.parts.index.docCount).toBe((await store.stats()).passages);
    const again = await openSearch(store, settings);
    expect(statSync(paths.index).mtimeMs).toBe(built);
    expect(again.parts.index.docCount).toBe(first.parts.index.docCount);
    await store.close();
  });

  it("rebuilds the index when the corpus changes", async () => {
    const { store, settings } = await corpus();
    const before = (await openSearch(store, settings)).parts.index.docCount;
    await store.importUnit(sampleUnit("extra", ["an additional passage about imaginary syndrome"]));
    const after = await openSearch(store, settings);
    expect(after.parts.index.docCount).toBe(before + 1);
    expect(after.parts.corpusVersion).toBe(await store.corpusVersion());
    await store.close();
  });

  it("rebuilds an index saved by an earlier analyzer, whose terms differ", async () => {
    const { store, settings } = await corpus();
    await openSearch(store, settings);
    const paths = indexPaths(settings.dbPath);
    const sidecar = JSON.parse(readFileSync(paths.sidecar, "utf8"));
    expect(sidecar.corpusVersion).toBe(`${await store.corpusVersion()}+analyzer-${ANALYZER_VERSION}`);
    writeFileSync(
      paths.sidecar,
      JSON.stringify({ ...sidecar, corpusVersion: `${await store.corpusVersion()}+analyzer-1` }),
    );
    const before = statSync(paths.index).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const reopened = await openSearch(store, settings);
    expect(statSync(paths.index).mtimeMs).toBeGreaterThan(before);
    expect(reopened.parts.index.docCount).toBe((await store.stats()).passages);
    await store.close();
  });

  it("ranks the passage that answers the question type for the focus first", async () => {
    const { store, settings } = await corpus();
    const retriever = await openSearch(store, settings);
    const hits = await retriever.search("What symptoms does imaginary syndrome cause?", { k: 3 });
    expect(hits[0]?.source.title).toBe("Imaginary syndrome");
    expect(hits[0]?.passage.meta.qtype).toBe("symptoms");
    await store.close();
  });

  it("expands curated abbreviations so IMS finds imaginary syndrome", async () => {
    const { store, settings } = await corpus();
    const hits = await (await openSearch(store, settings)).search("IMS", { k: 5 });
    expect(hits[0]?.source.title).toBe("Imaginary syndrome");
    await store.close();
  });

  it("filters by evidence kind, year and collection", async () => {
    const { store, settings } = await corpus();
    const retriever = await openSearch(store, settings);
    const guideline = await retriever.search("management of made-up syndrome", {
      k: 10,
      filters: { kinds: ["guideline"] },
    });
    expect(guideline.length).toBeGreaterThan(0);
    expect(guideline.every((h) => h.source.kind === "guideline")).toBe(true);
    const medquad = await retriever.search("made-up syndrome", {
      k: 10,
      filters: { collections: ["medquad"] },
    });
    expect(medquad.every((h) => h.source.collection === "medquad")).toBe(true);
    const none = await retriever.search("made-up syndrome", { k: 10, filters: { yearFrom: 2199 } });
    expect(none).toEqual([]);
    await store.close();
  });
});
