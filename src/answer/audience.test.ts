import { describe, expect, it } from "vitest";
import { adaptDraft, plainSentences, urgentCareLine } from "./audience.js";
import type { Draft } from "./draft.js";
import { layRewriter } from "./glossary.js";
import { fleschKincaidGrade } from "./readability.js";

const GLOSSARY = [
  {
    term: "venous thromboembolism",
    plain: "blood clot in a vein",
    explain: "a clot in a deep vein or the lungs",
  },
  { term: "subcutaneously", plain: "under the skin" },
  { term: "anticoagulation", plain: "blood-thinning treatment", explain: "medicine that slows clotting" },
  { term: "septic shock", plain: "septic shock (very low blood pressure from infection)" },
  { term: "mg", plain: "milligrams" },
];

const b = (text: string, keys = ["k1"]) => ({ text, keys, support: 0.9 });
const DRAFT: Draft = {
  title: "Management of venous thromboembolism",
  bottomLine: b("Start therapeutic anticoagulation when venous thromboembolism occurs in septic shock."),
  sections: [
    {
      title: "Recommended approach",
      facet: "recommended",
      bullets: [
        b(
          "Use LMWH rather than UFH; UFH is preferred when CrCl is below 30 mL/min, and it can be reversed quickly.",
        ),
      ],
    },
    {
      title: "Dosing and administration",
      facet: "dosing",
      bullets: [b("Give enoxaparin 1 mg/kg subcutaneously every 12 hours.", ["k2"])],
    },
    {
      title: "Monitoring",
      facet: "monitoring",
      bullets: [b("Monitor anti-Xa levels in septic shock.", ["k3"])],
    },
  ],
};

describe("layRewriter", () => {
  it("replaces terms on word boundaries, keeps case at sentence start and never touches units", () => {
    const r = layRewriter(GLOSSARY);
    expect(r.rewrite("Anticoagulation, then 5 mg subcutaneously.")).toBe(
      "Blood-thinning treatment, then 5 mg under the skin.",
    );
    expect(r.rewrite("anticoagulationist")).toBe("anticoagulationist");
  });

  it("explains a term with an aside only the first time", () => {
    const r = layRewriter(GLOSSARY);
    expect(r.rewrite("septic shock and septic shock")).toBe(
      "septic shock (very low blood pressure from infection) and septic shock",
    );
  });
});

describe("plainSentences", () => {
  it("splits at semicolons and ', and' when both halves stand alone, keeping numbers", () => {
    expect(plainSentences("Give 5 mg daily; stop it after 7 days, and check the level on day 3")).toBe(
      "Give 5 mg daily. Stop it after 7 days. Check the level on day 3.",
    );
  });

  it("keeps short fragments joined", () => {
    expect(plainSentences("Use A; or B")).toBe("Use A, or B.");
  });

  it("splits subordinate clauses after a comma with a short carrier, keeping every word", () => {
    expect(
      plainSentences("Avoid haloperidol and other dopamine antagonists, which can cause severe rigidity"),
    ).toBe("Avoid haloperidol and other dopamine antagonists. This can cause severe rigidity.");
    expect(plainSentences("Give low-dose aspirin from 12 weeks, if the woman has one high-risk factor")).toBe(
      "Give low-dose aspirin from 12 weeks. This applies if the woman has one high-risk factor.",
    );
  });

  it("never splits inside parentheses and keeps short clauses joined with their own word", () => {
    expect(
      plainSentences("Stop apixaban 2 days before (high bleeding risk, if CrCl is low) the operation"),
    ).toBe("Stop apixaban 2 days before (high bleeding risk, if CrCl is low) the operation.");
    expect(plainSentences("Give it twice daily, if needed")).toBe("Give it twice daily, if needed.");
  });
});

describe("adaptDraft", () => {
  it("leaves clinician answers untouched", () => {
    expect(adaptDraft(DRAFT, "clinician", GLOSSARY, "vte").draft).toBe(DRAFT);
  });

  it("puts dosing and monitoring first for nurses and pharmacists", () => {
    expect(adaptDraft(DRAFT, "nurse", GLOSSARY, "").draft.sections.map((s) => s.facet)).toEqual([
      "dosing",
      "monitoring",
      "recommended",
    ]);
    expect(adaptDraft(DRAFT, "pharmacist", GLOSSARY, "").draft.sections[0]?.facet).toBe("dosing");
  });

  it("adds one explanation line per section for students where the glossary explains a term", () => {
    const sections = adaptDraft(DRAFT, "student", GLOSSARY, "").draft.sections;
    expect(sections.map((s) => s.explainer)).toEqual([undefined, undefined, undefined]);
    const withTerm = adaptDraft(
      {
        ...DRAFT,
        sections: [
          { ...DRAFT.sections[0], bullets: [b("Anticoagulation is needed.")] } as Draft["sections"][0],
        ],
      },
      "student",
      GLOSSARY,
      "",
    );
    expect(withTerm.draft.sections[0]?.explainer).toBe("anticoagulation: medicine that slows clotting");
  });

  it("rewrites for patients 1:1, keeping citations, support, numbers and lowering the grade", () => {
    const { draft, urgentCare } = adaptDraft(DRAFT, "patient", GLOSSARY, "blood clot after sepsis");
    const before = DRAFT.sections.flatMap((s) => s.bullets);
    const after = draft.sections.flatMap((s) => s.bullets);
    expect(after.map((x) => x.keys)).toEqual(before.map((x) => x.keys));
    expect(after.map((x) => x.support)).toEqual(before.map((x) => x.support));
    expect(after[1]?.text).toBe("Give enoxaparin 1 mg/kg under the skin every 12 hours.");
    expect(draft.sections[0]?.title).toBe("What is usually recommended");
    const text = (d: Draft) =>
      [d.bottomLine?.text, ...d.sections.flatMap((s) => s.bullets.map((x) => x.text))].join(" ");
    expect(fleschKincaidGrade(text(draft))).toBeLessThan(fleschKincaidGrade(text(DRAFT)));
    expect(urgentCare).toMatch(
      /^Call emergency services or go to the emergency department now if .*bleeding/,
    );
  });
});

describe("urgentCareLine", () => {
  it.each([
    ["chest pain on exertion", /chest pain or pressure/],
    ["asthma attack", /trouble breathing/],
    ["signs of a stroke", /drooping face/],
    ["confusion in an older man", /suddenly confused/],
    ["eczema on the hands", /severe or quickly worsening symptoms/],
  ])("chooses the line for %j", (topic, pattern) => {
    expect(urgentCareLine(topic)).toMatch(pattern);
  });
});
