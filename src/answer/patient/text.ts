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

// Finite verbs: auxiliaries and modals, and common verbs in forms that are rarely nouns or
// adjectives. Used by guards that keep a sentence whole, so a verb missed here only means that a
// split is not made.
const FINITE =
  /\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|may|might|must|shall|should|will|would|cannot|can't|won't|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|isnt|arent|doesnt|dont|didnt|cant|wont|includes|include|means|shows|helps|affects|occurs|occur|develops|develop|reduces|reduce|lowers|raises|improves|improve|gives|give|takes|take|makes|make|becomes|become|remains|remain|seems|seem|appears|appear|contains|contain|involves|involve|requires|require|allows|allow|protects|protect|prevents|prevent|worsens|suggests|indicates|finds|produces|carries|inherits|tends|tend|differs|differ|depends|depend|recommends|advises|knows|know|believes|believe|thinks|think|provides|provide|keeps|goes|comes|triggers|contributes|contribute|describes|says|say|feels|dies|continues|grows|spreads|showed|helped|led|occurred|developed|caused|gave|took|made|became|remained|resulted|prevented|worsened|suggested|indicated|found|produced|started|began|worked|got|kept|went|came|ran|received|underwent|said|felt|lived|died|stopped|continued|changed|grew|damaged|described|studied|conducted|estimated|reported|observed|examined|assessed|evaluated|measured|reviewed)\b/i;

/** `s` without what it says in brackets (nested brackets included). */
export function outsideBrackets(s: string): string {
  let depth = 0;
  let out = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

/** A finite verb somewhere in `s` (outside brackets). Misses only rarer verbs. */
export function hasFiniteVerb(s: string): boolean {
  const bare = outsideBrackets(s);
  return FINITE.test(bare) || PROBABLE_VERB.test(bare);
}

// A word in "-s" or "-ed" right before an object ("UFH suits the ICU", "the arm used 2.5 times").
const PROBABLE_VERB =
  /\b[a-z]{2,}(?:[^su\s]s|ed)\s+(?:the|a|an|its|their|his|her|this|that|these|those|more|less|all|some|no|any|each|every|most|many|much|your|our|my|them|it|you|us|him)\b|\b[a-z]{2,}(?:[^su\s]s|ed)\s+\d/i;

// A verb that starts a predicate: "may benefit", "are generally standard", "worsened the status".
const PREDICATE_START =
  /^(?:(?:also|often|usually|generally|sometimes|typically|still|then|now|only|rarely|commonly|frequently|already|always|never|not)\s+)*(?:is|are|was|were|has|have|had|do|does|did|can|could|may|might|must|shall|should|will|would|cannot|can't|won't|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|isnt|arent|doesnt|dont|didnt|cant|wont)\b|^[a-z]+ed\s+(?:the|a|an|their|his|her|its|our|your|this|that|these|those)\b/i;

/** `s` starts with the verb of a clause whose subject came before it. */
export function startsWithPredicate(s: string): boolean {
  return PREDICATE_START.test(s.trim());
}

/**
 * An aside that sits inside the sentence rather than at its end: "Many people with dementia,
 * especially those in the early stages, may benefit …" — the piece after the aside's carrier
 * ("especially those in the early stages, may benefit …") goes on past a comma, and either the
 * sentence before it has no verb yet (the aside is in the subject or an opening phrase) or what
 * follows a comma is the main verb. Splitting there would leave a subject without its verb.
 * The piece is a phrase ("especially those …"), a relative clause ("which …") or a clause with its
 * own subject ("because it …", "if you …"), which may go on with more verbs of its own.
 */
export function embeddedAside(
  head: string,
  piece: string,
  kind: "phrase" | "relative" | "clause" = "phrase",
): boolean {
  const segments = topLevelSplit(piece, /,\s+/g);
  if (segments.length < 2) return false;
  const after = segments.slice(1);
  // A clause with a subject of its own ("because it has a short half-life, is not renally cleared,
  // and …") may go on with more verbs of that subject; a phrase ("especially those …") may not.
  if (kind !== "clause" && after.some((s) => startsWithPredicate(s))) return true;
  // "Give a uterotonic, preferably oxytocin, to every woman at birth": after a phrase, the main
  // clause goes on with its own words.
  if (
    kind === "phrase" &&
    /^(?:to|for|with|in|at|on|by|from|into|through|within|during|after|before)\s/i.test(after[0] ?? "")
  )
    return true;
  // A sentence whose verb is still to come.
  return !hasFiniteVerb(head) && hasFiniteVerb(after.join(", "));
}

/**
 * A clause opened by a subordinator ("If you have shingles", "When traveling to …") whose main
 * clause has not started yet: no comma after the subordinator.
 */
export function openSubordinate(s: string): boolean {
  const all = [
    ...s.matchAll(/(?:^|\s)(?:If|When|Although|Though|While|Because|Since|Unless|Once|Until|Whenever|As)\s/g),
  ];
  const m = all[all.length - 1];
  if (!m || m.index === undefined) return false;
  return topLevelSplit(s.slice(m.index + m[0].length), /,\s+/g).length === 1;
}

/**
 * A colon that opens the rest of a clause rather than a list of things: "You may have ED if you:
 * can get …; are unable …", "Your doctor may: take …; ask …", "If you have shingles: keep …".
 * The items after it lean on the words before the colon, so they are not split into sentences.
 */
export function openColon(s: string): boolean {
  const OPEN =
    /\b(?:if|when|whether|that|because|unless|to|also|may|can|could|should|must|will|would|might|help|helps)(?:\s+(?:you|they|he|she|we|it|your child|the person|a person|the patient))?(?:\s+also)?\s*:(?:\s|$)/i;
  if (OPEN.test(s)) return true;
  const colon = /:\s/.exec(s);
  return colon !== null && depthAt(s, colon.index) === 0 && openSubordinate(s.slice(0, colon.index));
}

/**
 * A paired construction still waiting for its second half: "both chronic, …" before "and",
 * "not only affects the brain" before "but". Splitting inside it would cut the pair apart.
 */
export function openPair(s: string): boolean {
  const NEED: Record<string, RegExp> = {
    both: /\band\b/i,
    either: /\bor\b/i,
    neither: /\bnor\b/i,
    "not only": /\bbut\b/i,
    between: /\band\b/i,
  };
  for (const m of s.matchAll(/\b(both|either|neither|not only|between)\b/gi)) {
    const need = NEED[(m[1] ?? "").toLowerCase()];
    if (m.index !== undefined && need && !need.test(s.slice(m.index + m[0].length))) return true;
  }
  return false;
}
