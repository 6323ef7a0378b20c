/**
 * Exact top-k retrieval with MaxScore dynamic pruning (Turtle & Flood 1995, in the document-at-a-
 * time form used by PISA and Lucene). Query terms are ordered by their score upper bound; once the
 * k-th best score θ exceeds the summed bounds of the weakest terms, those terms become
 * "non-essential": documents containing only them cannot enter the top k, so candidates come from
 * the essential lists alone and non-essential lists are merely probed, skipping whole blocks of
 * postings by their last doc number.
 *
 * Exactness: every admitted score is re-summed in canonical term order (by term string), the
 * order an exhaustive scorer uses, so the pruned result equals the exhaustive one bit for bit.
 * Pruning tests leave a tiny relative margin so floating-point summation order can never prune a
 * document whose canonical score would have qualified.
 */
import type { DocPredicate } from "./filter.js";
import { TopK } from "./heap.js";
import type { IndexData } from "./types.js";

/** A resolved query term; `PreparedQuery` keeps them in canonical order. */
export interface PreparedTerm {
  termId: number;
  weight: number;
}

const EXHAUSTED = 4294967296; // greater than any doc number

function margin(theta: number): number {
  return Math.abs(theta) * 1e-9 + 1e-12;
}

export function maxScoreTopK(
  ix: IndexData,
  query: readonly PreparedTerm[],
  k: number,
  accept: DocPredicate | null,
): TopK {
  const heap = new TopK(k);
  const n = query.length;
  if (n === 0 || k === 0) return heap;
  const { postingDocs: docs, postingImpacts: impacts, blockLastDoc, impactScale: scale } = ix;
  const bsz = ix.params.blockSize;

  // Cursor i is the i-th weakest term by upper bound; canon[i] is its canonical position.
  const order = query.map((_, i) => i);
  const bound = query.map((q) => q.weight * (ix.termMaxImpact[q.termId] * scale));
  order.sort((a, b) => bound[a] - bound[b] || a - b);
  const canon = new Int32Array(n);
  const weight = new Float64Array(n);
  const pos = new Float64Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const blk0 = new Float64Array(n);
  const blkEnd = new Float64Array(n);
  const cur = new Float64Array(n);
  const cumUb = new Float64Array(n); // cumUb[i] = sum of bounds of cursors 0..i
  const contrib = new Float64Array(n); // indexed canonically
  for (let i = 0; i < n; i++) {
    const qi = order[i];
    const t = query[qi].termId;
    canon[i] = qi;
    weight[i] = query[qi].weight;
    start[i] = pos[i] = ix.termOffsets[t];
    end[i] = ix.termOffsets[t + 1];
    blk0[i] = ix.blockOffsets[t];
    blkEnd[i] = ix.blockOffsets[t + 1];
    cur[i] = start[i] < end[i] ? docs[start[i]] : EXHAUSTED;
    cumUb[i] = (i > 0 ? cumUb[i - 1] : 0) + bound[qi];
  }

  /** Move cursor i to its first posting with doc ≥ target, skipping blocks that end before it. */
  const seek = (i: number, target: number): void => {
    if (cur[i] >= target) return;
    let blk = blk0[i] + Math.floor((pos[i] - start[i]) / bsz);
    const last = blkEnd[i];
    while (blk < last && blockLastDoc[blk] < target) blk++;
    if (blk === last) {
      pos[i] = end[i];
      cur[i] = EXHAUSTED;
      return;
    }
    let p = start[i] + (blk - blk0[i]) * bsz;
    if (p < pos[i]) p = pos[i];
    // The block's last doc is ≥ target, so this stops inside the block; binary search it.
    let hi = Math.min(start[i] + (blk - blk0[i] + 1) * bsz, end[i]) - 1;
    while (p < hi) {
      const mid = (p + hi) >>> 1;
      if (docs[mid] < target) p = mid + 1;
      else hi = mid;
    }
    pos[i] = p;
    cur[i] = docs[p];
  };

  let theta = Number.NEGATIVE_INFINITY;
  let thetaLow = theta; // θ minus the floating-point margin
  let firstEssential = 0;
  let doc = EXHAUSTED;
  for (let i = 0; i < n; i++) if (cur[i] < doc) doc = cur[i];

  while (doc < EXHAUSTED && firstEssential < n) {
    let next = EXHAUSTED;
    if (accept !== null && !accept(doc)) {
      for (let i = firstEssential; i < n; i++) {
        if (cur[i] === doc) {
          const p = ++pos[i];
          cur[i] = p < end[i] ? docs[p] : EXHAUSTED;
        }
        if (cur[i] < next) next = cur[i];
      }
      doc = next;
      continue;
    }
    let score = 0;
    for (let i = firstEssential; i < n; i++) {
      if (cur[i] === doc) {
        const c = weight[i] * (impacts[pos[i]] * scale);
        contrib[canon[i]] = c;
        score += c;
        const p = ++pos[i];
        cur[i] = p < end[i] ? docs[p] : EXHAUSTED;
      } else {
        contrib[canon[i]] = 0;
      }
      if (cur[i] < next) next = cur[i];
    }
    let i = firstEssential - 1;
    for (; i >= 0; i--) {
      if (score + cumUb[i] < thetaLow) break;
      seek(i, doc);
      if (cur[i] === doc) {
        const c = weight[i] * (impacts[pos[i]] * scale);
        contrib[canon[i]] = c;
        score += c;
      } else {
        contrib[canon[i]] = 0;
      }
    }
    if (i < 0 && score >= thetaLow) {
      let exact = 0;
      for (let j = 0; j < n; j++) exact += contrib[j];
      if (exact > theta) {
        heap.offer(doc, exact);
        if (heap.full) {
          theta = heap.threshold;
          thetaLow = theta - margin(theta);
          while (firstEssential < n && cumUb[firstEssential] < thetaLow) firstEssential++;
        }
      }
    }
    doc = next;
  }
  return heap;
}
