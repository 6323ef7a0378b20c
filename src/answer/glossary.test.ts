import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BUILTIN_GLOSSARY,
  collapseRepeats,
  layRewriter,
  loadLayGlossary,
  mergeMedicineNouns,
} from "./glossary.js";

describe("loadLayGlossary", () => {
  it("falls back to the built-in entries when the file is missing", () => {
    expect(loadLayGlossary(join(tmpdir(), "no-such-glossary.yaml"))).toHaveLength(BUILTIN_GLOSSARY.length);
  });

  it("reads the YAML list, skips malformed entries and lets the file override built-ins", () => {
    const dir = mkdtempSync(join(tmpdir(), "osler-glossary-"));
    const file = join(dir, "lay-glossary.yaml");
    writeFileSync(
      file,
      "- term: renal\n  plain: kidney-related\n- term: dyspnoea\n  plain: breathlessness\n  explain: feeling short of breath\n- plain: missing term\n",
    );
    const glossary = loadLayGlossary(file);
    expect(glossary.find((e) => e.term === "renal")?.plain).toBe("kidney-related");
    expect(glossary.find((e) => e.term === "dyspnoea")).toEqual({
      term: "dyspnoea",
      plain: "breathlessness",
      explain: "feeling short of breath",
    });
    expect(glossary).toHaveLength(BUILTIN_GLOSSARY.length + 1);
  });
});

describe("layRewriter", () => {
  it("fits the indefinite article to the plain word and keeps one from the plain form", () => {
    const r = layRewriter([
      { term: "analgesic", plain: "painkiller" },
      { term: "intermittent", plain: "on-and-off" },
      { term: "venous thromboembolism", plain: "a blood clot" },
    ]);
    expect(r.rewrite("Use an analgesic and an intermittent dose")).toBe(
      "Use a painkiller and an on-and-off dose",
    );
    expect(r.rewrite("A venous thromboembolism needs treatment")).toBe("A blood clot needs treatment");
  });
});

describe("layRewriter: initialisms (article and case)", () => {
  const r = () =>
    layRewriter([
      { term: "sglt2 inhibitor", plain: "SGLT2 blocker" },
      { term: "general practitioner", plain: "GP" },
      { term: "magnetic resonance imaging", plain: "MRI scan" },
      { term: "SpO2", plain: "oxygen level" },
      { term: "hba1c", plain: "average blood sugar" },
    ]);
  it.each([
    ["Use an SGLT2 inhibitor at 10 mg daily", "Use an SGLT2 blocker at 10 mg daily"],
    ["Do not stop an SGLT2 inhibitor", "Do not stop an SGLT2 blocker"],
    ["See a general practitioner within 2 days", "See a GP within 2 days"],
    ["Get a magnetic resonance imaging if no CT", "Get an MRI scan if no CT"],
    // A mixed-case abbreviation is not a capitalised word: lower case inside a sentence.
    [
      "Keep SpO2 at 88-92% and HbA1c below 7%",
      "Keep oxygen level at 88-92% and average blood sugar below 7%",
    ],
    [
      "Do not lower HbA1c below 6.5%. SpO2 above 96% is not needed.",
      "Do not lower average blood sugar below 6.5%. Oxygen level above 96% is not needed.",
    ],
  ])("%s", (input, expected) => {
    expect(r().rewrite(input)).toBe(expected);
  });
});

describe("layRewriter abbreviations, names and asides", () => {
  const r = () =>
    layRewriter([
      { term: "PE", plain: "blood clot in the lung" },
      { term: "DOACs", plain: "blood thinner tablets" },
      { term: "outcome", plain: "result" },
      { term: "septic shock", plain: "septic shock (severe infection with very low blood pressure)" },
    ]);

  it("matches abbreviations only as written and never inside a unit", () => {
    expect(r().rewrite("Treat PE now; pe is not an abbreviation.")).toBe(
      "Treat blood clot in the lung now; pe is not an abbreviation.",
    );
    expect(r().rewrite("Fosphenytoin 20 mg PE/kg IV.")).toBe("Fosphenytoin 20 mg PE/kg IV.");
    expect(r().rewrite("Stop aspirin. DOACs are preferred.")).toBe(
      "Stop aspirin. Blood thinner tablets are preferred.",
    );
  });

  it("leaves words in capitals alone (trial names) and does not nest asides in parentheses", () => {
    expect(r().rewrite("EMPA-REG OUTCOME improved the outcome.")).toBe(
      "EMPA-REG OUTCOME improved the result.",
    );
    expect(r().rewrite("Severe CAP (septic shock or respiratory failure) and septic shock.")).toBe(
      "Severe CAP (septic shock or respiratory failure) and septic shock (severe infection with very low blood pressure).",
    );
  });
});

describe("resources/lay-glossary.yaml", () => {
  it("has at least 300 well-formed entries, every one of them loaded", () => {
    const file = join(process.cwd(), "resources/lay-glossary.yaml");
    const declared = readFileSync(file, "utf8").match(/^- term: /gm)?.length ?? 0;
    const loaded = loadLayGlossary(file);
    expect(declared).toBeGreaterThanOrEqual(300);
    // Every declared term is loaded (terms are unique; file entries override built-in ones).
    expect(loaded.length).toBeGreaterThanOrEqual(declared);
    expect(new Set(loaded.map((e) => e.term.toLowerCase())).size).toBe(loaded.length);
  });
});

describe("lay glossary: frequent long words", () => {
  const rewriter = layRewriter(loadLayGlossary(join(process.cwd(), "resources/lay-glossary.yaml")));
  it.each([
    ["It may be a fair alternative to alteplase", "It may be a fair option instead of alteplase"],
    ["IV phenobarbital is an alternative for status", "IV phenobarbital is an option for status"],
    ["A restrictive threshold of 7 g/dL", "A strict threshold of 7 g/dL"],
    ["A raised PTH indicates disease", "A raised PTH shows disease"],
    ["people undergoing surgery", "people having surgery"],
    ["in mechanically ventilated adults", "in adults on a breathing machine"],
    // "adjusted to a target", never "changed to" (which reads as a switch).
    ["It is titrated to the RASS target", "It is adjusted to the RASS target"],
    ["Treat by dose titration", "Treat by slow dose change"],
    // The article fits the sound of the plain word, not its first letter.
    ["A typical trigger", "A usual trigger"],
    ["Apixaban reduces stroke", "Apixaban lowers stroke"],
    [
      "Watch for hepatotoxicity and agranulocytosis",
      "Watch for liver damage and a very low white-cell count",
    ],
  ])("%s", (input, expected) => {
    expect(rewriter.rewrite(input)).toBe(expected);
  });
});

describe("lay glossary: word order and part of speech", () => {
  const rewriter = layRewriter(loadLayGlossary(join(process.cwd(), "resources/lay-glossary.yaml")));
  it.each([
    [
      "absorption can be delayed (enteric-coated tablets)",
      "absorption can be delayed (tablets coated to protect the stomach)",
    ],
    [
      "Give VTE prophylaxis to hospitalised patients with heart failure",
      "Give medicine to prevent blood clots to people in hospital with heart failure",
    ],
    ["patients hospitalised with heart failure", "people in hospital with heart failure"],
    [
      "either daily sedative interruption or targeted care",
      "either a daily pause in calming medicine or targeted care",
    ],
    ["hyperkalaemia refractory to medical therapy", "high blood potassium not helped by medical treatment"],
    // An adjective whose plain form is a phrase goes after its noun, not before it.
    ["Immunocompromised adults: add ampicillin", "Adults with a weakened immune system: add ampicillin"],
    [
      "Switch to oral antihypertensives once BP is controlled",
      "Switch to blood pressure medicines by mouth once BP is controlled",
    ],
    ["Give blood transfusion if symptomatic", "Give blood transfusion if there are symptoms"],
    ["Use EEG in refractory status epilepticus", "Use EEG in seizures that do not stop with treatment"],
    ["Stop ECTR when clinical improvement is evident", "Stop ECTR when improvement is clear"],
    [
      "ECTR is recommended, regardless of concentration, above 90 mg/dL",
      "ECTR is advised, whatever the level, above 90 mg/dL",
    ],
    ["Use it irrespective of diabetes", "Use it with or without diabetes"],
    ["Do not give oral vitamin K 5 mg", "Do not give vitamin K by mouth 5 mg"],
    ["Start or optimise it before discharge", "Start or improve it before discharge"],
    [
      "<50 mmol/L indicates an inadequate natriuretic response",
      "<50 mmol/L shows a poor response in urine salt",
    ],
    ["Give parenteral hydrocortisone 100 mg", "Give injected hydrocortisone 100 mg"],
    ["Give LMWH unless contraindicated", "Give LMWH unless it must not be used"],
    [
      "Symptomatic intracranial stenosis 70–99%",
      "Symptom-causing narrowing of an artery in the brain 70–99%",
    ],
  ])("%s", (input, expected) => {
    expect(rewriter.rewrite(input)).toBe(expected);
  });
});

describe("collapseRepeats", () => {
  it.each([
    ["severe anaphylaxis", "severe severe allergic reaction", "severe allergic reaction"],
    [
      "chronic CKD acidosis",
      "long-term long-term kidney disease acidosis",
      "long-term kidney disease acidosis",
    ],
    ["Chronic CKD", "Long-term long-term kidney disease", "Long-term kidney disease"],
    ["a raised cardiac troponin", "a raised heart heart damage marker", "a raised heart damage marker"],
    // A repeat already in the source stays; a word before a hyphenated compound is not a repeat.
    ["he had had a fall", "he had had a fall", "he had had a fall"],
    ["heart heart-rate", "heart heart-rate", "heart heart-rate"],
    ["the first-line choice", "the first-choice choice", "the first-choice"],
  ])("%s → %s", (source, rewritten, expected) => {
    expect(collapseRepeats(source, rewritten)).toBe(expected);
  });

  it("applies to the rewriter's output", () => {
    const r = layRewriter([
      { term: "anaphylaxis", plain: "severe allergic reaction" },
      { term: "chronic", plain: "long-term" },
      { term: "CKD", plain: "long-term kidney disease" },
      { term: "concurrent", plain: "added" },
    ]);
    expect(r.rewrite("Observe after severe anaphylaxis.")).toBe("Observe after severe allergic reaction.");
    expect(r.rewrite("Chronic CKD acidosis.")).toBe("Long-term kidney disease acidosis.");
    expect(r.rewrite("A higher PaCO2 indicates a concurrent acidosis.")).toBe(
      "A higher PaCO2 indicates an added acidosis.",
    );
  });
});

describe("mergeMedicineNouns", () => {
  it.each([
    ["antiviral drugs", "antiviral medicine drugs", "antiviral medicines"],
    ["Antiviral medicines help.", "Antiviral medicine medicines help.", "Antiviral medicines help."],
    ["antiviral pills", "antiviral medicine pills", "antiviral pills"],
    ["antiviral therapy", "antiviral medicine therapy", "antiviral medicine"],
    ["medicine drugs", "medicine drugs", "medicine drugs"],
  ])("%s → %s", (source, rewritten, expected) => {
    expect(mergeMedicineNouns(source, rewritten)).toBe(expected);
  });

  it("applies to the rewriter's output", () => {
    const r = layRewriter([{ term: "antiviral", plain: "antiviral medicine" }]);
    expect(r.rewrite("Start antiviral drugs within 72 hours.")).toBe(
      "Start antiviral medicines within 72 hours.",
    );
  });
});

describe("asides in the rewrite", () => {
  const r = () =>
    layRewriter([
      { term: "deep vein thrombosis", plain: "blood clot in a deep vein" },
      { term: "DVT", plain: "blood clot in the leg" },
      { term: "haematuria", plain: "blood in the urine" },
    ]);

  it("keeps an abbreviation introduced in brackets as written", () => {
    expect(r().rewrite("Suspect deep vein thrombosis (DVT) with leg swelling.")).toBe(
      "Suspect blood clot in a deep vein (DVT) with leg swelling.",
    );
    expect(r().rewrite("Treat DVT for 3 months.")).toBe("Treat blood clot in the leg for 3 months.");
  });

  it("drops an aside that only repeats the words before it", () => {
    expect(r().rewrite("Painless haematuria (blood in the urine) needs a scan.")).toBe(
      "Painless blood in the urine needs a scan.",
    );
  });
});
