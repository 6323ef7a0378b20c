/** Public entry point of the in-memory lexical index (build, search, persist). */
export { bm25Idf } from "./bm25.js";
export { IndexBuilder } from "./builder.js";
export type { DocPredicate } from "./filter.js";
export { InvertedIndex } from "./inverted-index.js";
export {
  INDEX_FORMAT_VERSION,
  type IndexFileHeader,
  type LoadedIndex,
  loadIndex,
  readIndexHeader,
  saveIndex,
} from "./persist.js";
export type {
  DocAttrs,
  IndexBuilderOptions,
  IndexData,
  IndexDoc,
  IndexHit,
  IndexParams,
  QueryTerm,
  SearchFilter,
} from "./types.js";
