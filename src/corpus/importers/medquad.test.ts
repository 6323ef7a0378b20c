import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ImportUnit } from "../model.js";
import { fullText } from "./common.js";
import { readMedquad } from "./medquad.js";
import type { ImportItem, ImportProgress } from "./types.js";

const fixtures = fileURLToPath(new URL("../../../test/fixtures/import/", import.meta.url));
const realData = fileURLToPath(new URL("../../../../shared/data/medquad", import.meta.url));

async function collect(items: AsyncIterable<ImportItem>) {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const units = (items: ImportItem[]) =>
  new Map(
    items
      .filter((i): i is Extract<ImportItem, { kind: "unit" }> => i.kind === "unit")
      .map((i) => [i.unit.source.id, i.unit] as [string, ImportUnit]),
  );

describe("readMedquad on fixtures", () => {
  it("yields one patient_info source per file with ids from prefix and file stem", async () => {
    const progress: ImportProgress[] = [];
    const items = await collect(readMedquad(`${fixtures}medquad`, (p) => progress.push(p)));
    expect([...units(items).keys()].sort()).toEqual([
      "medquad:ADAM_0000003",
      "medquad:CDC_0000397",
      "medquad:CancerGov_0000013_2_1",
      "medquad:GARD_0000001",
      "medquad:NINDS_0000007",
    ]);
    expect(progress.at(-1)).toEqual({ done: 5, total: 5, unit: "files" });
  });

  it("decodes entities, keeps paragraph breaks and numbers passages by position, not pid", async () => {
    const gard = units(await collect(readMedquad(`${fixtures}medquad/2_GARD_QA`))).get(
      "medquad:GARD_0000001",
    );
    expect(gard?.source).toMatchObject({
      kind: "patient_info",
      title: "Imaginary syndrome",
      publisher: "Genetic and Rare Diseases Information Center (NIH)",
      license: "CC BY 4.0 (MedQuAD)",
      collection: "medquad",
      url: "https://example.org/gard/imaginary-syndrome",
      meta: { cuis: ["C0000001", "C0000002"], semanticGroup: "Disorders", medquadSource: "GARD" },
    });
    expect(gard?.passages.map((p) => p.id)).toEqual([
      "medquad:GARD_0000001_Sec1",
      "medquad:GARD_0000001_Sec3",
    ]);
    expect(gard?.passages[0].text).toBe(
      'Imaginary syndrome is test data & doesn\'t exist. Levels <5 are "normal".\n\nIt affects nobody.',
    );
    expect(gard?.passages[1]).toMatchObject({
      sectionPath: ["What are the symptoms of Imaginary syndrome ?"],
      meta: { qtype: "symptoms", pid: "4" },
    });
    const full = fullText(gard?.passages ?? []);
    for (const p of gard?.passages ?? []) expect(full.slice(p.start, p.end)).toBe(p.text);
  });

  it("puts every question in the question bank, with no passage where the answer is empty", async () => {
    const gard = units(await collect(readMedquad(`${fixtures}medquad/2_GARD_QA`))).get(
      "medquad:GARD_0000001",
    );
    expect(gard?.questions?.map((q) => q.passageId)).toEqual([
      "medquad:GARD_0000001_Sec1",
      null,
      "medquad:GARD_0000001_Sec3",
    ]);
    expect(gard?.lexicon).toEqual([
      {
        term: "Imaginary syndrome",
        synonyms: ["IMS", "Pretend disease"],
        abbreviations: ["IMS"],
        conceptId: "C0000001",
        layTerm: null,
        origin: "medquad",
      },
    ]);
  });

  it("reads the lower-case NINDS variant and the CDC DiseaseFile root", async () => {
    const all = units(await collect(readMedquad(`${fixtures}medquad`)));
    const ninds = all.get("medquad:NINDS_0000007");
    expect(ninds?.source.title).toBe("Pretend palsy");
    expect(ninds?.passages.map((p) => p.text)).toEqual([
      "Pretend palsy is an invented disorder used as test data.",
      "Excellent, because it is not real.",
    ]);
    expect(ninds?.lexicon?.[0].conceptId).toBeNull();
    expect(all.get("medquad:CDC_0000397")?.passages).toHaveLength(1);
  });

  it("keeps a file whose answers were removed upstream: no passages, but its questions and lexicon", async () => {
    const adam = units(await collect(readMedquad(`${fixtures}medquad`))).get("medquad:ADAM_0000003");
    expect(adam?.passages).toEqual([]);
    expect(adam?.source.publisher).toBe("A.D.A.M. via MedlinePlus");
    expect(adam?.questions?.map((q) => [q.id, q.passageId])).toEqual([
      ["medquad:ADAM_0000003_Q1", null],
      ["medquad:ADAM_0000003_Q2", null],
    ]);
    expect(adam?.lexicon?.[0].term).toBe("Fictional fever");
  });

  it("rejects a malformed file with its position and still imports the rest of the folder", async () => {
    const items = await collect(readMedquad(`${fixtures}medquad-broken`));
    const rejected = items.find((i) => i.kind === "rejected");
    expect(rejected?.kind === "rejected" && rejected.error.message).toMatch(
      /0000009\.xml:3: unclosed tag.*<Focus>/,
    );
    expect(rejected?.kind === "rejected" && rejected.error.code).toBe("malformed_file");
    expect(units(items).has("medquad:GARD_0000001")).toBe(true);
  });

  it("gives the same content hash on a second read", async () => {
    const first = units(await collect(readMedquad(`${fixtures}medquad`)));
    const second = units(await collect(readMedquad(`${fixtures}medquad`)));
    for (const [id, unit] of first) expect(second.get(id)?.source.contentHash).toBe(unit.source.contentHash);
  });
});

describe.skipIf(!existsSync(realData))("readMedquad on the real MedQuAD release", () => {
  it("matches the per-folder file, pair and non-empty answer counts of shared/data/README.md", async () => {
    const counts: Record<string, [number, number, number]> = {};
    let rejected = 0;
    let gard: ImportUnit | undefined;
    let drugs: ImportUnit | undefined;
    for await (const item of readMedquad(realData)) {
      if (item.kind !== "unit") {
        rejected++;
        continue;
      }
      const { unit } = item;
      const key = unit.source.meta.medquadSource as string;
      counts[key] ??= [0, 0, 0];
      const c = counts[key];
      c[0]++;
      c[1] += unit.questions?.length ?? 0;
      c[2] += unit.passages.length;
      if (unit.source.id === "medquad:GARD_0004375") gard = unit;
      if (unit.source.id === "medquad:MPlusDrugs_0001309") drugs = unit;
    }
    expect(rejected).toBe(0);
    expect(counts).toEqual({
      CancerGov: [116, 729, 729],
      GARD: [2685, 5394, 5389],
      GHR: [1086, 5430, 5430],
      MPlusHealthTopics: [981, 981, 981],
      NIDDK: [157, 1192, 1192],
      NINDS: [277, 1104, 1104],
      NIHSeniorHealth: [48, 769, 769],
      NHLBI: [88, 559, 559],
      CDC: [59, 270, 270],
      ADAM: [4366, 17348, 0],
      MPlusDrugs: [1312, 12889, 0],
      MPlusHerbsSupplements: [99, 792, 0],
    });
    const totals = Object.values(counts).reduce((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2]], [0, 0, 0]);
    expect(totals).toEqual([11274, 47457, 16423]);

    expect(gard?.passages[0]).toMatchObject({
      id: "medquad:GARD_0004375_Sec1",
      sectionPath: ["What are the symptoms of Neurofibromatosis-Noonan syndrome ?"],
      meta: { pid: "1", qtype: "symptoms" },
    });
    expect(gard?.passages[0].text).toMatch(/^What are the signs and symptoms of Neurofibromatosis-Noonan/);
    expect(drugs?.passages).toEqual([]);
    expect(drugs?.questions?.[6]).toMatchObject({
      question: "What to do in case of emergency or overdose of Zolmitriptan ?",
      passageId: null,
      sourceId: "medquad:MPlusDrugs_0001309",
    });
  });
});
