/**
 * Helpers shared by the importers: text tidying, passage offsets, the canonical content hash, and
 * directory walking. Kept free of any format knowledge.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { cleanText, sha256 } from "../../core/ids.js";
import type { ImportUnit, Passage, Source } from "../model.js";

/** Separator between passages in a source's full text; passage offsets are defined against it. */
export const PASSAGE_SEPARATOR = "\n\n";

/** `cleanText` plus: NBSP to space, at most one blank line, so passage text is compact and stable. */
export function tidy(text: string): string {
  return cleanText(text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ")).replace(/\n{3,}/g, "\n\n");
}

/** A passage before its offsets are known. */
export interface PassageDraft {
  id: string;
  sectionPath: string[];
  text: string;
  meta?: Record<string, unknown>;
}

/**
 * Assigns ordinals and `start`/`end` offsets. The source's full text is defined as the passage
 * texts joined with PASSAGE_SEPARATOR, so `fullText.slice(p.start, p.end) === p.text`.
 */
export function placePassages(sourceId: string, drafts: PassageDraft[]): Passage[] {
  let offset = 0;
  return drafts.map((draft, ordinal) => {
    const start = offset;
    const end = start + draft.text.length;
    offset = end + PASSAGE_SEPARATOR.length;
    return {
      id: draft.id,
      sourceId,
      sectionPath: draft.sectionPath,
      ordinal,
      text: draft.text,
      start,
      end,
      meta: draft.meta ?? {},
    };
  });
}

/** The full text the passage offsets refer to. */
export function fullText(passages: Pick<Passage, "text">[]): string {
  return passages.map((p) => p.text).join(PASSAGE_SEPARATOR);
}

/** JSON with object keys sorted, so the serialisation does not depend on construction order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

type SourceDraft = Omit<Source, "importedAt" | "version" | "contentHash">;

/**
 * sha256 over everything the unit would store except the hash itself and import bookkeeping
 * (importedAt, version): source fields, passages (ids, paths, text, meta), questions and lexicon.
 * Equal hash ⇒ re-importing is a no-op.
 */
export function contentHashOf(
  source: SourceDraft,
  passages: Passage[],
  extras: Pick<ImportUnit, "questions" | "lexicon"> = {},
): string {
  return sha256(
    canonicalJson({
      source,
      passages: passages.map((p) => ({ id: p.id, path: p.sectionPath, text: p.text, meta: p.meta })),
      questions: extras.questions ?? [],
      lexicon: extras.lexicon ?? [],
    }),
  );
}

/** Builds a unit from a source draft and passage drafts, filling offsets and the content hash. */
export function makeUnit(
  source: SourceDraft,
  drafts: PassageDraft[],
  extras: Pick<ImportUnit, "questions" | "lexicon"> = {},
): ImportUnit {
  const passages = placePassages(source.id, drafts);
  const contentHash = contentHashOf(source, passages, extras);
  return { source: { ...source, contentHash }, passages, ...extras };
}

/** Defaults for the Source fields most importers leave empty. */
export function sourceDefaults(): Pick<
  Source,
  "authors" | "year" | "url" | "pmid" | "doi" | "license" | "language" | "specialty" | "publisher"
> {
  return {
    publisher: null,
    authors: [],
    year: null,
    url: null,
    pmid: null,
    doi: null,
    license: null,
    language: "en",
    specialty: null,
  };
}

/** All files under `dir` (recursively) accepted by `keep`, sorted by path for a stable order. */
export async function listFiles(dir: string, keep: (path: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path, keep)));
    else if (entry.isFile() && keep(path)) out.push(path);
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
