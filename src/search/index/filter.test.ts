import { describe, expect, it } from "vitest";
import { buildGolden, GOLDEN, KIND } from "./golden-corpus.js";

const ix = buildGolden();
// "heparin" or "metformin" or "sepsis": matches 9 of the 10 passages.
const broad = ["heparin", "metformin", "sepsi", "kidnei"].map((term) => ({ term, weight: 1 }));
const attrsOf = (id: string) => GOLDEN.find((p) => p.id === id)?.attrs;

describe("search filters", () => {
  it("returns only the requested evidence kinds", () => {
    const hits = ix.search(broad, 10, { kinds: [KIND.trial, KIND.review] });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect([KIND.trial, KIND.review]).toContain(attrsOf(h.id)?.kind);
  });

  it("applies an inclusive year range and excludes passages of unknown year", () => {
    const hits = ix.search(broad, 10, { yearFrom: 2019, yearTo: 2021 });
    expect(hits.map((h) => h.id).sort()).toEqual(
      ["covid-anticoag", "b12-deficiency", "sepsis-bundle", "vte-prophylaxis"].sort(),
    );
    expect(ix.search(broad, 10, { yearTo: 2030 }).map((h) => h.id)).not.toContain("sepsis-patient");
  });

  it("filters by specialty and by collection", () => {
    expect(
      ix
        .search(broad, 10, { specialty: 4 })
        .map((h) => h.id)
        .sort(),
    ).toEqual(["sepsis-bundle", "sepsis-patient"]);
    for (const h of ix.search(broad, 10, { collections: [1] })) expect(attrsOf(h.id)?.collection).toBe(1);
  });

  it("combines filters with AND and honours an allow predicate", () => {
    const hits = ix.search(broad, 10, { kinds: [KIND.guideline], specialty: 3, allow: (d) => d % 2 === 1 });
    for (const h of hits) {
      expect(h.doc % 2).toBe(1);
      expect(attrsOf(h.id)).toMatchObject({ kind: KIND.guideline, specialty: 3 });
    }
    expect(ix.search(broad, 10, { allow: () => false })).toEqual([]);
  });

  it("keeps the unfiltered order among the passages a filter lets through", () => {
    const all = ix.search(broad, 10).filter((h) => attrsOf(h.id)?.kind === KIND.guideline);
    expect(ix.search(broad, 10, { kinds: [KIND.guideline] })).toEqual(all);
  });

  it("an empty kinds list matches nothing; an empty filter matches everything", () => {
    expect(ix.search(broad, 10, { kinds: [] })).toEqual([]);
    expect(ix.search(broad, 10, {})).toEqual(ix.search(broad, 10));
  });

  it("rejects codes outside the attribute range with a clear error", () => {
    expect(() => ix.search(broad, 10, { kinds: [300] })).toThrow(/filter.kinds/);
  });
});
