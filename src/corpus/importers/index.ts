/**
 * The importers by name, as the CLI and the import runner select them (`osler import <name> <path>`).
 * Every entry has the plain ImportReader signature; readers with extra options get their defaults.
 */
import { readLiveqaAnswersCsv } from "./liveqa-answers.js";
import { readLibrary } from "./markdown.js";
import { readMedquad } from "./medquad.js";
import { readPubmedXml } from "./pubmed.js";
import { readPubmedqa } from "./pubmedqa.js";
import type { ImportReader } from "./types.js";

export const importers = {
  library: readLibrary,
  medquad: readMedquad,
  // MedQuAD is looked for beside the CSV (`<csv dir>/../medquad`), as in shared/data.
  "liveqa-answers": (input, onProgress) => readLiveqaAnswersCsv(input, undefined, onProgress),
  pubmed: readPubmedXml,
  pubmedqa: readPubmedqa,
} satisfies Record<string, ImportReader>;

export type ImporterName = keyof typeof importers;

export function isImporterName(name: string): name is ImporterName {
  return Object.hasOwn(importers, name);
}

export { readRegistry } from "./registry.js";
export { readLibrary, readLiveqaAnswersCsv, readMedquad, readPubmedqa, readPubmedXml };
