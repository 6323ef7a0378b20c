import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, fullText, makeUnit, placePassages, sourceDefaults } from "./common.js";

const source = {
  ...sourceDefaults(),
  id: "test:1",
  kind: "review" as const,
  title: "Test source",
  collection: "test",
  meta: { b: 1, a: [1, 2] },
};

describe("passage offsets", () => {
  it("point every passage at its own text inside the joined full text", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), (texts) => {
        const passages = placePassages(
          "s",
          texts.map((text, i) => ({ id: `p${i}`, sectionPath: [], text })),
        );
        const full = fullText(passages);
        for (const p of passages) expect(full.slice(p.start, p.end)).toBe(p.text);
        expect(passages.map((p) => p.ordinal)).toEqual(texts.map((_, i) => i));
      }),
    );
  });
});

describe("content hash", () => {
  const drafts = [{ id: "test:1#1", sectionPath: ["A"], text: "First passage." }];

  it("is the same for the same content, whatever the key order of meta", () => {
    const a = makeUnit(source, drafts);
    const b = makeUnit({ ...source, meta: { a: [1, 2], b: 1 } }, drafts);
    expect(a.source.contentHash).toBe(b.source.contentHash);
    expect(a.source.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes when a passage, the title, the metadata or a question changes", () => {
    const base = makeUnit(source, drafts).source.contentHash;
    expect(makeUnit(source, [{ ...drafts[0], text: "First passage!" }]).source.contentHash).not.toBe(base);
    expect(makeUnit({ ...source, title: "Other" }, drafts).source.contentHash).not.toBe(base);
    expect(makeUnit({ ...source, meta: { b: 2, a: [1, 2] } }, drafts).source.contentHash).not.toBe(base);
    const question = {
      id: "q",
      question: "Why?",
      qtype: null,
      focus: null,
      passageId: null,
      sourceId: "test:1",
    };
    expect(makeUnit(source, drafts, { questions: [question] }).source.contentHash).not.toBe(base);
  });

  it("serialises objects with sorted keys at every depth", () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: [{ y: 1, x: 2 }] })).toBe(
      '{"a":[{"x":2,"y":1}],"b":{"c":2,"d":1}}',
    );
  });
});
