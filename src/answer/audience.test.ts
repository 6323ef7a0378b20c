import { describe, expect, it } from "vitest";
import { adaptDraft, plainLatin, urgentCareLine } from "./audience.js";
import type { Draft } from "./draft.js";
import { layRewriter } from "./glossary.js";
import {
  clauseAndSplit,
  expandRoutes,
  moveAsides,
  plainLabValues,
  plainSentences,
  restructure,
  resultListSplit,
  sameFacts,
} from "./patient-sentences.js";
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

  it.each([
    // ", so that" keeps its purpose instead of dropping "so".
    [
      "Start iodide at least 1 hour after the first antithyroid drug dose, so that iodine is not used for new hormone.",
      "Start iodide at least 1 hour after the first antithyroid drug dose. This is so that iodine is not used for new hormone.",
    ],
    [
      "Do not use diuretics to treat AKI except to manage volume overload, and do not use low-dose dopamine to prevent AKI.",
      "Do not use diuretics to treat AKI except to manage volume overload. Do not use low-dose dopamine to prevent AKI.",
    ],
    [
      "UFH suits the ICU because it has a short half-life, is not renally cleared, and is fully reversed by protamine.",
      "UFH suits the ICU. This is because it has a short half-life, is not renally cleared, and is fully reversed by protamine.",
    ],
    [
      "Anaphylaxis is highly likely with hypotension after exposure to a known allergen, even without skin signs.",
      "Anaphylaxis is highly likely with hypotension after exposure to a known allergen. This is true even without skin signs.",
    ],
  ])("splits %j only where both parts stand alone", (input, expected) => {
    expect(plainSentences(restructure(input))).toBe(expected);
  });

  it("refers back to several things with 'These'", () => {
    expect(
      plainSentences(
        "Risk factors are older age, kidney disease and diabetes, which all raise the risk of harm in adults.",
      ),
    ).toBe(
      "Risk factors are older age, kidney disease and diabetes. These all raise the risk of harm in adults.",
    );
  });

  it("keeps short fragments joined, with their own punctuation", () => {
    expect(plainSentences("Use A; or B")).toBe("Use A; or B.");
    expect(plainSentences("Target: 4-6 mmol/L in 24 hours")).toBe("Target: 4-6 mmol/L in 24 hours.");
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

describe("restructure (patient sentences)", () => {
  const numbers = (s: string) => (s.match(/\d+(?:[.,]\d+)*/g) ?? []).sort();
  it.each([
    [
      "dose list: one sentence per drug, asides and maxima out",
      "Labetalol 10–20 mg IV over 1–2 minutes (may repeat once), or nicardipine 5 mg/h IV titrated by 2.5 mg/h every 5–15 minutes to a maximum of 15 mg/h, or clevidipine 1–2 mg/h IV titrated to a maximum of 21 mg/h.",
      "Labetalol 10–20 mg IV over 1–2 minutes. This may be repeated once. Or nicardipine 5 mg/h IV titrated by 2.5 mg/h every 5–15 minutes. The most is 15 mg/h. Or clevidipine 1–2 mg/h IV titrated. The most is 21 mg/h.",
    ],
    [
      "parenthetical maximum",
      "Alteplase 0.9 mg/kg IV over 60 minutes (maximum 90 mg).",
      "Alteplase 0.9 mg/kg IV over 60 minutes. The most is 90 mg.",
    ],
    [
      "label, participle and maximum",
      "Nicardipine: 5 mg/h, increased by 2.5 mg/h every 5–15 minutes to a maximum of 15 mg/h.",
      "Nicardipine: 5 mg/h. It is increased by 2.5 mg/h every 5–15 minutes. The most is 15 mg/h.",
    ],
    [
      "bolus then infusion",
      "High-dose PPI: 80 mg IV bolus then 8 mg/h continuous infusion for 72 hours.",
      "High-dose PPI: 80 mg IV bolus. Then 8 mg/h continuous infusion for 72 hours.",
    ],
    [
      "dose bands are not options",
      "Tenecteplase: 30 mg if below 60 kg, 35 mg if 60-69 kg, 40 mg if 70-79 kg.",
      "Tenecteplase: 30 mg if below 60 kg. 35 mg if 60-69 kg. 40 mg if 70-79 kg.",
    ],
    [
      "maximum single dose",
      "Epinephrine IM: 0.01 mg/kg of 1 mg/mL solution, maximum single dose 0.5 mg in adults and 0.3 mg in children.",
      "Epinephrine IM: 0.01 mg/kg of 1 mg/mL solution. The highest single dose is 0.5 mg in adults and 0.3 mg in children.",
    ],
    [
      "trial with a population",
      "STREAM (2013), in 1,892 patients with early STEMI, tenecteplase gave similar 30-day death or shock to primary PCI (12.4% vs 14.3%).",
      "The STREAM study (2013) looked at 1,892 patients with early STEMI. Tenecteplase gave similar 30-day death or shock to primary PCI. The results were 12.4% vs 14.3%.",
    ],
    [
      "trial without a population",
      "VASST (2008): vasopressin did not reduce 28-day mortality versus norepinephrine alone (35.4% vs 39.3%).",
      "Here is what the VASST study (2008) found. Vasopressin did not reduce 28-day mortality versus norepinephrine alone. The results were 35.4% vs 39.3%.",
    ],
    [
      "second result of a trial",
      "STARRT-AKI (2020), accelerated KRT did not reduce 90-day mortality compared with a standard strategy (43.9% vs 43.7%) and increased KRT dependence at 90 days (10.4% vs 6.0%).",
      "Here is what the STARRT-AKI study (2020) found. Accelerated KRT did not reduce 90-day mortality compared with a standard strategy. The results were 43.9% vs 43.7%. It also increased KRT dependence at 90 days. The results were 10.4% vs 6.0%.",
    ],
    [
      "list of alternatives keeps the negation in the lead-in",
      "Do not give alteplase with intracranial haemorrhage on CT, head trauma within 3 months, GI bleeding within 21 days, or aortic arch dissection.",
      "Do not give alteplase with any of these. Intracranial haemorrhage on CT. Head trauma within 3 months. GI bleeding within 21 days. Aortic arch dissection.",
    ],
    [
      "list after a colon",
      "Simple SAB requires all of: endocarditis excluded, no implanted prostheses, negative blood cultures within 2–4 days, no metastatic infection.",
      "Simple SAB requires all of these. Endocarditis excluded. No implanted prostheses. Negative blood cultures within 2–4 days. No metastatic infection.",
    ],
    [
      "two instructions",
      "In people with stents who must stop the P2Y12 inhibitor, continue aspirin if possible and restart the P2Y12 inhibitor as soon as possible after surgery.",
      "This is about people with stents who must stop the P2Y12 inhibitor. For them, continue aspirin if possible. Restart the P2Y12 inhibitor as soon as possible after surgery.",
    ],
    [
      "condition at the end of a long sentence",
      "Check liver tests and a white-cell count in every patient on PTU if fever, sore throat or jaundice develop.",
      "Check liver tests and a white-cell count in every patient on PTU. Do this if fever, sore throat or jaundice develop.",
    ],
    [
      "maxima stay with their own dose",
      "INR 2 to below 4: 25 units/kg (max 2,500 units), INR 4-6: 35 units/kg (max 3,500 units).",
      "INR 2 to below 4: 25 units/kg. The most is 2,500 units. INR 4-6: 35 units/kg. The most is 3,500 units.",
    ],
  ])("%s", (_name, input, expected) => {
    const out = plainSentences(restructure(input));
    expect(out).toBe(expected);
    expect(numbers(out)).toEqual(numbers(input));
    expect(sameFacts(input, out)).toBe(true);
  });

  it.each([
    [
      "counted items stay together",
      "Lab TLS: 2 or more of uric acid ≥8 mg/dL, potassium ≥6.0 mmol/L, or phosphate ≥4.5 mg/dL.",
    ],
    [
      "a list that is the subject stays whole",
      "Aspirin 75 mg daily, clopidogrel 75 mg daily, or ticagrelor 90 mg twice daily are recommended after stroke.",
    ],
    [
      "a condition after a negation stays attached",
      "Edoxaban should not be used in the US label when creatinine clearance is above 95 mL/min because of reduced efficacy.",
    ],
    [
      "an adjective is not a dose participle",
      "Euglycaemic DKA occurs particularly with SGLT2 inhibitors, pregnancy, reduced intake or alcohol.",
    ],
  ])("%s", (_name, input) => {
    expect(plainSentences(restructure(input))).toBe(input);
  });

  it("leaves a statement unchanged when a rule would lose a number or a negation", () => {
    expect(sameFacts("Give 5 mg, not 10 mg.", "Give 5 mg. Then 10 mg.")).toBe(false);
    expect(sameFacts("Give 5 mg (max 10 mg).", "Give 5 mg. The most is 10 mg.")).toBe(true);
  });

  it("expands route abbreviations only after a dose", () => {
    expect(expandRoutes("Give 0.5 mg IM every 5 minutes and 1 mg/kg SC.")).toBe(
      "Give 0.5 mg into a muscle every 5 minutes and 1 mg/kg under the skin.",
    );
    expect(expandRoutes("IM epinephrine is first line; SC doses vary.")).toBe(
      "IM epinephrine is first line; SC doses vary.",
    );
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

describe("plainLabValues", () => {
  it.each([
    ["If K+ <3.5 mmol/L, give potassium.", "If potassium is below 3.5 mmol/L, give potassium."],
    ["Na+ >145 mmol/L", "sodium above 145 mmol/L"],
    ["pH ≤7.2", "pH at most 7.2"],
    ["uric acid ≥8 mg/dL (476 µmol/L)", "uric acid at least 8 mg/dL (476 µmol/L)"],
    ["WBC <4,000/µL, temperature <36 °C", "WBC below 4,000/µL, temperature below 36 °C"],
    ["when glucose <4 mmol/L", "when glucose is below 4 mmol/L"],
    // A sign not directly before a number, or inside a token ("P<0.05"), stays.
    ["P<0.05 and HR 0.86", "P<0.05 and HR 0.86"],
    ["step 1 → step 2", "step 1 → step 2"],
  ])("%s", (input, expected) => {
    expect(plainLabValues(input)).toBe(expected);
    expect(sameFacts(input, plainLabValues(input))).toBe(true);
  });
});

describe("restructure: long lists", () => {
  it.each([
    [
      "counted items keep the count in the lead-in and a closing time frame",
      "Lab TLS: 2 or more of uric acid ≥8 mg/dL (476 µmol/L), potassium ≥6.0 mmol/L, phosphate ≥4.5 mg/dL (1.45 mmol/L), or a 25% change from baseline, from 3 days before to 7 days after treatment.",
      "Lab TLS: 2 or more of these, from 3 days before to 7 days after treatment. Uric acid ≥8 mg/dL (476 µmol/L). Potassium ≥6.0 mmol/L. Phosphate ≥4.5 mg/dL (1.45 mmol/L). A 25% change from baseline.",
    ],
    [
      "an example list becomes one item per sentence",
      "Minor criteria (e.g. RR ≥30/min, PaO2/FiO2 ≤250, multilobar infiltrates, confusion, BUN ≥20 mg/dL, WBC <4,000/µL, temperature <36 °C) point to severe CAP.",
      "Minor criteria point to severe CAP. Here are some examples. RR ≥30/min. PaO2/FiO2 ≤250. Multilobar infiltrates. Confusion. BUN ≥20 mg/dL. WBC <4,000/µL. Temperature <36 °C.",
    ],
    [
      "a short counted list stays whole",
      "Lab TLS: 2 or more of uric acid ≥8 mg/dL, potassium ≥6.0 mmol/L, or phosphate ≥4.5 mg/dL.",
      "Lab TLS: 2 or more of uric acid ≥8 mg/dL, potassium ≥6.0 mmol/L, or phosphate ≥4.5 mg/dL.",
    ],
    [
      "an example list whose items are clauses stays whole",
      "For example, the dose is lower in kidney disease, the level is checked, the drip is slowed, and so on.",
      "For example, the dose is lower in kidney disease, the level is checked, the drip is slowed, and so on.",
    ],
  ])("%s", (_name, input, expected) => {
    expect(restructure(input)).toBe(expected);
    expect(sameFacts(input, restructure(input))).toBe(true);
  });
});

describe("restructure: conditions after an instruction", () => {
  it.each([
    [
      "Add dextrose to the IV fluids when the glucose falls below 250 mg/dL (13.9 mmol/L).",
      "Add dextrose to the IV fluids. Do this when the glucose falls below 250 mg/dL (13.9 mmol/L).",
    ],
    [
      "Continue GDMT during admission unless there is unstable blood pressure or a reason to stop it.",
      "Continue GDMT during admission. Do this unless there is unstable blood pressure or a reason to stop it.",
    ],
    // Not an instruction and short: the condition stays attached ("DKA has resolved" is not a fact alone).
    [
      "DKA has resolved when β-hydroxybutyrate is below 0.6 mmol/L and vein pH is at least 7.3.",
      "DKA has resolved when β-hydroxybutyrate is below 0.6 mmol/L and vein pH is at least 7.3.",
    ],
    // A negated instruction keeps its condition.
    [
      "Do not give alteplase within 48 hours of a dose unless clotting tests are normal today.",
      "Do not give alteplase within 48 hours of a dose unless clotting tests are normal today.",
    ],
  ])("%s", (input, expected) => {
    expect(restructure(input)).toBe(expected);
  });
});

describe("plainLatin", () => {
  it.each([
    ["Use a thrombin inhibitor (e.g. argatroban).", "Use a thrombin inhibitor (for example, argatroban)."],
    ["Losses (e.g., diuretics) need potassium.", "Losses (for example, diuretics) need potassium."],
    ["E.g. beta-blockers help.", "For example, beta-blockers help."],
    [
      "After two recurrences (i.e. a third episode), offer FMT.",
      "After two recurrences (that is, a third episode), offer FMT.",
    ],
    ["Give egg-free feeds.", "Give egg-free feeds."],
  ])("%s", (input, expected) => {
    expect(plainLatin(input)).toBe(expected);
  });
});

describe("resultListSplit", () => {
  it.each([
    [
      "In the ARISTOTLE study (2011), apixaban reduced stroke or systemic embolism (1.27% vs 1.60% per year), major bleeding (2.13% vs 3.09% per year) and all-cause death (3.52% vs 3.94% per year) versus warfarin",
      [
        "In the ARISTOTLE study (2011), apixaban reduced stroke or systemic embolism (1.27% vs 1.60% per year) versus warfarin",
        "It also reduced major bleeding (2.13% vs 3.09% per year)",
        "It also reduced all-cause death (3.52% vs 3.94% per year)",
      ],
    ],
    [
      "In the EMPA-REG OUTCOME study (2015), empagliflozin reduced major adverse cardiovascular events (10.5% vs 12.1%, HR 0.86) and cardiovascular death (38% relative reduction)",
      [
        "In the EMPA-REG OUTCOME study (2015), empagliflozin reduced major adverse cardiovascular events (10.5% vs 12.1%, HR 0.86)",
        "It also reduced cardiovascular death (38% relative reduction)",
      ],
    ],
    // A negation before the verb, or items without their own figures, keep the sentence whole.
    [
      "Neither drug clearly reduced death (10% vs 11%) or stroke (2% vs 3%) in the whole trial population overall",
      [
        "Neither drug clearly reduced death (10% vs 11%) or stroke (2% vs 3%) in the whole trial population overall",
      ],
    ],
    [
      "Apixaban reduced stroke, major bleeding and all-cause death versus warfarin in the trial (HR 0.79, 0.69 and 0.89)",
      [
        "Apixaban reduced stroke, major bleeding and all-cause death versus warfarin in the trial (HR 0.79, 0.69 and 0.89)",
      ],
    ],
  ])("%s", (input, expected) => {
    expect(resultListSplit(input)).toEqual(expected);
  });

  it("keeps every number through restructure", () => {
    const s =
      "In the ARISTOTLE study (2011), apixaban reduced stroke or systemic embolism (1.27% vs 1.60% per year), major bleeding (2.13% vs 3.09% per year) and all-cause death (3.52% vs 3.94% per year) versus warfarin.";
    const out = restructure(s);
    expect(sameFacts(s, out)).toBe(true);
    expect(out).toContain("It also reduced major bleeding");
  });
});

describe("clauseAndSplit", () => {
  it.each([
    [
      "Sudden kidney injury is present on the first day of admission and the serum creatinine has risen by 0.3 mg/dL within 48 hours",
      [
        "Sudden kidney injury is present on the first day of admission",
        "the serum creatinine has risen by 0.3 mg/dL within 48 hours",
      ],
    ],
    // A condition reaching across the "and", or a second half without its own subject, stays joined.
    [
      "Stop ECTR when clinical improvement is evident and salicylate level is below 1.4 mmol/L in all of these people",
      [
        "Stop ECTR when clinical improvement is evident and salicylate level is below 1.4 mmol/L in all of these people",
      ],
    ],
    [
      "Hydrocortisone was given to adults with septic shock for seven days and was tapered off slowly over three more days",
      [
        "Hydrocortisone was given to adults with septic shock for seven days and was tapered off slowly over three more days",
      ],
    ],
  ])("%s", (input, expected) => {
    expect(clauseAndSplit(input)).toEqual(expected);
  });
});

describe("moveAsides", () => {
  const asides = [
    { short: "sepsis", aside: "a severe reaction to infection" },
    { short: "vasopressor", aside: "medicine to raise blood pressure" },
  ];
  it.each([
    [
      "Give stress ulcer prevention to adults with sepsis (a severe reaction to infection) or septic shock who have risk factors for digestive bleeding.",
      "Give stress ulcer prevention to adults with sepsis or septic shock who have risk factors for digestive bleeding. Sepsis means a severe reaction to infection.",
    ],
    // A short sentence keeps its explanation in place.
    [
      "Treat sepsis (a severe reaction to infection) quickly.",
      "Treat sepsis (a severe reaction to infection) quickly.",
    ],
    [
      "Sepsis (a severe reaction to infection) in adults on a breathing machine was studied in a large trial of 400 people over 5 years. Give fluids.",
      "Sepsis in adults on a breathing machine was studied in a large trial of 400 people over 5 years. Sepsis means a severe reaction to infection. Give fluids.",
    ],
  ])("%s", (input, expected) => {
    expect(moveAsides(input, asides)).toBe(expected);
  });
});

describe("restructure: trailing qualifiers", () => {
  it.each([
    [
      "Clinicians may use a threshold of 7.5 g/dL in cardiac surgery and 8 g/dL in orthopaedic surgery, in line with the trial thresholds.",
      "This is in line with the trial thresholds.",
    ],
    [
      "In the CORTICUS study (2008), hydrocortisone did not reduce 28-day mortality, whether or not patients responded to corticotropin.",
      "This is true whether or not patients responded to corticotropin.",
    ],
    [
      "The trial was stopped early for excess events (19% vs 3%), driven by arterial thrombosis including stroke.",
      "This was driven by arterial thrombosis including stroke.",
    ],
  ])("%s", (input, expected) => {
    const out = restructure(input);
    expect(out).toContain(expected);
    expect(sameFacts(input, out)).toBe(true);
  });
});
