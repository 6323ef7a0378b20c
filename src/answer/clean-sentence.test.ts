import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanImportedSentence } from "./clean-sentence.js";

describe("cleanImportedSentence", () => {
  it.each([
    [
      "A healthcare provider usually confirms a diagnosis of shingles if the person also - reports a sharp, burning pain - has had chickenpox - is elderly. reports a sharp, burning pain has had chickenpox is elderly.",
      "A healthcare provider usually confirms a diagnosis of shingles if the person also: reports a sharp, burning pain; has had chickenpox; is elderly.",
    ],
    [
      "Burning, Itching, Tingling, Then a Rash An outbreak of shingles usually begins with a burning sensation.",
      "An outbreak of shingles usually begins with a burning sensation.",
    ],
    [
      "Antivirals and Other Treatments At the early stage, a provider may prescribe antiviral pills.",
      "At the early stage, a provider may prescribe antiviral pills.",
    ],
    // Proper names at the start of an ordinary sentence stay.
    [
      "New York Heart Association class III patients need diuretics.",
      "New York Heart Association class III patients need diuretics.",
    ],
    ["Pain Shingles can be quite painful.", "Pain Shingles can be quite painful."],
    [
      "See a provider within 72 hours of the rash.Treatment with antivirals speeds healing.",
      "See a provider within 72 hours of the rash. Treatment with antivirals speeds healing.",
    ],
  ])("%s", (input, expected) => {
    expect(cleanImportedSentence(input)).toBe(expected);
  });

  it("drops web-page furniture", () => {
    expect(cleanImportedSentence("(Watch the video to learn more about one woman's experience.")).toBeNull();
    expect(
      cleanImportedSentence("To enlarge the video, click the brackets in the lower right-hand corner."),
    ).toBeNull();
    // Resource lists at the end of genetics pages name websites, not care.
    expect(
      cleanImportedSentence(
        "These resources address the diagnosis or care of CHMP2B-related frontotemporal dementia: Family Caregiver Alliance.",
      ),
    ).toBeNull();
    expect(
      cleanImportedSentence("Genetic Testing Registry: Frontotemporal Dementia, Chromosome 3-Linked."),
    ).toBeNull();
    expect(
      cleanImportedSentence("Visit the dentist routinely for a check-up and professional cleaning."),
    ).toBe("Visit the dentist routinely for a check-up and professional cleaning.");
  });

  it("never adds a word and never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const out = cleanImportedSentence(text);
        if (out === null) return;
        const source = new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
        for (const w of out.toLowerCase().match(/[a-z0-9]+/g) ?? []) expect(source.has(w)).toBe(true);
      }),
    );
  });
});
