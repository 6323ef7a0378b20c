import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { source as testSource } from "../../test/answer/fixtures.js";
import type { EvidenceKind, Source } from "../corpus/model.js";
import { catalogResolver, citationsInOrder, referenceType, renumber } from "./citations.js";
import { type CatalogEntry, type Draft, evidenceKey } from "./draft.js";

describe("referenceType", () => {
  it.each([
    ["guideline", "guideline", "Guideline"],
    ["systematic_review", "systematic_review", "Systematic review"],
    ["trial", "trial", "Trial"],
    ["observational", "research", "Research"],
    ["case_report", "research", "Research"],
    ["review", "research", "Research"],
    ["patient_info", "patient_info", "Patient information"],
    ["editorial", "editorial", "Editorial summary"],
    ["protocol", "protocol", "Protocol"],
  ] as const)("maps %s to %s (%s)", (kind, type, label) => {
    expect(referenceType(kind as EvidenceKind)).toEqual({ type, label });
  });
});

function source(id: string, kind: EvidenceKind = "trial"): Source {
  return testSource(id, kind, `Title ${id}`, "Pub", 2020);
}

function catalogFor(keys: string[]): Map<string, CatalogEntry> {
  return new Map(
    keys.map((key) => {
      const [sourceId, passageId] = key.split("::") as [string, string];
      return [
        key,
        { key, source: source(sourceId), passageId, passageText: `text of ${passageId}`, sectionPath: [] },
      ];
    }),
  );
}

const stmt = (keys: string[]) => ({ text: "A statement.", keys, support: 1 });

describe("renumber", () => {
  it("numbers references by first use: bottom line, then sections in order", () => {
    const draft: Draft = {
      title: "T",
      bottomLine: stmt(["b::b1"]),
      sections: [{ title: "S", facet: "recommended", bullets: [stmt(["a::a1", "b::b1"]), stmt(["c::c1"])] }],
    };
    const out = renumber(draft, catalogResolver(catalogFor(["a::a1", "b::b1", "c::c1"])));
    expect(out.bottomLine?.citations).toEqual([1]);
    expect(out.sections[0]?.bullets.map((b) => b.citations)).toEqual([[2, 1], [3]]);
    expect(out.references.map((r) => r.sourceId)).toEqual(["b", "a", "c"]);
  });

  it("gives one reference per source and lists each cited passage under it", () => {
    const draft: Draft = {
      title: "T",
      bottomLine: stmt(["a::a1"]),
      sections: [{ title: "S", facet: "x", bullets: [stmt(["a::a2"])] }],
    };
    const out = renumber(draft, catalogResolver(catalogFor(["a::a1", "a::a2"])));
    expect(out.references).toHaveLength(1);
    expect(out.references[0]?.passageId).toBe("a1");
    expect(out.references[0]?.passages?.map((p) => p.passageId)).toEqual(["a1", "a2"]);
    expect(out.sections[0]?.bullets[0]?.citations).toEqual([1]);
  });

  it("drops keys the catalog does not know", () => {
    const out = renumber(
      { bottomLine: stmt(["x::1", "a::a1"]), sections: [] },
      catalogResolver(catalogFor(["a::a1"])),
    );
    expect(out.bottomLine?.citations).toEqual([1]);
  });

  it("always yields contiguous numbers 1..n, in first-use order, that all resolve", () => {
    const key = fc
      .tuple(fc.constantFrom("s1", "s2", "s3", "s4"), fc.constantFrom("p1", "p2"))
      .map(([s, p]) => evidenceKey(s, p));
    const keys = fc.array(key, { maxLength: 4 });
    const draftArb = fc.record({
      bottomLine: fc.option(keys.map(stmt), { nil: null }),
      sections: fc.array(
        fc.array(keys.map(stmt), { maxLength: 4 }).map((bullets) => ({ title: "S", facet: "f", bullets })),
        {
          maxLength: 4,
        },
      ),
    });
    const known = fc.subarray([
      "s1::p1",
      "s1::p2",
      "s2::p1",
      "s2::p2",
      "s3::p1",
      "s3::p2",
      "s4::p1",
      "s4::p2",
    ]);
    fc.assert(
      fc.property(draftArb, known, (draft, knownKeys) => {
        const out = renumber(draft, catalogResolver(catalogFor(knownKeys)));
        const used = citationsInOrder(out);
        const firstUse = [...new Set(used)];
        expect(firstUse).toEqual(out.references.map((r) => r.n));
        expect(out.references.map((r) => r.n)).toEqual(out.references.map((_, i) => i + 1));
        for (const n of used) expect(out.references[n - 1]?.n).toBe(n);
      }),
    );
  });
});
