/**
 * Composition root: opens the store named by the settings, loads the bundled library and
 * curated lexicon on first run, and hands out the search and answer services built on them.
 * The CLI and the HTTP server both start here.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type AnswerEngine, createAnswerEngine } from "./answer/engine.js";
import { analyseQuestion } from "./answer/question.js";
import type { Settings } from "./config/settings.js";
import { sha256 } from "./core/ids.js";
import { type ImportSummary, type ProgressSink, runImport } from "./corpus/import-runner.js";
import { readLibrary } from "./corpus/importers/markdown.js";
import type { HybridRetriever } from "./search/dense/hybrid-retriever.js";
import { openHybridSearch } from "./search/dense/open-hybrid.js";
import type { LexicalRetriever } from "./search/lexical-retriever.js";
import { loadCuratedLexicon } from "./search/lexicon.js";
import { RelatedQuestions } from "./search/related-questions.js";
import { type BuildProgress, openSearch } from "./search/search-service.js";
import { openStore } from "./store/open.js";
import type { EvidenceStore } from "./store/ports.js";

/** Package root, whether running from src/ (tests) or dist/ (installed CLI). */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLED_LIBRARY = `${PACKAGE_ROOT}library`;
export const CURATED_LEXICON = `${PACKAGE_ROOT}resources/lexicon.yaml`;
/** Store state key: hash of the curated lexicon file last loaded into the database. */
const CURATED_LEXICON_STATE = "curated-lexicon-sha256";
export const LAY_GLOSSARY = `${PACKAGE_ROOT}resources/lay-glossary.yaml`;

/** What `OslerApp.search()` hands out: both kinds offer `search`, `plan` and `parts`. */
export type SearchRetriever = LexicalRetriever | HybridRetriever;

export class OslerApp {
  private lexicalCache: { version: string; retriever: LexicalRetriever } | null = null;
  private lexiconChecked = false;
  private searchCache: { key: string; retriever: HybridRetriever } | null = null;
  private answerCache: { version: string; retriever: SearchRetriever; engine: AnswerEngine } | null = null;
  private relatedCache: { version: string; index: RelatedQuestions } | null = null;
  private readonly warned = new Set<string>();
  /** Where non-fatal problems (e.g. the embeddings endpoint is down) are reported; replaceable. */
  warn: (message: string) => void = (message) => process.stderr.write(`osler: warning: ${message}\n`);

  private constructor(
    readonly settings: Settings,
    readonly store: EvidenceStore,
  ) {}

  static open(settings: Settings): OslerApp {
    return new OslerApp(settings, openStore(settings.dbPath));
  }

  /** Imports the bundled library and curated lexicon (idempotent: unchanged documents are no-ops). */
  async importLibrary(dir = BUNDLED_LIBRARY, sink?: ProgressSink): Promise<ImportSummary> {
    await this.syncCuratedLexicon();
    return runImport(
      this.store,
      readLibrary(dir, (p) => sink?.update(p)),
      sink,
    );
  }

  /**
   * The curated lexicon is part of how Osler searches, whatever the corpus: a database built only
   * from imports (e.g. MedQuAD for evaluation) gets it too, and a database made by an earlier
   * release gets the entries added or changed since.
   */
  async ensureCuratedLexicon(): Promise<void> {
    if (this.lexiconChecked) return;
    this.lexiconChecked = true;
    await this.syncCuratedLexicon();
  }

  private async syncCuratedLexicon(): Promise<void> {
    if (!existsSync(CURATED_LEXICON)) return;
    // Hashing the file is cheap; parsing its YAML is not, so it is parsed only when it changed.
    const hash = sha256(readFileSync(CURATED_LEXICON, "utf8"));
    if ((await this.store.getState(CURATED_LEXICON_STATE)) === hash) return;
    await this.store.upsertLexicon(loadCuratedLexicon(CURATED_LEXICON));
    await this.store.setState(CURATED_LEXICON_STATE, hash);
  }

  /** Loads the starter library the first time a database is used. */
  async ensureLibrary(sink?: ProgressSink): Promise<ImportSummary | null> {
    const existing = await this.store.listSources({ collection: "library" });
    if (existing.length > 0) return null;
    return this.importLibrary(BUNDLED_LIBRARY, sink);
  }

  /** The lexical (BM25F + rerank) retriever; evaluation uses its `plan`/`rank` directly. */
  async lexical(onBuildProgress?: BuildProgress): Promise<LexicalRetriever> {
    await this.ensureCuratedLexicon();
    const version = await this.store.corpusVersion();
    if (this.lexicalCache?.version !== version) {
      this.lexicalCache = {
        version,
        retriever: await openSearch(this.store, this.settings, { onBuildProgress }),
      };
    }
    return this.lexicalCache.retriever;
  }

  /**
   * The retriever that search and answers use: lexical, or lexical fused with dense retrieval
   * when `search.dense` is on and an embeddings endpoint and model are configured (and
   * `osler embed` has stored vectors). Rebuilt when the corpus or the stored vectors change.
   */
  async search(onBuildProgress?: BuildProgress): Promise<SearchRetriever> {
    const lexical = await this.lexical(onBuildProgress);
    const { embeddings } = this.settings;
    if (!this.settings.search.dense) return lexical;
    if (!embeddings.baseUrl || !embeddings.model) {
      this.warnOnce(
        "dense retrieval is on but OSLER_EMBEDDINGS_BASE_URL or OSLER_EMBEDDINGS_MODEL is not set",
      );
      return lexical;
    }
    const vectors = await this.store.countEmbeddings(embeddings.model);
    if (vectors === 0) {
      this.warnOnce(
        `dense retrieval is on but no passage has a ${embeddings.model} vector; run \`osler embed\``,
      );
      return lexical;
    }
    const key = `${lexical.parts.corpusVersion}|${vectors}`;
    if (this.searchCache?.key !== key || this.searchCache.retriever.lexical !== lexical) {
      this.searchCache = {
        key,
        retriever: await openHybridSearch(this.store, lexical, embeddings, {
          onWarning: (m) => this.warn(m),
        }),
      };
    }
    return this.searchCache.retriever;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warn(message);
  }

  /** The answer engine over the current corpus (rebuilt when the corpus changes). */
  async answers(): Promise<AnswerEngine> {
    const retriever = await this.search();
    const version = await this.store.corpusVersion();
    if (this.answerCache?.version !== version || this.answerCache.retriever !== retriever) {
      const engine = createAnswerEngine({
        retriever,
        store: this.store,
        settings: { answer: this.settings.answer, llm: this.settings.llm, search: this.settings.search },
        lexiconLookup: (phrase) => retriever.parts.lexicon.lookup(phrase),
        lexiconVariants: (phrase) => retriever.parts.lexicon.variantsOf(phrase),
        glossaryPath: LAY_GLOSSARY,
        relatedQuestions: async (q, k, remember) => {
          const related = await this.relatedIndex();
          const found = related.find(q.text, q.focus, k);
          // Later questions can be offered an answered one, without waiting for a rebuild.
          if (remember) related.add(q.text);
          return found;
        },
      });
      this.answerCache = { version, retriever, engine };
    }
    return this.answerCache.engine;
  }

  /** The related-question index over the current corpus (built on first use per corpus version). */
  private async relatedIndex(): Promise<RelatedQuestions> {
    const version = await this.store.corpusVersion();
    if (this.relatedCache?.version !== version) {
      this.relatedCache = { version, index: await RelatedQuestions.build(this.store) };
    }
    return this.relatedCache.index;
  }

  /** Related questions for any question (the same ones an answer to it would list). */
  async related(question: string, k = 8): Promise<string[]> {
    const retriever = await this.lexical();
    const q = analyseQuestion(question, (phrase) => retriever.parts.lexicon.lookup(phrase));
    return (await this.relatedIndex()).find(q.text, q.focus, k);
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
