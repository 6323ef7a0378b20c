import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ImportUnit } from "../model.js";
import { EVALUATION_ONLY_LICENSE, parseCsvAnswer, readLiveqaAnswersCsv } from "./liveqa-answers.js";
import { readMedquad } from "./medquad.js";
import type { ImportItem } from "./types.js";

const fixtures = fileURLToPath(new URL("../../../test/fixtures/import/", import.meta.url));
const shared = fileURLToPath(new URL("../../../../shared/data/", import.meta.url));
const realCsv = `${shared}liveqa/All-2479-Answers-retrieved-from-MedQuAD.unique-sorted.csv`;

async function collect(items: AsyncIterable<ImportItem>) {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const unitsOf = (items: ImportItem[]) =>
  new Map(
    items.flatMap((i) => (i.kind === "unit" ? [[i.unit.source.id, i.unit] as [string, ImportUnit]] : [])),
  );

describe("parseCsvAnswer", () => {
  it("splits the Question/URL/Answer field and drops the (Also called: …) suffix", () => {
    const row = parseCsvAnswer(
      "ADAM_0003147_Sec1.txt",
      "Question: What is X ? (Also called: Y; Z)\nURL: u\nAnswer: A.",
      2,
    );
    expect(row).toMatchObject({ prefix: "ADAM", stem: "0003147", position: 1, question: "What is X ?" });
    expect(row).toMatchObject({ alsoCalled: "Y; Z", url: "u", answer: "A." });
    expect(parseCsvAnswer("CancerGov_0000007_3_Sec2.txt", "Question: q\nURL: u\nAnswer: a", 2)).toMatchObject(
      {
        stem: "0000007_3",
        position: 2,
      },
    );
  });
});

describe("readLiveqaAnswersCsv on fixtures", () => {
  const csv = `${fixtures}liveqa/answers.csv`;

  it("merges evaluation-only answers into the MedQuAD file they belong to", async () => {
    const units = unitsOf(await collect(readLiveqaAnswersCsv(csv, `${fixtures}medquad`)));
    const adam = units.get("medquad:ADAM_0000003");
    expect(adam?.source).toMatchObject({
      title: "Fictional fever",
      license: EVALUATION_ONLY_LICENSE,
      collection: "liveqa-answers",
      meta: { evaluationOnly: true, medquadSource: "ADAM" },
    });
    expect(adam?.passages).toEqual([
      expect.objectContaining({
        id: "medquad:ADAM_0000003_Sec2",
        sectionPath: ["What are the treatments for Fictional fever ?"],
        text: "Rest and imagination. This is invented test data.\n\nSecond paragraph.",
        meta: {
          question: "What are the treatments for Fictional fever ?",
          qtype: "treatment",
          pid: "3",
          evaluationOnly: true,
        },
      }),
    ]);
    expect(adam?.questions?.map((q) => q.passageId)).toEqual([null, "medquad:ADAM_0000003_Sec2"]);
  });

  it("keeps the public MedQuAD passages of a merged source and adds the missing answer", async () => {
    const units = unitsOf(await collect(readLiveqaAnswersCsv(csv, `${fixtures}medquad`)));
    const gard = units.get("medquad:GARD_0000001");
    expect(gard?.passages.map((p) => p.id)).toEqual([
      "medquad:GARD_0000001_Sec1",
      "medquad:GARD_0000001_Sec2",
      "medquad:GARD_0000001_Sec3",
    ]);
    expect(gard?.source.license).toBe("CC BY 4.0 (MedQuAD)");
    expect(gard?.source.meta.evaluationOnly).toBeUndefined();
  });

  it("without MedQuAD, builds sources from the CSV alone", async () => {
    const units = unitsOf(await collect(readLiveqaAnswersCsv(csv, null)));
    expect(units.get("medquad:ADAM_0000003")?.source).toMatchObject({
      title: "What are the treatments for Fictional fever ?",
      publisher: "A.D.A.M. via MedlinePlus",
      url: "https://example.org/ency/article/000003.htm",
    });
  });

  it("rejects unknown positions, badly formed rows and an unterminated quote, with line numbers", async () => {
    const items = await collect(readLiveqaAnswersCsv(`${fixtures}liveqa/broken.csv`, `${fixtures}medquad`));
    const messages = items.flatMap((i) => (i.kind === "rejected" ? [i.error.message] : []));
    expect(items.filter((i) => i.kind === "unit")).toHaveLength(1);
    expect(messages).toEqual([
      expect.stringMatching(/broken\.csv:5: medquad:GARD_0000001: Sec9 but the file has 3 pairs/),
      expect.stringMatching(/broken\.csv:11: answer id "NOT-AN-ID"/),
      expect.stringMatching(/broken\.csv:8: medquad:CDC_0000397: not imported, the file breaks/),
      expect.stringMatching(/broken\.csv:12: Quote Not Closed/),
    ]);
  });
});

describe.skipIf(!existsSync(realCsv))("readLiveqaAnswersCsv on shared/data", () => {
  it("adds the 1,489 MedlinePlus answers as evaluation-only passages and leaves public sources unchanged", async () => {
    const medquad = new Map<string, string>();
    for await (const item of readMedquad(`${shared}medquad/3_GHR_QA`)) {
      if (item.kind === "unit") medquad.set(item.unit.source.id, item.unit.source.contentHash);
    }
    const perPrefix: Record<string, number> = {};
    let sameAsMedquad = 0;
    let ghr = 0;
    let rejected = 0;
    for await (const item of readLiveqaAnswersCsv(realCsv)) {
      if (item.kind !== "unit") {
        rejected++;
        continue;
      }
      const { source, passages } = item.unit;
      if (medquad.get(source.id) === source.contentHash) sameAsMedquad++;
      if (source.id.startsWith("medquad:GHR_")) ghr++;
      for (const p of passages) {
        if (!p.meta.evaluationOnly) continue;
        const prefix = p.id.slice("medquad:".length).split("_")[0];
        perPrefix[prefix] = (perPrefix[prefix] ?? 0) + 1;
        // The CSV question line matches the XML question of the pair at position N.
        expect(p.sectionPath[0]).toBe(p.meta.question);
      }
    }
    expect(rejected).toBe(0);
    expect(perPrefix).toEqual({ ADAM: 1214, MPlusDrugs: 256, MPlusHerbsSuppls: 19 });
    // Every GHR source in the CSV has public answers, so its merged unit is the MedQuAD unit.
    expect(ghr).toBeGreaterThan(0);
    expect(sameAsMedquad).toBe(ghr);
  });
});
