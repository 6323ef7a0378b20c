import { describe, expect, it } from "vitest";
import { RelatedQuestions, sectionQuestions } from "./related-questions.js";

const bank = [
  "What are the treatments for Gout ?",
  "What are the symptoms of Gout ?",
  "What causes Gout ?",
  "What are the treatments for gout?",
  "What is (are) Septic shock ?",
];

async function related(extra: string[] = []) {
  const store = {
    allQuestions: async () =>
      bank.map((question, i) => ({
        id: `q${i}`,
        question,
        qtype: null,
        focus: null,
        passageId: null,
        sourceId: null,
      })),
    listAnswers: async () =>
      extra.map((question, i) => ({ id: `a${i}`, question, audience: "clinician", body: {}, createdAt: "" })),
  };
  return RelatedQuestions.build(store);
}

describe("related questions", () => {
  it("offers other questions on the same focus, never the asked question reworded", async () => {
    const found = (await related()).find("How should gout be treated?", ["gout"], 5);
    expect(found).toContain("What are the symptoms of Gout?");
    expect(found.filter((q) => /treatments for gout/i.test(q))).toHaveLength(0);
  });

  it("does not list two versions of the same question", async () => {
    const found = (await related()).find("gout symptoms and causes", ["gout"], 5);
    expect(found.filter((q) => /treatments for gout/i.test(q)).length).toBeLessThanOrEqual(1);
  });

  it("learns questions asked after it was built, ignoring numbered repeats", async () => {
    const r = await related();
    r.add("Which colchicine dose for an acute gout flare?");
    r.add("Which colchicine dose for an acute gout flare? 2");
    const found = r.find("allopurinol starting dose in gout with CKD", ["gout"], 10);
    expect(found.filter((q) => q.startsWith("Which colchicine dose"))).toHaveLength(1);
  });
});

describe("library topics as questions", () => {
  it("turns a library title into a question about its topic", async () => {
    const { topicQuestion } = await import("./related-questions.js");
    expect(topicQuestion("Corticosteroids in septic shock (adults)")).toBe(
      "What does current guidance recommend on corticosteroids in septic shock?",
    );
    expect(topicQuestion("Heparin resistance: definition, causes, anti-Xa monitoring")).toBe(
      "What does current guidance recommend on heparin resistance (definition, causes, anti-Xa monitoring)?",
    );
  });
});

describe("related questions stay on topic", () => {
  it("does not offer a question that only shares a generic word", async () => {
    const store = {
      allQuestions: async () =>
        ["What are the treatments for Anaphylaxis ?", "How can falls be prevented in older adults?"].map(
          (question, i) => ({
            id: `q${i}`,
            question,
            qtype: null,
            focus: null,
            passageId: null,
            sourceId: null,
          }),
        ),
      listAnswers: async () => [],
    };
    const found = (await RelatedQuestions.build(store)).find(
      "What is the IM epinephrine dose for anaphylaxis in adults?",
      ["anaphylaxis", "epinephrine"],
      5,
    );
    expect(found).toEqual(["What are the treatments for Anaphylaxis?"]);
  });
});

describe("related questions from the library and stored answers", () => {
  const store = (answers: Array<{ question: string; abstained: boolean }>) => ({
    allQuestions: async () => [],
    listAnswers: async () =>
      answers.map((a, i) => ({
        id: `a${i}`,
        question: a.question,
        audience: "clinician",
        body: { abstained: a.abstained },
        createdAt: "",
      })),
    listSources: async () => [
      {
        id: "lib:electrolytes/hyperkalaemia",
        title: "Emergency treatment of acute hyperkalaemia (adults)",
      } as never,
    ],
    passagesOfSource: async () =>
      [
        ["Emergency treatment of acute hyperkalaemia (adults)", "Recommendations"],
        ["Emergency treatment of acute hyperkalaemia (adults)", "Monitoring"],
        [
          "Emergency treatment of acute hyperkalaemia (adults)",
          "Dosing and administration",
          "Insulin-glucose",
        ],
      ].map((sectionPath, i) => ({ id: `p${i}`, sectionPath }) as never),
  });

  it("never offers a question Osler declined to answer", async () => {
    const r = await RelatedQuestions.build(
      store([
        { question: "How do I change the oil in my car with severe hyperkalemia?", abstained: true },
        { question: "Which binder for chronic hyperkalemia?", abstained: false },
      ]),
    );
    const found = r.find("How should I treat severe hyperkalemia?", ["hyperkalemia"], 10);
    expect(found).toContain("Which binder for chronic hyperkalemia?");
    expect(found.join(" ")).not.toMatch(/oil/);
  });

  it("does not relate questions through a shared generic word", async () => {
    const r = await RelatedQuestions.build(store([]));
    r.add("First episode C diff, non-severe: what treatment?");
    expect(
      r.find("Severe hyperkalemia with ECG changes", ["severe", "hyperkalemia"], 10).join(" "),
    ).not.toMatch(/C diff/);
  });

  it("asks what each library section answers, meeting British and American spellings", async () => {
    const found = (await RelatedQuestions.build(store([]))).find(
      "How should I treat severe hyperkalemia with ECG changes?",
      ["hyperkalemia"],
      10,
    );
    expect(found).toContain(
      "What should be monitored in emergency treatment of acute hyperkalaemia, and how often?",
    );
    expect(found).toContain(
      "In emergency treatment of acute hyperkalaemia, what does current guidance say about insulin-glucose?",
    );
  });
});

describe("sectionQuestions", () => {
  it("writes one question per standard section and named subsection, none for unknown headings", () => {
    const qs = sectionQuestions("Stroke prevention in atrial fibrillation: risk scores (adults)", [
      ["t", "Dosing and administration"],
      ["t", "Dosing and administration", "Apixaban (Eliquis)"],
      ["t", "Something else"],
      ["t"],
    ]);
    expect(qs).toEqual([
      "What doses and routes are used for stroke prevention in atrial fibrillation?",
      "In stroke prevention in atrial fibrillation, what does current guidance say about apixaban (Eliquis)?",
    ]);
  });
});

describe("related questions across documents", () => {
  it("offers at most two questions of one library document before other documents' questions", async () => {
    const doc = (id: string, title: string) => ({ id, title }) as never;
    const store = {
      allQuestions: async () => [],
      listAnswers: async () => [],
      listSources: async () => [
        doc("lib:a", "Gout flares (adults)"),
        doc("lib:b", "Urate-lowering therapy in gout"),
      ],
      passagesOfSource: async () =>
        ["Dosing and administration", "Monitoring", "Special populations", "Key evidence"].map(
          (h, i) => ({ id: `p${i}`, sectionPath: ["t", h] }) as never,
        ),
    };
    const found = (await RelatedQuestions.build(store)).find("How do I treat gout?", ["gout"], 4);
    expect(found.some((q) => /urate-lowering/.test(q))).toBe(true);
    expect(found.filter((q) => /gout flares/i.test(q)).length).toBeLessThanOrEqual(2);
  });
});
