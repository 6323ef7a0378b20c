import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isOslerError } from "../../core/errors.js";
import { buildGolden } from "./golden-corpus.js";
import { INDEX_FORMAT_VERSION, loadIndex, readIndexHeader, saveIndex } from "./persist.js";

const dir = mkdtempSync(join(tmpdir(), "osler-index-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ix = buildGolden();
const queries = [
  ["heparin", "thrombocytopenia"],
  ["metformin", "<30", "egfr"],
  ["sepsi", "antibiot"],
].map((q) => q.map((term) => ({ term, weight: 1 })));

describe("index persistence", () => {
  it("round-trips: a loaded index answers exactly like the one that was saved", () => {
    const path = join(dir, "a.idx");
    saveIndex(ix, path, "corpus-v1");
    const loaded = loadIndex(path);
    expect(loaded.corpusVersion).toBe("corpus-v1");
    expect(loaded.index.docCount).toBe(ix.docCount);
    expect(loaded.index.termCount).toBe(ix.termCount);
    expect(loaded.index.params).toEqual(ix.params);
    for (const q of queries) expect(loaded.index.search(q, 5)).toEqual(ix.search(q, 5));
    for (const q of queries)
      expect(loaded.index.search(q, 5, { kinds: [1] })).toEqual(ix.search(q, 5, { kinds: [1] }));
    expect(loaded.index.attrs(3)).toEqual(ix.attrs(3));
    expect(loaded.index.docFreq("metformin")).toBe(ix.docFreq("metformin"));
  });

  it("writes through a temp file and leaves nothing else behind", () => {
    const sub = mkdtempSync(join(dir, "atomic-"));
    saveIndex(ix, join(sub, "b.idx"), "v");
    saveIndex(ix, join(sub, "b.idx"), "v2"); // overwriting an existing index is atomic too
    expect(readdirSync(sub)).toEqual(["b.idx"]);
    expect(readIndexHeader(join(sub, "b.idx")).corpusVersion).toBe("v2");
  });

  it("reads the header alone, to detect a stale index before loading it", () => {
    const path = join(dir, "c.idx");
    saveIndex(ix, path, "2024-06-01#17");
    const h = readIndexHeader(path);
    expect(h).toMatchObject({
      formatVersion: INDEX_FORMAT_VERSION,
      corpusVersion: "2024-06-01#17",
      docCount: 10,
    });
  });

  it("rejects an index built for another corpus version with a conflict error", () => {
    const path = join(dir, "d.idx");
    saveIndex(ix, path, "old");
    expect(() => loadIndex(path, "new")).toThrow(/corpus version "old", not "new"/);
    try {
      loadIndex(path, "new");
    } catch (e) {
      expect(isOslerError(e) && e.code).toBe("conflict");
    }
    expect(loadIndex(path, "old").index.docCount).toBe(10);
  });

  it("loads a format-version-1 file committed with the code (a layout change must bump the version)", () => {
    // Regenerate with saveIndex(buildGolden(), …, "golden-fixture") only together with a version bump.
    const { index, header } = loadIndex(
      join(import.meta.dirname, "fixtures", "golden-format-v1.idx"),
      "golden-fixture",
    );
    expect(header.formatVersion).toBe(1);
    expect(index.docCount).toBe(10);
    expect(index.docId(3)).toBe("metformin-ckd");
    expect(index.attrs(3)).toEqual({ kind: 1, year: 2022, specialty: 3, collection: 2 });
    expect(index.search([{ term: "metformin", weight: 1 }], 10).map((h) => h.id)).toEqual(
      ix.search([{ term: "metformin", weight: 1 }], 10).map((h) => h.id),
    );
  });

  it("rejects an unknown format version with a clear error", () => {
    const path = join(dir, "e.idx");
    saveIndex(ix, path, "v");
    const bytes = readFileSync(path);
    bytes.writeUInt32LE(INDEX_FORMAT_VERSION + 41, 8);
    writeFileSync(path, bytes);
    expect(() => loadIndex(path)).toThrow(
      new RegExp(
        `unsupported index format version ${INDEX_FORMAT_VERSION + 41}; this build reads version ${INDEX_FORMAT_VERSION}`,
      ),
    );
  });

  it("rejects files that are not an index, or truncated, as malformed", () => {
    const garbage = join(dir, "f.idx");
    writeFileSync(garbage, "SQLite format 3\0 not an index");
    expect(() => loadIndex(garbage)).toThrow(/not an Osler index/);
    const full = join(dir, "g.idx");
    saveIndex(ix, full, "v");
    const bytes = readFileSync(full);
    writeFileSync(full, bytes.subarray(0, bytes.length - 64));
    try {
      loadIndex(full);
      expect.unreachable();
    } catch (e) {
      expect(isOslerError(e) && e.code).toBe("malformed_file");
    }
  });

  it("round-trips ids and terms with non-ASCII characters", async () => {
    const { IndexBuilder } = await import("./builder.js");
    const b = new IndexBuilder({ fields: { text: 1 } });
    b.add({
      id: "lib:ünïcode/été#1",
      fields: { text: "naïve café 心臓 β-blocker" },
      attrs: { kind: 0, year: 0, specialty: 0, collection: 0 },
    });
    b.add({ id: "x", fields: { text: "" }, attrs: { kind: 0, year: 0, specialty: 0, collection: 0 } });
    const path = join(dir, "h.idx");
    saveIndex(b.finish(), path, "é");
    const { index, corpusVersion } = loadIndex(path);
    expect(corpusVersion).toBe("é");
    expect(index.search([{ term: "心臓", weight: 1 }], 1)[0].id).toBe("lib:ünïcode/été#1");
    expect(index.docId(1)).toBe("x");
  });
});
