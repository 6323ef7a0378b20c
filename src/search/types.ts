/** Types shared by the retrieval pipeline and its callers. */
import type { EvidenceKind, Passage, Source } from "../corpus/model.js";

export interface SearchFilters {
  kinds?: EvidenceKind[];
  yearFrom?: number;
  yearTo?: number;
  specialty?: string;
  collections?: string[];
}

export interface SearchOptions {
  k?: number;
  filters?: SearchFilters;
}

export interface SearchHit {
  passage: Passage;
  source: Source;
  score: number;
  /** Ranks and scores from each stage, for explanations and debugging. */
  explain?: Record<string, number>;
}

/** Anything that returns ranked passages for a question: lexical, dense, fused. */
export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}
