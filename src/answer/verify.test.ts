import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCitations, verifyStatement } from "./verify.js";

const EVIDENCE =
  "Norepinephrine is recommended as the first-line vasopressor in septic shock. Do not use dopamine as a first-line agent. Target a mean arterial pressure of 65 mmHg. Give hydrocortisone 200 mg per day when shock persists.";

describe("verifyStatement", () => {
  it.each([
    ["Norepinephrine is the first-line vasopressor in septic shock.", true, []],
    ["Target a mean arterial pressure of 65 mmHg.", true, []],
    ["Target a mean arterial pressure of 75 mmHg.", false, ["number 75 not in cited text"]],
    ["Give hydrocortisone 200 mcg per day when shock persists.", false, ["unit mcg not in cited text"]],
    [
      "Vasopressin is the first-line vasopressor in septic shock.",
      false,
      ["name vasopressin not in cited text"],
    ],
    ["Use dopamine as a first-line agent.", false, ["cited text is negated"]],
    [
      "Do not use norepinephrine as the first-line vasopressor in septic shock.",
      false,
      ["negation not in cited text"],
    ],
    ["Antibiotics should be started within one hour of recognition.", false, []],
  ])("checks %j (supported: %s)", (statement, ok, reasons) => {
    const v = verifyStatement(statement, [EVIDENCE], 0.6);
    expect(v.ok).toBe(ok);
    expect(v.reasons).toEqual(reasons);
    if (ok) expect(v.support).toBeGreaterThanOrEqual(0.6);
    else expect(v.support).toBeLessThan(0.7);
  });

  it("finds a drug name inside a compound token of the cited text (4F-PCC, piperacillin/tazobactam)", () => {
    const cited = ["Edoxaban: 4F-PCC is the usual option. Give piperacillin/tazobactam 4.5 g IV."];
    expect(verifyStatement("Edoxaban: 4F-PCC is the usual option.", cited, 0.6)).toMatchObject({ ok: true });
    expect(verifyStatement("Give piperacillin/tazobactam 4.5 g IV.", cited, 0.6)).toMatchObject({ ok: true });
    expect(verifyStatement("Edoxaban: idarucizumab is the usual option.", cited, 0.6).ok).toBe(false);
  });

  it("fails a statement that cites nothing", () => {
    expect(verifyStatement("Use norepinephrine.", [], 0.6)).toMatchObject({ ok: false, support: 0 });
  });

  it("reads support across several cited passages", () => {
    const v = verifyStatement(
      "Norepinephrine is first-line and LMWH prevents clots.",
      [EVIDENCE, "LMWH prevents clots."],
      0.6,
    );
    expect(v.ok).toBe(true);
  });
});

describe("parseCitations", () => {
  const keys = new Set(["P1", "P2", "P3"]);
  it.each([
    ["Use X [P1].", "Use X.", ["P1"]],
    ["Use X [P1][P1].", "Use X.", ["P1"]],
    ["Use X [1][1].", "Use X.", ["P1"]],
    ["Use X [1,,2].", "Use X.", ["P1", "P2"]],
    ["Use X [P2, P1; P2].", "Use X.", ["P2", "P1"]],
    ["Use X [1-3].", "Use X.", ["P1", "P2", "P3"]],
    ["Use X [a].", "Use X.", []],
    ["Use X [99].", "Use X.", []],
    ["Use X [P9] and Y [P1].", "Use X and Y.", ["P1"]],
    ["Use X 【1】.", "Use X.", ["P1"]],
    ["Use X (1).", "Use X.", ["P1"]],
    ["Use X (P2, P3) daily.", "Use X daily.", ["P2", "P3"]],
    ["Stage (1) disease is mild [P2].", "Stage (1) disease is mild.", ["P2"]],
    ["See [the table] below [P3].", "See [the table] below.", ["P3"]],
    ["No markers at all.", "No markers at all.", []],
  ])("parses %j", (input, text, expected) => {
    const parsed = parseCitations(input, keys);
    expect(parsed.text).toBe(text);
    expect(parsed.keys).toEqual(expected);
  });

  it("reports invented and malformed markers", () => {
    expect(parseCitations("X [P7] [b].", keys).invalid).toEqual(["P7", "b"]);
  });

  it("returns only known keys, once each, and leaves no bracketed numbers behind", () => {
    const marker = fc.oneof(
      fc.integer({ min: 0, max: 12 }).map((n) => `[${n}]`),
      fc.integer({ min: 0, max: 12 }).map((n) => `[P${n}]`),
      fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
        .map(([a, b]) => `[${a},,${b}]`),
      fc.integer({ min: 0, max: 9 }).map((n) => `【${n}】`),
      fc.constantFrom("[a]", "[]", "[P]"),
    );
    const text = fc.array(fc.oneof(fc.constantFrom("Use", "heparin", "daily", "2.5 mg", "not"), marker), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, (parts) => {
        const parsed = parseCitations(`${parts.join(" ")}.`, keys);
        for (const k of parsed.keys) expect(keys.has(k)).toBe(true);
        expect(new Set(parsed.keys).size).toBe(parsed.keys.length);
        expect(parsed.text).not.toMatch(/[[【]\s*P?\d*\s*[\]】]/);
      }),
    );
  });
});

describe("acronyms ending in S", () => {
  it("keeps NIHSS whole and still reads DOACs as a plural", async () => {
    const { drugLikeNames, alreadyGivenDrugs } = await import("./text.js");
    expect(alreadyGivenDrugs("already got lorazepam 4 mg twice, what next?")).toEqual(["lorazepam"]);
    expect(alreadyGivenDrugs("Oedema despite furosemide; add spironolactone?")).toEqual(["furosemide"]);
    expect(alreadyGivenDrugs("Dose of apixaban in renal failure?")).toEqual([]);
    expect(drugLikeNames("NIHSS of 4 or less")).toContain("nihss");
    expect(drugLikeNames("Stop DOACs before surgery")).toContain("doac");
  });
});
