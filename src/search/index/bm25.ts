/** The BM25 formulas shared by the builder (which bakes them into impacts) and the reader. */

/** BM25 idf, always positive so every term can only add to a score (MaxScore relies on that). */
export function bm25Idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}
