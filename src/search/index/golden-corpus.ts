/**
 * A tiny hand-written clinical corpus for ranking tests (test fixture, not clinical guidance).
 * Each passage is written to probe one ranking behaviour; the tests say which.
 */
import { IndexBuilder } from "./builder.js";
import type { InvertedIndex } from "./inverted-index.js";

export const KIND = { guideline: 1, trial: 2, review: 3, patient_info: 4 } as const;

export const GOLDEN = [
  {
    id: "hit-guideline",
    title: "Heparin-induced thrombocytopenia",
    section: "Treatment",
    text: "Stop all heparin, including low-molecular-weight heparin flushes. Start a non-heparin anticoagulant such as argatroban or fondaparinux. Do not give platelets routinely.",
    attrs: { kind: KIND.guideline, year: 2018, specialty: 1, collection: 1 },
  },
  {
    id: "hit-diagnosis",
    title: "Heparin-induced thrombocytopenia",
    section: "Diagnosis",
    text: "Use the 4Ts score to estimate pre-test probability; send anti-PF4 antibodies when the score is intermediate or high. A platelet fall of more than 50% 5-10 days after heparin is typical.",
    attrs: { kind: KIND.guideline, year: 2018, specialty: 1, collection: 1 },
  },
  {
    id: "vte-prophylaxis",
    title: "Venous thromboembolism prophylaxis",
    section: "Pharmacological prophylaxis",
    text: "Low-molecular-weight heparin such as enoxaparin 40 mg once daily is preferred. Reduce to 20 mg when CrCl <30 mL/min. Monitor platelets for heparin-induced thrombocytopenia.",
    attrs: { kind: KIND.guideline, year: 2019, specialty: 2, collection: 1 },
  },
  {
    id: "metformin-ckd",
    title: "Metformin in chronic kidney disease",
    section: "Dosing",
    text: "Metformin is contraindicated when eGFR <30 mL/min/1.73m2. Review the dose when eGFR is 30-45 and reduce to a maximum of 1000 mg daily.",
    attrs: { kind: KIND.guideline, year: 2022, specialty: 3, collection: 2 },
  },
  {
    id: "metformin-trial",
    title: "Metformin and lactic acidosis: a randomised trial",
    section: "Results",
    text: "Among 2.5 thousand patients with type 2 diabetes, lactic acidosis was rare and not more frequent with metformin than with sulfonylurea.",
    attrs: { kind: KIND.trial, year: 2015, specialty: 3, collection: 3 },
  },
  {
    id: "sepsis-bundle",
    title: "Sepsis and septic shock",
    section: "Initial management",
    text: "Give broad-spectrum antibiotics within one hour of recognising septic shock. Give 30 mL/kg of crystalloid for hypotension or lactate >=4 mmol/L.",
    attrs: { kind: KIND.guideline, year: 2021, specialty: 4, collection: 1 },
  },
  {
    id: "sepsis-patient",
    title: "Sepsis",
    section: "What is sepsis?",
    text: "Sepsis is a serious reaction to an infection. It needs treatment in hospital straight away, usually with antibiotics into a vein (IV).",
    attrs: { kind: KIND.patient_info, year: 0, specialty: 4, collection: 4 },
  },
  {
    id: "aki-review",
    title: "Acute kidney injury",
    section: "Causes",
    text: "AKI in hospital is most often caused by sepsis, hypovolaemia or nephrotoxic drugs such as aminoglycosides and NSAIDs. Metformin should be withheld during AKI.",
    attrs: { kind: KIND.review, year: 2017, specialty: 3, collection: 3 },
  },
  {
    id: "b12-deficiency",
    title: "Vitamin B12 deficiency",
    section: "Causes",
    text: "Long-term metformin use lowers vitamin B12 levels; check B12 in patients on metformin with neuropathy or anaemia.",
    attrs: { kind: KIND.review, year: 2020, specialty: 3, collection: 3 },
  },
  {
    id: "covid-anticoag",
    title: "COVID-19 and thrombosis",
    section: "Anticoagulation",
    text: "Hospitalised patients with COVID-19 should receive prophylactic-dose low-molecular-weight heparin unless contraindicated. Therapeutic-dose heparin is not recommended for critically ill patients.",
    attrs: { kind: KIND.trial, year: 2021, specialty: 2, collection: 3 },
  },
];

export function buildGolden(): InvertedIndex {
  const b = new IndexBuilder({
    fields: { title: 2.0, section: 1.5, text: 1.0 },
    k1: 1.2,
    b: { title: 0.3, section: 0.5, text: 0.75 },
  });
  for (const p of GOLDEN) {
    b.add({ id: p.id, fields: { title: p.title, section: p.section, text: p.text }, attrs: p.attrs });
  }
  return b.finish();
}
