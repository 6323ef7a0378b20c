import { describe, expect, it } from "vitest";
import { referenceLine, renderAnswerText } from "./render-text.js";
import type { Answer } from "./types.js";

const ANSWER: Answer = {
  id: "ans_1",
  question: "Q?",
  audience: "clinician",
  title: "Management of septic shock",
  abstained: false,
  abstainReason: null,
  bottomLine: { text: "Use norepinephrine first.", citations: [1, 2] },
  sections: [
    {
      title: "Dosing and administration",
      facet: "dosing",
      bullets: [{ text: "Start at 0.05 mcg/kg/min.", citations: [2], support: 0.9 }],
    },
  ],
  references: [
    {
      n: 1,
      sourceId: "ref:ssc",
      passageId: "lib:x#1",
      type: "guideline",
      typeLabel: "Guideline",
      title: "Surviving Sepsis Campaign",
      publisher: "SCCM",
      year: 2021,
      url: null,
      doi: "10.1/x",
    },
    {
      n: 2,
      sourceId: "lib:x",
      passageId: "lib:x#1",
      type: "editorial",
      typeLabel: "Editorial summary",
      title: "Vasopressors",
      publisher: "Osler editorial team",
      year: 2026,
      url: null,
    },
  ],
  relatedQuestions: ["What MAP target in septic shock?"],
  disclaimer: "For professionals.",
  review: { status: "submitted", updatedAt: "2026-01-25T10:00:00.000Z" },
  meta: {
    composer: "extractive",
    corpusVersion: "v",
    settingsHash: "h",
    generatedAt: "2026-01-25T10:00:00.000Z",
    ms: 3,
    supportedShare: 1,
    droppedStatements: 0,
    questionType: "treatment",
    focus: ["septic shock"],
    modifiers: [],
    readingGrade: 12,
  },
};

describe("renderAnswerText", () => {
  it("renders title, review banner, cited bottom line, sections, typed references, related questions and disclaimer", () => {
    const text = renderAnswerText(ANSWER, { width: 0 });
    expect(text).toContain("Management of septic shock");
    expect(text).toContain("Pending review — educational use · status: submitted · last updated 2026-01-25");
    expect(text).toContain("Use norepinephrine first. [1][2]");
    expect(text).toContain("• Start at 0.05 mcg/kg/min. [2]");
    expect(text).toContain("[1] Guideline — Surviving Sepsis Campaign. SCCM, 2021. doi:10.1/x");
    expect(text).toContain("[2] Editorial summary — Vasopressors. Osler editorial team, 2026.");
    expect(text).toContain("- What MAP target in septic shock?");
    expect(text.trimEnd().endsWith("For professionals.")).toBe(true);
    expect(text).not.toContain("\u001b[");
  });

  it("adds colour codes only when asked", () => {
    expect(renderAnswerText(ANSWER, { color: true })).toContain("\u001b[1m");
  });

  it("shows the abstention reason instead of sections", () => {
    const text = renderAnswerText({
      ...ANSWER,
      abstained: true,
      abstainReason: "Nothing qualified.",
      bottomLine: null,
      sections: [],
      references: [],
    });
    expect(text).toContain("No answer\nNothing qualified.");
  });

  it("says which topics of the question the sources did not address", () => {
    const text = renderAnswerText(
      { ...ANSWER, meta: { ...ANSWER.meta, notAddressed: ["sertraline"] } },
      { width: 200 },
    );
    expect(text).toContain("Not addressed by the sources found: sertraline.");
    expect(renderAnswerText(ANSWER)).not.toContain("Not addressed");
  });

  it("wraps long lines at the requested width", () => {
    const long = { ...ANSWER, bottomLine: { text: "word ".repeat(40).trim(), citations: [1] } };
    for (const line of renderAnswerText(long, { width: 60 }).split("\n"))
      expect(line.length).toBeLessThanOrEqual(60);
  });

  it("formats a reference without publisher or year", () => {
    expect(
      referenceLine({
        ...ANSWER.references[0],
        publisher: null,
        year: null,
        doi: null,
        pmid: "123",
      } as Answer["references"][0]),
    ).toBe("[1] Guideline — Surviving Sepsis Campaign. PMID 123");
  });
});

describe("renderAnswerText with laid-out statements", () => {
  it("prints a label line, prose and indented list items, with the citations after the last line", () => {
    const text =
      "Adults: Suspect it with low blood pressure, shock, vomiting, belly pain, fever or confusion.";
    const answer: Answer = {
      ...ANSWER,
      sections: [
        {
          title: "Diagnosis",
          bullets: [
            {
              text,
              citations: [1, 2],
              support: 1,
              layout: [
                { kind: "label", text: "Adults:" },
                { kind: "text", text: "Suspect it with" },
                { kind: "item", text: "low blood pressure," },
                { kind: "item", text: "or confusion." },
              ],
            },
          ],
        },
      ],
    };
    const lines = renderAnswerText(answer, { width: 0 }).split("\n");
    const at = lines.indexOf("• Adults:");
    expect(lines.slice(at, at + 4)).toEqual([
      "• Adults:",
      "  Suspect it with",
      "    – low blood pressure",
      "    – or confusion. [1][2]",
    ]);
  });

  it("keeps wrapped continuation lines indented under their line", () => {
    const long = "word ".repeat(30).trim();
    const answer: Answer = {
      ...ANSWER,
      sections: [
        {
          title: "S",
          bullets: [
            {
              text: `Label: ${long}`,
              citations: [1],
              support: 1,
              layout: [
                { kind: "label", text: "Label:" },
                { kind: "text", text: long },
              ],
            },
          ],
        },
      ],
    };
    const lines = renderAnswerText(answer, { width: 50 }).split("\n");
    const at = lines.indexOf("• Label:");
    expect(lines[at + 1]?.startsWith("  word")).toBe(true);
    expect(lines[at + 2]?.startsWith("  word")).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
  });
});
