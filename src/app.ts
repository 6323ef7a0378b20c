/**
 * Composition root: opens the store named by the settings, loads the bundled library and
 * curated lexicon on first run, and hands out the search and answer services built on them.
 * The CLI and the HTTP server both start here.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AnswerEngine, createAnswerEngine } from "./answer/engine.js";
import type { Settings } from "./config/settings.js";
import { type ImportSummary, type ProgressSink, runImport } from "./corpus/import-runner.js";
import { readLibrary } from "./corpus/importers/markdown.js";
import { openStore } from "./store/open.js";
import type { EvidenceStore } from "./store/ports.js";
import { loadCuratedLexicon } from "./search/lexicon.js";
import type { LexicalRetriever } from "./search/lexical-retriever.js";
import { RelatedQuestions } from "./search/related-questions.js";
import { type BuildProgress, openSearch } from "./search/search-service.js";

/** Package root, whether running from src/ (tests) or dist/ (installed CLI). */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLED_LIBRARY = `${PACKAGE_ROOT}library`;
export const CURATED_LEXICON = `${PACKAGE_ROOT}resources/lexicon.yaml`;
export const LAY_GLOSSARY = `${PACKAGE_ROOT}resources/lay-glossary.yaml`;

export class OslerApp {
  private searchCache: { version: string; retriever: LexicalRetriever } | null = null;
  private answerCache: { version: string; engine: AnswerEngine } | null = null;

  private constructor(
    readonly settings: Settings,
    readonly store: EvidenceStore,
  ) {}

  static open(settings: Settings): OslerApp {
    return new OslerApp(settings, openStore(settings.dbPath));
  }

  /** Imports the bundled library and curated lexicon (idempotent: unchanged documents are no-ops). */
  async importLibrary(dir = BUNDLED_LIBRARY, sink?: ProgressSink): Promise<ImportSummary> {
    if (existsSync(CURATED_LEXICON)) await this.store.upsertLexicon(loadCuratedLexicon(CURATED_LEXICON));
    return runImport(this.store, readLibrary(dir, (p) => sink?.update(p)), sink);
  }

  /** Loads the starter library the first time a database is used. */
  async ensureLibrary(sink?: ProgressSink): Promise<ImportSummary | null> {
    const existing = await this.store.listSources({ collection: "library" });
    if (existing.length > 0) return null;
    return this.importLibrary(BUNDLED_LIBRARY, sink);
  }

  async search(onBuildProgress?: BuildProgress): Promise<LexicalRetriever> {
    const version = await this.store.corpusVersion();
    if (this.searchCache?.version !== version) {
      this.searchCache = { version, retriever: await openSearch(this.store, this.settings, { onBuildProgress }) };
    }
    return this.searchCache.retriever;
  }

  /** The answer engine over the current corpus (rebuilt when the corpus changes). */
  async answers(): Promise<AnswerEngine> {
    const retriever = await this.search();
    const version = await this.store.corpusVersion();
    if (this.answerCache?.version !== version) {
      let related: RelatedQuestions | null = null;
      const engine = createAnswerEngine({
        retriever,
        store: this.store,
        settings: { answer: this.settings.answer, llm: this.settings.llm, search: this.settings.search },
        lexiconLookup: (phrase) => retriever.parts.lexicon.lookup(phrase),
        relatedQuestions: async (q, k) => {
          related ??= await RelatedQuestions.build(this.store);
          return related.find(q.text, q.focus, k);
        },
      });
      this.answerCache = { version, engine };
    }
    return this.answerCache.engine;
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
