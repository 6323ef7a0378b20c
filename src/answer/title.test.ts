import { describe, expect, it } from "vitest";
import { analyseQuestion, type LexiconLookup } from "./question.js";
import { composeTitle } from "./title.js";

const LEXICON: Record<string, string> = {
  gi: "gastrointestinal",
  bleed: "hemorrhage",
  andexanet: "andexanet alfa",
  ph: "pulmonary hypertension",
  dka: "diabetic ketoacidosis",
  icu: "intensive care unit",
  ecg: "electrocardiogram",
  delirium: "delirium",
  haloperidol: "haloperidol",
  hyperkalemia: "hyperkalemia",
  shingles: "shingles",
  af: "atrial fibrillation",
  "ischemic stroke": "ischemic stroke",
  anticoagulation: "anticoagulation",
};
const lookup: LexiconLookup = (p) => LEXICON[p.toLowerCase()] ?? null;
const title = (q: string) => composeTitle(analyseQuestion(q, lookup));

describe("composeTitle", () => {
  it.each([
    // Adjacent focus phrases read as one; a dosing title names the drug asked about, not the one taken.
    [
      "Major GI bleed in a patient who took rivaroxaban 20 mg three hours ago. Andexanet dose?",
      "Andexanet alfa dosing in gastrointestinal hemorrhage",
    ],
    // The condition leads; a test result does not become a topic.
    ["How should I treat hyperkalemia with ECG changes?", "Management of hyperkalemia"],
    // "pH 7.08" is a lab value, never pulmonary hypertension.
    [
      "DKA: pH 7.08 and glucose 520. Can I start the insulin drip?",
      "Management of diabetic ketoacidosis: insulin drip",
    ],
    // A disease named only as patient context is the topic when nothing else is.
    ["How is AKI staged by KDIGO?", "AKI: overview"],
    // Not a management question, and what is asked ("inherited") is not part of the topic.
    ["How is rickets inherited?", "Rickets: overview"],
    ["Does appendicitis always cause fever?", "Appendicitis and fever"],
    // "af" inside "after" is not AF.
    [
      "When should I start anticoagulation after an ischemic stroke in a patient with AF?",
      "Management of ischemic stroke and atrial fibrillation: anticoagulation",
    ],
    // A single topic the condition list does not know is still the topic, named once.
    ["My mother was diagnosed with shingles. What treatment helps?", "Management of shingles"],
  ])("%s → %s", (question, expected) => {
    expect(title(question)).toBe(expected);
  });

  it("never uses a negated finding or a care setting as the topic", () => {
    const t = title("Delirium in the ICU with no pulmonary edema: should I give haloperidol?");
    expect(t).not.toMatch(/intensive care|edema/i);
    expect(t).toMatch(/delirium/i);
  });
});
