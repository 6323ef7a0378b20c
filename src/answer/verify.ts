/**
 * Statement verification against the passages a statement cites, and citation parsing for model
 * output. A statement is supported when its content words are covered by the cited text AND the
 * hard facts agree: every number, unit and drug-like name appears in the cited text, and the
 * statement is negated ("not", "avoid", "contraindicated") exactly when its best-matching cited
 * sentence is.
 */
import { splitSentences } from "./sentences.js";
import { contentStems, drugLikeNames, isNegated, numbers, stemSet, units, words } from "./text.js";

export interface Verification {
  /** Content-word coverage 0..1 (capped low when a hard requirement fails). */
  support: number;
  ok: boolean;
  /** Why a statement failed, e.g. `number 40 not in cited text`. */
  reasons: string[];
}

/** What verification reads from one cited passage; passages are cited by many statements, so it is memoised. */
interface CitedFacts {
  stems: Set<string>;
  numbers: Set<string>;
  units: Set<string>;
  words: Set<string>;
  sentences: Array<{ text: string; stems: Set<string>; words: Set<string> }>;
}

const factsCache = new Map<string, CitedFacts>();

function citedFacts(text: string): CitedFacts {
  let facts = factsCache.get(text);
  if (!facts) {
    facts = {
      stems: stemSet(text),
      numbers: new Set(numbers(text)),
      units: new Set(units(text)),
      // Parts of compound tokens count too: "4F-PCC" names PCC, "piperacillin/tazobactam" both drugs.
      words: new Set(words(text).flatMap((w) => [w, ...w.split(/[-/]/)].map((x) => x.replace(/s$/, "")))),
      sentences: splitSentences(text).map((span) => ({
        text: span.text,
        stems: stemSet(span.text),
        words: new Set(words(span.text)),
      })),
    };
    if (factsCache.size >= 2_000) factsCache.clear();
    factsCache.set(text, facts);
  }
  return facts;
}

const has = (sets: Set<string>[], x: string) => sets.some((set) => set.has(x));

export function verifyStatement(statement: string, citedTexts: string[], minSupport: number): Verification {
  if (citedTexts.length === 0) return { support: 0, ok: false, reasons: ["no cited passage"] };
  const facts = citedTexts.map(citedFacts);
  const stems = contentStems(statement);
  const citedStems = facts.map((f) => f.stems);
  const coverage = stems.length === 0 ? 0 : stems.filter((s) => has(citedStems, s)).length / stems.length;

  const reasons: string[] = [];
  const citedNumbers = facts.map((f) => f.numbers);
  for (const n of numbers(statement))
    if (!has(citedNumbers, n)) reasons.push(`number ${n} not in cited text`);
  const citedUnits = facts.map((f) => f.units);
  for (const u of units(statement)) if (!has(citedUnits, u)) reasons.push(`unit ${u} not in cited text`);
  const citedWords = facts.map((f) => f.words);
  for (const name of drugLikeNames(statement)) {
    if (!has(citedWords, name.replace(/s$/, ""))) reasons.push(`name ${name} not in cited text`);
  }
  const matched = bestSentence(statement, facts);
  if (matched !== null) {
    if (isNegated(statement) && !isNegated(matched)) reasons.push("negation not in cited text");
    else if (!isNegated(statement) && negatedStems(matched).some((s) => stems.includes(s))) {
      reasons.push("cited text is negated");
    }
  }

  const support = reasons.length > 0 ? Math.min(coverage, 0.4) : coverage;
  return { support: round2(support), ok: reasons.length === 0 && coverage >= minSupport, reasons };
}

/** The cited sentence sharing the most content words with the statement (the "matched region"). */
function bestSentence(statement: string, cited: CitedFacts[]): string | null {
  const target = stemSet(statement);
  // Shared drug names decide between sentences that otherwise overlap equally.
  const names = drugLikeNames(statement);
  let best: string | null = null;
  let bestOverlap = 0;
  for (const facts of cited) {
    for (const span of facts.sentences) {
      let overlap = 0;
      for (const s of span.stems) if (target.has(s)) overlap++;
      for (const name of names) if (span.words.has(name)) overlap += 2;
      if (overlap > bestOverlap) {
        best = span.text;
        bestOverlap = overlap;
      }
    }
  }
  return best;
}

/**
 * Content stems a negation governs: up to four after each cue, within its clause. A statement that
 * asserts one of these without the negation contradicts its source; one that merely leaves out a
 * negated side clause ("… because it is not renally cleared") does not.
 */
function negatedStems(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(NEGATION_CUE)) {
    const clause = sentence.slice((m.index ?? 0) + m[0].length).split(/[,;:.]/)[0] ?? "";
    out.push(...contentStems(clause).slice(0, 4));
  }
  return out;
}

const NEGATION_CUE =
  /\b(?:not|no|never|avoid|avoided|avoids|contraindicated|without|cannot|neither|nor|against|don't|doesn't|shouldn't|isn't|aren't)\b/gi;

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface ParsedCitations {
  /** The statement with citation markers removed. */
  text: string;
  /** Valid evidence keys in order of first appearance, without duplicates. */
  keys: string[];
  /** Markers that named no known evidence (invented or malformed), for diagnostics. */
  invalid: string[];
}

// Bracketed markers in any of the shapes models produce: [P1], [1, 2], [P1][P2], 【1】, [1,,2].
const BRACKETED = /\s*[[【]([^\]】]{0,40})[\]】]/g;
// Parenthesised markers naming keys explicitly: (P1), (P1, P3).
const PAREN_KEYS = /\s*\(\s*(P\d+(?:\s*[,;]\s*P\d+)*)\s*\)/gi;
// Bare numbers in parentheses only count at the very end: "… in sepsis (2)." — elsewhere they are prose.
const TRAILING_PAREN_NUMBERS = /\s*\(\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\)\s*([.!?]?)\s*$/;

/**
 * Pulls citation markers out of model output and resolves them against the evidence keys shown
 * to the model (`P1`…`Pn`; bare numbers mean the same key). Unknown keys are dropped.
 */
export function parseCitations(text: string, validKeys: ReadonlySet<string>): ParsedCitations {
  const keys: string[] = [];
  const invalid: string[] = [];
  const take = (body: string) => {
    for (const token of tokens(body)) {
      const key = /^\d+$/.test(token) ? `P${token}` : token.toUpperCase();
      if (validKeys.has(key)) {
        if (!keys.includes(key)) keys.push(key);
      } else invalid.push(token);
    }
  };
  let out = text.replace(BRACKETED, (whole, body: string) => {
    if (!looksLikeCitation(body)) return whole;
    take(body);
    return "";
  });
  out = out.replace(PAREN_KEYS, (_whole, body: string) => {
    take(body);
    return "";
  });
  out = out.replace(TRAILING_PAREN_NUMBERS, (_whole, body: string, stop: string) => {
    take(body);
    return stop;
  });
  out = out
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { text: out, keys, invalid };
}

/** "P1, P2", "1,,2", "1-3" → tokens; ranges expand (at most 20 numbers). */
function tokens(body: string): string[] {
  const out: string[] = [];
  for (const part of body.split(/[\s,;]+/).filter(Boolean)) {
    const range = part.match(/^P?(\d+)[–-]P?(\d+)$/i);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to >= from && to - from < 20) for (let i = from; i <= to; i++) out.push(String(i));
      else out.push(part);
    } else out.push(part);
  }
  return out;
}

/** Bracket content that is a citation (or a malformed one to remove), not prose like "[see text]". */
function looksLikeCitation(body: string): boolean {
  const trimmed = body.trim();
  if (trimmed === "") return true;
  return trimmed
    .split(/[\s,;]+/)
    .every((t) => t === "" || /^(?:P?\d+(?:[–-]P?\d+)?|[A-Za-z]{1,2}\d*)$/i.test(t));
}
