import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { condense } from "./condense.js";
import { isNegated, numbers } from "./text.js";

describe("condense", () => {
  it.each([
    ["In addition, heparin is given daily.", "Heparin is given daily."],
    ["However, LMWH is not recommended.", "LMWH is not recommended."],
    ["However, in addition, start UFH.", "Start UFH."],
    ["Use UFH (ref 3).", "Use UFH."],
    ["Use UFH [12].", "Use UFH."],
    ["Use UFH [3-5] daily.", "Use UFH daily."],
    ["Use norepinephrine first-line. [ssc-2021 §31]", "Use norepinephrine first-line."],
    ["Use LMWH [chest-vte-2021; hokusai-2018].", "Use LMWH."],
    ["Mortality fell (Smith et al., 2020).", "Mortality fell."],
    ["- Bullet   with  spaces  ", "Bullet with spaces"],
    ["eGFR below 30 needs care.", "eGFR below 30 needs care."],
    ["Dose is 2.5 mg/kg (max 100 mg) daily.", "Dose is 2.5 mg/kg (max 100 mg) daily."],
  ])("condenses %j", (input, expected) => {
    expect(condense(input)).toBe(expected);
  });

  it("keeps every number and the negation of any sentence", () => {
    const sentence = fc
      .array(
        fc.constantFrom(
          "give",
          "not",
          "2.5",
          "mg",
          "However,",
          "In addition,",
          "30",
          "avoid",
          "UFH",
          "[3]",
          "daily.",
        ),
        {
          maxLength: 12,
        },
      )
      .map((ws) => ws.join(" "));
    fc.assert(
      fc.property(sentence, (s) => {
        const out = condense(s);
        expect(numbers(out)).toEqual(numbers(s.replace(/\[3\]/g, "")));
        expect(isNegated(out)).toBe(isNegated(s));
      }),
    );
  });
});
