import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type StubEmbeddings, startStubEmbeddings } from "../../../test/search/stub-embeddings.js";
import { loadSettings } from "../../config/settings.js";
import type { EvidenceKind, ImportUnit } from "../../corpus/model.js";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import type { LexicalRetriever } from "../lexical-retriever.js";
import { openSearch } from "../search-service.js";
import { embedMissingPassages } from "./embed-corpus.js";
import { embed } from "./embeddings-client.js";
import { HybridRetriever, LruCache, reciprocalRankFusion } from "./hybrid-retriever.js";
import { VectorIndex } from "./vector-index.js";

function unit(
  id: string,
  title: string,
  text: string,
  kind: EvidenceKind = "guideline",
  year = 2021,
): ImportUnit {
  return {
    source: {
      id,
      kind,
      title,
      publisher: "Test Society",
      authors: [],
      year,
      url: null,
      pmid: null,
      doi: null,
      license: null,
      language: "en",
      collection: "test",
      specialty: "cardiology",
      meta: {},
      contentHash: `h-${id}-${text}`,
    },
    passages: [
      {
        id: `${id}#1`,
        sourceId: id,
        sectionPath: [title],
        ordinal: 1,
        text,
        start: 0,
        end: text.length,
        meta: {},
      },
    ],
  };
}

const CORPUS = [
  unit("stemi", "Myocardial infarction", "Give aspirin and arrange primary PCI for myocardial infarction."),
  unit(
    "angina",
    "Stable angina",
    "Aspirin and statins reduce events in stable angina; chest pain on exertion.",
  ),
  unit("hf", "Heart failure", "Diuretics relieve congestion in heart failure."),
  unit("stroke", "Acute stroke", "Thrombolysis within hours of stroke onset; aspirin after 24 hours."),
  unit("asthma", "Asthma", "Inhaled corticosteroids control asthma."),
  unit("mi-old", "Myocardial infarction care", "Bed rest after myocardial infarction.", "review", 1990),
];

describe("dense retrieval over a real store", () => {
  let stub: StubEmbeddings;
  let store: SqliteStore;
  let lexical: LexicalRetriever;
  const endpoint = () => ({
    baseUrl: stub.baseUrl,
    model: "stub-embed",
    apiKey: "",
    timeoutMs: 2_000,
    maxRetries: 0,
  });

  beforeEach(async () => {
    stub = await startStubEmbeddings();
    const dbPath = join(mkdtempSync(join(tmpdir(), "osler-dense-")), "osler.db");
    store = new SqliteStore(dbPath);
    for (const u of CORPUS) await store.importUnit(u);
    lexical = await openSearch(store, loadSettings({ dbPath }, {}), { persist: false });
  });
  afterEach(async () => {
    await store.close();
    await stub.close();
  });

  async function hybrid() {
    const vectors = VectorIndex.build(await store.getEmbeddings("stub-embed"));
    const embedQuery = async (text: string) => (await embed(endpoint(), [text]))[0] as Float32Array;
    return new HybridRetriever(lexical, vectors, embedQuery, store);
  }

  it("embeds what is missing, resumably, from title, section and text", async () => {
    const progress: number[] = [];
    const first = await embedMissingPassages(store, endpoint(), (p) => progress.push(p.done), {
      commitSize: 4,
    });
    expect(first).toMatchObject({
      model: "stub-embed",
      embedded: 6,
      alreadyEmbedded: 0,
      passages: 6,
      dim: 512,
    });
    expect(progress.at(-1)).toBe(6);
    expect(stub.requests.map((r) => (r.body.input as string[]).length)).toEqual([4, 2]);
    // ids come in id order; the section path equal to the title is not repeated
    expect(stub.requests[0]?.body.input[0]).toBe(
      "Stable angina\nAspirin and statins reduce events in stable angina; chest pain on exertion.",
    );
    expect(await store.countEmbeddings("stub-embed")).toBe(6);

    const again = await embedMissingPassages(store, endpoint());
    expect(again).toMatchObject({ embedded: 0, alreadyEmbedded: 6 });
    expect(stub.requests).toHaveLength(2);

    await store.importUnit(unit("copd", "COPD", "Bronchodilators for COPD."));
    expect((await embedMissingPassages(store, endpoint())).embedded).toBe(1);
    expect(stub.requests[2]?.body.input).toEqual(["COPD\nBronchodilators for COPD."]);
  });

  it("keeps finished batches when a run fails, and the next run finishes the job", async () => {
    await stub.close();
    stub = await startStubEmbeddings([{ kind: "ok" }, { kind: "status", status: 400 }, { kind: "ok" }]);
    await expect(embedMissingPassages(store, endpoint(), undefined, { commitSize: 4 })).rejects.toThrow(
      /answered 400/,
    );
    expect(await store.countEmbeddings("stub-embed")).toBe(4);
    const rest = await embedMissingPassages(store, endpoint());
    expect(rest).toMatchObject({ embedded: 2, alreadyEmbedded: 4 });
    expect(await store.countEmbeddings("stub-embed")).toBe(6);
  });

  it("finds a passage lexical search misses (a synonym the embeddings map close)", async () => {
    await embedMissingPassages(store, endpoint());
    const lex = await lexical.search("heart attack", { k: 10 });
    expect(lex.map((h) => h.passage.id)).toEqual(["hf#1"]);
    const hits = await (await hybrid()).search("heart attack", { k: 10 });
    // hf#1 (lexical 1) and mi-old#1 (dense 1) tie at 1/61; the tie goes to the lexical list.
    expect(hits.map((h) => h.passage.id)).toEqual(["hf#1", "mi-old#1", "stemi#1"]);
    expect(hits[2]?.explain).toMatchObject({ denseRank: 2, rrf: 1 / 62 });
    expect(hits[2]?.explain?.lexicalRank).toBeUndefined();
    expect(hits[2]?.source.title).toBe("Myocardial infarction");
  });

  it("fuses by reciprocal rank fusion exactly as computed by hand", async () => {
    await embedMissingPassages(store, endpoint());
    const q = "aspirin for heart attack";
    const lex = await lexical.search(q, { k: 50 });
    expect(lex.map((h) => h.passage.id)).toEqual(["hf#1", "stemi#1", "angina#1", "stroke#1"]);
    const h = await hybrid();
    const dense = h.vectors
      .search((await embed(endpoint(), [q]))[0] as Float32Array, 50)
      .filter((x) => x.score > 0);
    // angina and stroke have the same words in common with the query: equal cosine, id order
    expect(dense.map((x) => x.id)).toEqual(["stemi#1", "mi-old#1", "angina#1", "stroke#1"]);
    //              lexical rank   dense rank   RRF (K = 60)
    // stemi#1      2              1            1/62 + 1/61 = 0.032522
    // angina#1     3              3            1/63 + 1/63 = 0.031746
    // stroke#1     4              4            1/64 + 1/64 = 0.031250
    // hf#1         1              –            1/61        = 0.016393
    // mi-old#1     –              2            1/62        = 0.016129
    const hits = await h.search(q, { k: 10 });
    expect(hits.map((x) => x.passage.id)).toEqual(["stemi#1", "angina#1", "stroke#1", "hf#1", "mi-old#1"]);
    const expected = [1 / 62 + 1 / 61, 2 / 63, 2 / 64, 1 / 61, 1 / 62];
    hits.forEach((hit, i) => {
      expect(hit.score).toBeCloseTo(expected[i] as number, 12);
    });
    expect((await h.search(q, { k: 2 })).map((x) => x.passage.id)).toEqual(["stemi#1", "angina#1"]);
  });

  it("applies the search filters to dense hits too", async () => {
    await embedMissingPassages(store, endpoint());
    const h = await hybrid();
    const recent = await h.search("heart attack", { filters: { yearFrom: 2015 } });
    expect(recent.map((x) => x.passage.id)).toEqual(["hf#1", "stemi#1"]);
    const reviews = await h.search("heart attack", { filters: { kinds: ["review"] } });
    expect(reviews.map((x) => x.passage.id)).toEqual(["mi-old#1"]);
    expect(await h.search("heart attack", { filters: { collections: ["nope"] } })).toEqual([]);
    expect(
      await h.search("heart attack", { filters: { specialty: "cardiology", yearTo: 2000 } }),
    ).toHaveLength(1);
  });

  it("caches query vectors", async () => {
    await embedMissingPassages(store, endpoint());
    const h = await hybrid();
    const before = stub.requests.length;
    await h.search("heart attack");
    await h.search("heart attack", { k: 3 });
    expect(stub.requests.length - before).toBe(1);
  });

  it("falls back to lexical results, with a warning, when the endpoint fails", async () => {
    await embedMissingPassages(store, endpoint());
    const vectors = VectorIndex.build(await store.getEmbeddings("stub-embed"));
    await stub.close();
    stub = await startStubEmbeddings([{ kind: "status", status: 500 }, { kind: "ok" }]);
    const warnings: string[] = [];
    let now = 1_000;
    const h = new HybridRetriever(
      lexical,
      vectors,
      async (text) => (await embed(endpoint(), [text]))[0] as Float32Array,
      store,
      { onWarning: (m) => warnings.push(m), cooldownMs: 10_000, now: () => now },
    );
    const q = "aspirin for heart attack";
    const lex = (await lexical.search(q)).map((x) => x.passage.id);
    const fallback = await h.search(q);
    expect(fallback.map((x) => x.passage.id)).toEqual(lex);
    expect(fallback.every((x) => x.explain?.denseUnavailable === 1)).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/dense retrieval unavailable.*answered 500/);
    expect(h.lastDenseError?.message).toMatch(/500/);
    // during the cool-down the endpoint is not asked again
    await h.search("heart attack");
    expect(stub.requests).toHaveLength(1);
    now += 10_001;
    const recovered = await h.search(q);
    expect(recovered[0]?.passage.id).toBe("stemi#1");
    expect(recovered[0]?.explain?.denseUnavailable).toBeUndefined();
    expect(h.lastDenseError).toBeNull();
  });

  it("rejects an empty query like lexical search does", async () => {
    const h = await hybrid();
    await expect(h.search("   ")).rejects.toThrow(/empty/);
  });
});

describe("reciprocal rank fusion", () => {
  it("adds 1/(K + rank) per list and breaks ties by lexical rank, dense rank, then id", () => {
    const fused = reciprocalRankFusion(
      [
        { id: "a", score: 9 },
        { id: "b", score: 5 },
        { id: "a", score: 1 }, // a repeat counts once
      ],
      [
        { id: "c", score: 0.9 },
        { id: "b", score: 0.8 },
        { id: "d", score: 0.7 },
      ],
      60,
    );
    expect(fused.map((f) => [f.id, f.rrf])).toEqual([
      ["b", 1 / 62 + 1 / 62],
      ["a", 1 / 61], // ties with c; a has a lexical rank
      ["c", 1 / 61],
      ["d", 1 / 63],
    ]);
    const tied = reciprocalRankFusion([], [{ id: "y", score: 1 }], 60);
    expect(tied.map((f) => f.id)).toEqual(["y"]);
    expect(
      reciprocalRankFusion(
        [{ id: "q" }, { id: "p" }].map((x) => ({ ...x, score: 0 })),
        [],
        1,
      ).map((f) => f.rrf),
    ).toEqual([1 / 2, 1 / 3]);
  });

  it("keeps a small LRU of query vectors", () => {
    const lru = new LruCache<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.size).toBe(2);
  });
});
