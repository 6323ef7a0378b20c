/**
 * PubMed importer for `PubmedArticleSet` XML (E-utilities efetch output and the annual baseline /
 * update files), plain or gzipped. Streams the file through saxes and builds a tree for one
 * PubmedArticle at a time; each article becomes its own Source (`pmid:<PMID>`) with one passage
 * per AbstractText. A syntax error mid-file rejects the remainder only: articles completed before
 * it were already yielded and stand on their own.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { malformedFile } from "../../core/errors.js";
import type { EvidenceKind } from "../model.js";
import { errorMessage, makeUnit, type PassageDraft, sourceDefaults, tidy } from "./common.js";
import type { ImportItem, ProgressListener } from "./types.js";
import { childElements, pathOf, textOf, type XmlNode, XmlTreeStream } from "./xml.js";

/**
 * Evidence kind from PublicationTypeList. Precedence, first match wins: guideline >
 * systematic_review > protocol > trial > case_report > review > observational. Pure opinion
 * pieces (Editorial, Comment, Letter) map to `review` with meta.opinion = true rather than
 * `editorial`, which in this model means Osler's own guideline-backed summaries (authority 0.9).
 * Anything else, e.g. a plain Journal Article, is `observational`.
 */
const KIND_RULES: [RegExp, EvidenceKind][] = [
  [/guideline/i, "guideline"],
  [/^(network )?meta-analysis$|^systematic review$/i, "systematic_review"],
  [/^clinical trial protocol$/i, "protocol"],
  [/trial/i, "trial"],
  [/^case reports$/i, "case_report"],
  [/review$/i, "review"],
];
const OPINION = /^(editorial|comment|letter|news|interview|personal narrative)$/i;

export function kindFromPublicationTypes(types: string[]): EvidenceKind {
  for (const [pattern, kind] of KIND_RULES) if (types.some((t) => pattern.test(t.trim()))) return kind;
  const meaningful = types.filter((t) => !/^(journal article|english abstract)$/i.test(t.trim()));
  if (meaningful.length > 0 && meaningful.every((t) => OPINION.test(t.trim()))) return "review";
  return "observational";
}

/** First plausible four-digit year in a PubMed date string ("1998 Dec-1999 Jan" → 1998). */
export function yearFrom(text: string | null | undefined): number | null {
  const match = /(?<!\d)(1[5-9]\d\d|20\d\d|2100)(?!\d)/.exec(text ?? "");
  return match ? Number(match[1]) : null;
}

/** PubDate/Year, else the first year of PubDate/MedlineDate, else the electronic ArticleDate. */
function yearOf(article: XmlNode | undefined): number | null {
  const pubDate = pathOf(article, "Journal", "JournalIssue", "PubDate");
  return (
    yearFrom(textOf(pathOf(pubDate, "Year"))) ??
    yearFrom(textOf(pathOf(pubDate, "MedlineDate"))) ??
    yearFrom(textOf(pathOf(article, "ArticleDate", "Year")))
  );
}

function authorsOf(article: XmlNode | undefined): string[] {
  return childElements(pathOf(article, "AuthorList"), "Author")
    .map((a) => {
      const collective = tidy(textOf(pathOf(a, "CollectiveName")));
      if (collective) return collective;
      const last = tidy(textOf(pathOf(a, "LastName")));
      const initials = tidy(textOf(pathOf(a, "Initials")));
      return [last, initials].filter(Boolean).join(" ");
    })
    .filter(Boolean);
}

function doiOf(record: XmlNode, article: XmlNode | undefined): string | null {
  const ids = childElements(pathOf(record, "PubmedData", "ArticleIdList"), "ArticleId");
  const fromIds = ids.find((n) => n.attrs.IdType === "doi");
  const fromElocation = childElements(article, "ELocationID").find((n) => n.attrs.EIdType === "doi");
  return tidy(textOf(fromIds ?? fromElocation)) || null;
}

/** NlmCategory "UNASSIGNED" is no heading; the others (BACKGROUND, METHODS…) are. */
const nlmLabel = (category: string | undefined) => (category && category !== "UNASSIGNED" ? category : null);

const LANGUAGES: Record<string, string> = { eng: "en", fre: "fr", ger: "de", spa: "es", ita: "it" };

/** Converts one PubmedArticle tree into an item. */
export function articleItem(file: string, record: XmlNode): ImportItem {
  const citation = pathOf(record, "MedlineCitation");
  const pmid = tidy(textOf(pathOf(citation, "PMID")));
  if (!/^\d+$/.test(pmid)) {
    return {
      kind: "rejected",
      file,
      error: malformedFile(file, "PubmedArticle without a PMID", { line: record.line }),
    };
  }
  const article = pathOf(citation, "Article");
  const title =
    tidy(textOf(pathOf(article, "ArticleTitle"))) || tidy(textOf(pathOf(article, "VernacularTitle")));
  const sections = childElements(pathOf(article, "Abstract"), "AbstractText")
    .map((node) => ({ node, text: tidy(textOf(node)) }))
    .filter((s) => s.text !== "");
  if (sections.length === 0) return { kind: "skipped", file, reason: `pmid:${pmid} has no abstract` };
  if (!title)
    return {
      kind: "rejected",
      file,
      error: malformedFile(file, `pmid:${pmid} has no title`, { line: record.line }),
    };

  const sourceId = `pmid:${pmid}`;
  const drafts: PassageDraft[] = sections.map(({ node, text }, i) => ({
    id: `${sourceId}#${i + 1}`,
    sectionPath: [node.attrs.Label || nlmLabel(node.attrs.NlmCategory) || "Abstract"],
    text,
    meta: node.attrs.NlmCategory ? { nlmCategory: node.attrs.NlmCategory } : {},
  }));
  const publicationTypes = childElements(pathOf(article, "PublicationTypeList"), "PublicationType").map((n) =>
    tidy(textOf(n)),
  );
  const mesh = childElements(pathOf(citation, "MeshHeadingList"), "MeshHeading").map((h) =>
    tidy(textOf(pathOf(h, "DescriptorName"))),
  );
  const journal = pathOf(article, "Journal");
  const journalAbbrev =
    tidy(textOf(pathOf(journal, "ISOAbbreviation"))) ||
    tidy(textOf(pathOf(citation, "MedlineJournalInfo", "MedlineTA"))) ||
    null;
  const retracted =
    publicationTypes.includes("Retracted Publication") ||
    childElements(pathOf(citation, "CommentsCorrectionsList"), "CommentsCorrections").some(
      (c) => c.attrs.RefType === "RetractionIn",
    );
  const kind = kindFromPublicationTypes(publicationTypes);
  const language = tidy(textOf(pathOf(article, "Language"))).toLowerCase();
  const unit = makeUnit(
    {
      ...sourceDefaults(),
      id: sourceId,
      kind,
      title,
      publisher: tidy(textOf(pathOf(journal, "Title"))) || journalAbbrev,
      authors: authorsOf(article),
      year: yearOf(article),
      url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      pmid,
      doi: doiOf(record, article),
      language: LANGUAGES[language] ?? (language || "en"),
      collection: "pubmed",
      meta: {
        mesh: mesh.filter(Boolean),
        publicationTypes,
        journalAbbrev,
        ...(kind === "review" && !publicationTypes.some((t) => /review$/i.test(t)) ? { opinion: true } : {}),
        ...(retracted ? { retracted: true } : {}),
      },
    },
    drafts,
  );
  return { kind: "unit", unit };
}

/** gzip is detected by its magic bytes, not the file name. */
async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export async function* readPubmedXml(
  file: string,
  onProgress?: ProgressListener,
): AsyncGenerator<ImportItem> {
  const total = (await stat(file)).size;
  const raw = createReadStream(file);
  const text: Readable = (await isGzip(file)) ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (error) => text.destroy(error)); // pipe() does not forward source errors
  text.setEncoding("utf8");
  // DeleteCitation lists and anything else outside the articles are never captured.
  const tree = new XmlTreeStream((name) => name === "PubmedArticle" || name === "PubmedBookArticle");
  const emit = function* (nodes: XmlNode[]): Generator<ImportItem> {
    for (const node of nodes) {
      if (node.name === "PubmedBookArticle") {
        yield { kind: "skipped", file, reason: `book record at line ${node.line} (not supported)` };
      } else {
        yield articleItem(file, node);
      }
    }
  };
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      const step = tree.write(chunk);
      yield* emit(step.nodes);
      onProgress?.({ done: raw.bytesRead, total, unit: "bytes" });
      if (step.error) {
        yield { kind: "rejected", file, error: malformedFile(file, step.error.reason, step.error.position) };
        return;
      }
    }
    const last = tree.close();
    yield* emit(last.nodes);
    if (last.error) {
      yield { kind: "rejected", file, error: malformedFile(file, last.error.reason, last.error.position) };
    }
  } catch (error) {
    // Read or gunzip failure (e.g. a truncated .gz): the rest of the file cannot be read.
    yield { kind: "rejected", file, error: malformedFile(file, errorMessage(error)) };
  } finally {
    raw.destroy();
  }
  onProgress?.({ done: total, total, unit: "bytes" });
}
