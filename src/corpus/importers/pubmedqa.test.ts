import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPubmedqa } from "./pubmedqa.js";
import type { ImportItem } from "./types.js";

const dir = fileURLToPath(new URL("../../../test/fixtures/import/pubmedqa/", import.meta.url));
const real = fileURLToPath(new URL("../../../../shared/data/pubmedqa/ori_pqal.json", import.meta.url));

async function collect(items: AsyncIterable<ImportItem>) {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("readPubmedqa", () => {
  it("makes a pmid source per item with one passage per context, labelled", async () => {
    const [first] = await collect(readPubmedqa(`${dir}pqal.json`));
    if (first.kind !== "unit") throw new Error("expected a unit");
    const { source, passages, questions } = first.unit;
    expect(source).toMatchObject({
      id: "pmid:99000101",
      title: "Does imaginary coffee prevent pretend headaches (test data)?",
      kind: "trial", // the methods name a randomized controlled trial
      year: 2020,
      pmid: "99000101",
      collection: "pubmedqa",
      meta: {
        mesh: ["Coffee", "Headache"],
        finalDecision: "yes",
        labels: ["BACKGROUND", "METHODS", "RESULTS"],
      },
    });
    expect(passages.map((p) => [p.id, p.sectionPath])).toEqual([
      ["pmid:99000101#1", ["BACKGROUND"]],
      ["pmid:99000101#2", ["METHODS"]],
      ["pmid:99000101#3", ["RESULTS"]],
    ]);
    expect(questions).toEqual([
      {
        id: "pubmedqa:99000101",
        question: "Does imaginary coffee prevent pretend headaches (test data)?",
        qtype: null,
        focus: null,
        passageId: "pmid:99000101#1",
        sourceId: "pmid:99000101",
      },
    ]);
  });

  it("keeps the long answer, the evaluation target, out of the passages", async () => {
    const items = await collect(readPubmedqa(`${dir}pqal.json`));
    for (const item of items) {
      if (item.kind !== "unit") continue;
      const longAnswer = item.unit.source.meta.longAnswer as string;
      expect(longAnswer).toBeTruthy();
      for (const p of item.unit.passages) expect(p.text).not.toContain(longAnswer);
    }
  });

  it("defaults to observational with a null year, and rejects an inconsistent item", async () => {
    const [, second, third] = await collect(readPubmedqa(`${dir}pqal.json`));
    expect(second.kind === "unit" && second.unit.source).toMatchObject({ kind: "observational", year: null });
    expect(third.kind === "rejected" && third.error.message).toMatch(/item 99000103: LABELS must be a list/);
  });

  it("rejects a truncated file with the position where parsing stopped", async () => {
    const [item] = await collect(readPubmedqa(`${dir}truncated-json.txt`));
    expect(item.kind).toBe("rejected");
    expect(item.kind === "rejected" && item.error.message).toMatch(/truncated-json\.txt(:\d+:\d+)?: /);
  });
});

describe.skipIf(!existsSync(real))("readPubmedqa on shared/data", () => {
  it("imports all 1,000 PQA-L items", async () => {
    const items = await collect(readPubmedqa(real));
    expect(items.filter((i) => i.kind === "unit")).toHaveLength(1000);
  });
});
