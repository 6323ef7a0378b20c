/**
 * In-memory dense index: every vector L2-normalised into one row-major Float32Array (n × dim),
 * searched exactly by brute-force cosine (a dot product per row). At 100k passages × 768 dims
 * that is ~77M multiply-adds, tens of milliseconds per query on one core, which is fine for the
 * corpora Osler targets; beyond ~100k passages an approximate index (HNSW, IVF) would pay off.
 */

export interface VectorHit {
  row: number;
  id: string;
  /** Cosine similarity in [-1, 1]. */
  score: number;
}

export function l2normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += (vector[i] as number) * (vector[i] as number);
  const out = new Float32Array(vector.length);
  if (sum === 0 || !Number.isFinite(sum)) return out;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] as number) * inv;
  return out;
}

export class VectorIndex {
  private constructor(
    readonly ids: string[],
    readonly dim: number,
    private readonly matrix: Float32Array,
    /** Vectors left out because their length differed from the first one's. */
    readonly skipped: number,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /**
   * Rows are ordered by id so the index (and tie-breaking) does not depend on the order the
   * store returned the vectors in. Zero vectors stay in but never score above 0.
   */
  static build(vectors: Iterable<[string, Float32Array]> | Map<string, Float32Array>): VectorIndex {
    const entries = [...vectors].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const dim = entries[0]?.[1].length ?? 0;
    const kept = entries.filter(([, v]) => v.length === dim);
    const matrix = new Float32Array(kept.length * dim);
    kept.forEach(([, v], row) => {
      matrix.set(l2normalize(v), row * dim);
    });
    return new VectorIndex(
      kept.map(([id]) => id),
      dim,
      matrix,
      entries.length - kept.length,
    );
  }

  /**
   * Exact top-k rows by cosine similarity to `query`, best first; ties go to the smaller id.
   * `allow(row)` restricts the search (filters). A query of another length finds nothing.
   */
  search(query: Float32Array, k: number, allow?: (row: number) => boolean): VectorHit[] {
    const limit = Math.min(Math.floor(k), this.size);
    if (!(limit > 0) || query.length !== this.dim) return [];
    const q = l2normalize(query);
    const dim = this.dim;
    const m = this.matrix;
    // `top` stays sorted best first; rows are visited in id order, so on equal scores the row
    // already kept has the smaller id and a newcomer only enters with a strictly higher score.
    const top: Array<{ row: number; score: number }> = [];
    for (let row = 0; row < this.size; row++) {
      if (allow && !allow(row)) continue;
      let dot = 0;
      const offset = row * dim;
      for (let i = 0; i < dim; i++) dot += (m[offset + i] as number) * (q[i] as number);
      if (top.length === limit && dot <= (top[limit - 1] as { score: number }).score) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((top[mid] as { score: number }).score >= dot) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, { row, score: dot });
      if (top.length > limit) top.pop();
    }
    return top.map(({ row, score }) => ({ row, id: this.ids[row] as string, score }));
  }
}
