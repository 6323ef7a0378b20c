import { describe, expect, it } from "vitest";
import { fakeRetriever, source as testSource } from "../../test/answer/fixtures.js";
import { composeExtractive } from "./compose-extractive.js";
import type { SectionSpec } from "./facets.js";
import { analyseQuestion, questionParts } from "./question.js";
import { distinctRegimens, sameDose, similarity } from "./redundancy.js";
import {
  asksDuration,
  coreFacets,
  coverParts,
  type EvidenceSentence,
  sectionSpecs,
  selectEvidence,
  subsectionLabel,
} from "./select.js";
import { stemSet } from "./text.js";
import { composeTitle } from "./title.js";

async function select(question: string, options = {}) {
  const q = analyseQuestion(question);
  const hits = await fakeRetriever().search(question, { k: 10 });
  return { q, selection: selectEvidence(q, hits, options) };
}

describe("selectEvidence", () => {
  it("pulls renal-dosing sentences up when the question mentions renal impairment", async () => {
    const plain = await select("What dose of enoxaparin in septic shock?");
    const renal = await select("What dose of enoxaparin in septic shock with CrCl <30?");
    const rank = (s: typeof plain.selection) =>
      s.ranked.findIndex((c) => c.text.includes("reduce to 1 mg/kg"));
    expect(rank(renal.selection)).toBeLessThanOrEqual(rank(plain.selection));
    expect(renal.selection.ranked[0]?.text).toContain("CrCl");
  });

  it("records the guidelines a library sentence cites", async () => {
    const { selection } = await select("thromboprophylaxis with LMWH in septic shock");
    const rec = selection.ranked.find((c) => c.text.startsWith("Use low molecular weight heparin"));
    expect(rec?.refIds).toEqual(["ref:ssc-2021"]);
    expect(rec?.authority).toBeGreaterThanOrEqual(0.95);
  });

  it("respects the per-section cap and never repeats a sentence", async () => {
    const { selection } = await select("heparin in septic shock", { maxPerSection: 1, maxPerCoreSection: 1 });
    for (const s of selection.sections) expect(s.sentences).toHaveLength(1);
    const keys = selection.sections.flatMap((s) => s.sentences.map((c) => c.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives the sections that answer the question more room than the ones around them", async () => {
    const { selection } = await select("heparin in septic shock", { maxPerSection: 1, maxPerCoreSection: 3 });
    const core = new Set(coreFacets("treatment"));
    for (const s of selection.sections)
      expect(s.sentences.length).toBeLessThanOrEqual(core.has(s.spec.facet) ? 3 : 1);
    expect(Math.max(...selection.sections.map((s) => s.sentences.length))).toBeGreaterThan(1);
  });

  it("is deterministic for the same input", async () => {
    const a = await select("management of venous thromboembolism in septic shock");
    const b = await select("management of venous thromboembolism in septic shock");
    expect(a.selection.ranked.map((c) => c.key)).toEqual(b.selection.ranked.map((c) => c.key));
  });

  it("reports focus terms that no passage covers", async () => {
    const { selection } = await select("heparin for migraine");
    expect(selection.stats.missingFocus).toContain("migraine");
    expect(selection.stats.focusCoverage).toBeLessThan(1);
  });
});

describe("feedback from recommendations", () => {
  it("lifts dose bullets for the recommended treatment even when they do not repeat the question", () => {
    const source = testSource("lib:x/hk", "editorial", "Hyperkalaemia", "Osler", 2026, {
      collection: "library",
    });
    const passage = (id: string, heading: string, lines: string[]) => {
      const text = lines.join("\n");
      let at = 0;
      const refs = lines.map((line) => {
        const r = { start: at, end: at + line.length, sources: [{ id: "ref:g", rec: null }] };
        at += line.length + 1;
        return r;
      });
      return {
        id,
        sourceId: source.id,
        sectionPath: ["Hyperkalaemia", heading],
        ordinal: 1,
        text,
        start: 0,
        end: text.length,
        meta: { refs },
      };
    };
    const hits = [
      {
        source,
        score: 2,
        passage: passage("lib:x/hk#rec", "Recommendations", [
          "Give insulin-glucose to every adult with severe hyperkalaemia.",
        ]),
      },
      {
        source,
        score: 1,
        passage: passage("lib:x/hk#dose", "Dosing and administration", [
          "Patiromer 8.4 g orally once daily is an alternative binder with a slower onset.",
          "Soluble insulin 10 units with 25 g glucose IV over 15 minutes in adults.",
        ]),
      },
    ];
    const q = analyseQuestion("How should I treat severe hyperkalaemia?");
    const ranked = selectEvidence(q, hits, { primarySourceIds: [source.id] }).ranked.filter(
      (c) => c.facet === "dosing",
    );
    // Neither dose bullet repeats the question; the one naming the recommended treatment leads.
    expect(ranked.map((c) => c.text.split(" ")[0])).toEqual(["Soluble", "Patiromer"]);
  });
});

describe("composeExtractive", () => {
  it("titles the answer from question type, focus and modifiers", () => {
    expect(composeTitle(analyseQuestion("How to treat community-acquired pneumonia in pregnancy?"))).toBe(
      "Management of community-acquired pneumonia in pregnancy",
    );
    expect(composeTitle(analyseQuestion("What dose of vancomycin in renal failure?"))).toBe(
      "Vancomycin dosing in renal failure",
    );
  });

  it("puts the condition before the intervention and drops bare qualifiers", () => {
    expect(composeTitle(analyseQuestion("Treatment with apixaban in atrial fibrillation?"))).toBe(
      "Management of atrial fibrillation: apixaban",
    );
    expect(
      composeTitle(analyseQuestion("What dose of enoxaparin for acute pulmonary embolism?")),
    ).not.toMatch(/^Dosing of acute/);
  });

  it("leads with a guideline-backed recommendation and cites guideline and summary", async () => {
    const { q, selection } = await select(
      "What is the best management of venous thromboembolism in septic shock despite thromboprophylaxis?",
    );
    const draft = composeExtractive(q, selection);
    expect(draft.bottomLine?.text).toMatch(/therapeutic anticoagulation/);
    expect(draft.bottomLine?.keys[0]).toMatch(/^ref:chest-vte-2021::/);
    expect(draft.bottomLine?.keys.at(-1)).toMatch(/^lib:/);
    const texts = draft.sections.flatMap((s) => s.bullets.map((b) => b.text));
    expect(texts).not.toContain(draft.bottomLine?.text);
  });

  it("leads a diagnostic question with a recommendation about diagnosing", async () => {
    const { selection } = await select("heparin in septic shock");
    const base = selection.ranked[0] as EvidenceSentence;
    const sentence = (text: string, score: number) =>
      ({ ...base, key: text, text, stems: stemSet(text), facet: "recommended", score }) as EvidenceSentence;
    const q = {
      ...analyseQuestion("How is heparin-induced thrombocytopenia diagnosed?"),
      type: "diagnosis" as const,
    };
    const ranked = [
      sentence("Stop all heparin and start a non-heparin anticoagulant at a therapeutic dose.", 2),
      sentence("Estimate the pretest probability with the 4Ts score before ordering tests.", 1),
    ];
    const draft = composeExtractive(q, { ...selection, ranked, sections: [] });
    expect(draft.bottomLine?.text).toMatch(/4Ts score/);
  });

  it("composes without a bottom line when no candidate passed selection", async () => {
    const { q, selection } = await select("heparin in septic shock");
    const draft = composeExtractive(q, { ...selection, ranked: [] });
    expect(draft.bottomLine).toBeNull();
  });

  it("never leads with a sentence that leans on the one before, even when it scores best", async () => {
    const { q, selection } = await select(
      "What is the best management of venous thromboembolism in septic shock despite thromboprophylaxis?",
    );
    // Make the best-scoring candidates anaphoric and far ahead of the rest.
    const ranked = selection.ranked.map((c, i) =>
      i < 3 ? { ...c, text: `These measures: ${c.text}`, score: c.score + 10 } : c,
    );
    const draft = composeExtractive(q, { ...selection, ranked });
    expect(draft.bottomLine).not.toBeNull();
    expect(draft.bottomLine?.text).not.toMatch(/^These/);
  });

  it("notes a disagreement when one source favours a drug another advises against", () => {
    const q = analyseQuestion("What is the treatment of septic shock?");
    const mk = (id: string, kind: "guideline" | "trial", text: string) => ({
      passage: {
        id: `${id}#1`,
        sourceId: id,
        sectionPath: ["Treatment"],
        ordinal: 0,
        text,
        start: 0,
        end: text.length,
        meta: {},
      },
      source: testSource(id, kind, id, "Pub", 2020),
      score: 1,
    });
    const hits = [
      mk(
        "g",
        "guideline",
        "Hydrocortisone is recommended for septic shock with ongoing vasopressor requirement.",
      ),
      mk("t", "trial", "Hydrocortisone should not be used for septic shock, as it did not reduce mortality."),
    ];
    const draft = composeExtractive(q, selectEvidence(q, hits));
    const note = draft.sections.flatMap((s) => s.bullets).find((b) => b.kind === "disagreement");
    expect(note?.text).toContain("hydrocortisone");
    expect(note?.keys).toEqual(["g::g#1", "t::t#1"]);
  });
});

describe("sameDose", () => {
  it.each([
    [
      "Idarucizumab: 5 g IV (two 2.5 g doses) for dabigatran reversal.",
      "Idarucizumab: 5 g IV (two 2.5 g vials given consecutively).",
      true,
    ],
    [
      "Potassium <3.5 mmol/L: hold insulin and replace potassium.",
      "Potassium 3.5–5.0 mmol/L: add 20–30 mmol per litre.",
      false,
    ],
    ["Alteplase 0.9 mg/kg (maximum 90 mg).", "Tenecteplase 0.25 mg/kg (maximum 25 mg).", false],
    ["Give calcium gluconate.", "Give calcium gluconate promptly.", false],
    [
      "Enoxaparin treatment dose, CrCl 30 mL/min or more: 1 mg/kg SC twice daily.",
      "Enoxaparin treatment dose, CrCl below 30 mL/min: reduce to 1 mg/kg SC once daily.",
      false,
    ],
  ])("%s ~ %s → %s", (a, b, same) => {
    expect(sameDose({ text: a }, { text: b })).toBe(same);
  });
});

describe("coverParts", () => {
  const sentence = (key: string, text: string, facet: "recommended" | "dosing", score: number) =>
    ({
      key,
      text,
      start: 0,
      end: text.length,
      hit: { passage: { id: key }, source: { id: "lib:a" }, score: 1 },
      facet,
      refIds: [],
      relevance: 0.5,
      focusMatch: 1,
      authority: 1,
      score,
      stems: stemSet(text),
    }) as unknown as EvidenceSentence;
  const specs = sectionSpecs("dosing");
  it("guarantees each asked part its best bullet of a primary source", () => {
    const lead = sentence("p1", "Dexamethasone 0.15 mg/kg IV every 6 hours for 2-4 days.", "dosing", 1);
    const abx = sentence(
      "p2",
      "Ceftriaxone 2 g IV every 12 hours in suspected bacterial meningitis.",
      "dosing",
      0.5,
    );
    const sections = [{ spec: specs.find((s) => s.facet === "dosing") as SectionSpec, sentences: [lead] }];
    const df = new Map<string, number>();
    for (const c of [lead, abx]) for (const st of c.stems) df.set(st, (df.get(st) ?? 0) + 1);
    const parts = questionParts(
      "Empiric antibiotics for suspected bacterial meningitis? And dexamethasone dosing?",
    );
    expect(parts).toHaveLength(2);
    coverParts(parts, [lead, abx], sections, specs, new Map([["lib:a", 0]]), df, 2);
    expect(sections[0]?.sentences.map((s) => s.key)).toEqual(["p1", "p2"]);
  });
  it("adds nothing when a chosen bullet already answers the part", () => {
    const a = sentence("p1", "Ceftriaxone 2 g IV every 12 hours in bacterial meningitis.", "dosing", 1);
    const b = sentence("p2", "Cefotaxime 2 g IV every 6 hours in bacterial meningitis.", "dosing", 0.5);
    const sections = [{ spec: specs.find((s) => s.facet === "dosing") as SectionSpec, sentences: [a] }];
    const df = new Map<string, number>();
    for (const c of [a, b]) for (const st of c.stems) df.set(st, (df.get(st) ?? 0) + 1);
    coverParts(
      questionParts("Bacterial meningitis? And what dose?"),
      [a, b],
      sections,
      specs,
      new Map([["lib:a", 0]]),
      df,
      2,
    );
    expect(sections[0]?.sentences).toHaveLength(1);
  });
});

describe("distinctRegimens", () => {
  it("keeps a low-dose and a high-dose regimen worded alike as two statements", () => {
    const low =
      "Andexanet low dose: 400 mg IV bolus at 30 mg/min, then 4 mg/min infusion for up to 120 minutes.";
    const high =
      "Andexanet high dose: 800 mg IV bolus at 30 mg/min, then 8 mg/min infusion for up to 120 minutes.";
    expect(distinctRegimens(low, high)).toBe(true);
    expect(distinctRegimens(low, `${low} Repeat once.`)).toBe(false);
    expect(distinctRegimens(low, "Andexanet low dose: 400 mg IV bolus at 30 mg/min, then 4 mg/min.")).toBe(
      false,
    );
  });
});

describe("similarity", () => {
  it("ignores a shared grading note: two recommendations are not duplicates for sharing a grade", () => {
    const sentence = (text: string) => ({ text, stems: stemSet(text) }) as unknown as EvidenceSentence;
    const a = sentence(
      "Use propofol or dexmedetomidine rather than benzodiazepines for sedation of mechanically ventilated adults (conditional recommendation, low quality of evidence)",
    );
    const b = sentence(
      "Aim for light rather than deep sedation in mechanically ventilated adults (conditional recommendation, low quality of evidence)",
    );
    expect(similarity(a, b)).toBeLessThan(0.5);
    expect(similarity(a, a)).toBe(1);
  });
});

describe("core sections", () => {
  it("reads the recommendations for a dosing question (route and site live there)", () => {
    expect(coreFacets("dosing")).toEqual(["dosing", "recommended"]);
  });

  it.each([
    ["Outpatient CAP - which antibiotic and how long?", true],
    ["For how many days should I give antibiotics?", true],
    ["When should I stop apixaban before surgery?", true],
    ["Which antibiotic for outpatient CAP?", false],
  ])("%s asks for a duration: %s", (text, expected) => {
    expect(asksDuration(text)).toBe(expected);
  });
});

describe("subsection labels", () => {
  const title = "Stroke prevention in atrial fibrillation";
  const text =
    "5 mg orally twice daily. Reduce to 2.5 mg twice daily if at least 2 of: age 80 or more, weight 60 kg or less.";
  const lib = testSource("lib:af", "editorial", title, "Osler editorial team", 2026, {
    collection: "library",
  });
  const hit = {
    source: lib,
    score: 1,
    passage: {
      id: "lib:af#dosing/apixaban",
      sourceId: "lib:af",
      sectionPath: [title, "Dosing and administration", "Apixaban (Eliquis)"],
      ordinal: 0,
      text,
      start: 0,
      end: text.length,
      meta: { refs: [{ start: 0, end: 24, sources: [{ id: "ref:acc-af-2023", rec: null }] }] },
    },
  };

  it("names the subsection a bullet belongs to when the bullet does not", () => {
    const q = analyseQuestion("What apixaban dose in atrial fibrillation?");
    const selection = selectEvidence(q, [hit as never], { primarySourceIds: ["lib:af"] });
    const dose = selection.ranked.find((c) => c.text.includes("5 mg orally twice daily"));
    expect(dose?.text).toBe("Apixaban (Eliquis): 5 mg orally twice daily.");
    expect(dose?.label).toBe("Apixaban (Eliquis)");
  });

  it("leaves a bullet that already names it alone", () => {
    expect(subsectionLabel([title, "Dosing and administration"])).toBeNull();
    expect(subsectionLabel([title, "Dosing and administration", "Apixaban (Eliquis)"])).toBe(
      "Apixaban (Eliquis)",
    );
  });
});
