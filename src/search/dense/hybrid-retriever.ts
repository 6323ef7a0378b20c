import type { EvidenceStore } from "../../store/ports.js";
import { compileFilter } from "../index/filter.js";
import { indexFilter, type LexicalRetriever, type SearchParts } from "../lexical-retriever.js";
import type { QueryInput, QueryPlan } from "../query-plan.js";
import type { Retriever, SearchFilters, SearchHit, SearchOptions } from "../types.js";
import type { VectorIndex } from "./vector-index.js";

/** RRF constant K from the original paper. */
export const RRF_K = 60;

export interface HybridOptions {
  /** How many results each list contributes to the fusion (default 50, at least k). */
  depth?: number;
  rrfK?: number;
  /** Query vectors kept (default 256). */
  cacheSize?: number;
  /** After the endpoint fails, search lexically only for this long (default 30 s; 0 = retry every query). */
  cooldownMs?: number;
  /** Dense hits at or below this cosine are not similar at all and are dropped (default 0). */
  minCosine?: number;
  /** Told once per failure episode that dense retrieval is unavailable. */
  onWarning?: (message: string) => void;
  now?: () => number;
}

/** Small least-recently-used cache (a Map keeps insertion order). */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  get size(): number {
    return this.map.size;
  }
}

interface Fused {
  id: string;
  rrf: number;
  lexicalRank?: number;
  lexicalScore?: number;
  bm25?: number;
  denseRank?: number;
  cosine?: number;
}

/** RRF over ranked id lists; returns fused entries best first with deterministic ties. */
export function reciprocalRankFusion(
  lexical: Array<{ id: string; score: number; bm25?: number }>,
  dense: Array<{ id: string; score: number }>,
  k = RRF_K,
): Fused[] {
  const byId = new Map<string, Fused>();
  const entry = (id: string) => {
    let e = byId.get(id);
    if (!e) {
      e = { id, rrf: 0 };
      byId.set(id, e);
    }
    return e;
  };
  lexical.forEach((hit, i) => {
    const e = entry(hit.id);
    if (e.lexicalRank !== undefined) return;
    e.lexicalRank = i + 1;
    e.lexicalScore = hit.score;
    if (hit.bm25 !== undefined) e.bm25 = hit.bm25;
    e.rrf += 1 / (k + i + 1);
  });
  dense.forEach((hit, i) => {
    const e = entry(hit.id);
    if (e.denseRank !== undefined) return;
    e.denseRank = i + 1;
    e.cosine = hit.score;
    e.rrf += 1 / (k + i + 1);
  });
  const rank = (r: number | undefined) => r ?? Number.POSITIVE_INFINITY;
  return [...byId.values()].sort(
    (a, b) =>
      b.rrf - a.rrf ||
      rank(a.lexicalRank) - rank(b.lexicalRank) ||
      rank(a.denseRank) - rank(b.denseRank) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type QueryEmbedder = (text: string) => Promise<Float32Array>;

export class HybridRetriever implements Retriever {
  private readonly cache: LruCache<string, Float32Array>;
  /** Doc number in the lexical index of each vector row (-1: passage not in the index). */
  private readonly rowDoc: Int32Array;
  private downUntil = 0;
  /** The last endpoint failure, while dense retrieval is cooling down. */
  lastDenseError: Error | null = null;

  constructor(
    readonly lexical: LexicalRetriever,
    readonly vectors: VectorIndex,
    private readonly embedQuery: QueryEmbedder,
    private readonly store: Pick<EvidenceStore, "getPassages">,
    private readonly options: HybridOptions = {},
  ) {
    this.cache = new LruCache(options.cacheSize ?? 256);
    this.rowDoc = Int32Array.from(vectors.ids, (id) => lexical.parts.index.docNumber(id));
  }

  /** The lexical parts (index, lexicon …), for callers that used to hold a LexicalRetriever. */
  get parts(): SearchParts {
    return this.lexical.parts;
  }

  plan(query: string | QueryInput): QueryPlan {
    return this.lexical.plan(query);
  }

  private async queryVector(text: string): Promise<Float32Array> {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const vector = await this.embedQuery(text);
    this.cache.set(text, vector);
    return vector;
  }

  /** Dense top-`depth`, or null when the endpoint is down (lexical-only fallback). */
  private async dense(text: string, depth: number, filters?: SearchFilters) {
    if (this.vectors.size === 0) return [];
    const now = this.options.now?.() ?? Date.now();
    if (now < this.downUntil) return null;
    let query: Float32Array;
    try {
      query = await this.queryVector(text);
    } catch (error) {
      this.lastDenseError = error as Error;
      this.downUntil = now + (this.options.cooldownMs ?? 30_000);
      this.options.onWarning?.(
        `dense retrieval unavailable, using lexical search only: ${(error as Error).message}`,
      );
      return null;
    }
    this.lastDenseError = null;
    const predicate = compileFilter(this.parts.index.data, indexFilter(this.parts, filters));
    const rowDoc = this.rowDoc;
    const allow = (row: number) => {
      const doc = rowDoc[row] as number;
      return doc >= 0 && (predicate === null || predicate(doc));
    };
    const min = this.options.minCosine ?? 0;
    return this.vectors.search(query, depth, allow).filter((hit) => hit.score > min);
  }

  async search(query: string | QueryInput, options: SearchOptions = {}): Promise<SearchHit[]> {
    const plan = this.lexical.plan(query); // validates the query as lexical search does
    const k = Math.min(Math.max(options.k ?? 10, 1), 200);
    const depth = Math.max(this.options.depth ?? 50, k);
    const text = typeof query === "string" ? query : [query.subject, query.text].filter(Boolean).join("\n");
    const [lexical, dense] = await Promise.all([
      Promise.resolve(this.lexical.rank(plan, depth, options.filters)),
      this.dense(text.trim(), depth, options.filters),
    ]);
    const fused = reciprocalRankFusion(lexical, dense ?? [], this.options.rrfK ?? RRF_K).slice(0, k);
    const rows = await this.store.getPassages(fused.map((f) => f.id));
    const byId = new Map(rows.map((r) => [r.passage.id, r]));
    const hits: SearchHit[] = [];
    for (const f of fused) {
      const row = byId.get(f.id);
      if (!row) continue;
      const explain: Record<string, number> = { rrf: f.rrf };
      if (f.lexicalRank !== undefined) {
        explain.lexicalRank = f.lexicalRank;
        explain.rerank = f.lexicalScore as number;
        if (f.bm25 !== undefined) explain.bm25 = f.bm25;
      }
      if (f.denseRank !== undefined) {
        explain.denseRank = f.denseRank;
        explain.cosine = f.cosine as number;
      }
      if (dense === null) explain.denseUnavailable = 1;
      hits.push({ ...row, score: f.rrf, explain });
    }
    return hits;
  }
}
