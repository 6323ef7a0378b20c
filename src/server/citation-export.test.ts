import { describe, expect, it } from "vitest";
import type { Answer, Reference } from "../answer/types.js";
import { toBibtex, toCslJson, toRis } from "./citation-export.js";

const ref = (n: number, extra: Partial<Reference>): Reference => ({
  n,
  sourceId: `s${n}`,
  passageId: `s${n}#1`,
  type: "guideline",
  typeLabel: "Guideline",
  title: "Title",
  publisher: null,
  year: null,
  url: null,
  ...extra,
});

const answer = {
  id: "ans_1",
  references: [
    ref(1, {
      title: "Surviving Sepsis Campaign 2021",
      publisher: "SCCM & ESICM",
      year: 2021,
      doi: "10.1097/CCM_5337",
    }),
    ref(2, {
      type: "trial",
      typeLabel: "Trial",
      title: "A {braced} trial: 50% fewer",
      publisher: "N Engl J Med",
      year: 2008,
      pmid: "18305265",
    }),
  ],
} as unknown as Answer;

describe("citation export", () => {
  it("writes RIS records with type, title, publisher or journal and year", () => {
    const ris = toRis(answer);
    expect(ris).toContain(
      "TY  - GOVDOC\r\nTI  - Surviving Sepsis Campaign 2021\r\nPB  - SCCM & ESICM\r\nPY  - 2021\r\nDO  - 10.1097/CCM_5337",
    );
    expect(ris).toContain("TY  - JOUR\r\nTI  - A {braced} trial: 50% fewer\r\nJO  - N Engl J Med");
    expect(ris.match(/ER {2}- /g)).toHaveLength(2);
  });

  it("escapes BibTeX specials and keeps braces balanced", () => {
    const bib = toBibtex(answer);
    expect(bib).toContain("publisher = {SCCM \\& ESICM}");
    expect(bib).toContain("title = {{A braced trial: 50\\% fewer}}");
    expect(bib).toContain("doi = {10.1097/CCM\\_5337}");
    expect(bib.split("{").length).toBe(bib.split("}").length);
  });

  it("maps to CSL-JSON types, containers and dates", () => {
    const [guideline, trial] = toCslJson(answer);
    expect(guideline).toMatchObject({
      type: "report",
      publisher: "SCCM & ESICM",
      issued: { "date-parts": [[2021]] },
      DOI: "10.1097/CCM_5337",
    });
    expect(trial).toMatchObject({
      type: "article-journal",
      "container-title": "N Engl J Med",
      PMID: "18305265",
    });
  });
});
