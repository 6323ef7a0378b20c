/**
 * The embedded evidence store: one SQLite file (WAL, foreign keys on) behind the EvidenceStore
 * port. Only this module and schema.ts know SQL.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { OslerError } from "../../core/errors.js";
import type {
  EvidenceKind,
  ImportUnit,
  LexiconEntry,
  Passage,
  QuestionBankEntry,
  Source,
} from "../../corpus/model.js";
import type { EvidenceStore, ImportOutcome, PassageWithSource, StoredAnswer, StoreStats } from "../ports.js";
import { MIGRATIONS } from "./schema.js";

interface SourceRow {
  id: string;
  kind: string;
  title: string;
  publisher: string | null;
  authors: string;
  year: number | null;
  url: string | null;
  pmid: string | null;
  doi: string | null;
  license: string | null;
  language: string;
  collection: string;
  specialty: string | null;
  meta: string;
  content_hash: string;
  imported_at: string;
  version: number;
}

interface PassageRow {
  id: string;
  source_id: string;
  section_path: string;
  ordinal: number;
  text: string;
  start_offset: number;
  end_offset: number;
  meta: string;
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    kind: row.kind as EvidenceKind,
    title: row.title,
    publisher: row.publisher,
    authors: JSON.parse(row.authors),
    year: row.year,
    url: row.url,
    pmid: row.pmid,
    doi: row.doi,
    license: row.license,
    language: row.language,
    collection: row.collection,
    specialty: row.specialty,
    meta: JSON.parse(row.meta),
    contentHash: row.content_hash,
    importedAt: row.imported_at,
    version: row.version,
  };
}

function toPassage(row: PassageRow): Passage {
  return {
    id: row.id,
    sourceId: row.source_id,
    sectionPath: JSON.parse(row.section_path),
    ordinal: row.ordinal,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    meta: JSON.parse(row.meta),
  };
}

export function migrate(db: Database.Database): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)");
  const row = db.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > MIGRATIONS.length) {
    throw new OslerError(
      "conflict",
      `database schema version ${current} is newer than this Osler (${MIGRATIONS.length})`,
      {
        hint: "Upgrade Osler or use another database file (--db).",
      },
    );
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] as string);
      db.prepare("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)").run(
        version,
        new Date().toISOString(),
      );
    })();
  }
  return MIGRATIONS.length;
}

export class SqliteStore implements EvidenceStore {
  readonly backend = "sqlite" as const;
  readonly db: Database.Database;
  private readonly statements;

  constructor(readonly path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
    } catch (error) {
      throw new OslerError("invalid_input", `cannot open database ${path}: ${(error as Error).message}`, {
        hint: "Check the --db path or OSLER_DB.",
      });
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("synchronous = NORMAL");
    migrate(this.db);
    this.statements = {
      sourceHash: this.db.prepare("SELECT content_hash, version FROM sources WHERE id = ?"),
      getSource: this.db.prepare("SELECT * FROM sources WHERE id = ?"),
      getPassage: this.db.prepare("SELECT * FROM passages WHERE id = ?"),
      passagesOf: this.db.prepare("SELECT * FROM passages WHERE source_id = ? ORDER BY ordinal"),
      archive: this.db.prepare(
        `INSERT OR REPLACE INTO source_versions (source_id, version, content_hash, imported_at, replaced_at)
         SELECT id, version, content_hash, imported_at, ? FROM sources WHERE id = ?`,
      ),
      deletePassages: this.db.prepare("DELETE FROM passages WHERE source_id = ?"),
      deleteQuestions: this.db.prepare("DELETE FROM questions WHERE source_id = ?"),
      upsertSource: this.db.prepare(
        `INSERT INTO sources (id, kind, title, publisher, authors, year, url, pmid, doi, license, language,
           collection, specialty, meta, content_hash, imported_at, version)
         VALUES (@id, @kind, @title, @publisher, @authors, @year, @url, @pmid, @doi, @license, @language,
           @collection, @specialty, @meta, @contentHash, @importedAt, @version)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title,
           publisher = excluded.publisher, authors = excluded.authors, year = excluded.year, url = excluded.url,
           pmid = excluded.pmid, doi = excluded.doi, license = excluded.license, language = excluded.language,
           collection = excluded.collection, specialty = excluded.specialty, meta = excluded.meta,
           content_hash = excluded.content_hash, imported_at = excluded.imported_at, version = excluded.version`,
      ),
      insertPassage: this.db.prepare(
        `INSERT INTO passages (id, source_id, section_path, ordinal, text, start_offset, end_offset, meta)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertQuestion: this.db.prepare(
        `INSERT OR REPLACE INTO questions (id, question, qtype, focus, passage_id, source_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      upsertLexicon: this.db.prepare(
        `INSERT INTO lexicon (term, origin, synonyms, abbreviations, concept_id, lay_term)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (term, origin) DO UPDATE SET synonyms = excluded.synonyms,
           abbreviations = excluded.abbreviations, concept_id = excluded.concept_id, lay_term = excluded.lay_term`,
      ),
      bumpGeneration: this.db.prepare(
        "UPDATE corpus_state SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'generation'",
      ),
    };
  }

  async importUnit(unit: ImportUnit): Promise<ImportOutcome> {
    return this.importUnitSync(unit);
  }

  /** Synchronous core of importUnit, also used by bulk loaders that batch many units per transaction. */
  importUnitSync(unit: ImportUnit): ImportOutcome {
    const run = this.db.transaction((): ImportOutcome => {
      const { source } = unit;
      const existing = this.statements.sourceHash.get(source.id) as
        | { content_hash: string; version: number }
        | undefined;
      if (existing && existing.content_hash === source.contentHash) return "unchanged";
      const now = new Date().toISOString();
      if (existing) {
        this.statements.archive.run(now, source.id);
        this.statements.deletePassages.run(source.id);
        this.statements.deleteQuestions.run(source.id);
      }
      this.statements.upsertSource.run({
        ...source,
        authors: JSON.stringify(source.authors),
        meta: JSON.stringify(source.meta),
        importedAt: now,
        version: existing ? existing.version + 1 : 1,
      });
      for (const p of unit.passages) {
        if (p.sourceId !== source.id) {
          throw new OslerError("invalid_input", `passage ${p.id} belongs to ${p.sourceId}, not ${source.id}`);
        }
        this.statements.insertPassage.run(
          p.id,
          p.sourceId,
          JSON.stringify(p.sectionPath),
          p.ordinal,
          p.text,
          p.start,
          p.end,
          JSON.stringify(p.meta),
        );
      }
      for (const q of unit.questions ?? []) {
        this.statements.insertQuestion.run(q.id, q.question, q.qtype, q.focus, q.passageId, source.id);
      }
      this.writeLexicon(unit.lexicon ?? []);
      this.statements.bumpGeneration.run();
      return existing ? "updated" : "imported";
    });
    try {
      return run();
    } catch (error) {
      if (error instanceof OslerError) throw error;
      throw new OslerError(
        "invalid_input",
        `could not store source ${unit.source.id}: ${(error as Error).message}`,
        {
          cause: error,
          hint: "Nothing from this source was stored.",
        },
      );
    }
  }

  private writeLexicon(entries: LexiconEntry[]): void {
    for (const e of entries) {
      this.statements.upsertLexicon.run(
        e.term,
        e.origin,
        JSON.stringify(e.synonyms),
        JSON.stringify(e.abbreviations),
        e.conceptId,
        e.layTerm,
      );
    }
  }

  async getSource(id: string): Promise<Source | null> {
    const row = this.statements.getSource.get(id) as SourceRow | undefined;
    return row ? toSource(row) : null;
  }

  async getPassage(id: string): Promise<Passage | null> {
    const row = this.statements.getPassage.get(id) as PassageRow | undefined;
    return row ? toPassage(row) : null;
  }

  async getPassages(ids: string[]): Promise<PassageWithSource[]> {
    const out: PassageWithSource[] = [];
    const sources = new Map<string, Source>();
    for (const id of ids) {
      const row = this.statements.getPassage.get(id) as PassageRow | undefined;
      if (!row) continue;
      let source = sources.get(row.source_id);
      if (!source) {
        source = toSource(this.statements.getSource.get(row.source_id) as SourceRow);
        sources.set(source.id, source);
      }
      out.push({ passage: toPassage(row), source });
    }
    return out;
  }

  async passagesOfSource(sourceId: string): Promise<Passage[]> {
    return (this.statements.passagesOf.all(sourceId) as PassageRow[]).map(toPassage);
  }

  async *iteratePassages(): AsyncIterable<PassageWithSource> {
    const sources = new Map<string, Source>();
    for (const row of this.db.prepare("SELECT * FROM sources").iterate() as Iterable<SourceRow>) {
      sources.set(row.id, toSource(row));
    }
    const rows = this.db.prepare("SELECT * FROM passages ORDER BY seq").iterate() as Iterable<PassageRow>;
    for (const row of rows) {
      yield { passage: toPassage(row), source: sources.get(row.source_id) as Source };
    }
  }

  async listSources(
    filter: { collection?: string; kind?: string; specialty?: string } = {},
  ): Promise<Source[]> {
    const where: string[] = [];
    const args: string[] = [];
    for (const [column, value] of [
      ["collection", filter.collection],
      ["kind", filter.kind],
      ["specialty", filter.specialty],
    ] as const) {
      if (value) {
        where.push(`${column} = ?`);
        args.push(value);
      }
    }
    const sql = `SELECT * FROM sources ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`;
    return (this.db.prepare(sql).all(...args) as SourceRow[]).map(toSource);
  }

  async upsertLexicon(entries: LexiconEntry[]): Promise<number> {
    this.db.transaction(() => {
      this.writeLexicon(entries);
      this.statements.bumpGeneration.run();
    })();
    return entries.length;
  }

  async allLexicon(): Promise<LexiconEntry[]> {
    const rows = this.db.prepare("SELECT * FROM lexicon ORDER BY origin, term").all() as Array<{
      term: string;
      origin: string;
      synonyms: string;
      abbreviations: string;
      concept_id: string | null;
      lay_term: string | null;
    }>;
    return rows.map((r) => ({
      term: r.term,
      origin: r.origin,
      synonyms: JSON.parse(r.synonyms),
      abbreviations: JSON.parse(r.abbreviations),
      conceptId: r.concept_id,
      layTerm: r.lay_term,
    }));
  }

  async allQuestions(): Promise<QuestionBankEntry[]> {
    const rows = this.db
      .prepare("SELECT id, question, qtype, focus, passage_id, source_id FROM questions ORDER BY id")
      .all() as Array<{
      id: string;
      question: string;
      qtype: string | null;
      focus: string | null;
      passage_id: string | null;
      source_id: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      question: r.question,
      qtype: r.qtype,
      focus: r.focus,
      passageId: r.passage_id,
      sourceId: r.source_id,
    }));
  }

  async putEmbeddings(
    model: string,
    rows: Array<{ passageId: string; vector: Float32Array }>,
  ): Promise<void> {
    const insert = this.db.prepare(
      "INSERT OR REPLACE INTO embeddings (passage_id, model, dim, vector) VALUES (?, ?, ?, ?)",
    );
    this.db.transaction(() => {
      for (const row of rows) {
        insert.run(
          row.passageId,
          model,
          row.vector.length,
          Buffer.from(row.vector.buffer, row.vector.byteOffset, row.vector.byteLength),
        );
      }
    })();
  }

  async getEmbeddings(model: string): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    const rows = this.db
      .prepare("SELECT passage_id, vector FROM embeddings WHERE model = ?")
      .iterate(model) as Iterable<{
      passage_id: string;
      vector: Buffer;
    }>;
    for (const row of rows) {
      const copy = new Uint8Array(row.vector);
      out.set(row.passage_id, new Float32Array(copy.buffer, 0, copy.byteLength / 4));
    }
    return out;
  }

  async countEmbeddings(model: string): Promise<number> {
    return (
      this.db.prepare("SELECT count(*) AS n FROM embeddings WHERE model = ?").get(model) as { n: number }
    ).n;
  }

  async passageIdsWithoutEmbedding(model: string, limit: number, afterId?: string): Promise<string[]> {
    const rows = this.db
      .prepare(
        `SELECT p.id FROM passages p
         WHERE (? IS NULL OR p.id > ?)
           AND NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.passage_id = p.id AND e.model = ?)
         ORDER BY p.id LIMIT ?`,
      )
      .all(afterId ?? null, afterId ?? null, model, Math.max(0, Math.floor(limit))) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async saveAnswer(answer: StoredAnswer): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO answers (id, question, audience, body, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, created_at = excluded.created_at`,
      )
      .run(answer.id, answer.question, answer.audience, JSON.stringify(answer.body), answer.createdAt);
  }

  async getAnswer(id: string): Promise<StoredAnswer | null> {
    const row = this.db.prepare("SELECT * FROM answers WHERE id = ?").get(id) as
      | { id: string; question: string; audience: string; body: string; created_at: string }
      | undefined;
    return row
      ? {
          id: row.id,
          question: row.question,
          audience: row.audience,
          body: JSON.parse(row.body),
          createdAt: row.created_at,
        }
      : null;
  }

  async listAnswers(limit: number): Promise<StoredAnswer[]> {
    const rows = this.db
      .prepare("SELECT * FROM answers ORDER BY created_at DESC, id LIMIT ?")
      .all(limit) as Array<{
      id: string;
      question: string;
      audience: string;
      body: string;
      created_at: string;
    }>;
    return rows.map((row) => ({
      id: row.id,
      question: row.question,
      audience: row.audience,
      body: JSON.parse(row.body),
      createdAt: row.created_at,
    }));
  }

  async getState(key: string): Promise<string | null> {
    const row = this.db.prepare("SELECT value FROM corpus_state WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  async setState(key: string, value: string): Promise<void> {
    // The corpus generation is the store's own to change (imports bump it).
    if (key === "generation") throw new Error("the corpus generation is not a settable state");
    this.db
      .prepare(
        "INSERT INTO corpus_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(key, value);
  }

  async corpusVersion(): Promise<string> {
    const gen = this.db.prepare("SELECT value FROM corpus_state WHERE key = 'generation'").get() as {
      value: string;
    };
    const counts = this.db.prepare("SELECT count(*) AS n FROM passages").get() as { n: number };
    return `g${gen.value}-p${counts.n}`;
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const byCollection: Record<string, number> = {};
    for (const row of this.db
      .prepare("SELECT collection, count(*) AS n FROM sources GROUP BY collection")
      .all() as Array<{
      collection: string;
      n: number;
    }>) {
      byCollection[row.collection] = row.n;
    }
    return {
      sources: one("SELECT count(*) AS n FROM sources"),
      passages: one("SELECT count(*) AS n FROM passages"),
      questions: one("SELECT count(*) AS n FROM questions"),
      lexicon: one("SELECT count(*) AS n FROM lexicon"),
      byCollection,
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
