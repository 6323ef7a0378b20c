/**
 * Sentence splitting with character offsets, so a statement can always point back to the exact
 * span of its passage. Handles list lines ("- ", "* ", "1. "), abbreviations ("e.g.", "i.v.",
 * "Dr.", "vs."), initials and decimals ("2.5 mg").
 */

export interface SentenceSpan {
  text: string;
  /** Offsets into the passage text: `passage.slice(start, end) === text`. */
  start: number;
  end: number;
  /** True when the sentence came from a list item. */
  bullet: boolean;
}

// Lower-case forms, without the final period, of words after which a period does not end a sentence.
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "i.v",
  "i.m",
  "s.c",
  "p.o",
  "b.i.d",
  "t.i.d",
  "q.i.d",
  "q.d",
  "o.d",
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "vs",
  "etc",
  "approx",
  "fig",
  "figs",
  "no",
  "nos",
  "al",
  "cf",
  "st",
  "ref",
  "refs",
  "vol",
  "resp",
  "incl",
  "max",
  "min",
  "mo",
  "wk",
  "wks",
  "yr",
  "yrs",
  "inc",
  "jr",
  "sr",
  "univ",
  "dept",
]);

const LIST_MARKER = /^(\s*)(?:[-*•–]|\d{1,2}[.)])\s+/;

const splitCache = new Map<string, readonly SentenceSpan[]>();

/** Sentence spans of a text; memoised because the same passages are split for every question. */
export function splitSentences(text: string): readonly SentenceSpan[] {
  const cached = splitCache.get(text);
  if (cached) return cached;
  const out = splitUncached(text);
  if (splitCache.size >= 20_000) splitCache.clear();
  splitCache.set(text, out);
  return out;
}

function splitUncached(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const marker = line.match(LIST_MARKER);
    const offset = lineStart + (marker ? marker[0].length : 0);
    splitLine(text.slice(offset, lineStart + line.length), offset, Boolean(marker), out);
    lineStart += line.length + 1;
  }
  return out;
}

function splitLine(line: string, offset: number, bullet: boolean, out: SentenceSpan[]): void {
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    // Include closing quotes/brackets that follow the terminator.
    let end = i + 1;
    while (end < line.length && /["'”’)\]]/.test(line[end] as string)) end++;
    const next = line.slice(end).match(/^\s+(\S)/);
    if (end < line.length && !next) continue; // "2.5", "e.g.x": no space after the period
    if (next && !/[A-Z0-9("“[•-]/.test(next[1] as string)) continue; // lower-case continuation
    if (ch === "." && isAbbreviation(line.slice(start, i))) continue;
    push(line, start, end, offset, bullet, out);
    start = end;
  }
  push(line, start, line.length, offset, bullet, out);
}

function isAbbreviation(before: string): boolean {
  const word = before.match(/([A-Za-z][A-Za-z.]*)$/)?.[1];
  if (!word) return false;
  if (word.length === 1) return /[A-Z]/.test(word); // an initial, e.g. "J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

function push(line: string, from: number, to: number, offset: number, bullet: boolean, out: SentenceSpan[]) {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(line[s] as string)) s++;
  while (e > s && /\s/.test(line[e - 1] as string)) e--;
  if (e > s) out.push({ text: line.slice(s, e), start: offset + s, end: offset + e, bullet });
}
