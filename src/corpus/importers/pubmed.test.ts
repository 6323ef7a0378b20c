import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindFromPublicationTypes, readPubmedXml, yearFrom } from "./pubmed.js";
import type { ImportItem, ImportProgress } from "./types.js";

const dir = fileURLToPath(new URL("../../../test/fixtures/import/pubmed/", import.meta.url));

async function collect(items: AsyncIterable<ImportItem>) {
  const out: ImportItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const unitsOf = (items: ImportItem[]) => items.flatMap((i) => (i.kind === "unit" ? [i.unit] : []));

describe("readPubmedXml", () => {
  it("yields one source per article with journal, authors, year, DOI, MeSH and kind", async () => {
    const [trial, review, guideline] = unitsOf(await collect(readPubmedXml(`${dir}articles.xml`)));
    expect(trial.source).toMatchObject({
      id: "pmid:99000001",
      kind: "trial",
      title: "TEST DATA: Zorbitrazine versus placebo in imaginary fever: a fictitious randomised trial.",
      publisher: "Journal of Imaginary Medicine",
      authors: ["Testwood AM", "Fixture B"],
      year: 2023,
      doi: "10.0000/jim.2023.0001",
      pmid: "99000001",
      url: "https://pubmed.ncbi.nlm.nih.gov/99000001/",
      collection: "pubmed",
      meta: { mesh: ["Fever", "Antipyretics"], journalAbbrev: "J Imag Med" },
    });
    expect(review.source).toMatchObject({
      kind: "systematic_review",
      year: 2019, // from MedlineDate "2019 Nov-Dec"
      publisher: "Fict Rev Syst", // no Journal/Title: ISOAbbreviation
      authors: ["Osler Fixture Collaborative Group"],
      doi: "10.0000/frs.2019.42", // from ELocationID
    });
    expect(guideline.source).toMatchObject({ kind: "guideline", year: 2024 }); // ArticleDate
  });

  it("makes one passage per AbstractText, decoding entities and CDATA and flattening markup", async () => {
    const [trial, review, guideline] = unitsOf(await collect(readPubmedXml(`${dir}articles.xml`)));
    expect(trial.passages.map((p) => [p.id, p.sectionPath[0]])).toEqual([
      ["pmid:99000001#1", "BACKGROUND"],
      ["pmid:99000001#2", "METHODS"],
      ["pmid:99000001#3", "RESULTS"],
      ["pmid:99000001#4", "CONCLUSIONS"],
    ]);
    expect(trial.passages[0].text).toContain("importer & contains entities such as <5% and β-blockers.");
    expect(trial.passages[1].text).toBe(
      "We randomly assigned 200 fictitious adults to zorbitrazine 10 mg/m2 or placebo. CDATA text <kept> as-is.",
    );
    expect(review.passages[0].sectionPath).toEqual(["Abstract"]);
    expect(guideline.passages[1].sectionPath).toEqual(["Abstract"]); // NlmCategory UNASSIGNED
  });

  it("skips an article without an abstract and ignores DeleteCitation", async () => {
    const items = await collect(readPubmedXml(`${dir}articles.xml`));
    expect(items.map((i) => i.kind)).toEqual(["unit", "unit", "unit", "skipped"]);
    expect(items[3]).toMatchObject({ kind: "skipped", reason: "pmid:99000004 has no abstract" });
  });

  it("reads a gzipped file exactly like the plain one and reports byte progress", async () => {
    const progress: ImportProgress[] = [];
    const gz = await collect(readPubmedXml(`${dir}articles.xml.gz`, (p) => progress.push(p)));
    const plain = await collect(readPubmedXml(`${dir}articles.xml`));
    expect(unitsOf(gz).map((u) => u.source.contentHash)).toEqual(
      unitsOf(plain).map((u) => u.source.contentHash),
    );
    expect(progress.at(-1)?.unit).toBe("bytes");
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
  });

  it("keeps the articles before a syntax error and rejects the rest with file, line and column", async () => {
    const items = await collect(readPubmedXml(`${dir}malformed.xml`));
    expect(items.map((i) => i.kind)).toEqual(["unit", "rejected"]);
    const rejected = items[1];
    if (rejected.kind !== "rejected") throw new Error("expected a rejection");
    expect(rejected.error.code).toBe("malformed_file");
    expect(rejected.error.message).toMatch(/malformed\.xml:29:11: unexpected close tag/);
    expect(rejected.error.details).toMatchObject({ line: 29, column: 11 });
  });
});

describe("publication type precedence", () => {
  it("prefers guideline > systematic_review > trial > case_report > review > observational", () => {
    expect(kindFromPublicationTypes(["Review", "Practice Guideline"])).toBe("guideline");
    expect(kindFromPublicationTypes(["Randomized Controlled Trial", "Meta-Analysis"])).toBe(
      "systematic_review",
    );
    expect(kindFromPublicationTypes(["Clinical Trial, Phase III", "Review"])).toBe("trial");
    expect(kindFromPublicationTypes(["Case Reports", "Review"])).toBe("case_report");
    expect(kindFromPublicationTypes(["Journal Article", "Review"])).toBe("review");
    expect(kindFromPublicationTypes(["Journal Article", "Comparative Study"])).toBe("observational");
    expect(kindFromPublicationTypes(["Journal Article"])).toBe("observational");
  });

  it("files opinion pieces as reviews, not as Osler editorials", () => {
    expect(kindFromPublicationTypes(["Letter", "Comment"])).toBe("review");
    expect(kindFromPublicationTypes(["Editorial"])).toBe("review");
  });
});

describe("yearFrom", () => {
  it("takes the first year of PubMed date strings", () => {
    expect(yearFrom("1998 Dec-1999 Jan")).toBe(1998);
    expect(yearFrom("Winter 2001-2002")).toBe(2001);
    expect(yearFrom("2019 Nov-Dec")).toBe(2019);
    expect(yearFrom("Spring")).toBeNull();
    expect(yearFrom("12345")).toBeNull();
  });

  it("finds a year between any non-digit text, and never throws", () => {
    const noDigits = fc.string().map((s) => s.replace(/\d/g, ""));
    fc.assert(
      fc.property(noDigits, fc.integer({ min: 1500, max: 2100 }), noDigits, (before, year, after) => {
        expect(yearFrom(`${before}${year}${after}`)).toBe(year);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const y = yearFrom(s);
        expect(y === null || (Number.isInteger(y) && y >= 1500 && y <= 2100)).toBe(true);
      }),
    );
  });
});
