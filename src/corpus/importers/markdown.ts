/**
 * Osler library importer (`library/<specialty>/<slug>.md`, format in library/README.md).
 *
 * Yields one reference-only unit per declared source (`ref:<id>`, zero passages: the library
 * cites the guideline, it does not contain its text), then one editorial unit per document
 * (`lib:<doc id>`) with a passage per section. A source id means the same source across the
 * library, so ref units are merged over all documents (recommendation numbers united, citing
 * documents listed); documents are therefore read in two steps, all parsed first (the library is
 * a few hundred small files), then yielded. A document whose declaration of a shared source
 * contradicts an earlier one (kind, year, DOI, PMID) is rejected, as is any document with bad
 * front matter or an inline reference to an undeclared source.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, sep } from "node:path";
import { isOslerError, malformedFile } from "../../core/errors.js";
import { errorMessage, listFiles, makeUnit, sourceDefaults } from "./common.js";
import { type LibraryDoc, type LibraryParse, parseLibraryDoc, type SourceDecl } from "./library-doc.js";
import { yearFrom } from "./pubmed.js";
import { type RegistryEntry, readRegistry } from "./registry.js";
import type { ImportItem, ProgressListener } from "./types.js";

export { type RegistryEntry, readRegistry } from "./registry.js";

interface MergedRef {
  decl: SourceDecl;
  file: string;
  recommendations: Set<string>;
  citedBy: Set<string>;
}

const IDENTITY: (keyof SourceDecl)[] = ["kind", "year", "doi", "pmid"];

/** Names the first identity field on which two declarations of one source disagree. */
function conflict(a: SourceDecl, b: SourceDecl): string | null {
  for (const key of IDENTITY) {
    if (a[key] !== undefined && b[key] !== undefined && a[key] !== b[key]) {
      return `${key} ${JSON.stringify(b[key])} vs ${JSON.stringify(a[key])}`;
    }
  }
  return null;
}

function findClash(file: string, doc: LibraryDoc, refs: Map<string, MergedRef>) {
  for (const decl of doc.sources) {
    const earlier = refs.get(decl.id);
    const why = earlier ? conflict(earlier.decl, decl) : null;
    if (earlier && why) {
      const reason = `source ${decl.id} contradicts its declaration in ${earlier.file}: ${why}`;
      return malformedFile(file, reason, { line: decl.line });
    }
  }
  return null;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

function refUnit(ref: MergedRef, registry: Map<string, RegistryEntry>) {
  const { decl } = ref;
  const entry = registry.get(decl.id);
  return makeUnit(
    {
      ...sourceDefaults(),
      id: `ref:${decl.id}`,
      kind: decl.kind,
      title: decl.title,
      publisher: decl.organisation ?? decl.journal ?? null,
      year: decl.year,
      doi: decl.doi ?? null,
      pmid: decl.pmid ?? null,
      url:
        decl.url ??
        (decl.pmid
          ? `https://pubmed.ncbi.nlm.nih.gov/${decl.pmid}/`
          : decl.doi
            ? `https://doi.org/${decl.doi}`
            : null),
      collection: "library-refs",
      meta: {
        recommendations: [...ref.recommendations].sort(byNumber),
        citedBy: [...ref.citedBy].sort().map((id) => `lib:${id}`),
        registry: entry
          ? {
              organisation: entry.organisation,
              supersedes: entry.supersedes,
              supersededBy: entry.supersededBy,
            }
          : null,
      },
    },
    [],
  );
}

function editorialUnit(doc: LibraryDoc) {
  const { front } = doc;
  return makeUnit(
    {
      ...sourceDefaults(),
      id: `lib:${front.id}`,
      kind: "editorial",
      title: front.title,
      publisher: "Osler editorial team",
      authors: front.author ? [front.author] : [],
      year: yearFrom(front.review.updated),
      collection: "library",
      specialty: front.specialty,
      meta: {
        keywords: front.keywords ?? [],
        audience: front.audience ?? null,
        review: { status: front.review.status, updated: front.review.updated },
        created: front.created ?? null,
        author: front.author ?? null,
        sources: doc.sources.map((s) => `ref:${s.id}`),
      },
    },
    doc.passages,
  );
}

async function parseFile(file: string, dir: string): Promise<LibraryParse> {
  const expectedId = `${basename(dirname(file))}/${basename(file, ".md")}`;
  try {
    return { ok: true, doc: parseLibraryDoc(file, await readFile(file, "utf8"), expectedId) };
  } catch (error) {
    if (isOslerError(error)) return { ok: false, error };
    return { ok: false, error: malformedFile(relative(dir, file), errorMessage(error)) };
  }
}

/** Reads the library at `dir` (its root: `<dir>/<specialty>/*.md`, `<dir>/registry/*.yaml`). */
export async function* readLibrary(dir: string, onProgress?: ProgressListener): AsyncGenerator<ImportItem> {
  const registryDir = join(dir, "registry");
  let registry = new Map<string, RegistryEntry>();
  try {
    registry = new Map((await readRegistry(registryDir)).map((e) => [e.id, e]));
  } catch (error) {
    const err = isOslerError(error) ? error : malformedFile(registryDir, errorMessage(error));
    yield { kind: "rejected", file: registryDir, error: err };
  }
  // Documents live one folder down; README.md at the root and the registry are not documents.
  const files = await listFiles(dir, (p) => {
    const parts = relative(dir, p).split(sep);
    return p.endsWith(".md") && parts.length === 2 && parts[0] !== "registry";
  });
  const parsed: { file: string; result: LibraryParse }[] = [];
  const refs = new Map<string, MergedRef>();
  let done = 0;
  for (const file of files) {
    let result = await parseFile(file, dir);
    if (result.ok) {
      const doc = result.doc;
      const clash = findClash(file, doc, refs);
      if (clash) {
        result = { ok: false, error: clash };
      } else {
        for (const decl of doc.sources) {
          const ref = refs.get(decl.id) ?? { decl, file, recommendations: new Set(), citedBy: new Set() };
          for (const rec of decl.recommendations ?? []) ref.recommendations.add(rec);
          ref.citedBy.add(doc.front.id);
          refs.set(decl.id, ref);
        }
      }
    }
    parsed.push({ file, result });
    onProgress?.({ done: ++done, total: files.length, unit: "files" });
  }
  for (const id of [...refs.keys()].sort()) {
    const ref = refs.get(id);
    if (ref) yield { kind: "unit", unit: refUnit(ref, registry) };
  }
  for (const { file, result } of parsed) {
    if (result.ok) yield { kind: "unit", unit: editorialUnit(result.doc) };
    else yield { kind: "rejected", file, error: result.error };
  }
}
