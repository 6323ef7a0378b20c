/**
 * Text analysis shared by indexing and querying: the same function turns a passage and a question
 * into terms, so whatever a query says can only match what a passage said the same way.
 *
 * `tokenize` splits on anything that is not a letter, digit or a connector inside a word, and keeps
 * the shapes clinical text depends on: drug and gene names with digits (`b12`, `hba1c`, `5-fu`),
 * hyphenated terms (joined form plus parts), decimals and ranges, doses with units, comparisons and
 * ratios. Search-engine syntax (`" * ( ) : ^ ~ AND OR NEAR -`) is only ever a separator here.
 * `analyze` then drops stop words and Porter-stems plain words.
 */
import { stemmer } from "stemmer";
import { isStopWord } from "./analyzer-stopwords.js";

export { isStopWord, STOP_WORDS } from "./analyzer-stopwords.js";

/** Longer tokens are dropped (their hyphen parts are kept): they are base64, URLs or garbage. */
export const MAX_TOKEN_LENGTH = 64;

/**
 * One word: letter/digit runs joined by `-` or `/`, or by `.`/`:` between digits (decimals,
 * ratios), optionally preceded by a comparison and followed by `%`. Unicode-aware so "naïve" and
 * CJK stay whole; everything else (emoji, control characters, punctuation) separates.
 */
const WORD_RE =
  /(?:(<=|>=|=<|=>|[<>≤≥])[ \t]?)?([\p{L}\p{N}\p{M}]+(?:(?:[-/]|(?<=\p{N})[.:](?=\p{N}))[\p{L}\p{N}\p{M}]+)*)(%?)/gu;
/** The same grammar restricted to ASCII (input already lowercased); must stay equivalent. */
const ASCII_WORD_RE =
  /(?:(<=|>=|=<|=>|[<>])[ \t]?)?([a-z0-9]+(?:(?:[-/]|(?<=[0-9])[.:](?=[0-9]))[a-z0-9]+)*)(%?)/g;
const NUMBER_RE = /^\d+(?:\.\d+)?$/;
const NUMBER_UNIT_RE = /^(\d+(?:\.\d+)?)([a-zμ]+)$/;
const NON_ASCII_RE = /[^\p{ASCII}]/u;
const PLAIN_WORD_RE = /^[a-z]+$/;
const DIGIT_RE = /\d/;
const WS_RE = /^[ \t\n\r]$/;

/** Units that, after a number, make one extra joined token (`2.5 mg` → `2.5mg`). */
const UNITS: ReadonlySet<string> = new Set(
  (
    "mg g kg mcg μg ug ng pg ml l dl mmol mol meq iu u units unit mmhg cmh2o h hr hrs hour hours " +
    "min mins minute minutes s sec d day days wk wks week weeks mo month months y yr yrs year years " +
    "cm mm m km kcal cal bpm mm3 cells kda mosm"
  ).split(" "),
);

const COMPARATORS: Record<string, string> = {
  "<": "<",
  ">": ">",
  "<=": "<=",
  ">=": ">=",
  "=<": "<=",
  "=>": ">=",
  "≤": "<=",
  "≥": ">=",
};

/** Lowercase and NFKC-normalise; ASCII needs no normalisation, which is the common fast path. */
function normalizeText(text: string): string {
  const lower = text.toLowerCase();
  return !NON_ASCII_RE.test(lower) ? lower : lower.normalize("NFKC").toLowerCase();
}

/** Emit a single piece (no `-` or `/` inside), splitting a glued dose like `2.5mg`. */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isNumber(s: string): boolean {
  return startsWithDigit(s) && NUMBER_RE.test(s);
}

function emitPiece(piece: string, emit: (token: string) => void): void {
  if (piece.length > MAX_TOKEN_LENGTH) return;
  emit(piece);
  if (!startsWithDigit(piece)) return;
  const m = NUMBER_UNIT_RE.exec(piece);
  if (m !== null && UNITS.has(m[2])) {
    emit(m[1]);
    emit(m[2]);
  }
}

/**
 * Calls `emit` for every token of `text` in order. The callback form lets the index builder avoid
 * allocating an array per field; `tokenize` is the array form.
 */
export function forEachToken(text: string, emit: (token: string) => void): void {
  const lower = (typeof text === "string" ? text : String(text)).toLowerCase();
  // Pure ASCII needs no normalisation, and an equivalent non-Unicode regex scans it faster.
  const ascii = !NON_ASCII_RE.test(lower);
  const proto = ascii ? ASCII_WORD_RE : WORD_RE;
  // Shared regexes are reused unless `emit` itself tokenizes (that would clobber lastIndex).
  const re = scanning ? new RegExp(proto.source, proto.flags) : proto;
  re.lastIndex = 0;
  const outer = !scanning;
  scanning = true;
  try {
    scan(ascii ? lower : lower.normalize("NFKC").toLowerCase(), re, emit);
  } finally {
    if (outer) scanning = false;
  }
}

let scanning = false;

function scan(s: string, re: RegExp, emit: (token: string) => void): void {
  // The trailing number of the previous word and where that word ended, for `2.5 mg` → `2.5mg`.
  let prevNumber = "";
  let prevEnd = -2;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const cmp = m[1];
    const word = m[2];
    const compound = word.indexOf("-") >= 0 || word.indexOf("/") >= 0;
    let lastPart = word;
    if (compound) {
      if (word.length <= MAX_TOKEN_LENGTH) emit(word);
      const parts = word.split(/[-/]/);
      for (const part of parts) emitPiece(part, emit);
      lastPart = parts[parts.length - 1];
    } else {
      emitPiece(word, emit);
    }
    const lastIsNumber = isNumber(lastPart);
    if (cmp !== undefined && startsWithDigit(word)) {
      const num = isNumber(word) ? word : (NUMBER_UNIT_RE.exec(word)?.[1] ?? "");
      if (num !== "") emit(COMPARATORS[cmp] + num);
    }
    if (lastIsNumber && m[3] === "%") emit(`${lastPart}%`);
    if (prevNumber !== "" && cmp === undefined && m.index === prevEnd + 1 && WS_RE.test(s[prevEnd])) {
      const slash = word.indexOf("/");
      const unit = slash < 0 ? word : word.slice(0, slash);
      if (word.indexOf("-") < 0 && UNITS.has(unit)) {
        const joined = prevNumber + word;
        if (joined.length <= MAX_TOKEN_LENGTH) emit(joined);
        // `30 ml/min` also yields `30ml`, so re-tokenizing `30ml/min` finds nothing new.
        if (slash >= 0) emit(prevNumber + unit);
      }
    }
    prevNumber = lastIsNumber ? lastPart : "";
    prevEnd = m.index + m[0].length;
  }
}

/** Lowercased, normalised tokens of `text`, in order. Never throws. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (t) => out.push(t));
  return out;
}

/**
 * Bumped whenever the terms `analyze` produces change (2: British spellings folded onto American
 * ones), so indexes saved by an earlier build are rebuilt rather than searched with other terms.
 */
export const ANALYZER_VERSION = 2;

/** Stem a plain lowercase word unless it is an abbreviation-length word (≤ 3 chars). */
function stemWord(word: string): string {
  return word.length <= 3 || !PLAIN_WORD_RE.test(word) ? word : stemmer(foldSpelling(word));
}

/**
 * Folds British spellings onto American ones before stemming ("haemorrhage" → "hemorrhage",
 * "oesophageal" → "esophageal", "randomised" → "randomized", "tumour" → "tumor", "litre" →
 * "liter"), so question and evidence meet whichever spelling each uses. Applied to both sides,
 * so an occasional over-fold only merges two rare forms.
 */
export function foldSpelling(w: string): string {
  if (w.length < 5) return w;
  return w
    .replace(/ae/g, "e")
    .replace(/oe(?=[a-z])/g, "e")
    .replace(/(?<=[a-z]{3})our(s?)$/, "or$1")
    .replace(/(?<=[a-z]{2})tre(s?)$/, "ter$1")
    .replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/, "iz$1")
    .replace(/(?<=[a-z]{2})ys(e|ed|es|ing)$/, "yz$1");
}

/**
 * The index term for one token: stemmed when it is a plain word, untouched when it has digits or
 * is short, stemmed part by part when it is a compound (`anti-inflammatories` → `anti-inflammatori`).
 * It does not drop stop words (see `isStopWord`) and does not split: pass one token.
 */
export function normalizeTerm(word: string): string {
  const t = !NON_ASCII_RE.test(word) ? word.toLowerCase() : normalizeText(word);
  if (t.length <= 3 || DIGIT_RE.test(t)) return t;
  if (t.indexOf("-") < 0 && t.indexOf("/") < 0) return stemWord(t);
  return t.replace(/[^-/]+/g, stemWord);
}

// Token → term memo: stemming dominates analysis time and clinical vocabulary repeats heavily.
// Bounded so hostile input cannot grow it without limit; "" marks a stop word.
const TERM_CACHE_LIMIT = 1 << 20;
let termCache = new Map<string, string>();

/** The term for an already-lowercased token from `tokenize`, or "" when it is a stop word. */
export function termOfToken(token: string): string {
  let term = termCache.get(token);
  if (term !== undefined) return term;
  term = isStopWord(token) ? "" : normalizeTerm(token);
  if (termCache.size >= TERM_CACHE_LIMIT) termCache = new Map();
  termCache.set(token, term);
  return term;
}

/** Calls `emit` for every index term of `text`: tokens minus stop words, stemmed. */
export function forEachTerm(text: string, emit: (term: string) => void): void {
  forEachToken(text, (token) => {
    const term = termOfToken(token);
    if (term !== "") emit(term);
  });
}

/** The index terms of `text`, in order (repeats kept: they are term frequency). Never throws. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  forEachTerm(text, (t) => out.push(t));
  return out;
}
