/**
 * What every importer produces. Readers stream items; the import runner (corpus/import-runner.ts)
 * commits each unit in its own transaction and counts imported / unchanged / rejected.
 */
import type { OslerError } from "../../core/errors.js";
import type { ImportUnit } from "../model.js";

export type ImportItem =
  | { kind: "unit"; unit: ImportUnit }
  /** A file or record that could not be read; nothing from it is stored. */
  | { kind: "rejected"; file: string; error: OslerError }
  /** Deliberately not imported (e.g. an answer that is empty in the public release). */
  | { kind: "skipped"; file: string; reason: string };

export interface ImportProgress {
  done: number;
  total: number;
  unit: "files" | "bytes" | "records" | "passages";
}

export type ProgressListener = (progress: ImportProgress) => void;

/** A reader turns a path into a stream of import items, reporting progress as it goes. */
export type ImportReader = (input: string, onProgress?: ProgressListener) => AsyncIterable<ImportItem>;
