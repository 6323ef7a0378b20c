import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, isStopWord, MAX_TOKEN_LENGTH, normalizeTerm, tokenize } from "./analyzer.js";

// Search syntax never survives into a token; a colon only inside a ratio such as 1:1.
const SYNTAX = /[\s"*()^~]|(?<!\d):|:(?!\d)/u;

describe("tokenize", () => {
  it("keeps drug names and words with digits whole", () => {
    expect(tokenize("Vitamin B12, COVID-19 and HbA1c on 5-FU")).toEqual(
      expect.arrayContaining(["b12", "covid-19", "hba1c", "5-fu"]),
    );
  });

  it("emits a hyphenated term joined and as its parts", () => {
    expect(tokenize("low-molecular-weight heparin")).toEqual([
      "low-molecular-weight",
      "low",
      "molecular",
      "weight",
      "heparin",
    ]);
  });

  it("keeps decimals and splits ranges into both ends", () => {
    expect(tokenize("2.5")).toEqual(["2.5"]);
    expect(tokenize("1.5-2.5")).toEqual(["1.5-2.5", "1.5", "2.5"]);
  });

  it("adds one joined token for a number followed by a unit", () => {
    expect(tokenize("2.5 mg")).toEqual(["2.5", "mg", "2.5mg"]);
    expect(tokenize("2.5mg")).toEqual(["2.5mg", "2.5", "mg"]);
    expect(tokenize("30 mL/min")).toEqual(expect.arrayContaining(["30", "ml/min", "30ml/min"]));
    expect(tokenize("1.5-2.5 mg")).toContain("2.5mg");
    expect(tokenize("the mg dose")).not.toContain("mg dose");
  });

  it("normalises comparisons to one ASCII form", () => {
    expect(tokenize("CrCl <30")).toContain("<30");
    expect(tokenize("age >=65")).toContain(">=65");
    expect(tokenize("age ≥ 65")).toContain(">=65");
    expect(tokenize("age ≥65")).toContain(">=65");
    expect(tokenize("≤ 2.5")).toContain("<=2.5");
  });

  it("keeps ratios and percentages", () => {
    expect(tokenize("a 1:1 mix")).toContain("1:1");
    expect(tokenize("50% of patients")).toEqual(["50", "50%", "of", "patients"]);
  });

  it("treats search syntax as separators, never operators", () => {
    expect(tokenize('"heart failure" AND (sglt2* OR dapagliflozin~) NEAR -ace title:bnp ^2')).toEqual([
      "heart",
      "failure",
      "and",
      "sglt2",
      "or",
      "dapagliflozin",
      "near",
      "ace",
      "title",
      "bnp",
      "2",
    ]);
  });

  it("lowercases and applies NFKC (full-width letters, ligatures)", () => {
    expect(tokenize("ＨｂＡ１ｃ ﬁbrosis")).toEqual(["hba1c", "fibrosis"]);
  });

  it("drops absurdly long tokens but keeps their hyphen parts", () => {
    const long = "x".repeat(MAX_TOKEN_LENGTH + 1);
    expect(tokenize(long)).toEqual([]);
    expect(tokenize(`${long}-tail`)).toEqual(["tail"]);
  });
});

describe("analyze", () => {
  it("drops stop words but keeps negation and routes", () => {
    expect(analyze("the patient was not given it IV or PO without food")).toEqual([
      "patient",
      "not",
      "given",
      "iv",
      "po",
      "without",
      "food",
    ]);
    for (const w of ["not", "no", "without", "iv", "im", "po"]) expect(isStopWord(w)).toBe(false);
  });

  it("stems plain words but not tokens with digits or of three letters or fewer", () => {
    expect(analyze("treatments running infections")).toEqual(["treatment", "run", "infect"]);
    expect(analyze("AKI HIT VTE")).toEqual(["aki", "hit", "vte"]);
    expect(analyze("covid-19 b12 2.5mg")).toEqual(["covid-19", "covid", "19", "b12", "2.5mg", "2.5", "mg"]);
  });

  it("stems compound terms part by part so query and passage forms agree", () => {
    expect(analyze("anti-inflammatories")).toEqual(["anti-inflammatori", "anti", "inflammatori"]);
    expect(normalizeTerm("Anti-Inflammatories")).toBe("anti-inflammatori");
  });

  it("normalizeTerm matches what analyze produces for a single word", () => {
    for (const w of ["Infections", "AKI", "HbA1c", "diabetes", "ＨｂＡ１ｃ"]) {
      expect(analyze(w)).toEqual([normalizeTerm(w)]);
    }
  });
});

describe("British and American spellings", () => {
  it.each([
    ["haemorrhage", "hemorrhage"],
    ["hyperkalaemia", "hyperkalemia"],
    ["oesophageal", "esophageal"],
    ["randomised", "randomized"],
    ["tumour", "tumor"],
    ["anaemia", "anemia"],
  ])("%s and %s give the same term", (uk, us) => {
    expect(analyze(uk)).toEqual(analyze(us));
  });

  it("leaves short words and abbreviations alone", () => {
    expect(analyze("AE OE")).toEqual(["ae", "oe"]);
  });
});

describe("analyzer properties", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 200 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ maxLength: 200 }),
    fc
      .array(fc.constantFrom(...' "*():^~-/.,<>=≥≤%1:2AND OR NEAR b12 mg ml/min 2.5 COVID-19'.split("")), {
        maxLength: 80,
      })
      .map((a) => a.join("")),
  );

  it("never throws and emits tokens without whitespace or search syntax", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const t of [...tokenize(text), ...analyze(text)]) {
          expect(t.length).toBeGreaterThan(0);
          expect(t.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH + 8);
          expect(SYNTAX.test(t)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("tokenizes ASCII text the same on the fast path and on the Unicode path", () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
      maxLength: 120,
    });
    fc.assert(
      fc.property(ascii, (text) => {
        // The appended "é" forces the Unicode path without changing the ASCII part's tokens.
        expect(tokenize(`${text} é`)).toEqual([...tokenize(text), "é"]);
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(analyze(text)).toEqual(analyze(text));
        expect(tokenize(text)).toEqual(tokenize(text));
      }),
    );
  });

  it("re-tokenizing any emitted token yields no token that was not already emitted", () => {
    const clinical = fc
      .array(
        fc.constantFrom(
          "Heparin",
          "low-molecular-weight",
          "2.5 mg",
          "30 mL/min",
          "≥ 65",
          "<30",
          "1:1",
          "1.5-2.5",
          "HbA1c",
          "50%",
          "covid-19",
          "not",
          "AKI",
        ),
        { maxLength: 12 },
      )
      .map((a) => a.join(" "));
    fc.assert(
      fc.property(clinical, (text) => {
        // Token by token: joining them all would create new number–unit adjacencies.
        const once = new Set(tokenize(text));
        const twice = [...once].flatMap((t) => tokenize(t));
        expect(twice.filter((t) => !once.has(t))).toEqual([]);
      }),
    );
  });

  it("finishes on arbitrary unicode strings of up to 100k characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 50_000, maxLength: 100_000 }), (text) => {
        expect(Array.isArray(analyze(text))).toBe(true);
      }),
      { numRuns: 5 },
    );
    const hostile = [
      "-".repeat(100_000),
      "a-".repeat(50_000),
      "1.".repeat(50_000),
      "\u0000😀".repeat(30_000),
    ];
    for (const text of hostile) expect(Array.isArray(analyze(text))).toBe(true);
  });
});
