import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Citation, formatRef, parseMarker, stripRefs } from "./inline-refs.js";

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const rec = fc.option(fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z.]{0,5}$/), { nil: null });
const citation = fc.record({ id, rec }) as fc.Arbitrary<Citation>;
/** Sentence text: no brackets, no surrounding space, not ending in punctuation we attach to markers. */
const sentence = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,%()/-]{0,40}[A-Za-z0-9]$/);

describe("inline reference markers", () => {
  it("parse a single source, a recommendation number and several sources", () => {
    expect(parseMarker("ssc-2021 §31")).toEqual([{ id: "ssc-2021", rec: "31" }]);
    expect(parseMarker("chest-vte-2021; hokusai-vte-cancer-2018")).toEqual([
      { id: "chest-vte-2021", rec: null },
      { id: "hokusai-vte-cancer-2018", rec: null },
    ]);
    expect(parseMarker("see below")).toBeNull();
  });

  it("are removed with the space before them, keeping following punctuation with the sentence", () => {
    const { text, spans } = stripRefs("Use X first [a §1]. Check Y [b; c].");
    expect(text).toBe("Use X first. Check Y.");
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Use X first.", "Check Y."]);
    expect(spans[1].sources).toEqual([
      { id: "b", rec: null },
      { id: "c", rec: null },
    ]);
  });

  it("leave Markdown links and non-reference brackets alone", () => {
    expect(stripRefs("See [the guide](https://x.org) and [see below].").text).toBe(
      "See [the guide](https://x.org) and [see below].",
    );
  });

  it("never throw and always give ranges inside the cleaned text", () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        const { text, spans } = stripRefs(line);
        for (const s of spans) {
          expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
          expect(s.sources.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("round-trip: generated sentences with markers come back as the sentences and their citations", () => {
    const part = fc.record({
      text: sentence,
      cites: fc.array(citation, { minLength: 1, maxLength: 3 }),
      punct: fc.constantFrom("", "."),
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const line = parts.map((p) => `${p.text} ${formatRef(p.cites)}${p.punct}`).join(" ");
        const { text, spans } = stripRefs(line);
        expect(text).toBe(parts.map((p) => p.text + p.punct).join(" "));
        expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(parts.map((p) => p.text + p.punct));
        expect(spans.map((s) => s.sources)).toEqual(parts.map((p) => p.cites));
      }),
    );
  });
});
