/**
 * A tiny hand-written corpus and in-memory fakes of the retriever and store for answer tests:
 * a guideline-backed library summary (with meta.refs), a trial abstract, a patient leaflet and an
 * off-topic passage. The fake retriever scores by IDF-weighted stem overlap, like a toy BM25.
 */

import type { AnswerSettings } from "../../src/answer/engine.js";
import { stemSet } from "../../src/answer/text.js";
import type { Passage, Source } from "../../src/corpus/model.js";
import type { Retriever, SearchHit } from "../../src/search/types.js";
import type { StoredAnswer } from "../../src/store/ports.js";

/** Builds a source with test defaults. */
export function source(
  id: string,
  kind: Source["kind"],
  title: string,
  publisher: string,
  year: number,
  extra: Partial<Source> = {},
): Source {
  return {
    id,
    kind,
    title,
    publisher,
    authors: [],
    year,
    url: null,
    pmid: null,
    doi: null,
    license: null,
    language: "en",
    collection: "test",
    specialty: null,
    meta: {},
    contentHash: id,
    importedAt: "2026-01-01T00:00:00Z",
    version: 1,
    ...extra,
  };
}

/** Builds a passage; `refs` maps a substring of the text to the cited `ref:` ids (offsets computed here). */
function passage(
  id: string,
  sourceId: string,
  sectionPath: string[],
  text: string,
  refs: Array<[string, string[]]> = [],
): Passage {
  const meta: Record<string, unknown> = {};
  if (refs.length > 0) {
    meta.refs = refs.map(([span, ids]) => {
      const start = text.indexOf(span);
      if (start < 0) throw new Error(`fixture span not found: ${span}`);
      return { start, end: start + span.length, sources: ids.map((rid) => ({ id: rid, rec: null })) };
    });
  }
  return { id, sourceId, sectionPath, ordinal: 0, text, start: 0, end: text.length, meta };
}

const LIB = "lib:critical-care/vte-in-septic-shock";
const REC_1 =
  "Use low molecular weight heparin (LMWH) rather than unfractionated heparin (UFH) for thromboprophylaxis in adults with sepsis or septic shock (strong recommendation, moderate-quality evidence).";
const REC_2 =
  "When a venous thromboembolism occurs despite thromboprophylaxis in septic shock, start full therapeutic anticoagulation with unfractionated heparin or therapeutic-dose LMWH.";
const REC_3 =
  "In septic shock with CrCl below 30 mL/min, unfractionated heparin is preferred over LMWH because it is not renally cleared.";
const DOSE_1 = "Give enoxaparin 40 mg subcutaneously once daily for thromboprophylaxis in septic shock.";
const DOSE_2 =
  "For therapeutic anticoagulation of venous thromboembolism, give enoxaparin 1 mg/kg subcutaneously every 12 hours, and reduce to 1 mg/kg once daily when CrCl is below 30 mL/min.";
const DOSE_3 =
  "Start unfractionated heparin as an intravenous infusion adjusted to a target aPTT of 1.5 to 2.5 times control.";
const MON_1 =
  "Monitor platelet counts every 2 to 3 days during heparin therapy to detect heparin-induced thrombocytopenia.";
const MON_2 =
  "Measure anti-Xa levels when heparin resistance is suspected in septic shock, because the aPTT is unreliable in inflammation.";

export const SOURCES: Source[] = [
  source(LIB, "editorial", "Venous thromboembolism in septic shock", "Osler editorial team", 2026),
  source(
    "ref:ssc-2021",
    "guideline",
    "Surviving Sepsis Campaign: International Guidelines for Management of Sepsis and Septic Shock 2021",
    "Society of Critical Care Medicine; European Society of Intensive Care Medicine",
    2021,
    { doi: "10.1097/CCM.0000000000005337" },
  ),
  source(
    "ref:chest-vte-2021",
    "guideline",
    "Antithrombotic Therapy for VTE Disease: Second Update of the CHEST Guideline",
    "American College of Chest Physicians",
    2021,
  ),
  source(
    "pmid:11597285",
    "trial",
    "High-dose antithrombin III in severe sepsis: a randomized controlled trial",
    "JAMA",
    2001,
    { pmid: "11597285" },
  ),
  source(
    "leaflet:clots-sepsis",
    "patient_info",
    "Blood clots when you are very ill in hospital",
    "Example Health Service",
    2023,
  ),
  source("misc:paris", "review", "A short guide to Paris", "Travel Press", 2019),
];

export const PASSAGES: Passage[] = [
  passage(
    `${LIB}#1`,
    LIB,
    ["Venous thromboembolism in septic shock", "Recommendations"],
    `- ${REC_1}\n- ${REC_2}\n- ${REC_3}`,
    [
      [REC_1, ["ref:ssc-2021"]],
      [REC_2, ["ref:chest-vte-2021"]],
      [REC_3, ["ref:chest-vte-2021"]],
    ],
  ),
  passage(
    `${LIB}#2`,
    LIB,
    ["Venous thromboembolism in septic shock", "Dosing and administration"],
    `- ${DOSE_1}\n- ${DOSE_2}\n- ${DOSE_3}`,
    [
      [DOSE_1, ["ref:ssc-2021"]],
      [DOSE_2, ["ref:chest-vte-2021"]],
      [DOSE_3, ["ref:chest-vte-2021"]],
    ],
  ),
  passage(
    `${LIB}#3`,
    LIB,
    ["Venous thromboembolism in septic shock", "Monitoring"],
    `- ${MON_1}\n- ${MON_2}`,
    [[MON_1, ["ref:chest-vte-2021"]]],
  ),
  passage(
    "pmid:11597285#1",
    "pmid:11597285",
    ["Abstract"],
    "In this randomized trial of 2314 patients with severe sepsis, high-dose antithrombin did not reduce 28-day mortality (38.9% vs 38.7%). Bleeding was more frequent when antithrombin was given together with heparin (23.8% vs 13.5%).",
  ),
  passage(
    "leaflet:clots-sepsis#1",
    "leaflet:clots-sepsis",
    ["Blood clots and sepsis"],
    "Sepsis is a serious reaction to an infection. People who are very ill in hospital with sepsis have a higher chance of getting blood clots. Doctors usually give a daily injection of heparin to stop clots forming.",
  ),
  passage(
    "misc:paris#1",
    "misc:paris",
    ["Overview"],
    "Paris is the capital of France and home to the Louvre museum. The city has many cafes and famous landmarks along the river.",
  ),
];

export function fakeRetriever(passages = PASSAGES, sources = SOURCES): Retriever & { queries: string[] } {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const docs = passages.map((p) => ({ p, stems: stemSet(`${p.sectionPath.join(" ")} ${p.text}`) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const s of d.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const queries: string[] = [];
  return {
    queries,
    async search(query, options) {
      queries.push(query);
      const q = stemSet(query);
      const hits: SearchHit[] = [];
      for (const d of docs) {
        let score = 0;
        for (const s of q) if (d.stems.has(s)) score += Math.log(1 + docs.length / (df.get(s) ?? 1));
        if (score > 0) hits.push({ passage: d.p, source: byId.get(d.p.sourceId) as Source, score });
      }
      hits.sort((a, b) => b.score - a.score || (a.passage.id < b.passage.id ? -1 : 1));
      return hits.slice(0, options?.k ?? 10);
    },
  };
}

export function fakeStore(sources = SOURCES, passages = PASSAGES) {
  const answers = new Map<string, StoredAnswer>();
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const passageById = new Map(passages.map((p) => [p.id, p]));
  return {
    answers,
    async getSource(id: string) {
      return sourceById.get(id) ?? null;
    },
    async getPassage(id: string) {
      return passageById.get(id) ?? null;
    },
    async getPassages(ids: string[]) {
      return ids.flatMap((id) => {
        const p = passageById.get(id);
        const s = p ? sourceById.get(p.sourceId) : undefined;
        return p && s ? [{ passage: p, source: s }] : [];
      });
    },
    async saveAnswer(a: StoredAnswer) {
      answers.set(a.id, structuredClone(a));
    },
    async getAnswer(id: string) {
      return answers.get(id) ?? null;
    },
    async corpusVersion() {
      return "test-corpus-1";
    },
    async allQuestions() {
      return [];
    },
  };
}

export function testSettings(
  overrides: Partial<AnswerSettings["llm"]> = {},
  composer: "extractive" | "llm" = "extractive",
): AnswerSettings {
  return {
    answer: { composer, minSupport: 0.6, reviewMode: false },
    llm: { baseUrl: "", model: "test-model", apiKey: "", timeoutMs: 2_000, maxRetries: 1, ...overrides },
  };
}

export const GLOSSARY = [
  {
    term: "thromboembolism",
    plain: "blood clot",
    explain: "a clot that forms in a vein and can travel to the lungs",
  },
  {
    term: "venous thromboembolism",
    plain: "blood clot in a vein",
    explain: "a clot in a deep vein or in the lungs",
  },
  { term: "therapeutic anticoagulation", plain: "full-dose blood thinner treatment" },
  { term: "unfractionated heparin", plain: "heparin given into a vein" },
  { term: "low molecular weight heparin", plain: "heparin injection under the skin" },
  {
    term: "septic shock",
    plain: "septic shock (very low blood pressure caused by infection)",
    explain: "sepsis with low blood pressure that needs medicines to keep it up",
  },
  { term: "subcutaneously", plain: "under the skin" },
  { term: "thromboprophylaxis", plain: "medicine to prevent clots" },
];
