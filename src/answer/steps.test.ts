import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseFreeQuery, verifyDraft } from "./steps.js";

describe("caseFreeQuery", () => {
  it("drops the case's doses, schedules and values but keeps what is asked", () => {
    const q = caseFreeQuery(
      "Patient on apixaban 5 mg twice daily for AF, CrCl 60, booked for hip replacement. When should I stop it?",
    );
    expect(q).toContain("apixaban");
    expect(q).toContain("stop");
    expect(q).not.toMatch(/\b(?:5|mg|twice|daily|60)\b/);
  });

  it("is empty when nothing would be removed, so the same query is not run twice", () => {
    expect(caseFreeQuery("How should I treat severe hyperkalaemia with ECG changes?")).toBe("");
  });

  it("never returns numbers or throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const q = caseFreeQuery(text);
        for (const w of q.split(" ").filter(Boolean)) expect(/^\d[\d.,]*$/.test(w)).toBe(false);
      }),
    );
  });
});

describe("verifyDraft and subsection headings", () => {
  const entry = (sectionPath: string[]) =>
    new Map([
      [
        "lib:af::p1",
        {
          key: "lib:af::p1",
          source: {} as never,
          passageId: "p1",
          passageText: "5 mg orally twice daily.",
          sectionPath,
        },
      ],
    ]);
  const draft = {
    title: "t",
    bottomLine: null,
    sections: [
      {
        title: "Dosing",
        facet: "dosing" as const,
        bullets: [{ text: "Apixaban (Eliquis): 5 mg orally twice daily.", keys: ["lib:af::p1"], support: 1 }],
      },
    ],
  };

  it("reads the passage's subsection heading as part of what it says", () => {
    const ok = verifyDraft(
      draft,
      entry(["AF", "Dosing and administration", "Apixaban (Eliquis)"]),
      0.6,
      false,
    );
    expect(ok.supported).toBe(1);
  });

  it("does not let a drug name from nowhere pass", () => {
    const bad = verifyDraft(draft, entry(["AF", "Dosing and administration"]), 0.6, false);
    expect(bad.dropped).toBe(1);
  });
});
