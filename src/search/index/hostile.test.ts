import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyzer.js";
import { IndexBuilder } from "./builder.js";
import { buildGolden } from "./golden-corpus.js";

const attrs = { kind: 0, year: 0, specialty: 0, collection: 0 };
const ix = buildGolden();

describe("hostile input", () => {
  it("answers queries made of arbitrary text without throwing", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 500 }),
        fc.integer({ min: -5, max: 50 }),
        (text, k) => {
          const hits = ix.search(
            analyze(text).map((term) => ({ term, weight: 1 })),
            k,
          );
          expect(hits.length).toBeLessThanOrEqual(Math.max(0, k));
        },
      ),
    );
  });

  it("returns nothing for an empty query, unknown terms, or k ≤ 0", () => {
    expect(ix.search([], 10)).toEqual([]);
    expect(ix.search([{ term: "zzz-not-a-term", weight: 1 }], 10)).toEqual([]);
    expect(ix.search([{ term: "metformin", weight: 1 }], 0)).toEqual([]);
    expect(ix.search([{ term: "metformin", weight: 1 }], Number.NaN)).toEqual([]);
  });

  it("ignores non-positive or non-finite weights and merges duplicate terms", () => {
    const bad = [Number.NaN, -1, 0, Number.POSITIVE_INFINITY].map((weight) => ({
      term: "metformin",
      weight,
    }));
    expect(ix.search(bad, 10)).toEqual([]);
    const twice = ix.search(
      [
        { term: "metformin", weight: 1 },
        { term: "metformin", weight: 1 },
      ],
      10,
    );
    expect(twice).toEqual(ix.search([{ term: "metformin", weight: 2 }], 10));
  });

  it("caps k at the corpus size", () => {
    expect(ix.search([{ term: "metformin", weight: 1 }], 1e9)).toHaveLength(ix.docFreq("metformin"));
  });

  it("indexes hostile documents: huge, control characters, emoji, search syntax", () => {
    const b = new IndexBuilder({ fields: { title: 2, text: 1 } });
    b.add({ id: "huge", fields: { text: "sepsis ".repeat(20_000) + "x".repeat(100_000) }, attrs });
    b.add({
      id: "ctrl",
      fields: { title: "\u0000\u0007\u001b[31m", text: "😀🫀 sepsis\uFFFF\uD800" },
      attrs,
    });
    b.add({ id: "syntax", fields: { text: '"sepsis" AND (shock* OR NEAR/3) -title:^~' }, attrs });
    b.add({ id: "empty", fields: {}, attrs });
    const built = b.finish();
    expect(built.docCount).toBe(4);
    expect(
      built
        .search([{ term: "sepsi", weight: 1 }], 10)
        .map((h) => h.id)
        .sort(),
    ).toEqual(["ctrl", "huge", "syntax"]);
  });

  it("rejects malformed documents with invalid-input errors", () => {
    const b = new IndexBuilder({ fields: { text: 1 } });
    expect(() => b.add({ id: "", fields: {}, attrs })).toThrow(/id/);
    expect(() => b.add({ id: "a\0b", fields: {}, attrs })).toThrow(/NUL/);
    expect(() => b.add({ id: "a", fields: { bogus: "x" }, attrs })).toThrow(/unknown field/);
    expect(() => b.add({ id: "a", fields: {}, attrs: { ...attrs, kind: 256 } })).toThrow(/attrs.kind/);
    expect(() => b.add({ id: "a", fields: {}, attrs: { ...attrs, year: 2.5 } })).toThrow(/attrs.year/);
    expect(() => new IndexBuilder({ fields: {} })).toThrow(/at least one field/);
    expect(() => new IndexBuilder({ fields: { text: 1 }, b: 2 })).toThrow(/b for text/);
  });

  it("builds an empty index that answers every query with nothing", () => {
    const empty = new IndexBuilder({ fields: { text: 1 } }).finish();
    expect(empty.docCount).toBe(0);
    expect(empty.search([{ term: "sepsi", weight: 1 }], 10)).toEqual([]);
  });
});
