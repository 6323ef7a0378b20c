/**
 * SQLite schema as an ordered list of migrations. The `schema_version` table records which have
 * run; a new migration is appended, never edited, so an old database upgrades in place.
 */
import { EVIDENCE_KINDS } from "../../corpus/model.js";

const kinds = EVIDENCE_KINDS.map((kind) => `'${kind}'`).join(", ");

export const MIGRATIONS: string[] = [
  // 1: sources, passages, question bank, lexicon, embeddings, answers
  `
  CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN (${kinds})),
    title TEXT NOT NULL,
    publisher TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    year INTEGER CHECK (year IS NULL OR (year BETWEEN 1800 AND 2200)),
    url TEXT,
    pmid TEXT,
    doi TEXT,
    license TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    collection TEXT NOT NULL,
    specialty TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    content_hash TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
  );
  CREATE INDEX sources_collection ON sources (collection);
  CREATE TABLE source_versions (
    source_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    replaced_at TEXT NOT NULL,
    PRIMARY KEY (source_id, version)
  );
  CREATE TABLE passages (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    section_path TEXT NOT NULL DEFAULT '[]',
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (length(text) > 0),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
    meta TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX passages_source ON passages (source_id, ordinal);
  CREATE TABLE questions (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    qtype TEXT,
    focus TEXT,
    passage_id TEXT,
    source_id TEXT REFERENCES sources (id) ON DELETE CASCADE
  );
  CREATE INDEX questions_source ON questions (source_id);
  CREATE TABLE lexicon (
    term TEXT NOT NULL,
    origin TEXT NOT NULL,
    synonyms TEXT NOT NULL DEFAULT '[]',
    abbreviations TEXT NOT NULL DEFAULT '[]',
    concept_id TEXT,
    lay_term TEXT,
    PRIMARY KEY (term, origin)
  );
  CREATE TABLE embeddings (
    passage_id TEXT NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (passage_id, model)
  );
  CREATE TABLE answers (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    audience TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX answers_created ON answers (created_at);
  CREATE TABLE corpus_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT INTO corpus_state (key, value) VALUES ('generation', '0');
  `,
];
