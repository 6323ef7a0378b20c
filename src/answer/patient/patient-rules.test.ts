import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adaptDraft, dropGrading, patientTitle } from "../audience.js";
import type { Draft } from "../draft.js";
import { layRewriter, loadLayGlossary } from "../glossary.js";
import { restructure, sameFacts } from "../patient-sentences.js";
import { clauseAside, extractAsides, listAside, moveAsides, namedListAside } from "./asides.js";
import { labelSplit, optionListSplit, purposeSplit, suchAsSplit, whoSplit } from "./clauses.js";
import { leadInSplit } from "./lead-in.js";
import { plainSentences } from "./plain-sentences.js";
import { NEGATION } from "./text.js";

const negations = (s: string) => s.match(new RegExp(NEGATION.source, "gi"))?.length ?? 0;
const numbers = (s: string) => (s.match(/\d+(?:[.,]\d+)*/g) ?? []).sort();

describe("leadInSplit", () => {
  it.each([
    [
      "a study lead-in becomes its own sentence",
      "In the CHANCE study (2013), clopidogrel-aspirin reduced 90-day stroke versus aspirin alone (8.2% vs 11.7%).",
      [
        "Here is what the CHANCE study (2013) found",
        "Clopidogrel-aspirin reduced 90-day stroke versus aspirin alone (8.2% vs 11.7%).",
      ],
    ],
    [
      "a long setting about people: 'For them'",
      "In people with heart artery stents who must stop the P2Y12 blocker, continue aspirin if it is possible",
      [
        "This is about people with heart artery stents who must stop the P2Y12 blocker",
        "For them, continue aspirin if it is possible",
      ],
    ],
    [
      "a long setting about a condition keeps its negation in the main clause",
      "In septic shock with lactic acidosis from poor blood flow, do not use sodium bicarbonate to raise blood pressure",
      [
        "This is about septic shock with lactic acidosis from poor blood flow",
        "In this case, do not use sodium bicarbonate to raise blood pressure",
      ],
    ],
    [
      "a short setting stays",
      "In sepsis-induced ARDS, use a tidal volume of 6 mL/kg rather than more than 10 mL/kg",
      ["In sepsis-induced ARDS, use a tidal volume of 6 mL/kg rather than more than 10 mL/kg"],
    ],
    [
      "a connective is not a setting",
      "In addition to the first dose given in the emergency department, give a second dose of 1 g after 30 minutes",
      [
        "In addition to the first dose given in the emergency department, give a second dose of 1 g after 30 minutes",
      ],
    ],
  ])("%s", (_name, input, expected) => {
    const out = leadInSplit(input);
    expect(out).toEqual(expected);
    expect(sameFacts(input, out.join(". "))).toBe(true);
  });
});

describe("labelSplit", () => {
  it.each([
    [
      "Septic shock, a threshold of 7 g/dL gave the same 90-day death rate as 9 g/dL with half the transfusions",
      [
        "This is about septic shock",
        "A threshold of 7 g/dL gave the same 90-day death rate as 9 g/dL with half the transfusions",
      ],
    ],
    // An instruction before the comma is not a label; nor is a list of names.
    [
      "Avoid inappropriate DOAC underdosing, which is linked to more strokes without less bleeding",
      ["Avoid inappropriate DOAC underdosing, which is linked to more strokes without less bleeding"],
    ],
    [
      "Apixaban, rivaroxaban or edoxaban, CrCl 30 mL/min or more: at least 24 hours before low-risk procedures",
      [
        "Apixaban, rivaroxaban or edoxaban, CrCl 30 mL/min or more: at least 24 hours before low-risk procedures",
      ],
    ],
  ])("%s", (input, expected) => {
    expect(labelSplit(input)).toEqual(expected);
  });
});

describe("purposeSplit", () => {
  it.each([
    [
      "Repeat blood gases after starting NIV or changing oxygen to confirm improving pH and PaCO2",
      [
        "Repeat blood gases after starting NIV or changing oxygen",
        "This is to confirm improving pH and PaCO2",
      ],
    ],
    [
      "Add potassium to IV fluids in adults on insulin to keep blood potassium at 4–5 mmol/L",
      ["Add potassium to IV fluids in adults on insulin", "This is to keep blood potassium at 4–5 mmol/L"],
    ],
    // The negation covers the purpose: it must stay in the same sentence.
    [
      "Do not use sodium bicarbonate in septic shock to improve blood flow or reduce vasopressor needs",
      ["Do not use sodium bicarbonate in septic shock to improve blood flow or reduce vasopressor needs"],
    ],
    // A definition: "to keep" belongs to "needing vasopressors".
    [
      "Septic shock is sepsis needing vasopressors to keep MAP at 65 mmHg or more with lactate above 2 mmol/L",
      [
        "Septic shock is sepsis needing vasopressors to keep MAP at 65 mmHg or more with lactate above 2 mmol/L",
      ],
    ],
    [
      "Colchicine is the medicine most often used in older adults to treat a gout flare quickly",
      ["Colchicine is the medicine most often used in older adults to treat a gout flare quickly"],
    ],
  ])("%s", (input, expected) => {
    expect(purposeSplit(input)).toEqual(expected);
  });
});

describe("whoSplit", () => {
  it.each([
    [
      "Give stress ulcer prophylaxis to adults with sepsis or septic shock who have risk factors for GI bleeding",
      [
        "Give stress ulcer prophylaxis to adults with sepsis or septic shock",
        "This is only for those who have risk factors for GI bleeding",
      ],
    ],
    [
      "Do not give aspirin for primary prevention to adults over 70 who have no heart disease",
      ["Do not give aspirin for primary prevention to adults over 70 who have no heart disease"],
    ],
    [
      "Test for HLA-B*5801 before allopurinol in Southeast Asian people, who carry a higher risk of allergy",
      [
        "Test for HLA-B*5801 before allopurinol in Southeast Asian people, who carry a higher risk of allergy",
      ],
    ],
  ])("%s", (input, expected) => {
    expect(whoSplit(input)).toEqual(expected);
  });
});

describe("optionListSplit", () => {
  it.each([
    [
      "Do not use haloperidol, an atypical antipsychotic, dexmedetomidine, a statin or ketamine to prevent delirium in critically ill adults",
      [
        "Do not use any of these to prevent delirium in critically ill adults",
        "Haloperidol",
        "An atypical antipsychotic",
        "Dexmedetomidine",
        "A statin",
        "Ketamine",
      ],
    ],
    [
      "Give ceftriaxone, cefotaxime, ampicillin or meropenem for bacterial meningitis in adults over 50 years",
      [
        "Give any of these for bacterial meningitis in adults over 50 years",
        "Ceftriaxone",
        "Cefotaxime",
        "Ampicillin",
        "Meropenem",
      ],
    ],
    // Doses, clauses and two-item lists stay whole.
    [
      "Give ceftriaxone 2 g, cefotaxime 2 g, or meropenem 2 g every 8 hours for bacterial meningitis in adults",
      [
        "Give ceftriaxone 2 g, cefotaxime 2 g, or meropenem 2 g every 8 hours for bacterial meningitis in adults",
      ],
    ],
    [
      "Do not use haloperidol or an atypical antipsychotic to prevent delirium in all critically ill adults on a ventilator",
      [
        "Do not use haloperidol or an atypical antipsychotic to prevent delirium in all critically ill adults on a ventilator",
      ],
    ],
  ])("%s", (input, expected) => {
    const out = optionListSplit(input);
    expect(out).toEqual(expected);
    expect(negations(out.join(". "))).toBe(negations(input));
  });
});

describe("suchAsSplit", () => {
  it.each([
    [
      "Start empirical IV antibiotics at once for community-acquired SBP with a third-generation cephalosporin such as cefotaxime or ceftriaxone",
      [
        "Start empirical IV antibiotics at once for community-acquired SBP with a third-generation cephalosporin",
        "Examples are cefotaxime or ceftriaxone",
      ],
    ],
    // Examples that are part of the subject, or that carry a condition, stay.
    [
      "Drugs that raise potassium in older adults such as ACE inhibitors should be stopped during AKI",
      ["Drugs that raise potassium in older adults such as ACE inhibitors should be stopped during AKI"],
    ],
    [
      "Fluctuating kidney function in acute kidney injury favours a short-acting agent such as IV UFH until function stabilises",
      [
        "Fluctuating kidney function in acute kidney injury favours a short-acting agent such as IV UFH until function stabilises",
      ],
    ],
    ["Use a cephalosporin such as cefotaxime", ["Use a cephalosporin such as cefotaxime"]],
  ])("%s", (input, expected) => {
    expect(suchAsSplit(input)).toEqual(expected);
  });
});

describe("restructure: new joins", () => {
  it.each([
    [
      "several options after ', or'",
      "Stage 3, creatinine 3.0 times baseline or more, or creatinine 4.0 mg/dL or more, or start of RRT.",
      "Stage 3, creatinine 3.0 times baseline or more. Or creatinine 4.0 mg/dL or more. Or start of RRT.",
    ],
    [
      "because of",
      "Stop SGLT2 inhibitors 3 days before scheduled surgery because of the risk of euglycaemic ketoacidosis.",
      "Stop SGLT2 inhibitors 3 days before scheduled surgery. This is because of the risk of euglycaemic ketoacidosis.",
    ],
    [
      "a bare because after 'not' stays (the reason may be what is negated)",
      "Do not stop the IV insulin infusion because glucose has fallen below 250 mg/dL.",
      "Do not stop the IV insulin infusion because glucose has fallen below 250 mg/dL.",
    ],
    [
      "a bare because without a negation splits and keeps its number",
      "Recheck the INR about 15-60 minutes after PCC because INR can rebound after 6 hours.",
      "Recheck the INR about 15-60 minutes after PCC. This is because INR can rebound after 6 hours.",
    ],
    [
      "a comma before because splits even after a negation",
      "Do not start dexamethasone in adults already receiving antibiotics, because benefit is not likely.",
      "Do not start dexamethasone in adults already receiving antibiotics. This is because benefit is not likely.",
    ],
    [
      "because of after a negation stays",
      "Do not stop the anticoagulant in older adults before minor dental work because of mild bleeding.",
      "Do not stop the anticoagulant in older adults before minor dental work because of mild bleeding.",
    ],
    [
      "a participle with its object",
      "Decisions about stopping antiplatelet therapy should be shared by the surgeon and cardiologist, weighing stent thrombosis against bleeding risk.",
      "Decisions about stopping antiplatelet therapy should be shared by the surgeon and cardiologist. This means weighing stent thrombosis against bleeding risk.",
    ],
    [
      "a list of nouns is not a participle",
      "Hyponatraemia with severe symptoms such as confusion, vomiting, seizures or coma needs 3% saline at 150 mL.",
      "Hyponatraemia with severe symptoms such as confusion, vomiting, seizures or coma needs 3% saline at 150 mL.",
    ],
    [
      "options after a participle stay together",
      "If thrombosis recurs despite an INR of 2-3, consider a higher target of 3-4, adding low-dose aspirin, or switching to LMWH.",
      "adding low-dose aspirin, or switching to LMWH",
    ],
    [
      "a second drug with its dose",
      "Ceftriaxone 1–2 g IV daily or cefotaxime 1–2 g IV every 8 hours, with azithromycin 500 mg daily.",
      "This is given with azithromycin 500 mg daily.",
    ],
    [
      "a device is not a second drug",
      "Epinephrine autoinjectors are chosen by body weight, with the 0.3 mg device for adults and larger children.",
      "Epinephrine autoinjectors are chosen by body weight, with the 0.3 mg device for adults and larger children.",
    ],
    [
      "'while' as a time after an instruction",
      "Give a single 150 mL bolus of 3% saline over 20 minutes while the cause of the low sodium is sought.",
      "Give a single 150 mL bolus of 3% saline over 20 minutes. Do this while the cause of the low sodium is sought.",
    ],
    [
      "a contrast with ', while' stays",
      "A guideline from 2019 favours apixaban in this group of older adults, while a review from 2021 advises against it.",
      "A guideline from 2019 favours apixaban in this group of older adults, while a review from 2021 advises against it.",
    ],
    [
      "a later condition when the first comes too early",
      "Switch to methimazole once the storm has resolved unless there is a specific reason to continue PTU.",
      "Switch to methimazole once the storm has resolved. Do this unless there is a specific reason to continue PTU.",
    ],
    [
      "two verbs sharing an object stay together",
      "Do not stop anticoagulation because of a bleeding score alone; use bleeding scores to identify and correct modifiable risk factors.",
      "Use bleeding scores to identify and correct modifiable risk factors.",
    ],
    [
      "a bracketed exception at the end keeps its negation",
      "Consider a DOAC only when a VKA target INR cannot be reached despite good adherence (not in arterial APS).",
      "This does not apply in arterial APS.",
    ],
    [
      "a bracketed group at the end",
      "Give cefazolin 2 g IV every 8 hours for at least 14 days after the first negative blood culture (adults with normal kidney function).",
      "This is for adults with normal kidney function.",
    ],
    [
      "a participle closing the sentence",
      "Choose an aminopenicillin with clavulanate, a macrolide or a tetracycline, guided by local resistance patterns.",
      "This is guided by local resistance patterns.",
    ],
    [
      "ways of giving in brackets",
      "Treat a gout flare in adults with colchicine, an NSAID or a corticosteroid (by mouth, into the joint or into a muscle).",
      "This can be given by mouth, into the joint or into a muscle.",
    ],
    [
      "a list after 'include' names every item",
      "High anion gap causes include lactic acidosis from shock, diabetic ketoacidosis, kidney failure and toxic alcohols.",
      "High anion gap causes include these. Lactic acidosis from shock. Diabetic ketoacidosis. Kidney failure and toxic alcohols.",
    ],
  ])("%s", (_name, input, expected) => {
    const out = restructure(input);
    expect(out).toContain(expected);
    expect(sameFacts(input, out)).toBe(true);
  });
});

describe("asides in brackets", () => {
  it.each([
    ["a loading dose of 0.1 units/kg is optional", "A loading dose of 0.1 units/kg is optional"],
    ["when levels are not available", "This applies when levels are not available"],
    ["theophylline, aminophylline", null],
    ["which is rare", null],
    ["35.9% vs 36.8%", null],
  ])("clauseAside(%j)", (inner, expected) => {
    expect(clauseAside(inner)).toBe(expected);
  });

  it.each([
    [
      "apixaban, dabigatran, edoxaban or rivaroxaban",
      false,
      "This can be apixaban, dabigatran, edoxaban or rivaroxaban",
    ],
    [
      "vomiting, seizures, reduced consciousness",
      false,
      "This includes vomiting, seizures, reduced consciousness",
    ],
    ["theophylline or aminophylline", true, "This includes theophylline or aminophylline"],
    // Values, ways of giving, adjectives and single values with "or less" stay where they are.
    ["0.1 mg, 0.15 mg and 0.3 mg", false, null],
    ["by mouth, into the joint or into a muscle", false, null],
    ["diabetic, alcoholic, starvation", false, null],
    ["CrCl 30 mL/min or less", false, null],
    // A participle phrase is a note on use, not a list member.
    ["outpatients with comorbidities, combined with a macrolide or doxycycline", false, null],
    ["not in pregnancy, given with food", true, null],
    ["adults over 65 years, followed by 10 mg daily", false, null],
  ])("listAside(%j)", (inner, negated, expected) => {
    expect(listAside(inner, negated)).toBe(expected);
  });

  it.each([
    [
      "Start a vasoactive drug",
      "octreotide, somatostatin or terlipressin",
      "A vasoactive drug can be octreotide, somatostatin or terlipressin",
    ],
    [
      "For moderately severe symptoms",
      "nausea, confusion, headache",
      "Moderately severe symptoms include nausea, confusion, headache",
    ],
    // Edges not certain: after "without" the list may belong to a larger phrase.
    ["Prefer short-acting benzodiazepines without active metabolites", "lorazepam, oxazepam", null],
    // A single thing never "includes" a list of members.
    ["A suppressed PTH points to a cancer", "PTHrP, bone metastases, calcitriol", null],
  ])("namedListAside(%j, %j)", (before, inner, expected) => {
    expect(namedListAside(before, inner)).toBe(expected);
  });

  it("moves a list from the middle of a long sentence with its noun named", () => {
    const input =
      "For moderately severe symptoms (nausea, confusion, headache), give a single 150 mL bolus of 3% saline over 20 minutes";
    expect(extractAsides(input)).toEqual([
      "For moderately severe symptoms, give a single 150 mL bolus of 3% saline over 20 minutes",
      "Moderately severe symptoms include nausea, confusion, headache",
    ]);
  });

  it.each([
    [
      "Cefuroxime 500 mg twice daily (outpatients with comorbidities, combined with a macrolide or doxycycline)",
      [
        "Cefuroxime 500 mg twice daily",
        "This is for outpatients with comorbidities, combined with a macrolide or doxycycline",
      ],
    ],
    [
      "Do not give more than 4 g of paracetamol a day (inpatients without liver disease or alcohol use)",
      [
        "Do not give more than 4 g of paracetamol a day",
        "This is for inpatients without liver disease or alcohol use",
      ],
    ],
  ])("a population note at the end moves out with a carrier: %s", (input, expected) => {
    expect(extractAsides(input)).toEqual(expected);
  });

  it("keeps a short sentence's list in place", () => {
    expect(extractAsides("Use a DOAC (apixaban or edoxaban).")).toEqual([
      "Use a DOAC (apixaban or edoxaban).",
    ]);
  });
});

describe("moveAsides: explanations wait for sentences that lean back", () => {
  const asides = [{ short: "sepsis", aside: "a severe reaction to infection" }];
  it.each([
    [
      "Give stress ulcer prevention to adults with sepsis (a severe reaction to infection) or septic shock. This is only for those who have risk factors for bleeding.",
      "Give stress ulcer prevention to adults with sepsis or septic shock. This is only for those who have risk factors for bleeding. Sepsis means a severe reaction to infection.",
    ],
    [
      "Dexmedetomidine versus propofol in adults with sepsis (a severe reaction to infection) did not differ in any of these. Days alive. Ventilator-free days.",
      "Dexmedetomidine versus propofol in adults with sepsis did not differ in any of these. Days alive. Ventilator-free days. Sepsis means a severe reaction to infection.",
    ],
  ])("%s", (input, expected) => {
    expect(moveAsides(input, asides)).toBe(expected);
  });
});

describe("plainSentences: otherwise, and the end of a list", () => {
  it.each([
    // ", and C" closing a list has no verb of its own: it stays in the sentence.
    [
      "Start an ACE inhibitor in people with high blood pressure, kidney disease, and severely increased protein in the urine.",
      "Start an ACE inhibitor in people with high blood pressure, kidney disease, and severely increased protein in the urine.",
    ],
    // "This" lets a short predicate stand: ", which lowers admissions".
    [
      "Add ipratropium to the reliever inhaler for severe attacks in the emergency department, which lowers hospital admissions.",
      "Add ipratropium to the reliever inhaler for severe attacks in the emergency department. This lowers hospital admissions.",
    ],
    // An open condition or a piece ending on "and" is not split.
    [
      "When sepsis is possible but there is no shock, check quickly for infectious versus other causes and, if concern for infection persists, give antibiotics within 3 hours.",
      "When sepsis is possible but there is no shock, check quickly for infectious versus other causes and, if concern for infection persists, give antibiotics within 3 hours.",
    ],
    // "…, but does not lower potassium" has no subject: it stays joined.
    [
      "It stabilises the heart muscle for a short time, but does not lower blood potassium.",
      "It stabilises the heart muscle for a short time, but does not lower blood potassium.",
    ],
    [
      "Fludrocortisone is optional for most adults, and the benefit of adding it rests mainly on one trial.",
      "Fludrocortisone is optional for most adults. The benefit of adding it rests mainly on one trial.",
    ],
    [
      "Make sure breathing support can increase, otherwise acid build-up in the brain may get worse.",
      "Make sure breathing support can increase. Otherwise, acid build-up in the brain may get worse.",
    ],
    ["Act now, otherwise wait.", "Act now, otherwise wait."],
    // An "including" list inside a fronted phrase, with the instruction after it, is not split off.
    [
      "In stable adults in hospital, including very ill people, use a strict plan and think about transfusion below 7 g/dL.",
      "In stable adults in hospital, including very ill people, use a strict plan and think about transfusion below 7 g/dL.",
    ],
    [
      "In stable adults in hospital, including very ill people, do not transfuse above 7 g/dL.",
      "In stable adults in hospital, including very ill people, do not transfuse above 7 g/dL.",
    ],
    // An "including" list that closes the sentence still becomes its own sentence.
    [
      "Give IV fluids to adults with severe sepsis in hospital, including those over 65 years.",
      "Give IV fluids to adults with severe sepsis in hospital. This includes those over 65 years.",
    ],
  ])("%s", (input, expected) => {
    expect(plainSentences(input)).toBe(expected);
  });
});

describe("dropGrading: more grading systems", () => {
  it.each([
    ["Treat the cause first (practice point).", "Treat the cause first."],
    ["Target an AUC of 400–600 (A-II).", "Target an AUC of 400–600."],
    ["Give 150 mL of 3% saline (2D).", "Give 150 mL of 3% saline."],
    ["Start insulin (grade E).", "Start insulin."],
    ["Phenobarbital is an option (Level B).", "Phenobarbital is an option."],
    ["Check stage (not graded).", "Check stage."],
    [
      "Start rehabilitation within 3 weeks (conditional recommendations).",
      "Start rehabilitation within 3 weeks.",
    ],
    // Values in brackets are not grades.
    ["Give 2 mg (0.5 mL).", "Give 2 mg (0.5 mL)."],
  ])("%s", (input, expected) => {
    expect(dropGrading(input)).toBe(expected);
  });
});

describe("patientTitle", () => {
  const rewriter = layRewriter([
    { term: "renal impairment", plain: "reduced kidney function" },
    { term: "septic shock", plain: "septic shock (severe infection with very low blood pressure)" },
    { term: "COPD", plain: "long-term lung disease" },
    { term: "management", plain: "care" },
  ]);
  const asides = [{ short: "septic shock", aside: "severe infection with very low blood pressure" }];
  it.each([
    ["Management of septic shock: vasopressors", "Treatment of septic shock: vasopressors"],
    ["Vancomycin dosing in renal impairment", "Vancomycin doses, with kidney problems"],
    ["Norepinephrine dosing in septic shock", "Norepinephrine doses for septic shock"],
    ["Allopurinol: overview", "About allopurinol"],
    ["Rivaroxaban: adverse effects, interactions and cautions", "Rivaroxaban: side effects and warnings"],
    [
      "Steroid dosing in acute exacerbation of copd",
      "Steroid doses for acute exacerbation of long-term lung disease",
    ],
    ["Diagnosis of delirium in critically ill patients", "Diagnosis of delirium, in very ill people"],
  ])("%s", (input, expected) => {
    expect(patientTitle(input, rewriter, asides)).toBe(expected);
  });
});

describe("glossary: plain everyday words", () => {
  const rewriter = layRewriter(loadLayGlossary());
  it.each([
    ["Anticoagulation is indicated.", "advised"],
    ["Check sputum purulence.", "pus in the phlegm"],
    ["Use a standardised schedule.", "set schedule"],
    ["Start isotonic saline.", "normal salt water"],
  ])("%s", (input, expected) => {
    expect(rewriter.rewrite(input)).toContain(expected);
  });
});

describe("patient rewrite keeps every number and negation (property)", () => {
  const fragments = [
    "Give apixaban 5 mg twice daily",
    "do not give aspirin",
    "in adults with atrial fibrillation",
    "if CrCl is below 30 mL/min",
    "to reduce the risk of stroke",
    "because of the risk of bleeding",
    "(apixaban, dabigatran or edoxaban)",
    "(a loading dose of 0.1 units/kg is optional)",
    "without bridging",
    "in the ARISTOTLE study (2011)",
    "weighing stent thrombosis against bleeding risk",
    "with azithromycin 500 mg daily",
    "avoid NSAIDs",
    "unless the patient cannot swallow",
    "who have no contraindication",
    "never exceed 8 mmol/L in 24 hours",
    "and repeat after 20 minutes",
    "or switch to LMWH 1 mg/kg",
    "for at least 3 months",
    "while the cause is sought",
    "Septic shock",
    "In people over 75 years with kidney disease",
    "Do not use haloperidol, an antipsychotic, a statin or ketamine to prevent delirium",
  ];
  const joiners = [", ", " ", "; ", ". ", ", or ", " and "];
  const glossary = loadLayGlossary();
  it("for arbitrary sentences built from fragments", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...fragments), fc.constantFrom(...joiners)), {
          minLength: 1,
          maxLength: 8,
        }),
        (parts) => {
          const text = `${parts.map(([f, j], i) => (i === parts.length - 1 ? f : `${f}${j}`)).join("")}.`;
          const draft: Draft = {
            title: "Management of atrial fibrillation",
            bottomLine: null,
            sections: [{ title: "R", facet: "recommended", bullets: [{ text, keys: ["k"], support: 1 }] }],
          };
          const out = adaptDraft(draft, "patient", glossary, "af").draft.sections[0]?.bullets[0]?.text ?? "";
          const kept = [...numbers(out)];
          for (const n of numbers(text)) {
            const at = kept.indexOf(n);
            expect(at, `${n} lost: ${text} → ${out}`).toBeGreaterThanOrEqual(0);
            kept.splice(at, 1);
          }
          expect(negations(out), `${text} → ${out}`).toBeGreaterThanOrEqual(negations(text));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("labelled lists", () => {
  it.each([
    [
      "Severe features: BP ≥160/110 mmHg, platelets <100,000/µL, creatinine >1.1 mg/dL or doubling, pulmonary oedema, or visual disturbance.",
      /^Severe features are any of these\. BP .*160\/110 mmHg\. Platelets .*100,000\/µL\./,
    ],
    [
      "Minor criteria for severe CAP: respiratory rate ≥30/min, PaO2/FiO2 ≤250, multilobar infiltrates, confusion, or urea ≥20 mg/dL.",
      /^Minor criteria for severe CAP: any of these\. Respiratory rate ≥30\/min\. PaO2\/FiO2 ≤250\./,
    ],
    // A counted list keeps its count.
    [
      "Lab TLS: 2 or more of uric acid ≥8 mg/dL, potassium ≥6.0 mmol/L, or phosphate ≥4.5 mg/dL.",
      /^Lab TLS: 2 or more of/,
    ],
    // A singular label is not turned into "are these".
    [
      "Target: a sodium rise of 4-6 mmol/L in 24 hours, with a limit of 10 mmol/L in adults at standard risk.",
      /^Target: a sodium rise/,
    ],
  ])("%s", (input, expected) => {
    expect(restructure(input)).toMatch(expected);
  });
});
