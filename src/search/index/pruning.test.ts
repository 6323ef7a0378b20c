import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexBuilder } from "./builder.js";
import type { InvertedIndex } from "./inverted-index.js";
import type { QueryTerm, SearchFilter } from "./types.js";

/**
 * The oracle: score every document against every query term through the public `termImpact`,
 * merging duplicate terms and summing in term-string order as `search` documents, then sort.
 */
function exhaustive(ix: InvertedIndex, query: QueryTerm[], k: number, filter?: (d: number) => boolean) {
  const merged = new Map<string, number>();
  for (const q of query) if (q.weight > 0) merged.set(q.term, (merged.get(q.term) ?? 0) + q.weight);
  const terms = [...merged.keys()]
    .filter((t) => ix.docFreq(t) > 0)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hits: Array<{ doc: number; score: number }> = [];
  for (let d = 0; d < ix.docCount; d++) {
    if (filter && !filter(d)) continue;
    let score = 0;
    let matched = false;
    for (const t of terms) {
      const impact = ix.termImpact(t, d);
      if (impact > 0) matched = true;
      score += (merged.get(t) ?? 0) * impact;
    }
    if (matched) hits.push({ doc: d, score });
  }
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits.slice(0, k);
}

// A small vocabulary with a skewed (Zipf-like) distribution, so some terms are common and some
// rare — the situation in which MaxScore actually prunes.
const VOCAB = Array.from({ length: 40 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}${i}`);
const zipfWord = fc
  .integer({ min: 0, max: 999 })
  .map((r) => VOCAB[Math.floor((r / 1000) ** 2.5 * VOCAB.length)]);
const text = (max: number) => fc.array(zipfWord, { maxLength: max }).map((w) => w.join(" "));
const corpus = fc.array(
  fc.record({
    title: text(4),
    text: text(30),
    kind: fc.integer({ min: 0, max: 3 }),
    year: fc.integer({ min: 0, max: 3 }),
  }),
  { minLength: 1, maxLength: 400 },
);
const query = fc.array(
  fc.record({
    term: zipfWord,
    weight: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 3, noNaN: true })),
  }),
  { minLength: 1, maxLength: 8 },
);

function build(docs: Array<{ title: string; text: string; kind: number; year: number }>, blockSize: number) {
  const b = new IndexBuilder({ fields: { title: 2, text: 1 }, b: { title: 0.3, text: 0.75 }, blockSize });
  for (const [i, d] of docs.entries()) {
    const year = d.year === 0 ? 0 : 2000 + d.year;
    b.add({
      id: `d${i}`,
      fields: { title: d.title, text: d.text },
      attrs: { kind: d.kind, year, specialty: 0, collection: d.kind },
    });
  }
  return b.finish();
}

describe("MaxScore top-k", () => {
  it("equals the exhaustive scorer's top-k for random corpora and queries", () => {
    fc.assert(
      fc.property(
        corpus,
        query,
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(8, 16, 128),
        (docs, q, k, bs) => {
          const ix = build(docs, bs);
          const got = ix.search(q, k).map((h) => ({ doc: h.doc, score: h.score }));
          expect(got).toEqual(exhaustive(ix, q, k));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("equals the exhaustive scorer's top-k under filters", () => {
    const filter = fc.record(
      {
        kinds: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
        yearFrom: fc.integer({ min: 2000, max: 2003 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 1, max: 10 }), filter, (docs, q, k, f: SearchFilter) => {
        const ix = build(docs, 8);
        const accept = (d: number) => {
          const a = ix.attrs(d);
          if (f.kinds !== undefined && !f.kinds.includes(a.kind)) return false;
          if (f.yearFrom !== undefined && (a.year === 0 || a.year < f.yearFrom)) return false;
          return true;
        };
        const got = ix.search(q, k, f).map((h) => ({ doc: h.doc, score: h.score }));
        expect(got).toEqual(exhaustive(ix, q, k, accept));
      }),
      { numRuns: 150 },
    );
  });

  it("ranks ties by ascending doc number", () => {
    const b = new IndexBuilder({ fields: { text: 1 } });
    for (let i = 0; i < 50; i++)
      b.add({
        id: `same${i}`,
        fields: { text: "sepsis" },
        attrs: { kind: 0, year: 0, specialty: 0, collection: 0 },
      });
    const ix = b.finish();
    expect(ix.search([{ term: "sepsi", weight: 1 }], 5).map((h) => h.doc)).toEqual([0, 1, 2, 3, 4]);
  });
});
