import { describe, expect, it } from "vitest";
import { topicsNotAddressed } from "./coverage.js";
import type { AnalyzedQuestion } from "./question.js";

const question = (focus: Array<[string, string[]]>) =>
  ({
    focusDetail: focus.map(([text, forms]) => ({ text, forms, medical: true })),
    focus: focus.map(([t]) => t),
  }) as unknown as AnalyzedQuestion;
const draft = (...texts: string[]) => ({
  bottomLine: { text: texts[0] ?? "", keys: [], support: 1 },
  sections: [
    {
      title: "s",
      facet: "recommended" as const,
      bullets: texts.slice(1).map((text) => ({ text, keys: [], support: 1 })),
    },
  ],
});

describe("topicsNotAddressed", () => {
  it("lists a medical topic of the question that no statement names", () => {
    const q = question([
      ["sertraline", ["sertraline"]],
      ["hyponatremia", ["hyponatremia", "low sodium"]],
    ]);
    expect(topicsNotAddressed(q, draft("Give 3% saline for severe hyponatraemia."))).toEqual(["sertraline"]);
  });

  it("counts a lexicon synonym or abbreviation as naming the topic", () => {
    const q = question([["antiphospholipid syndrome", ["antiphospholipid syndrome"]]]);
    const variants = (p: string) =>
      p === "antiphospholipid syndrome" ? [["antiphospholipid", "syndrom"], ["aps"]] : [];
    expect(topicsNotAddressed(q, draft("In triple-positive APS, use warfarin."), variants)).toEqual([]);
  });

  it("never flags care settings, measurements or bare qualifiers", () => {
    const q = question([
      ["intensive care unit", ["intensive care unit", "icu"]],
      ["blood pressure", ["blood pressure"]],
      ["severe", ["severe"]],
    ]);
    expect(topicsNotAddressed(q, draft("Give norepinephrine."))).toEqual([]);
  });
});
