/**
 * MedQuAD importer: one Source per XML file (one focus: a disease, drug, test…), one passage per
 * question/answer pair with a non-empty answer, every question into the question bank and the
 * focus with its synonyms into the lexicon.
 *
 * Ids follow the judged-answer ids of TREC LiveQA-Med (`GARD_0004375_Sec1`): PREFIX is the
 * answer-id prefix, the document id is the file stem (CancerGov `0000013_2_1.xml` files share a
 * Document id with `0000013_2.xml`), and N is the 1-based position of the pair in the file (pid
 * has gaps). Files whose answers were all removed upstream (A.D.A.M., MedlinePlus Drugs and Herbs,
 * for copyright) still yield a unit: a source with zero passages that carries its questions and
 * lexicon entry, since both are useful for question matching.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isOslerError, malformedFile } from "../../core/errors.js";
import type { LexiconEntry, QuestionBankEntry } from "../model.js";
import { errorMessage, listFiles, makeUnit, type PassageDraft, sourceDefaults, tidy } from "./common.js";
import type { ImportItem, ProgressListener } from "./types.js";
import { parseXmlDocument, textOf, type XmlNode, XmlSyntaxError } from "./xml.js";

/** `source` attribute → [answer-id prefix, publisher]. */
const SOURCES: Record<string, [string, string]> = {
  CancerGov: ["CancerGov", "National Cancer Institute"],
  GARD: ["GARD", "Genetic and Rare Diseases Information Center (NIH)"],
  GHR: ["GHR", "Genetics Home Reference (NLM)"],
  MPlusHealthTopics: ["MPlusHealthTopics", "MedlinePlus (NLM)"],
  NIDDK: ["NIDDK", "National Institute of Diabetes and Digestive and Kidney Diseases"],
  NINDS: ["NINDS", "National Institute of Neurological Disorders and Stroke"],
  NIHSeniorHealth: ["NIHSeniorHealth", "NIHSeniorHealth (NIA/NLM)"],
  NHLBI: ["NHLBI", "National Heart, Lung, and Blood Institute"],
  CDC: ["CDC", "Centers for Disease Control and Prevention"],
  ADAM: ["ADAM", "A.D.A.M. via MedlinePlus"],
  MPlusDrugs: ["MPlusDrugs", "MedlinePlus Drugs (AHFS)"],
  MPlusHerbsSupplements: ["MPlusHerbsSuppls", "MedlinePlus Herbs and Supplements"],
};

/** Answer-id prefix → publisher. */
export const PUBLISHERS: Record<string, string> = Object.fromEntries(Object.values(SOURCES));

export const MEDQUAD_LICENSE = "CC BY 4.0 (MedQuAD)";

export interface MedquadPair {
  /** 1-based position in the file: the N of `_Sec<N>`. */
  position: number;
  pid: string | null;
  qid: string | null;
  qtype: string | null;
  question: string;
  answer: string;
}

export interface MedquadDoc {
  stem: string;
  prefix: string;
  sourceAttr: string;
  publisher: string;
  url: string | null;
  focus: string | null;
  cuis: string[];
  semanticTypes: string[];
  semanticGroup: string | null;
  synonyms: string[];
  category: string | null;
  pairs: MedquadPair[];
}

/** Descendants whose lower-cased name is one of `names`: absorbs the `<doc>`/`<pair>` variants. */
function find(node: XmlNode, names: string[], out: XmlNode[] = []): XmlNode[] {
  for (const child of node.children) {
    if (typeof child === "string") continue;
    if (names.includes(child.name.toLowerCase())) out.push(child);
    find(child, names, out);
  }
  return out;
}

const texts = (node: XmlNode, name: string) =>
  find(node, [name])
    .map((n) => tidy(textOf(n)))
    .filter((t) => t !== "");

export function sourceIdOf(prefix: string, stem: string): string {
  return `medquad:${prefix}_${stem}`;
}

/** Parses one MedQuAD file (any of its three element-name variants). Throws on bad input. */
export function parseMedquadXml(file: string, xml: string): MedquadDoc {
  const root = parseXmlDocument(xml);
  const sourceAttr = root.attrs.source ?? root.attrs.corpus ?? "";
  const known = SOURCES[sourceAttr];
  if (!known) throw malformedFile(file, `unknown MedQuAD source ${JSON.stringify(sourceAttr)}`, { line: 1 });
  const pairs = find(root, ["qapair", "pair"]).map((pair, index): MedquadPair => {
    const question = find(pair, ["question"])[0];
    return {
      position: index + 1,
      pid: pair.attrs.pid ?? null,
      qid: question?.attrs.qid ?? null,
      qtype: question?.attrs.qtype || null,
      question: tidy(textOf(question)),
      answer: tidy(textOf(find(pair, ["answer"])[0])),
    };
  });
  const missing = pairs.find((p) => p.question === "");
  if (missing) throw malformedFile(file, `question ${missing.position} is empty`);
  return {
    stem: basename(file).replace(/\.xml$/i, ""),
    prefix: known[0],
    sourceAttr,
    publisher: known[1],
    url: root.attrs.url || null,
    focus: texts(root, "focus")[0] ?? texts(root, "doctitle-focus")[0] ?? null,
    cuis: texts(root, "cui"),
    semanticTypes: texts(root, "semantictype"),
    semanticGroup: texts(root, "semanticgroup")[0] ?? null,
    synonyms: texts(root, "synonym"),
    category: texts(root, "category")[0] ?? null,
    pairs,
  };
}

export function medquadPassageId(doc: MedquadDoc, position: number): string {
  return `${sourceIdOf(doc.prefix, doc.stem)}_Sec${position}`;
}

/** Short all-capitals synonyms such as "NFNS" double as abbreviations. */
const isAbbreviation = (s: string) => /^[A-Z][A-Z0-9-]{1,9}$/.test(s);

export interface MedquadUnitOptions {
  /** Extra passages keyed by position (the LiveQA answers for pairs whose public answer is empty). */
  extraAnswers?: Map<number, PassageDraft>;
  /** Overrides for the source (license, collection, evaluation-only marker). */
  license?: string;
  collection?: string;
  evaluationOnly?: boolean;
}

/** Builds the import unit of one MedQuAD file. */
export function medquadUnit(doc: MedquadDoc, options: MedquadUnitOptions = {}) {
  const sourceId = sourceIdOf(doc.prefix, doc.stem);
  const drafts: PassageDraft[] = [];
  const questions: QuestionBankEntry[] = [];
  for (const pair of doc.pairs) {
    const id = medquadPassageId(doc, pair.position);
    const extra = options.extraAnswers?.get(pair.position);
    if (pair.answer !== "") {
      drafts.push({
        id,
        sectionPath: [pair.question],
        text: pair.answer,
        meta: { question: pair.question, qtype: pair.qtype, pid: pair.pid },
      });
    } else if (extra) {
      drafts.push(extra);
    }
    questions.push({
      id: `${sourceId}_Q${pair.position}`,
      question: pair.question,
      qtype: pair.qtype,
      focus: doc.focus,
      passageId: pair.answer !== "" || extra ? id : null,
      sourceId,
    });
  }
  const lexicon: LexiconEntry[] = doc.focus
    ? [
        {
          term: doc.focus,
          synonyms: doc.synonyms,
          abbreviations: doc.synonyms.filter(isAbbreviation),
          conceptId: doc.cuis[0] ?? null,
          layTerm: null,
          origin: "medquad",
        },
      ]
    : [];
  return makeUnit(
    {
      ...sourceDefaults(),
      id: sourceId,
      kind: "patient_info",
      // Three CDC files have an empty <Focus>; their first question is the best available title.
      title: doc.focus ?? doc.pairs[0]?.question ?? `${doc.prefix} ${doc.stem}`,
      publisher: doc.publisher,
      url: doc.url,
      license: options.license ?? MEDQUAD_LICENSE,
      collection: options.collection ?? "medquad",
      meta: {
        focus: doc.focus,
        cuis: doc.cuis,
        semanticTypes: doc.semanticTypes,
        semanticGroup: doc.semanticGroup,
        synonyms: doc.synonyms,
        category: doc.category,
        medquadSource: doc.sourceAttr,
        ...(options.evaluationOnly ? { evaluationOnly: true } : {}),
      },
    },
    drafts,
    { questions, lexicon },
  );
}

/** Reads and parses one file, turning any failure into a `rejected` item. */
export async function loadMedquadFile(file: string): Promise<MedquadDoc | ImportItem> {
  try {
    return parseMedquadXml(file, await readFile(file, "utf8"));
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      return { kind: "rejected", file, error: malformedFile(file, error.reason, error.position) };
    }
    if (isOslerError(error)) return { kind: "rejected", file, error };
    return { kind: "rejected", file, error: malformedFile(file, errorMessage(error)) };
  }
}

/** Walks `dir` (the MedQuAD root, any subset of its folders, or a single folder), file by file. */
export async function* readMedquad(dir: string, onProgress?: ProgressListener): AsyncGenerator<ImportItem> {
  const files = await listFiles(dir, (path) => path.toLowerCase().endsWith(".xml"));
  let done = 0;
  for (const file of files) {
    const doc = await loadMedquadFile(file);
    if ("kind" in doc) yield doc;
    else yield { kind: "unit", unit: medquadUnit(doc) };
    onProgress?.({ done: ++done, total: files.length, unit: "files" });
  }
}
