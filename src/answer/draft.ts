/**
 * The draft answer that composers produce and later steps refine: statements cite evidence by
 * stable keys (source + passage), never by number. Numbers are assigned only at the end
 * (citations.ts), so reordering, dropping or adapting statements can never break a reference.
 */
import type { Source } from "../corpus/model.js";
import type { BulletLine } from "./types.js";

export interface DraftStatement {
  text: string;
  /** Evidence keys (see `evidenceKey`), most important first. */
  keys: string[];
  /** Support 0..1 from verification (1 until verified). */
  support: number;
  flagged?: boolean;
  /** `disagreement` marks a composer note that two cited sources conflict (not a claim of its own). */
  kind?: "statement" | "disagreement";
  /** Keys whose passage text the statement must be verified against (defaults to `keys`). */
  verifyKeys?: string[];
  /** Line layout for reading (patient answers); see `Bullet.layout`. */
  layout?: BulletLine[];
}

export interface DraftSection {
  title: string;
  facet: string;
  bullets: DraftStatement[];
  /** Optional one-line explanation (student audience). */
  explainer?: string;
}

export interface Draft {
  title: string;
  bottomLine: DraftStatement | null;
  sections: DraftSection[];
}

/** One citable thing: a source as read through one of its passages. */
export interface CatalogEntry {
  key: string;
  source: Source;
  /** The passage that supports statements citing this entry (for a guideline cited by a library
   * summary, the library passage, since the guideline itself has no stored passage). */
  passageId: string;
  passageText: string;
  sectionPath: string[];
}

export function evidenceKey(sourceId: string, passageId: string): string {
  return `${sourceId}::${passageId}`;
}
