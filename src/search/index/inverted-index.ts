/**
 * The read side of the lexical index: term statistics for rerankers and exact top-k search over
 * precomputed BM25F impacts. Built by `IndexBuilder` or read back with `loadIndex`.
 */
import { invalidInput } from "../../core/errors.js";
import { bm25Idf } from "./bm25.js";
import { compileFilter } from "./filter.js";
import { maxScoreTopK, type PreparedTerm } from "./maxscore.js";
import type { DocAttrs, IndexData, IndexHit, IndexParams, QueryTerm, SearchFilter } from "./types.js";

export class InvertedIndex {
  private idToDoc: Map<string, number> | null = null;

  constructor(readonly data: IndexData) {}

  get docCount(): number {
    return this.data.docIds.length;
  }

  get termCount(): number {
    return this.data.terms.length;
  }

  get postingCount(): number {
    return this.data.postingDocs.length;
  }

  get params(): IndexParams {
    return this.data.params;
  }

  /** Term id by binary search over the sorted dictionary, or -1. */
  termId(term: string): number {
    const terms = this.data.terms;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = terms[mid];
      if (t < term) lo = mid + 1;
      else if (t > term) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  docFreq(term: string): number {
    const t = this.termId(term);
    return t < 0 ? 0 : this.data.termOffsets[t + 1] - this.data.termOffsets[t];
  }

  /** BM25 idf as used for the stored impacts; a term absent from the index gets df = 0. */
  idf(term: string): number {
    return bm25Idf(this.docCount, this.docFreq(term));
  }

  /** The stored (quantised) BM25F impact of `term` in doc number `doc`, 0 when absent. */
  termImpact(term: string, doc: number): number {
    const t = this.termId(term);
    if (t < 0) return 0;
    const { postingDocs: docs, termOffsets, blockOffsets, blockLastDoc } = this.data;
    const bsz = this.data.params.blockSize;
    let blk = blockOffsets[t];
    const lastBlk = blockOffsets[t + 1];
    while (blk < lastBlk && blockLastDoc[blk] < doc) blk++;
    if (blk === lastBlk) return 0;
    let lo = termOffsets[t] + (blk - blockOffsets[t]) * bsz;
    let hi = Math.min(lo + bsz, termOffsets[t + 1]) - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid] < doc) lo = mid + 1;
      else hi = mid;
    }
    return docs[lo] === doc ? this.data.postingImpacts[lo] * this.data.impactScale : 0;
  }

  /** Largest impact `term` has in any document (its score upper bound per unit weight). */
  maxImpact(term: string): number {
    const t = this.termId(term);
    return t < 0 ? 0 : this.data.termMaxImpact[t] * this.data.impactScale;
  }

  docId(doc: number): string {
    const id = this.data.docIds[doc];
    if (id === undefined) throw invalidInput(`doc number out of range: ${doc}`);
    return id;
  }

  /** Doc number of an external id, or -1; the lookup table is built on first use. */
  docNumber(id: string): number {
    if (this.idToDoc === null) {
      const map = new Map<string, number>();
      const ids = this.data.docIds;
      for (let i = 0; i < ids.length; i++) map.set(ids[i], i);
      this.idToDoc = map;
    }
    return this.idToDoc.get(id) ?? -1;
  }

  attrs(doc: number): DocAttrs {
    this.docId(doc);
    const d = this.data;
    return {
      kind: d.kinds[doc],
      year: d.years[doc],
      specialty: d.specialties[doc],
      collection: d.collections[doc],
    };
  }

  /**
   * Exact top-k by score = Σ weight · impact(term, doc), best first, ties by ascending doc number.
   * Query terms must already be analyzed. Duplicate terms are merged by adding their weights (in
   * query order); unknown terms and terms with a weight that is not a positive finite number are
   * ignored, so an empty or all-unknown query returns [].
   */
  search(query: readonly QueryTerm[], k: number, filter?: SearchFilter): IndexHit[] {
    const limit = Math.min(Math.floor(Number.isFinite(k) ? k : 0), this.docCount);
    if (!(limit > 0)) return [];
    const prepared = this.prepare(query);
    if (prepared.length === 0) return [];
    const heap = maxScoreTopK(this.data, prepared, limit, compileFilter(this.data, filter));
    return heap.sorted().map((h) => ({ doc: h.doc, id: this.data.docIds[h.doc], score: h.score }));
  }

  /** Merge duplicates, drop unknown/invalid terms, and order canonically by term string. */
  private prepare(query: readonly QueryTerm[]): PreparedTerm[] {
    const merged = new Map<string, number>();
    for (const q of query) {
      if (typeof q?.term !== "string" || !(Number.isFinite(q.weight) && q.weight > 0)) continue;
      merged.set(q.term, (merged.get(q.term) ?? 0) + q.weight);
    }
    const out: Array<PreparedTerm & { term: string }> = [];
    for (const [term, weight] of merged) {
      const termId = this.termId(term);
      if (termId >= 0 && Number.isFinite(weight)) out.push({ term, termId, weight });
    }
    // Term ids are positions in the sorted dictionary, so id order is term-string order.
    return out.sort((a, b) => a.termId - b.termId);
  }
}
