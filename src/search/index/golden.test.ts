import { describe, expect, it } from "vitest";
import { analyze } from "../analyzer.js";
import { buildGolden } from "./golden-corpus.js";

const ix = buildGolden();
const ids = (q: string, k = 10) =>
  ix
    .search(
      analyze(q).map((term) => ({ term, weight: 1 })),
      k,
    )
    .map((h) => h.id);

describe("golden ranking on a hand-written clinical corpus", () => {
  it("ranks the treatment section of the matching topic above its diagnosis section", () => {
    // hit-guideline: the compound "heparin-induced", "thrombocytopenia" in the title (weight 2) and
    // "treatment" in the section (weight 1.5). hit-diagnosis has the same title but no "treatment".
    // vte-prophylaxis mentions the condition only in its text. sepsis-patient matches only the
    // common word "treatment"; covid-anticoag only "heparin".
    expect(ids("heparin-induced thrombocytopenia treatment")).toEqual([
      "hit-guideline",
      "hit-diagnosis",
      "vte-prophylaxis",
      "sepsis-patient",
      "covid-anticoag",
    ]);
  });

  it("uses the comparison token so 'eGFR <30' finds the dosing threshold", () => {
    // metformin-ckd has metformin in title and text, "egfr" and "<30". vte-prophylaxis comes next
    // on the rare tokens "<30" and "30" alone (CrCl <30), ahead of passages that only mention the
    // common word metformin once in their text. sepsis-bundle is last on the bare number "30"
    // (30 mL/kg): a number matches, a comparison needs the comparison.
    expect(ids("metformin eGFR <30")).toEqual([
      "metformin-ckd",
      "vte-prophylaxis",
      "metformin-trial",
      "b12-deficiency",
      "aki-review",
      "sepsis-bundle",
    ]);
  });

  it("matches stems, so 'antibiotics for septic shock' ignores the stop word and finds both sepsis passages", () => {
    // Only two passages say antibiotics; the bundle also has "septic shock" in its title.
    expect(ids("antibiotics for septic shock")).toEqual(["sepsis-bundle", "sepsis-patient"]);
  });

  it("keeps drug and vitamin names with digits as exact tokens", () => {
    // b12 and vitamin are in only one passage (title and text); metformin alone ranks the rest,
    // with the short trial passage above the longer CKD one by length normalisation.
    expect(ids("vitamin B12 metformin")).toEqual([
      "b12-deficiency",
      "metformin-trial",
      "metformin-ckd",
      "aki-review",
    ]);
  });

  it("scores a hyphenated query against both joined and split forms", () => {
    // covid-anticoag has covid-19 in the title plus low-molecular-weight heparin; the HIT
    // guideline and VTE passage have the LMWH phrase; the HIT diagnosis passage only "heparin".
    expect(ids("low molecular weight heparin COVID-19")).toEqual([
      "covid-anticoag",
      "hit-guideline",
      "vte-prophylaxis",
      "hit-diagnosis",
    ]);
  });

  it("truncates to k and returns scores in descending order", () => {
    const hits = ix.search([{ term: "metformin", weight: 1 }], 2);
    expect(hits).toHaveLength(2);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
  });

  it("lets a query weight boost one term over another", () => {
    const q = (w: number) => [
      { term: "sepsi", weight: 1 },
      { term: "kidnei", weight: w },
    ];
    expect(ix.search(q(0.1), 1)[0].id).not.toBe("aki-review");
    expect(ix.search(q(5), 1)[0].id).toBe("aki-review");
  });

  it("exposes the statistics rerankers need", () => {
    expect(ix.docCount).toBe(10);
    expect(ix.docFreq("metformin")).toBe(4);
    expect(ix.docFreq("unknown-term")).toBe(0);
    expect(ix.idf("b12")).toBeGreaterThan(ix.idf("metformin"));
    const doc = ix.docNumber("b12-deficiency");
    expect(ix.termImpact("b12", doc)).toBeGreaterThan(0);
    expect(ix.termImpact("b12", ix.docNumber("sepsis-patient"))).toBe(0);
    expect(ix.termImpact("b12", doc)).toBeLessThanOrEqual(ix.maxImpact("b12"));
  });
});
