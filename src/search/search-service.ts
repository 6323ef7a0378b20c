/**
 * Builds, persists and loads the search index for a store. The store is the source of truth;
 * the index files beside the database carry the corpus version they were built from and are
 * rebuilt whenever it changes.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Settings } from "../config/settings.js";
import type { EvidenceStore } from "../store/ports.js";
import { ANALYZER_VERSION } from "./analyzer.js";
import { Codebook, DocTable, type DocTableData, kindCode } from "./doc-table.js";
import { IndexBuilder } from "./index/builder.js";
import type { InvertedIndex } from "./index/inverted-index.js";
import { loadIndex, saveIndex } from "./index/persist.js";
import { LexicalRetriever, type SearchParts } from "./lexical-retriever.js";
import { LexiconMatcher } from "./lexicon.js";

export type BuildProgress = (done: number) => void;

interface SidecarData {
  corpusVersion: string;
  docs: DocTableData;
  specialties: string[];
  collections: string[];
}

export function indexPaths(dbPath: string) {
  return { index: `${dbPath}.index`, sidecar: `${dbPath}.index.json` };
}

/** Reads every passage from the store into a fresh index. */
export async function buildIndexFromStore(
  store: EvidenceStore,
  settings: Settings["search"],
  onProgress?: BuildProgress,
): Promise<Omit<SearchParts, "lexicon" | "corpusVersion">> {
  const builder = new IndexBuilder({
    fields: { title: settings.titleWeight, section: settings.sectionWeight, text: settings.textWeight },
    k1: 1.2,
    b: { title: 0.3, section: 0.5, text: 0.75 },
  });
  const docs = new DocTable();
  const specialties = new Codebook();
  const collections = new Codebook();
  let n = 0;
  for await (const { passage, source } of store.iteratePassages()) {
    const section = passage.sectionPath.filter((s) => s !== source.title).join(" ");
    builder.add({
      id: passage.id,
      fields: { title: source.title, section, text: passage.text },
      attrs: {
        kind: kindCode(source.kind),
        year: source.year ?? 0,
        specialty: specialties.code(source.specialty),
        collection: collections.code(source.collection),
      },
    });
    // Question-bank importers record the question type a passage answers in its meta.
    docs.add(source, (passage.meta.qtype as string | undefined) ?? null);
    if (++n % 5000 === 0) onProgress?.(n);
  }
  onProgress?.(n);
  return { index: builder.finish(), docs, specialties, collections };
}

export async function openSearch(
  store: EvidenceStore,
  settings: Settings,
  options: { persist?: boolean; onBuildProgress?: BuildProgress } = {},
): Promise<LexicalRetriever> {
  const corpusVersion = await store.corpusVersion();
  // A saved index is valid for this corpus analysed by this analyzer (terms change with it).
  const indexKey = `${corpusVersion}+analyzer-${ANALYZER_VERSION}`;
  const paths = indexPaths(settings.dbPath);
  const persist = options.persist ?? settings.dbPath !== ":memory:";
  let parts: Omit<SearchParts, "lexicon" | "corpusVersion"> | null = null;
  if (persist && existsSync(paths.index) && existsSync(paths.sidecar)) {
    try {
      const sidecar = JSON.parse(readFileSync(paths.sidecar, "utf8")) as SidecarData;
      if (sidecar.corpusVersion === indexKey) {
        const loaded = loadIndex(paths.index);
        if (loaded.corpusVersion === indexKey) {
          parts = {
            index: loaded.index,
            docs: DocTable.fromData(sidecar.docs),
            specialties: Codebook.from(sidecar.specialties),
            collections: Codebook.from(sidecar.collections),
          };
        }
      }
    } catch {
      parts = null; // a damaged or outdated index is simply rebuilt
    }
  }
  if (!parts) {
    parts = await buildIndexFromStore(store, settings.search, options.onBuildProgress);
    if (persist) {
      saveIndex(parts.index as InvertedIndex, paths.index, indexKey);
      const sidecar: SidecarData = {
        corpusVersion: indexKey,
        docs: parts.docs.toData(),
        specialties: parts.specialties.toJSON(),
        collections: parts.collections.toJSON(),
      };
      writeFileSync(`${paths.sidecar}.tmp`, JSON.stringify(sidecar));
      renameSync(`${paths.sidecar}.tmp`, paths.sidecar);
    }
  }
  const lexicon = new LexiconMatcher(await store.allLexicon());
  return new LexicalRetriever({ ...parts, lexicon, corpusVersion }, store, {
    expansionWeight: settings.search.expansionWeight,
  });
}
