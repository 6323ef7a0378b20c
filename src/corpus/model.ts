/**
 * The domain model of the evidence corpus: sources (a guideline, an abstract, a patient leaflet),
 * the passages they are cut into, lexicon entries and question-bank entries. Every other layer
 * speaks in these types.
 */

export const EVIDENCE_KINDS = [
  "guideline",
  "systematic_review",
  "trial",
  "observational",
  "case_report",
  "review",
  "patient_info",
  "editorial",
  "protocol",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export function isEvidenceKind(value: string): value is EvidenceKind {
  return (EVIDENCE_KINDS as readonly string[]).includes(value);
}

/** Higher is more authoritative; used by reranking and evidence ordering. */
export const AUTHORITY: Record<EvidenceKind, number> = {
  guideline: 1.0,
  editorial: 0.9, // Osler's own summaries rest on guidelines and cite them
  systematic_review: 0.85,
  protocol: 0.8,
  trial: 0.75,
  review: 0.6,
  observational: 0.55,
  patient_info: 0.5,
  case_report: 0.35,
};

/** Label shown in reference lists. */
export const KIND_LABEL: Record<EvidenceKind, string> = {
  guideline: "Guideline",
  systematic_review: "Systematic review",
  trial: "Trial",
  observational: "Research",
  case_report: "Research",
  review: "Research",
  patient_info: "Patient information",
  editorial: "Editorial summary",
  protocol: "Protocol",
};

export interface Source {
  /** Stable id, e.g. `medquad:GARD_0004375`, `pmid:12345678`, `lib:critical-care/septic-shock`. */
  id: string;
  kind: EvidenceKind;
  title: string;
  /** Publisher (for guidelines, leaflets) or journal (for papers). */
  publisher: string | null;
  authors: string[];
  year: number | null;
  url: string | null;
  pmid: string | null;
  doi: string | null;
  license: string | null;
  language: string;
  /** Which importer and collection this came from, e.g. `medquad`, `pubmed`, `library`. */
  collection: string;
  /** Clinical specialty where known (library documents), for filtering. */
  specialty: string | null;
  /** Free-form extras: MeSH terms, focus, CUIs, review status, recommendation numbers… */
  meta: Record<string, unknown>;
  /** sha256 of the canonical content; unchanged hash means re-import is a no-op. */
  contentHash: string;
  importedAt: string;
  version: number;
}

export interface Passage {
  /** Stable id, e.g. `medquad:GARD_0004375_Sec1`, `pmid:12345678#2`. */
  id: string;
  sourceId: string;
  /** Heading path from the document root, e.g. ["Septic shock", "Vasopressors"]. */
  sectionPath: string[];
  ordinal: number;
  text: string;
  /** Character offsets of `text` within the source's full text. */
  start: number;
  end: number;
  /** Optional per-passage extras (e.g. the MedQuAD question the passage answers, its qtype). */
  meta: Record<string, unknown>;
}

export interface LexiconEntry {
  /** Preferred term, e.g. "low molecular weight heparin". */
  term: string;
  synonyms: string[];
  abbreviations: string[];
  /** e.g. UMLS CUI. */
  conceptId: string | null;
  /** Plain-language equivalent for patients, e.g. "blood thinner injection". */
  layTerm: string | null;
  /** Where the entry came from: `osler` (curated), `medquad`, … */
  origin: string;
}

/** A question with a known answering passage, e.g. a MedQuAD question. */
export interface QuestionBankEntry {
  id: string;
  question: string;
  /** MedQuAD question type (treatment, symptoms, causes, …) where known. */
  qtype: string | null;
  focus: string | null;
  passageId: string | null;
  sourceId: string | null;
}

/** What an importer yields: one source, committed whole or not at all. */
export interface ImportUnit {
  source: Omit<Source, "importedAt" | "version">;
  passages: Passage[];
  questions?: QuestionBankEntry[];
  lexicon?: LexiconEntry[];
}
