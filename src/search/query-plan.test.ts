import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyzer.js";
import { LexiconMatcher } from "./lexicon.js";
import { MAX_QUERY_CHARS, planQuery } from "./query-plan.js";
import { classifyQuestionType } from "./question-type.js";

const lexicon = new LexiconMatcher([
  {
    term: "low molecular weight heparin",
    synonyms: [],
    abbreviations: ["LMWH"],
    conceptId: null,
    layTerm: null,
    origin: "osler",
  },
  {
    term: "Noonan syndrome",
    synonyms: ["Noonan's syndrome"],
    abbreviations: [],
    conceptId: "C0028326",
    layTerm: null,
    origin: "medquad",
  },
  {
    term: "Myasthenia gravis",
    synonyms: ["MG"],
    abbreviations: [],
    conceptId: null,
    layTerm: null,
    origin: "medquad",
  },
  {
    term: "Age-related macular degeneration",
    synonyms: ["AMD"],
    abbreviations: [],
    conceptId: null,
    layTerm: null,
    origin: "medquad",
  },
]);
const options = { lexicon, idf: () => 2, expansionWeight: 0.4 };
const plan = (q: string | { subject?: string; text: string }) => planQuery(q, options);

describe("planQuery", () => {
  it("finds the focus named in a consumer question's subject line", () => {
    const p = plan({
      subject: "Noonan syndrome",
      text: "What are the references with it and polycystic renal disease",
    });
    expect(p.focus[0]?.term).toBe("Noonan syndrome");
  });

  it("expands a curated abbreviation to its full form at a lower weight", () => {
    const p = plan("Is LMWH safe in pregnancy?");
    const weight = (t: string) => p.terms.find((x) => x.term === t)?.weight ?? 0;
    expect(weight("heparin")).toBeGreaterThan(0);
    expect(weight("heparin")).toBeLessThan(weight("lmwh"));
  });

  it("does not read a dose unit as an imported acronym (mg is not myasthenia gravis)", () => {
    expect(plan("amphetamine salts 20 mg are they gluten free").focus.map((f) => f.term)).not.toContain(
      "Myasthenia gravis",
    );
  });

  it("keeps short imported acronyms that are not everyday words", () => {
    expect(plan("Could second hand smoke cause early AMD?").focus.map((f) => f.term)).toContain(
      "Age-related macular degeneration",
    );
  });

  it("drops greetings, thanks and filler from consumer messages", () => {
    const terms = plan("Hi, my doctor said I have Noonan syndrome. Thank you very much!").terms.map(
      (t) => t.term,
    );
    expect(terms).not.toContain("thank");
    expect(terms).not.toContain("doctor");
  });

  it("rejects an empty query with a clear error", () => {
    expect(() => plan("   ")).toThrow(/query is empty/);
  });

  it("treats search syntax as plain words: quotes, operators and brackets change nothing", () => {
    const plain = plan("heparin resistance sepsis")
      .terms.map((t) => t.term)
      .sort();
    const hostile = plan('"heparin" AND (resistance) OR sepsis* -- ; DROP TABLE').terms.map((t) => t.term);
    for (const t of plain) expect(hostile).toContain(t);
    for (const t of hostile) expect(t).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}.:/<>=+-]*$/u);
  });

  it("never throws on arbitrary text and bounds the work on huge input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), (text) => {
        if (!text.trim()) return;
        const p = plan(text);
        expect(p.terms.length).toBeLessThanOrEqual(64);
        for (const t of p.terms) expect(Number.isFinite(t.weight) && t.weight > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
    const huge = `${"heparin ".repeat(20_000)}\u0000\u202e${"x".repeat(100_000)}`;
    const p = plan(huge);
    expect(p.cleaned.length).toBeLessThanOrEqual(MAX_QUERY_CHARS + 2);
    expect(p.terms.map((t) => t.term)).toContain("heparin");
  });

  it("is deterministic", () => {
    const q = "What is the treatment for Noonan syndrome with LMWH?";
    expect(plan(q)).toEqual(plan(q));
  });
});

describe("classifyQuestionType", () => {
  it.each([
    ["What are the treatments for gout?", "treatment"],
    ["Is dementia genetically passed down?", "inheritance"],
    ["Can Ocella cause DVT?", "causes"],
    ["How much glucagon is in the kit?", "dosage"],
    ["Does sevoflurane expire once opened?", "storage"],
    ["Are amphetamine salts gluten free? do they contain lactose", "ingredients"],
    ["any drug reaction between carvedilol and hydralazine", "interactions"],
    ["How is HNPP diagnosed?", "diagnosis"],
    ["Tell me about Beckwith-Wiedemann syndrome", "information"],
  ])("%s → %s", (question, type) => {
    expect(classifyQuestionType(question).type).toBe(type);
  });
});

describe("LexiconMatcher", () => {
  it("matches the longest phrase in analysed form", () => {
    const m = lexicon.match(analyze("low-molecular-weight heparins for Noonan's syndrome"));
    expect(m.map((x) => x.groups[0]?.term)).toEqual(["low molecular weight heparin", "Noonan syndrome"]);
  });

  it("looks up canonical terms", () => {
    expect(lexicon.lookup("lmwh")).toBe("low molecular weight heparin");
    expect(lexicon.lookup("aspirin")).toBeNull();
  });

  it("does not let a one-word imported synonym name a concept (oil is not diesel oil)", () => {
    const imported = new LexiconMatcher([
      {
        term: "Diesel oil",
        synonyms: ["Oil"],
        abbreviations: [],
        conceptId: null,
        layTerm: null,
        origin: "medquad",
      },
    ]);
    expect(imported.lookup("oil")).toBeNull();
    expect(imported.lookup("diesel oil")).toBe("Diesel oil");
  });
});
