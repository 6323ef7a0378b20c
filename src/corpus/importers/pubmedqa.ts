/**
 * PubMedQA PQA-L importer (`ori_pqal.json`, 1,000 expert-labelled items keyed by PMID). Each item
 * is an abstract without its conclusion, cut into labelled contexts, plus a research question.
 * Sources share the `pmid:` id space with the PubMed importer so one article is stored once.
 * LONG_ANSWER (the abstract's conclusion) is the evaluation target: it is kept in meta only,
 * never in passages, so retrieval cannot find the answer key. The file is ~3 MB: parsed whole.
 */
import { readFile } from "node:fs/promises";
import { malformedFile } from "../../core/errors.js";
import type { EvidenceKind } from "../model.js";
import { errorMessage, makeUnit, sourceDefaults, tidy } from "./common.js";
import { yearFrom } from "./pubmed.js";
import type { ImportItem, ProgressListener } from "./types.js";

interface PqaItem {
  QUESTION: string;
  CONTEXTS: string[];
  LABELS: string[];
  MESHES?: string[];
  YEAR?: string | number | null;
  final_decision?: string;
  LONG_ANSWER?: string;
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === "string");

function validate(value: unknown): string | null {
  if (!value || typeof value !== "object") return "item is not an object";
  const item = value as Record<string, unknown>;
  if (typeof item.QUESTION !== "string" || !item.QUESTION.trim()) return "QUESTION is missing";
  if (!isStringArray(item.CONTEXTS) || item.CONTEXTS.length === 0) return "CONTEXTS must be a non-empty list";
  if (!isStringArray(item.LABELS) || item.LABELS.length !== item.CONTEXTS.length) {
    return "LABELS must be a list as long as CONTEXTS";
  }
  if (item.MESHES !== undefined && item.MESHES !== null && !isStringArray(item.MESHES)) return "bad MESHES";
  return null;
}

/**
 * The study design is not given; only say more than `observational` when the methods text names
 * it outright. Checked in evidence order, so a meta-analysis "of randomised trials" stays a review.
 */
const DESIGNS: [RegExp, EvidenceKind][] = [
  [/\b(systematic review|meta-analys[ie]s)\b/i, "systematic_review"],
  [/\brandomi[sz]ed,? (double-blind,? |placebo-controlled,? |controlled,? )*(clinical )?trial\b/i, "trial"],
  [/\bcase report\b/i, "case_report"],
];

export function designOf(item: Pick<PqaItem, "CONTEXTS" | "LABELS">): EvidenceKind {
  const methods = item.CONTEXTS.filter((_, i) => /METHOD|DESIGN|SETTING/i.test(item.LABELS[i] ?? "")).join(
    " ",
  );
  for (const [pattern, kind] of DESIGNS) if (pattern.test(methods)) return kind;
  return "observational";
}

export function pubmedqaItem(file: string, pmid: string, value: unknown): ImportItem {
  const problem = /^\d+$/.test(pmid) ? validate(value) : `key ${JSON.stringify(pmid)} is not a PMID`;
  if (problem) return { kind: "rejected", file, error: malformedFile(file, `item ${pmid}: ${problem}`) };
  const item = value as PqaItem;
  const sourceId = `pmid:${pmid}`;
  const question = tidy(item.QUESTION);
  const drafts = item.CONTEXTS.map((text, i) => ({
    id: `${sourceId}#${i + 1}`,
    sectionPath: [tidy(item.LABELS[i]) || "Abstract"],
    text: tidy(text),
  })).filter((d) => d.text !== "");
  const kind = designOf(item);
  const unit = makeUnit(
    {
      ...sourceDefaults(),
      id: sourceId,
      kind,
      // PubMedQA titles are questions (derived from the article title); there is no other title.
      title: question,
      year: yearFrom(item.YEAR === null || item.YEAR === undefined ? null : String(item.YEAR)),
      url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      pmid,
      license: "MIT (PubMedQA)",
      collection: "pubmedqa",
      meta: {
        mesh: item.MESHES ?? [],
        pubmedqaQuestion: question,
        finalDecision: item.final_decision ?? null,
        labels: item.LABELS,
        longAnswer: item.LONG_ANSWER ?? null,
        designInferred: kind !== "observational",
      },
    },
    drafts,
    {
      questions: [
        {
          id: `pubmedqa:${pmid}`,
          question,
          qtype: null,
          focus: null,
          passageId: drafts[0]?.id ?? null,
          sourceId,
        },
      ],
    },
  );
  return { kind: "unit", unit };
}

/** Line and column of a JSON.parse failure, when V8 reports a character position. */
function jsonPosition(text: string, message: string): { line?: number; column?: number } {
  const at = /position (\d+)/.exec(message);
  if (!at) return {};
  const before = text.slice(0, Number(at[1]));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

export async function* readPubmedqa(
  jsonPath: string,
  onProgress?: ProgressListener,
): AsyncGenerator<ImportItem> {
  const text = await readFile(jsonPath, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = errorMessage(error);
    yield {
      kind: "rejected",
      file: jsonPath,
      error: malformedFile(jsonPath, message, jsonPosition(text, message)),
    };
    return;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    yield {
      kind: "rejected",
      file: jsonPath,
      error: malformedFile(jsonPath, "expected an object keyed by PMID"),
    };
    return;
  }
  const entries = Object.entries(data);
  let done = 0;
  for (const [pmid, value] of entries) {
    yield pubmedqaItem(jsonPath, pmid, value);
    onProgress?.({ done: ++done, total: entries.length, unit: "records" });
  }
}
