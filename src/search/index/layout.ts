/**
 * Second half of an index build. The builder collects postings in document order with raw
 * per-field term counts; once the corpus is complete (average field lengths and document
 * frequencies known) this computes each posting's BM25F impact, quantises it, and counting-sorts
 * the postings into term order (sorted terms), adding per-term and per-block maxima for pruning.
 */
import { bm25Idf } from "./bm25.js";
import type { IndexData, IndexParams } from "./types.js";

/** What `IndexBuilder` hands over: flat arrays, postings grouped by doc via `docStart`. */
export interface CollectedPostings {
  params: IndexParams;
  nFields: number;
  fieldNames: string[];
  /** Terms in interning order; `df` and `postTerm` use these ids. */
  terms: string[];
  df: Uint32Array;
  postTerm: Uint32Array;
  /** nFields counts per posting, clamped to 255. */
  postTf: Uint8Array;
  /** docCount + 1 offsets into postTerm. */
  docStart: Uint32Array;
  fieldLen: Uint32Array[];
  docIds: string[];
  kinds: Uint8Array;
  years: Uint16Array;
  specialties: Uint16Array;
  collections: Uint16Array;
}

/** BM25F impacts, then a counting sort of the doc-ordered postings into term order. */
export function layoutIndex(b: CollectedPostings): IndexData {
  const { params, nFields: nf, postTf, postTerm } = b;
  const nDocs = b.docIds.length;
  const nTerms = b.terms.length;

  // Term ids in sorted-term order so the dictionary is a sorted array.
  const byTerm = Array.from({ length: nTerms }, (_, i) => i);
  const terms = b.terms;
  byTerm.sort((x, y) => (terms[x] < terms[y] ? -1 : terms[x] > terms[y] ? 1 : 0));
  const newId = new Uint32Array(nTerms);
  const sortedTerms = new Array<string>(nTerms);
  const termOffsets = new Uint32Array(nTerms + 1);
  const idf = new Float64Array(nTerms);
  for (let r = 0; r < nTerms; r++) {
    const old = byTerm[r];
    newId[old] = r;
    sortedTerms[r] = terms[old];
    termOffsets[r + 1] = termOffsets[r] + b.df[old];
    idf[r] = bm25Idf(nDocs, b.df[old]);
  }
  const total = termOffsets[nTerms];

  // BM25F: per doc and field, the length-normalisation divisor; per posting, the pseudo-tf.
  const k1 = params.k1;
  let maxIdf = 0;
  for (let t = 0; t < nTerms; t++) if (idf[t] > maxIdf) maxIdf = idf[t];
  const impactScale = maxIdf > 0 ? (maxIdf * (k1 + 1)) / 65535 : 1;
  const weights = b.fieldNames.map((f) => params.fields[f]);
  const bs = b.fieldNames.map((f) => params.b[f]);
  const avg = b.fieldLen.map((lens) => {
    let sum = 0;
    for (let d = 0; d < nDocs; d++) sum += lens[d];
    return nDocs > 0 ? sum / nDocs : 0;
  });
  const norm = new Float64Array(nf);

  const postingDocs = new Uint32Array(total);
  const postingImpacts = new Uint16Array(total);
  const fill = termOffsets.slice(0, nTerms);
  for (let d = 0; d < nDocs; d++) {
    for (let f = 0; f < nf; f++) {
      const ratio = avg[f] > 0 ? b.fieldLen[f][d] / avg[f] : 1;
      norm[f] = weights[f] / (1 - bs[f] + bs[f] * ratio);
    }
    for (let p = b.docStart[d], end = b.docStart[d + 1]; p < end; p++) {
      let tf = 0;
      for (let f = 0; f < nf; f++) tf += postTf[p * nf + f] * norm[f];
      const t = newId[postTerm[p]];
      const impact = (idf[t] * tf * (k1 + 1)) / (k1 + tf);
      const at = fill[t]++;
      postingDocs[at] = d;
      postingImpacts[at] = Math.min(65535, Math.max(1, Math.ceil(impact / impactScale)));
    }
  }

  // Per-term and per-block maxima, and each block's last doc, for pruning and skipping.
  const bsz = params.blockSize;
  const blockOffsets = new Uint32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) {
    blockOffsets[t + 1] = blockOffsets[t] + Math.ceil((termOffsets[t + 1] - termOffsets[t]) / bsz);
  }
  const nBlocks = blockOffsets[nTerms];
  const blockMaxImpact = new Uint16Array(nBlocks);
  const blockLastDoc = new Uint32Array(nBlocks);
  const termMaxImpact = new Uint16Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const end = termOffsets[t + 1];
    let blk = blockOffsets[t];
    let tmax = 0;
    for (let start = termOffsets[t]; start < end; start += bsz, blk++) {
      const stop = Math.min(start + bsz, end);
      let m = 0;
      for (let p = start; p < stop; p++) if (postingImpacts[p] > m) m = postingImpacts[p];
      blockMaxImpact[blk] = m;
      blockLastDoc[blk] = postingDocs[stop - 1];
      if (m > tmax) tmax = m;
    }
    termMaxImpact[t] = tmax;
  }

  return {
    params,
    terms: sortedTerms,
    termOffsets,
    postingDocs,
    postingImpacts,
    termMaxImpact,
    blockOffsets,
    blockMaxImpact,
    blockLastDoc,
    impactScale,
    docIds: b.docIds,
    kinds: b.kinds,
    years: b.years,
    specialties: b.specialties,
    collections: b.collections,
  };
}
