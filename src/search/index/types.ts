/**
 * Shapes shared by the index builder, the query engine and persistence. The index itself is a set
 * of flat typed arrays (see `IndexData`) so it can be written and read back without parsing.
 */

/** Small integer codes for filtering; 0 means unknown. The caller owns the code tables. */
export interface DocAttrs {
  kind: number;
  year: number;
  specialty: number;
  collection: number;
}

export interface IndexDoc {
  /** External id (e.g. the passage id); must not contain NUL. */
  id: string;
  /** Text per configured field; missing fields are empty. */
  fields: Record<string, string>;
  attrs: DocAttrs;
}

export interface IndexParams {
  /** Field name → BM25F weight. */
  fields: Record<string, number>;
  k1: number;
  /** Field name → BM25F length normalisation `b`. */
  b: Record<string, number>;
  /** Postings per block for block-max skipping. */
  blockSize: number;
}

export interface IndexBuilderOptions {
  fields: Record<string, number>;
  k1?: number;
  /** One `b` for all fields, or per field (default 0.75). */
  b?: number | Record<string, number>;
  blockSize?: number;
}

/** An already-analyzed query term; weight > 0 (expansion terms get lower weights). */
export interface QueryTerm {
  term: string;
  weight: number;
}

export interface SearchFilter {
  kinds?: number[];
  yearFrom?: number;
  yearTo?: number;
  specialty?: number;
  collections?: number[];
  /** Arbitrary predicate on the doc number, e.g. a set of passages the caller allows. */
  allow?: (doc: number) => boolean;
}

export interface IndexHit {
  /** Doc number: position in build order, stable for one index file. */
  doc: number;
  id: string;
  score: number;
}

/**
 * The whole index as flat arrays. Term ids are positions in the sorted `terms` array, so the
 * dictionary is a binary search and needs no hash table to be rebuilt on load.
 */
export interface IndexData {
  params: IndexParams;
  /** Sorted (by UTF-16 code units) distinct terms. */
  terms: string[];
  /** termCount + 1 offsets into the postings arrays. */
  termOffsets: Uint32Array;
  postingDocs: Uint32Array;
  /** Quantised BM25F impacts: impact = value × impactScale. Never 0 for a posting. */
  postingImpacts: Uint16Array;
  termMaxImpact: Uint16Array;
  /** termCount + 1 offsets into the block arrays; a term has ceil(df / blockSize) blocks. */
  blockOffsets: Uint32Array;
  blockMaxImpact: Uint16Array;
  blockLastDoc: Uint32Array;
  impactScale: number;
  docIds: string[];
  kinds: Uint8Array;
  years: Uint16Array;
  specialties: Uint16Array;
  collections: Uint16Array;
}
