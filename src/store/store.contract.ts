/**
 * The conformance suite every EvidenceStore backend must pass. Backends call
 * `describeStoreContract(name, open)` from their own test file.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ImportUnit } from "../corpus/model.js";
import type { EvidenceStore } from "./ports.js";

export function sampleUnit(id: string, texts: string[], hash = `hash-${texts.join("|")}`): ImportUnit {
  return {
    source: {
      id,
      kind: "guideline",
      title: `Title of ${id}`,
      publisher: "Test Society",
      authors: ["Doe J"],
      year: 2021,
      url: null,
      pmid: null,
      doi: null,
      license: null,
      language: "en",
      collection: "test",
      specialty: "critical-care",
      meta: { note: "fixture" },
      contentHash: hash,
    },
    passages: texts.map((text, i) => ({
      id: `${id}#${i + 1}`,
      sourceId: id,
      sectionPath: ["Section", String(i + 1)],
      ordinal: i + 1,
      text,
      start: 0,
      end: text.length,
      meta: {},
    })),
    questions: [
      {
        id: `${id}-q1`,
        question: `What about ${id}?`,
        qtype: "treatment",
        focus: id,
        passageId: `${id}#1`,
        sourceId: id,
      },
    ],
    lexicon: [
      {
        term: `term ${id}`,
        synonyms: ["syn"],
        abbreviations: ["ABB"],
        conceptId: null,
        layTerm: null,
        origin: "test",
      },
    ],
  };
}

export function describeStoreContract(name: string, open: () => Promise<EvidenceStore>): void {
  describe(`EvidenceStore contract: ${name}`, () => {
    let store: EvidenceStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("keeps small state values without changing the corpus version", async () => {
      const version = await store.corpusVersion();
      expect(await store.getState("curated-lexicon")).toBeNull();
      await store.setState("curated-lexicon", "abc");
      await store.setState("curated-lexicon", "def");
      expect(await store.getState("curated-lexicon")).toBe("def");
      expect(await store.corpusVersion()).toBe(version);
    });

    it("imports a source with its passages, questions and lexicon", async () => {
      expect(await store.importUnit(sampleUnit("s1", ["alpha text", "beta text"]))).toBe("imported");
      const source = await store.getSource("s1");
      expect(source?.title).toBe("Title of s1");
      expect(source?.version).toBe(1);
      expect(source?.authors).toEqual(["Doe J"]);
      expect((await store.passagesOfSource("s1")).map((p) => p.text)).toEqual(["alpha text", "beta text"]);
      expect((await store.getPassage("s1#2"))?.sectionPath).toEqual(["Section", "2"]);
      expect((await store.allQuestions()).map((q) => q.id)).toEqual(["s1-q1"]);
      expect((await store.allLexicon()).map((l) => l.abbreviations)).toEqual([["ABB"]]);
    });

    it("re-importing an unchanged source changes nothing, not even the corpus version", async () => {
      await store.importUnit(sampleUnit("s1", ["alpha"]));
      const before = await store.corpusVersion();
      expect(await store.importUnit(sampleUnit("s1", ["alpha"]))).toBe("unchanged");
      expect(await store.corpusVersion()).toBe(before);
      expect((await store.getSource("s1"))?.version).toBe(1);
    });

    it("a changed source becomes a new version and replaces its passages", async () => {
      await store.importUnit(sampleUnit("s1", ["alpha", "beta"]));
      const before = await store.corpusVersion();
      expect(await store.importUnit(sampleUnit("s1", ["gamma"]))).toBe("updated");
      expect((await store.getSource("s1"))?.version).toBe(2);
      expect((await store.passagesOfSource("s1")).map((p) => p.text)).toEqual(["gamma"]);
      expect(await store.getPassage("s1#2")).toBeNull();
      expect(await store.corpusVersion()).not.toBe(before);
    });

    it("commits a source whole or not at all", async () => {
      const bad = sampleUnit("s2", ["ok", "also ok"]);
      (bad.passages[1] as { text: string }).text = ""; // violates the non-empty passage rule
      await expect(store.importUnit(bad)).rejects.toThrow(/s2/);
      expect(await store.getSource("s2")).toBeNull();
      expect(await store.getPassage("s2#1")).toBeNull();
      expect(await store.allQuestions()).toEqual([]);
    });

    it("rejects a passage that claims another source", async () => {
      const bad = sampleUnit("s3", ["x"]);
      (bad.passages[0] as { sourceId: string }).sourceId = "other";
      await expect(store.importUnit(bad)).rejects.toThrow(/belongs to other/);
      expect(await store.getSource("s3")).toBeNull();
    });

    it("streams every passage with its source in a stable order", async () => {
      await store.importUnit(sampleUnit("a", ["one", "two"]));
      await store.importUnit(sampleUnit("b", ["three"]));
      const seen: string[] = [];
      for await (const { passage, source } of store.iteratePassages())
        seen.push(`${source.id}:${passage.text}`);
      expect(seen).toEqual(["a:one", "a:two", "b:three"]);
      const got = await store.getPassages(["b#1", "missing", "a#2"]);
      expect(got.map((g) => g.passage.id)).toEqual(["b#1", "a#2"]);
      expect((await store.stats()).passages).toBe(3);
      expect((await store.listSources({ collection: "test" })).length).toBe(2);
    });

    it("unknown ids return null rather than throwing", async () => {
      expect(await store.getSource("nope")).toBeNull();
      expect(await store.getPassage("'; DROP TABLE sources; --")).toBeNull();
      expect(await store.getAnswer("nope")).toBeNull();
    });

    it("lists passages without a vector for a model, resumably, and counts vectors", async () => {
      await store.importUnit(sampleUnit("v", ["one", "two", "three"]));
      expect(await store.passageIdsWithoutEmbedding("m", 10)).toEqual(["v#1", "v#2", "v#3"]);
      await store.putEmbeddings("m", [{ passageId: "v#2", vector: new Float32Array([1, 0]) }]);
      expect(await store.countEmbeddings("m")).toBe(1);
      expect(await store.countEmbeddings("other")).toBe(0);
      expect(await store.passageIdsWithoutEmbedding("m", 10)).toEqual(["v#1", "v#3"]);
      expect(await store.passageIdsWithoutEmbedding("m", 1)).toEqual(["v#1"]);
      expect(await store.passageIdsWithoutEmbedding("m", 10, "v#1")).toEqual(["v#3"]);
      expect(await store.passageIdsWithoutEmbedding("other", 10)).toEqual(["v#1", "v#2", "v#3"]);
      // a changed source replaces its passages, and their vectors go with them
      await store.importUnit(sampleUnit("v", ["uno", "dos"]));
      expect(await store.countEmbeddings("m")).toBe(0);
      expect(await store.passageIdsWithoutEmbedding("m", 10)).toEqual(["v#1", "v#2"]);
    });

    it("stores embeddings and answers", async () => {
      await store.importUnit(sampleUnit("e", ["vec"]));
      await store.putEmbeddings("m", [{ passageId: "e#1", vector: new Float32Array([0.5, -1, 2]) }]);
      expect(Array.from((await store.getEmbeddings("m")).get("e#1") ?? [])).toEqual([0.5, -1, 2]);
      await store.saveAnswer({
        id: "ans1",
        question: "q?",
        audience: "clinician",
        body: { a: 1 },
        createdAt: "2026-01-01",
      });
      expect((await store.getAnswer("ans1"))?.body).toEqual({ a: 1 });
      expect((await store.listAnswers(5)).map((a) => a.id)).toEqual(["ans1"]);
    });
  });
}
