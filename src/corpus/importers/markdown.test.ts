import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ImportUnit } from "../model.js";
import { fullText } from "./common.js";
import { readLibrary, readRegistry } from "./markdown.js";
import type { ImportItem } from "./types.js";

const lib = fileURLToPath(new URL("../../../test/fixtures/import/library/", import.meta.url));
const repoLibrary = fileURLToPath(new URL("../../../library/", import.meta.url));

async function collect(items: AsyncIterable<ImportItem>) {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const unitsOf = (items: ImportItem[]) =>
  new Map(
    items.flatMap((i) => (i.kind === "unit" ? [[i.unit.source.id, i.unit] as [string, ImportUnit]] : [])),
  );

describe("readLibrary", () => {
  it("yields reference-only units for declared sources, merged across documents", async () => {
    const units = unitsOf(await collect(readLibrary(lib)));
    const guideline = units.get("ref:isg-shock-2024");
    expect(guideline?.passages).toEqual([]);
    expect(guideline?.source).toMatchObject({
      kind: "guideline",
      publisher: "Imaginary Shock Group",
      year: 2024,
      doi: "10.0000/isg.2024.1",
      collection: "library-refs",
      meta: {
        recommendations: ["3", "7", "12"],
        citedBy: ["lib:critical-care/imaginary-shock", "lib:thrombosis/pretend-clots"],
        registry: { supersedes: "isg-shock-2019", supersededBy: null },
      },
    });
    expect(units.get("ref:zorb-trial-2023")?.source).toMatchObject({
      kind: "trial",
      publisher: "J Imag Med",
    });
  });

  it("yields the editorial unit with one passage per section and references stripped into meta.refs", async () => {
    const doc = unitsOf(await collect(readLibrary(lib))).get("lib:critical-care/imaginary-shock");
    expect(doc?.source).toMatchObject({
      kind: "editorial",
      publisher: "Osler editorial team",
      year: 2026,
      specialty: "critical-care",
      collection: "library",
      meta: {
        review: { status: "submitted", updated: "2026-11-25" },
        created: "2026-11-20",
        sources: ["ref:isg-shock-2024", "ref:zorb-trial-2023"],
      },
    });
    expect(doc?.passages.map((p) => p.sectionPath.slice(1).join(" > "))).toEqual([
      "",
      "Recommendations",
      "Dosing and administration",
      "Dosing and administration > Special populations",
      "Key evidence",
    ]);
    const recs = doc?.passages[1];
    expect(recs?.id).toBe("lib:critical-care/imaginary-shock#recommendations");
    expect(recs?.text).toBe(
      "Give zorbitrazine first in imaginary shock (strong recommendation, invented evidence).\n" +
        "Check the <imaginary> pressure often.",
    );
    const refs = recs?.meta.refs as { start: number; end: number; sources: unknown[] }[];
    expect(refs.map((r) => recs?.text.slice(r.start, r.end))).toEqual([
      "Give zorbitrazine first in imaginary shock (strong recommendation, invented evidence).",
      "Check the <imaginary> pressure often.",
    ]);
    expect(refs[1].sources).toEqual([
      { id: "ref:isg-shock-2024", rec: "12" },
      { id: "ref:zorb-trial-2023", rec: null },
    ]);
    const full = fullText(doc?.passages ?? []);
    for (const p of doc?.passages ?? []) expect(full.slice(p.start, p.end)).toBe(p.text);
  });

  it("cites sentence by sentence in paragraphs", async () => {
    const doc = unitsOf(await collect(readLibrary(lib))).get("lib:critical-care/imaginary-shock");
    const special = doc?.passages[3];
    const refs = special?.meta.refs as { start: number; end: number }[];
    expect(refs.map((r) => special?.text.slice(r.start, r.end))).toEqual([
      "Halve the dose in imaginary kidney failure.",
      "Avoid in pretend pregnancy.",
    ]);
  });

  it("rejects an undeclared inline reference and missing front matter, with file and line", async () => {
    const rejected = (await collect(readLibrary(lib))).flatMap((i) => (i.kind === "rejected" ? [i] : []));
    expect(rejected.map((r) => r.error.message)).toEqual([
      expect.stringMatching(/broken\/missing-review\.md:\d+: front matter review: /),
      expect.stringMatching(
        /broken\/unknown-ref\.md:20: inline reference \[nowhere-2020\] is not a declared/,
      ),
    ]);
  });

  it("gives the same hashes on a second read", async () => {
    const a = unitsOf(await collect(readLibrary(lib)));
    const b = unitsOf(await collect(readLibrary(lib)));
    for (const [id, unit] of a) expect(b.get(id)?.source.contentHash).toBe(unit.source.contentHash);
  });

  describe("with documents that disagree", () => {
    let dir = "";
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("rejects a later document whose declaration of a shared source contradicts the first", async () => {
      dir = await mkdtemp(join(tmpdir(), "osler-lib-"));
      await mkdir(join(dir, "critical-care"));
      await mkdir(join(dir, "zzz"));
      const original = await readFile(join(lib, "thrombosis/pretend-clots.md"), "utf8");
      await writeFile(
        join(dir, "critical-care/pretend-clots.md"),
        original.replace("thrombosis/", "critical-care/"),
      );
      await writeFile(
        join(dir, "zzz/pretend-clots.md"),
        original.replace("thrombosis/", "zzz/").replace("year: 2024", "year: 2023"),
      );
      const items = await collect(readLibrary(dir));
      const rejected = items.find((i) => i.kind === "rejected");
      expect(rejected?.kind === "rejected" && rejected.error.message).toMatch(
        /zzz\/pretend-clots\.md:6: source isg-shock-2024 contradicts its declaration in .*: year 2023 vs 2024/,
      );
      expect(unitsOf(items).has("lib:critical-care/pretend-clots")).toBe(true);
    });

    it("rejects a document whose front matter id is not its path", async () => {
      dir ||= await mkdtemp(join(tmpdir(), "osler-lib-"));
      await mkdir(join(dir, "misplaced"), { recursive: true });
      const original = await readFile(join(lib, "thrombosis/pretend-clots.md"), "utf8");
      await writeFile(join(dir, "misplaced/other.md"), original);
      const items = await collect(readLibrary(join(dir)));
      const messages = items.flatMap((i) => (i.kind === "rejected" ? [i.error.message] : []));
      expect(messages).toContainEqual(
        expect.stringMatching(/misplaced\/other\.md:2: front matter id .* does not match/),
      );
    });
  });
});

describe("readRegistry", () => {
  it("returns the validated guideline editions", async () => {
    expect(await readRegistry(join(lib, "registry"))).toEqual([
      expect.objectContaining({
        id: "isg-shock-2024",
        year: 2024,
        supersedes: "isg-shock-2019",
        supersededBy: null,
      }),
      expect.objectContaining({ id: "isg-shock-2019", supersededBy: "isg-shock-2024" }),
    ]);
  });

  it("is empty when the directory does not exist", async () => {
    expect(await readRegistry(join(lib, "no-such-dir"))).toEqual([]);
  });
});

describe("readLibrary on the repository library", () => {
  it("reads every document the editorial team has written so far without rejections", async () => {
    const items = await collect(readLibrary(repoLibrary));
    const rejected = items.flatMap((i) => (i.kind === "rejected" ? [i.error.message] : []));
    expect(rejected).toEqual([]);
  });
});
