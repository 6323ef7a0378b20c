import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkDocument, checkLibrary, readRegistryIds } from "../src/library/library-checks.js";

const LIBRARY = fileURLToPath(new URL("../library", import.meta.url));
const result = checkLibrary(LIBRARY);

describe("the starter library", () => {
  it("has at least 100 documents across at least 12 specialties", () => {
    expect(result.docs.length).toBeGreaterThanOrEqual(100);
    expect(new Set(result.docs.map((d) => d.front.specialty)).size).toBeGreaterThanOrEqual(12);
  });

  it("passes every editorial check (parse, unique ids, cited bullets, used sources, units, sections, registry)", () => {
    expect(result.problems).toEqual([]);
  });

  it("marks every document as pending review", () => {
    expect(result.docs.filter((d) => d.front.review.status !== "submitted").map((d) => d.file)).toEqual([]);
  });

  it("keeps the registry consistent: every supersededBy names a listed edition", () => {
    const registry = readRegistryIds(`${LIBRARY}/registry`);
    const dangling = [...registry]
      .filter(([, e]) => e.supersededBy && !registry.has(e.supersededBy))
      .map(([id]) => id);
    expect(dangling).toEqual([]);
  });
});

describe("library checks", () => {
  const doc = (
    body: string,
    sources = "  - { id: a-2021, kind: guideline, organisation: X, title: T, year: 2021 }",
  ) =>
    `---\nid: s/x\ntitle: "T"\nspecialty: s\nkind: editorial\nsources:\n${sources}\nreview: { status: submitted, updated: 2026-11-25 }\n---\n\n# T\n\n${body}\n`;

  it("flags a bullet without a reference", () => {
    expect(checkDocument("/l/s/x.md", doc("## Recommendations\n- Do X.")).problems.join()).toMatch(
      /without a reference/,
    );
  });

  it("flags a dose without a unit", () => {
    expect(
      checkDocument(
        "/l/s/x.md",
        doc("## Dosing and administration\n- Give drug X 40 IV daily. [a-2021]"),
      ).problems.join(),
    ).toMatch(/without a unit/);
  });

  it("flags an empty section and a declared source that is never used", () => {
    const problems = checkDocument(
      "/l/s/x.md",
      doc(
        "## Recommendations\n\n## Monitoring\n- Check K. [a-2021]",
        "  - { id: a-2021, kind: guideline, organisation: X, title: T, year: 2021 }\n  - { id: b-2020, kind: trial, journal: J, title: U, year: 2020 }",
      ),
    ).problems.join("\n");
    expect(problems).toMatch(/"Recommendations" is empty/);
    expect(problems).toMatch(/b-2020 is never cited/);
  });

  it("accepts a well-formed document", () => {
    expect(
      checkDocument("/l/s/x.md", doc("## Recommendations\n- Give 1 mg/kg IV. [a-2021 §3]")).problems,
    ).toEqual([]);
  });
});
