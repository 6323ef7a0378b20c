/**
 * Shared helpers for the patient rewrite: word counts, splitting outside parentheses, and the fact
 * guard (`sameFacts`) every restructuring rule is checked against.
 */

export const DOSE = /\d\s?(?:mg|mcg|µg|micrograms?|g|mL|ml|L|units?|IU|mmol|mEq|ng|puffs?|tablets?)\b/;
export const NEGATION = /\b(?:no|not|never|without|avoid|nor|neither|except|unless|cannot)\b|n't\b/gi;

/** Capitalises the first letter unless the first word is written in mixed case ("pH", "eGFR"). */
export function capitalFirst(s: string): string {
  return /^[a-z]+[A-Z]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
/** The same numbers (as a multiset) and the same number of negations. */
export function sameFacts(before: string, after: string): boolean {
  const nums = (s: string) => (s.match(/\d+(?:[.,]\d+)*/g) ?? []).sort().join(" ");
  const negs = (s: string) => s.match(NEGATION)?.length ?? 0;
  return nums(before) === nums(after) && negs(before) === negs(after);
}

/** Splits at matches of `re` outside parentheses; with `keep`, separators are kept at odd indices. */
export function topLevelSplit(text: string, re: RegExp, keep = false): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index === undefined || depthAt(text, m.index) > 0) continue;
    out.push(text.slice(last, m.index));
    if (keep) out.push(m[0]);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

export function depthAt(text: string, index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth = Math.max(0, depth - 1);
  }
  return depth;
}

export function topLevelParens(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === ")" && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i });
    }
  }
  return out;
}

/** Four words make a sentence; a dose with its drug or label ("Nicardipine: 5 mg/h") needs three. */
export function standsAlone(s: string): boolean {
  const n = wordCount(s);
  return n >= 4 || (n >= 3 && DOSE.test(s) && /[A-Za-z]{3}/.test(s));
}
export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
