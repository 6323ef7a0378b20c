import { describe, expect, it } from "vitest";
import { malformedFile } from "../core/errors.js";
import { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { sampleUnit } from "../store/store.contract.js";
import { formatSummary, runImport } from "./import-runner.js";
import type { ImportItem } from "./importers/types.js";

async function* items(list: ImportItem[]): AsyncIterable<ImportItem> {
  for (const item of list) yield item;
}

describe("runImport", () => {
  it("commits good units, keeps going past rejected ones and reports every outcome", async () => {
    const store = new SqliteStore(":memory:");
    const broken = sampleUnit("bad", ["x"]);
    (broken.passages[0] as { text: string }).text = "";
    const summary = await runImport(
      store,
      items([
        { kind: "unit", unit: sampleUnit("a", ["one", "two"]) },
        {
          kind: "rejected",
          file: "f.xml",
          error: malformedFile("f.xml", "unexpected end", { line: 3, column: 7 }),
        },
        { kind: "unit", unit: broken },
        { kind: "skipped", file: "g.xml", reason: "empty answer" },
        { kind: "unit", unit: sampleUnit("b", ["three"]) },
      ]),
    );
    expect(summary).toMatchObject({ imported: 2, updated: 0, unchanged: 0, skipped: 1, passages: 3 });
    expect(summary.rejected.map((r) => r.file)).toEqual(["f.xml", "bad"]);
    expect(summary.rejected[0]?.message).toBe("f.xml:3:7: unexpected end");
    expect(await store.getSource("bad")).toBeNull();
    expect(formatSummary("test", summary)).toMatch(
      /2 imported, 0 updated, 0 unchanged, 1 skipped, 2 rejected/,
    );
    await store.close();
  });

  it("reports a second identical import as unchanged", async () => {
    const store = new SqliteStore(":memory:");
    await runImport(store, items([{ kind: "unit", unit: sampleUnit("a", ["one"]) }]));
    const again = await runImport(store, items([{ kind: "unit", unit: sampleUnit("a", ["one"]) }]));
    expect(again).toMatchObject({ imported: 0, unchanged: 1, passages: 0 });
    await store.close();
  });
});
