import { describe, expect, it } from "vitest";
import type { Passage, Source } from "../corpus/model.js";
import type { SearchHit } from "../search/types.js";
import { analyseQuestion } from "./question.js";
import { complementarySource, uncoveredFocus } from "./sources.js";

function source(id: string, title: string, keywords: string[] = []): Source {
  return {
    id,
    kind: "editorial",
    title,
    publisher: null,
    authors: [],
    year: 2026,
    url: null,
    pmid: null,
    doi: null,
    license: null,
    language: "en",
    collection: "library",
    specialty: null,
    meta: { keywords },
    contentHash: id,
    importedAt: "2026-01-01",
    version: 1,
  };
}

function passage(sourceId: string, text: string, n = 0): Passage {
  return {
    id: `${sourceId}#${n}`,
    sourceId,
    sectionPath: [],
    ordinal: n,
    text,
    start: 0,
    end: text.length,
    meta: {},
  };
}

const hit = (s: Source, text: string, score: number, n = 0): SearchHit => ({
  source: s,
  passage: passage(s.id, text, n),
  score,
});

describe("multi-focus document choice", () => {
  const q = analyseQuestion(
    "Septic shock on norepinephrine, now thrombocytopenia on heparin: what anticoagulant?",
  );
  const sepsis = source("lib:sepsis", "Vasopressors in septic shock", ["norepinephrine"]);
  const hit1 = source("lib:hit", "Heparin-induced thrombocytopenia", ["argatroban", "heparin"]);
  const other = source("lib:itp", "Immune thrombocytopenia");

  it("lists the focus concepts the lead document never mentions", () => {
    const missing = uncoveredFocus(q, sepsis, [
      passage(sepsis.id, "Norepinephrine is first line in septic shock."),
    ]);
    expect(missing).toContain("heparin");
    expect(missing).not.toContain("septic shock");
  });

  it("lets the missing concepts choose the document that names most of them", () => {
    const missing = uncoveredFocus(q, sepsis, []);
    const chosen = complementarySource(
      q,
      missing,
      [
        hit(other, "Thrombocytopenia: check the platelet count.", 1),
        hit(hit1, "Stop all heparin and start a non-heparin anticoagulant such as argatroban.", 0.8, 1),
      ],
      new Set([sepsis.id]),
    );
    expect(chosen?.source.id).toBe("lib:hit");
  });

  it("chooses nothing when no retrieved document names a missing concept", () => {
    expect(complementarySource(q, ["heparin"], [hit(other, "Immune platelets.", 1)], new Set())).toBeNull();
  });
});

describe("document choice and patient groups", () => {
  it("prefers the document about the patient group the question names", async () => {
    const { rankSources } = await import("./sources.js");
    const { analyseQuestion } = await import("./question.js");
    const make = (id: string, title: string) => ({
      source: source(id, title),
      passage: {
        id: `${id}#p`,
        sourceId: id,
        sectionPath: [title],
        ordinal: 1,
        text: "Labetalol 20 mg IV for severe hypertension.",
        start: 0,
        end: 10,
        meta: {},
      },
      score: 1,
    });
    const ranked = rankSources(analyseQuestion("How should severe hypertension be treated in pregnancy?"), [
      make("lib:a", "Hypertensive emergency: IV drugs"),
      make("lib:b", "Hypertensive disorders of pregnancy and preeclampsia"),
    ]);
    expect(ranked[0]?.source.id).toBe("lib:b");
  });
});

describe("keyword fit", () => {
  it("weights the question's words by how few candidate documents name them", async () => {
    const { keywordFit } = await import("./sources.js");
    const { stemSet } = await import("./text.js");
    const fit = keywordFit("Ascitic fluid PMN count in a cirrhotic: besides antibiotics, what else?", [
      stemSet("Variceal bleeding antibiotics"),
      stemSet("Ascites and spontaneous bacterial peritonitis ascitic fluid PMN count"),
      stemSet("Sepsis antibiotics"),
    ]);
    expect(fit[1]).toBe(1);
    expect(fit[0]).toBeLessThan(0.5);
    expect(fit[0]).toBe(fit[2]);
  });

  it("leads with the document whose keywords name the findings the question describes", async () => {
    const { rankSources } = await import("./sources.js");
    const q = analyseQuestion(
      "Salicylate level is 95 mg/dL and the patient is confused. Dialysis or bicarbonate?",
    );
    const ranked = rankSources(q, [
      hit(
        source("lib:acid", "Metabolic acidosis and sodium bicarbonate", ["bicarbonate"]),
        "Sodium bicarbonate 1 mEq/kg.",
        1,
      ),
      hit(source("lib:sal", "Poisoning", ["salicylate", "haemodialysis", "dialysis"]), "Consider ECTR.", 0.9),
    ]);
    expect(ranked[0]?.source.id).toBe("lib:sal");
  });
});
