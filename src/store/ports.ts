/**
 * The narrow interface every store backend implements (SQLite now, PostgreSQL later). Callers
 * depend on this file only; `store/open.ts` is the composition root that picks a backend.
 * All methods are async so that a network database fits behind the same port.
 */
import type { ImportUnit, LexiconEntry, Passage, QuestionBankEntry, Source } from "../corpus/model.js";

export type ImportOutcome = "imported" | "updated" | "unchanged";

export interface PassageWithSource {
  passage: Passage;
  source: Source;
}

export interface StoredAnswer {
  id: string;
  question: string;
  audience: string;
  /** The full answer JSON (see answer/types.ts). */
  body: unknown;
  createdAt: string;
}

export interface StoreStats {
  sources: number;
  passages: number;
  questions: number;
  lexicon: number;
  byCollection: Record<string, number>;
}

export interface EvidenceStore {
  readonly backend: "sqlite" | "postgres";

  /** Commits one source with its passages, questions and lexicon entries atomically. */
  importUnit(unit: ImportUnit): Promise<ImportOutcome>;

  getSource(id: string): Promise<Source | null>;
  getPassage(id: string): Promise<Passage | null>;
  getPassages(ids: string[]): Promise<PassageWithSource[]>;
  passagesOfSource(sourceId: string): Promise<Passage[]>;
  /** Streams every current passage with its source (for index building), in a stable order. */
  iteratePassages(): AsyncIterable<PassageWithSource>;
  listSources(filter?: { collection?: string; kind?: string; specialty?: string }): Promise<Source[]>;

  upsertLexicon(entries: LexiconEntry[]): Promise<number>;
  allLexicon(): Promise<LexiconEntry[]>;
  allQuestions(): Promise<QuestionBankEntry[]>;

  putEmbeddings(model: string, rows: Array<{ passageId: string; vector: Float32Array }>): Promise<void>;
  getEmbeddings(model: string): Promise<Map<string, Float32Array>>;
  /** How many current passages have a vector for `model` (vectors go when their passage goes). */
  countEmbeddings(model: string): Promise<number>;
  /**
   * Up to `limit` ids of passages with no vector for `model`, in ascending id order, starting
   * after `afterId` when given (a cursor, so a long embedding run never rescans what it did).
   */
  passageIdsWithoutEmbedding(model: string, limit: number, afterId?: string): Promise<string[]>;

  saveAnswer(answer: StoredAnswer): Promise<void>;
  getAnswer(id: string): Promise<StoredAnswer | null>;
  listAnswers(limit: number): Promise<StoredAnswer[]>;

  /** Changes whenever sources change; recorded with answers and search indexes. */
  corpusVersion(): Promise<string>;
  /** Small facts about the database itself (e.g. which curated lexicon it holds); not corpus content. */
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
