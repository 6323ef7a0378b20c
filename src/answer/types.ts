/**
 * The answer contract (see DESIGN.md): what `osler ask --json` prints and `GET /api/answers/:id`
 * returns. Keys here are a public contract; add, never rename.
 */
export const AUDIENCES = ["clinician", "nurse", "pharmacist", "student", "patient"] as const;
export type Audience = (typeof AUDIENCES)[number];

export type ReviewStatus = "submitted" | "under_review" | "approved" | "changes_requested";

export interface CitedText {
  text: string;
  /** Reference numbers (1-based, into `references`). */
  citations: number[];
  /**
   * How the statement is set out for reading (patient answers): a label line, prose and list
   * items. The lines are `text`'s own words in order (joined with spaces they give `text` back);
   * absent when the statement reads as one paragraph.
   */
  layout?: BulletLine[];
}

export interface Bullet extends CitedText {
  /** Support score 0..1 from statement verification against the cited passages. */
  support: number;
  /** Set in review mode when a statement failed verification but was kept for the reviewer. */
  flagged?: boolean;
  /** `disagreement`: a note that the cited sources conflict, rather than a claim of its own. */
  kind?: "statement" | "disagreement";
}

/** One line of a statement set out for reading: a short label, prose, or a list item. */
export interface BulletLine {
  kind: "label" | "text" | "item";
  text: string;
}

export interface AnswerSection {
  title: string;
  /** Facet key, e.g. `recommended`, `dosing`, `monitoring`, `special_populations`. */
  facet?: string;
  /** One-line plain explanation of a key term in the section (student audience). */
  explainer?: string;
  bullets: Bullet[];
}

export type ReferenceType =
  | "guideline"
  | "systematic_review"
  | "trial"
  | "research"
  | "patient_info"
  | "editorial"
  | "protocol";

export interface Reference {
  n: number;
  sourceId: string;
  passageId: string;
  type: ReferenceType;
  /** Display label, e.g. "Guideline", "Editorial summary". */
  typeLabel: string;
  title: string;
  publisher: string | null;
  year: number | null;
  url: string | null;
  pmid?: string | null;
  doi?: string | null;
  /** The exact supporting passage text (so a reader can check the statement). */
  passageText?: string;
  sectionPath?: string[];
  /** Registry id of the edition that replaced this guideline edition, when it is outdated. */
  supersededBy?: string;
  /** Every passage of this source that the answer cites, in first-use order (the first is `passageId`). */
  passages?: Array<{ passageId: string; text: string; sectionPath: string[] }>;
}

export interface AnswerMeta {
  composer: "extractive" | "llm";
  /** Set when the LLM composer failed and the extractive one answered instead. */
  fallback?: string | null;
  corpusVersion: string;
  settingsHash: string;
  generatedAt: string;
  ms: number;
  /** Share of statements (bottom line + bullets) that passed verification, 0..1. */
  supportedShare: number;
  droppedStatements: number;
  questionType: string;
  focus: string[];
  modifiers: string[];
  /** Flesch–Kincaid grade of the rendered answer text. */
  readingGrade: number;
  searched?: string[];
  /**
   * Medical topics of the question that no statement of the answer names: the sources found do
   * not address them, and the answer says so instead of implying it covers them.
   */
  notAddressed?: string[];
  /** Patient answers: who wrote the plain wording (see `PlainLanguageMeta`). */
  plainLanguage?: PlainLanguageMeta;
}

/**
 * Patient answers with the LLM composer: how many statements the model's plain wording replaced
 * (each checked to keep the statement's facts) and how many kept the rule-based wording.
 */
export interface PlainLanguageMeta {
  rewriter: "llm" | "rules";
  rewritten: number;
  kept: number;
  /** Why the rule-based wording was used throughout (the request failed). */
  fallback?: string;
}

export interface Answer {
  id: string;
  question: string;
  audience: Audience;
  title: string;
  abstained: boolean;
  abstainReason: string | null;
  bottomLine: CitedText | null;
  sections: AnswerSection[];
  references: Reference[];
  relatedQuestions: string[];
  followUpOf?: string | null;
  /** Plain-language line on when to seek urgent care (patient audience). */
  urgentCare?: string | null;
  disclaimer: string;
  review: { status: ReviewStatus; updatedAt: string };
  meta: AnswerMeta;
}
