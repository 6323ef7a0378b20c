import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

describe("splitSentences", () => {
  it.each([
    ["Give 2.5 mg daily. Then stop.", ["Give 2.5 mg daily.", "Then stop."]],
    ["Use e.g. heparin i.v. twice. Next.", ["Use e.g. heparin i.v. twice.", "Next."]],
    ["Seen by Dr. Smith today. Fine.", ["Seen by Dr. Smith today.", "Fine."]],
    ["LMWH vs. UFH was compared. Done.", ["LMWH vs. UFH was compared.", "Done."]],
    ["Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]],
    ["Smith J. Jones A. wrote it.", ["Smith J. Jones A. wrote it."]],
    ["- First item. Second part\n- Another item", ["First item.", "Second part", "Another item"]],
    ["1. Numbered step\n2) Next step", ["Numbered step", "Next step"]],
    ["Ends without a stop", ["Ends without a stop"]],
  ])("splits %j", (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected);
  });

  it("marks list items as bullets", () => {
    expect(splitSentences("Intro text.\n- Item").map((s) => s.bullet)).toEqual([false, true]);
  });

  it("gives offsets that slice back to each sentence, for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.trim()).toBe(s.text);
        }
      }),
    );
  });
});
