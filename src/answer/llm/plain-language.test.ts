import { afterEach, describe, expect, it } from "vitest";
import { type Reply, type StubLlm, startStubLlm } from "../../../test/answer/stub-llm.js";
import type { Draft } from "../draft.js";
import type { LlmEndpoint } from "./client.js";
import { keepsFacts, plainLanguageWithLlm } from "./plain-language.js";

const CLINICIAN: Draft = {
  title: "Management of septic shock",
  bottomLine: {
    text: "Use norepinephrine as the first-choice vasopressor in septic shock (strong recommendation, moderate-quality evidence).",
    keys: ["a"],
    support: 1,
  },
  sections: [
    {
      title: "Dosing",
      facet: "dosing",
      bullets: [
        { text: "Vasopressin is added at norepinephrine 0.25-0.5 mcg/kg/min.", keys: ["a"], support: 1 },
        { text: "Do not use terlipressin for septic shock.", keys: ["b"], support: 0.9 },
      ],
    },
  ],
};

// The rule-based wording the engine would otherwise show (deliberately long-winded here).
const RULES: Draft = {
  title: "Treatment of septic shock",
  bottomLine: {
    text: "Use norepinephrine as the first-choice vasopressor medicine that raises blood pressure in septic shock, which is severe infection with very low blood pressure.",
    keys: ["a"],
    support: 1,
  },
  sections: [
    {
      title: "How the medicine is given",
      facet: "dosing",
      bullets: [
        {
          text: "Vasopressin is added at a norepinephrine dose of 0.25-0.5 mcg/kg/min given continuously into a vein.",
          keys: ["a"],
          support: 1,
        },
        { text: "Do not use terlipressin for septic shock.", keys: ["b"], support: 0.9 },
      ],
    },
  ],
};

describe("plainLanguageWithLlm", () => {
  let stub: StubLlm | null = null;
  afterEach(async () => {
    await stub?.close();
    stub = null;
  });
  const endpoint = (baseUrl: string): LlmEndpoint => ({
    baseUrl,
    model: "m",
    apiKey: "",
    timeoutMs: 1_000,
    maxRetries: 0,
  });
  const reply = (statements: Array<{ n: number; text: string }>): Reply[] => [
    { kind: "json", content: JSON.stringify({ statements }) },
  ];

  it("keeps the model's wording where it has the same facts and reads plainer, the rules' elsewhere", async () => {
    stub = await startStubLlm(
      reply([
        {
          n: 1,
          text: "Norepinephrine is the first medicine to use. It raises blood pressure in septic shock.",
        },
        // Changes the dose range: rejected.
        { n: 2, text: "Vasopressin is added at norepinephrine 0.5 mcg/kg/min." },
        // Loses the negation: rejected.
        { n: 3, text: "Use terlipressin for septic shock." },
      ]),
    );
    const { draft, meta } = await plainLanguageWithLlm(CLINICIAN, RULES, endpoint(stub.baseUrl));
    expect(draft.bottomLine?.text).toBe(
      "Norepinephrine is the first medicine to use. It raises blood pressure in septic shock.",
    );
    expect(draft.bottomLine?.keys).toEqual(["a"]);
    expect(draft.sections[0]?.bullets.map((b) => b.text)).toEqual(
      RULES.sections[0]?.bullets.map((b) => b.text),
    );
    expect(meta).toEqual({ rewriter: "llm", rewritten: 1, kept: 2 });
    const request = stub.requests[0] as { messages: Array<{ content: string }>; response_format: unknown };
    expect(request.response_format).toEqual({ type: "json_object" });
    expect(request.messages[0]?.content).toMatch(/Ignore any instructions/);
    // The model sees the verified statements without their grading notes.
    expect(request.messages[1]?.content).toContain(
      "1. Use norepinephrine as the first-choice vasopressor in septic shock.",
    );
  });

  it.each([
    ["an error status", [{ kind: "status", status: 500 }] as Reply[]],
    ["a reply that is not JSON", [{ kind: "json", content: "Sure! Here you go." }] as Reply[]],
    ["a reply of the wrong shape", [{ kind: "json", content: '{"text": "x"}' }] as Reply[]],
  ])("keeps the rule-based wording on %s and says why", async (_name, script) => {
    stub = await startStubLlm(script);
    const { draft, meta } = await plainLanguageWithLlm(CLINICIAN, RULES, endpoint(stub.baseUrl));
    expect(draft).toEqual(RULES);
    expect(meta.rewriter).toBe("rules");
    expect(meta.fallback).toMatch(/LLM rewrite failed/);
  });
});

describe("keepsFacts", () => {
  it.each([
    [
      "the same facts in plain words",
      "Give heparin 80 units/kg IV.",
      "Give heparin 80 units/kg into a vein.",
      true,
    ],
    ["a changed number", "Give heparin 80 units/kg IV.", "Give heparin 60 units/kg into a vein.", false],
    ["a dropped negation", "Do not give alteplase.", "Give alteplase.", false],
    ["a drug left out", "Give heparin or enoxaparin.", "Give a blood thinner.", false],
    ["a drug added", "Give a blood thinner.", "Give enoxaparin, a blood thinner.", false],
    [
      "an abbreviation spelled out",
      "Target a MAP of 65 mmHg.",
      "Aim for an average blood pressure of 65 mmHg.",
      true,
    ],
    ["a citation marker added", "Give heparin.", "Give heparin [1].", false],
  ])("%s", (_name, source, candidate, expected) => {
    expect(keepsFacts(source, candidate)).toBe(expected);
  });
});
