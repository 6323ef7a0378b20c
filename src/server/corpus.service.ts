/** Corpus use-cases behind the API and the pages: search, sources, passages, library, related. */

import { notFound } from "../core/errors.js";
import type { EvidenceKind, Passage, Source } from "../corpus/model.js";
import type { Retriever, SearchHit } from "../search/types.js";
import type { EvidenceStore } from "../store/ports.js";

export interface CorpusService {
  search(q: string, k: number, kind?: EvidenceKind): Promise<SearchHit[]>;
  source(id: string): Promise<{ source: Source; passages: Passage[] }>;
  passage(id: string): Promise<{ passage: Passage; source: Source }>;
  related(q: string): Promise<string[]>;
  /** Library sources grouped by specialty, specialties and titles sorted. */
  library(): Promise<Array<{ specialty: string; sources: Source[] }>>;
}

export function createCorpusService(deps: {
  retriever: () => Promise<Retriever>;
  store: Pick<EvidenceStore, "getSource" | "getPassages" | "passagesOfSource" | "listSources">;
  /** Related questions for a question (OslerApp.related). */
  related: (question: string, k?: number) => Promise<string[]>;
}): CorpusService {
  const { store } = deps;
  let libraryCache: { at: number; groups: Array<{ specialty: string; sources: Source[] }> } | null = null;

  return {
    search: async (q, k, kind) =>
      (await deps.retriever()).search(q, { k, filters: kind ? { kinds: [kind] } : undefined }),
    async source(id) {
      const source = await store.getSource(id);
      if (!source) throw notFound("source", id);
      return { source, passages: await store.passagesOfSource(id) };
    },
    async passage(id) {
      const [row] = await store.getPassages([id]);
      if (!row) throw notFound("passage", id);
      return row;
    },
    related: (q) => deps.related(q, 8),
    async library() {
      // The library changes only on import; a short cache keeps the page cheap under load.
      if (libraryCache && Date.now() - libraryCache.at < 30_000) return libraryCache.groups;
      const bySpecialty = new Map<string, Source[]>();
      for (const s of await store.listSources({ collection: "library" })) {
        const key = s.specialty ?? "general";
        bySpecialty.set(key, [...(bySpecialty.get(key) ?? []), s]);
      }
      const groups = [...bySpecialty.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([specialty, sources]) => ({
          specialty,
          sources: sources.sort((a, b) => a.title.localeCompare(b.title)),
        }));
      libraryCache = { at: Date.now(), groups };
      return groups;
    },
  };
}
