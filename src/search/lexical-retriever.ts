/**
 * Lexical retrieval over the in-memory index: plan the query (focus, type, expansion), take a
 * generous top-N by BM25F, rerank by focus match, question-type match, source authority and
 * recency, then hydrate the winners from the store.
 */
import { AUTHORITY, type EvidenceKind } from "../corpus/model.js";
import type { EvidenceStore } from "../store/ports.js";
import { type Codebook, type DocTable, kindCode } from "./doc-table.js";
import type { InvertedIndex } from "./index/inverted-index.js";
import type { SearchFilter } from "./index/types.js";
import type { LexiconMatcher } from "./lexicon.js";
import { planQuery, type QueryInput, type QueryPlan } from "./query-plan.js";
import { MEDQUAD_QTYPES } from "./question-type.js";
import type { Retriever, SearchFilters, SearchHit, SearchOptions } from "./types.js";

export interface SearchParts {
  index: InvertedIndex;
  docs: DocTable;
  lexicon: LexiconMatcher;
  specialties: Codebook;
  collections: Codebook;
  corpusVersion: string;
}

export interface RankedDoc {
  doc: number;
  id: string;
  score: number;
  bm25: number;
}

export interface RerankWeights {
  focus: number;
  qtype: number;
  authority: number;
  recency: number;
}

/** Chosen on the LiveQA dev questions over a small grid (focus 0.4–1.0, type 0.2–0.5); see README. */
export const DEFAULT_RERANK: RerankWeights = { focus: 0.8, qtype: 0.5, authority: 0.15, recency: 0.05 };

/**
 * How well a source's title names the question's focus: 1 when it is exactly the top focus,
 * less when the title only contains it (a broader or narrower topic) or names a secondary focus.
 */
export function focusFit(plan: QueryPlan, titleTerms: string[]): number {
  let best = 0;
  plan.focus.forEach((f, rank) => {
    const named = f.variants.find((v) => containsPhrase(titleTerms, v));
    if (!named) return;
    const exact = titleTerms.length === named.length;
    best = Math.max(best, (exact ? 1 : 0.7) * (rank === 0 ? 1 : 0.6));
  });
  return best;
}

/** Whether `phrase` occurs as a contiguous run of `tokens`. */
export function containsPhrase(tokens: string[], phrase: string[]): boolean {
  if (phrase.length === 0 || phrase.length > tokens.length) return false;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Search filters by name → the index's integer codes (an unknown name matches nothing). */
export function indexFilter(
  parts: SearchParts,
  filters: SearchFilters | undefined,
): SearchFilter | undefined {
  if (!filters) return undefined;
  const codes = (book: Codebook, names: string[]) =>
    names.map((n) => book.lookup(n) ?? -1).filter((c) => c >= 0);
  const filter: SearchFilter = {};
  if (filters.kinds?.length) filter.kinds = filters.kinds.map((k) => kindCode(k as EvidenceKind));
  if (filters.yearFrom !== undefined) filter.yearFrom = filters.yearFrom;
  if (filters.yearTo !== undefined) filter.yearTo = filters.yearTo;
  if (filters.specialty) filter.specialty = parts.specialties.lookup(filters.specialty) ?? -1;
  if (filters.collections?.length) filter.collections = codes(parts.collections, filters.collections);
  return filter;
}

export class LexicalRetriever implements Retriever {
  constructor(
    readonly parts: SearchParts,
    private readonly store: Pick<EvidenceStore, "getPassages">,
    private readonly options: { expansionWeight: number; rerank?: RerankWeights },
  ) {}

  plan(query: string | QueryInput): QueryPlan {
    return planQuery(query, {
      lexicon: this.parts.lexicon,
      idf: (term) => this.parts.index.idf(term),
      expansionWeight: this.options.expansionWeight,
    });
  }

  /** Ranks documents for a planned query; synchronous and allocation-light for benchmarks. */
  rank(plan: QueryPlan, k: number, filters?: SearchFilters): RankedDoc[] {
    const weights = this.options.rerank ?? DEFAULT_RERANK;
    const candidates = this.parts.index.search(
      plan.terms,
      Math.max(k * 5, 50),
      indexFilter(this.parts, filters),
    );
    if (candidates.length === 0) return [];
    const wantedQtypes = MEDQUAD_QTYPES[plan.questionType];
    const top = candidates[0]?.score ?? 1;
    const ranked = candidates.map((hit) => {
      const source = this.parts.docs.source(hit.doc);
      let boost = 0;
      if (plan.focus.length > 0) boost += weights.focus * focusFit(plan, source.titleTerms);
      const qtype = this.parts.docs.qtype(hit.doc);
      if (qtype) {
        const at = wantedQtypes.indexOf(qtype);
        if (at === 0) boost += weights.qtype;
        else if (at > 0) boost += weights.qtype * 0.6;
      }
      boost += weights.authority * AUTHORITY[source.kind];
      if (source.year !== null && source.year >= 2019) boost += weights.recency;
      // Scale by the top score so boosts mean the same thing for short and long queries.
      return { doc: hit.doc, id: hit.id, bm25: hit.score, score: hit.score + boost * top };
    });
    ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return ranked.slice(0, k);
  }

  async search(query: string | QueryInput, options: SearchOptions = {}): Promise<SearchHit[]> {
    const plan = this.plan(query);
    const k = Math.min(Math.max(options.k ?? 10, 1), 200);
    const ranked = this.rank(plan, k, options.filters);
    const rows = await this.store.getPassages(ranked.map((r) => r.id));
    const byId = new Map(rows.map((r) => [r.passage.id, r]));
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const row = byId.get(r.id);
      if (row) hits.push({ ...row, score: r.score, explain: { bm25: r.bm25, rerank: r.score } });
    }
    return hits;
  }
}
