import { describe, expect, it } from "vitest";
import { countSyllables, fleschKincaidGrade, textStats } from "./readability.js";

describe("countSyllables", () => {
  it.each([
    ["cat", 1],
    ["the", 1],
    ["table", 2],
    ["simple", 2],
    ["heparin", 3],
    ["recommended", 4],
    ["made", 1],
    ["used", 1],
    ["boxes", 2],
    ["people", 2],
    ["thrombosis", 3],
    ["anticoagulation", 6],
    ["30", 1],
  ])("counts %s as %i syllables", (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});

describe("fleschKincaidGrade", () => {
  it("scores a very simple sentence below grade 1", () => {
    // 6 words, 6 syllables, 1 sentence: 0.39*6 + 11.8*1 - 15.59 = -1.45
    expect(fleschKincaidGrade("The cat sat on the mat.")).toBeCloseTo(-1.4, 1);
  });

  it("scores dense clinical prose at university level", () => {
    const text =
      "Norepinephrine is recommended as the first-line vasopressor in adults with septic shock, with an initial target mean arterial pressure of 65 mmHg.";
    expect(fleschKincaidGrade(text)).toBeGreaterThan(14);
  });

  it("rates shorter sentences with shorter words as easier", () => {
    expect(fleschKincaidGrade("Take one pill a day. Call us if you feel sick.")).toBeLessThan(
      fleschKincaidGrade(
        "Administer one tablet daily; contact the clinician if adverse gastrointestinal effects develop.",
      ),
    );
  });

  it("counts sentences, words and syllables", () => {
    expect(textStats("Stop now. Then rest.")).toEqual({ sentences: 2, words: 4, syllables: 4 });
    expect(fleschKincaidGrade("")).toBe(0);
  });
});
