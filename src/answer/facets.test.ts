import { describe, expect, it } from "vitest";
import { classifyFacet, headingFacet, SECTIONS } from "./facets.js";
import { QUESTION_TYPES } from "./question.js";

describe("classifyFacet", () => {
  it.each([
    ["Norepinephrine is recommended as the first-line vasopressor.", "recommended"],
    ["If norepinephrine is not available, epinephrine is an alternative.", "alternatives"],
    ["Give enoxaparin 1 mg/kg subcutaneously every 12 hours.", "dosing"],
    ["Monitor anti-Xa levels and platelet counts.", "monitoring"],
    ["In pregnancy, warfarin is replaced by LMWH at weight-based doses in women.", "special_populations"],
    ["NSAIDs are contraindicated after bypass surgery because of bleeding risk.", "cautions"],
    ["Continue anticoagulation for at least 3 months.", "duration"],
    ["In a randomized trial, mortality was 38.9% vs 38.7% (P=.94).", "evidence"],
    ["Heparin binds antithrombin and inhibits thrombin.", "mechanism"],
    ["The diagnosis is confirmed by CT pulmonary angiography.", "diagnosis"],
    ["Five-year survival is about 60%, and the prognosis depends on stage.", "prognosis"],
    ["Sepsis is a life-threatening organ dysfunction caused by infection.", "background"],
  ])("puts %j under %s", (sentence, facet) => {
    expect(classifyFacet(sentence).facet).toBe(facet);
  });

  it("lets the passage heading decide an ambiguous sentence", () => {
    const sentence = "Check the level on day 3.";
    expect(classifyFacet(sentence, ["Vancomycin", "Dosing and administration"]).facet).toBe("dosing");
    expect(classifyFacet(sentence, ["Vancomycin", "Monitoring"]).facet).toBe("monitoring");
  });

  it("reads the deepest heading first", () => {
    expect(headingFacet(["Septic shock", "Treatment", "Special populations"])).toBe("special_populations");
    expect(headingFacet(["Nothing relevant"])).toBeNull();
  });

  it("matches heading cues as whole words ('Adrenal crisis' is not about renal impairment)", () => {
    expect(headingFacet(["Adrenal crisis", "Dosing and administration", "Adrenal crisis"])).toBe("dosing");
    expect(headingFacet(["X", "Dosing and administration", "Renal impairment"])).toBe("special_populations");
    expect(headingFacet(["X", "Children and adolescents"])).toBe("special_populations");
  });
});

describe("SECTIONS", () => {
  it("titles treatment answers like a clinical summary", () => {
    expect(SECTIONS.treatment.map((s) => s.title)).toEqual([
      "Recommended approach",
      "Alternatives",
      "Dosing and administration",
      "Monitoring",
      "Special populations",
      "Cautions and contraindications",
      "Duration and follow-up",
      "Key evidence",
    ]);
  });

  it("gives every question type a non-empty set of distinct facets", () => {
    for (const type of QUESTION_TYPES) {
      const facets = SECTIONS[type].map((s) => s.facet);
      expect(facets.length).toBeGreaterThan(2);
      expect(new Set(facets).size).toBe(facets.length);
    }
  });
});
