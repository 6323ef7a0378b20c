/**
 * The inline reference markers of library documents: `[ssc-2021 §31]`,
 * `[chest-vte-2021; hokusai-vte-cancer-2018]`. `stripRefs` removes the markers from a line of text
 * and reports, for each marker, which stretch of the cleaned line it supports, so answers can cite
 * the exact sentence or bullet. Total by construction: any string parses, unmatched brackets are
 * left as text.
 */

export interface Citation {
  /** Source id as written in the document (without the `ref:` prefix). */
  id: string;
  /** Recommendation number after `§`, if any. */
  rec: string | null;
}

export interface RefSpan {
  /** Range in the cleaned text. */
  start: number;
  end: number;
  sources: Citation[];
}

/** A bracketed group not followed by `(` (that would be a Markdown link). */
const CANDIDATE = /\[([^[\]]+)\](?!\()/g;
const PART = /^\s*([a-z0-9][a-z0-9-]*)(?:\s*§\s*(\S(?:.*\S)?))?\s*$/;
/** Punctuation right after a marker still belongs to the cited sentence: "… (grade 1A) [x]." */
const CLOSING = /^[.,;:!?)]+/;

/** Parses a bracket's content as citations, or null when it is not a reference marker. */
export function parseMarker(content: string): Citation[] | null {
  const cites: Citation[] = [];
  for (const part of content.split(";")) {
    const m = PART.exec(part);
    if (!m) return null;
    cites.push({ id: m[1], rec: m[2] ?? null });
  }
  return cites;
}

export function formatRef(cites: Citation[]): string {
  return `[${cites.map((c) => (c.rec ? `${c.id} §${c.rec}` : c.id)).join("; ")}]`;
}

/**
 * Removes reference markers (and the spaces before them) from `line`. Each marker cites the text
 * since the previous marker; a marker with nothing new before it ("[a] [b]") adds to the previous
 * span.
 */
export function stripRefs(line: string): { text: string; spans: RefSpan[] } {
  let text = "";
  let cursor = 0;
  let segmentStart = 0;
  const spans: RefSpan[] = [];
  for (const match of line.matchAll(CANDIDATE)) {
    const cites = parseMarker(match[1]);
    if (!cites) continue;
    text = (text + line.slice(cursor, match.index)).trimEnd();
    cursor = match.index + match[0].length;
    const closing = CLOSING.exec(line.slice(cursor))?.[0] ?? "";
    text += closing;
    cursor += closing.length;
    while (segmentStart < text.length && /\s/.test(text[segmentStart])) segmentStart++;
    const previous = spans.at(-1);
    if (segmentStart >= text.length && previous) {
      previous.sources.push(...cites);
      previous.end = text.length;
    } else {
      spans.push({ start: Math.min(segmentStart, text.length), end: text.length, sources: cites });
    }
    segmentStart = text.length;
  }
  text += line.slice(cursor);
  return { text, spans };
}
