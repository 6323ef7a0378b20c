/**
 * Redundancy between evidence statements: when two bullets say the same thing (near-identical
 * wording, or the same doses for the same drug) only one is shown; two different dose regimens
 * are never merged.
 */
import type { EvidenceSentence } from "./select.js";
import { jaccard, numbers, stemSet, units as unitsIn, words } from "./text.js";

/**
 * Redundancy of two bullets: 1 for the same dose, else word overlap; two dose bullets for different
 * schedules or thresholds ("CrCl 30 or more: twice daily" / "CrCl below 30: once daily") are worded
 * alike but say different things, so they never count as near-duplicates.
 */
export function similarity(a: EvidenceSentence, b: EvidenceSentence): number {
  if (sameDose(a, b)) return 1;
  const sim = jaccard(ungradedStems(a), ungradedStems(b));
  if (sim < 0.6 || unitsIn(a.text).length === 0 || unitsIn(b.text).length === 0) return sim;
  const qa = qualifiers(a.text);
  const qb = qualifiers(b.text);
  const differ = qa.size !== qb.size || [...qa].some((x) => !qb.has(x));
  return differ || distinctRegimens(a.text, b.text) ? 0.5 : sim;
}

/** A grading note ("(conditional recommendation, low quality of evidence)", "(Class I, Level A)"). */
const GRADING = /\((?:[^()]*\b(?:recommendation|evidence|class|level|grade)\b[^()]*)\)/gi;

const ungraded = new Map<string, Set<string>>();

/**
 * Stems of a statement without its grading note: two different recommendations that share the
 * same boilerplate grade are not near-duplicates.
 */
function ungradedStems(s: EvidenceSentence): Set<string> {
  // Bullets of one subsection share its label ("Sedation: …"); that does not make them alike.
  const body = s.label && s.text.startsWith(`${s.label}: `) ? s.text.slice(s.label.length + 2) : s.text;
  if (body === s.text && !s.text.includes("(")) return s.stems;
  let stems = ungraded.get(body);
  if (!stems) {
    stems = stemSet(body.replace(GRADING, " "));
    if (ungraded.size >= 20_000) ungraded.clear();
    ungraded.set(body, stems);
  }
  return stems;
}

/**
 * Two dose statements whose numbers each include one the other lacks ("low dose: 400 mg bolus,
 * then 4 mg/min" / "high dose: 800 mg bolus, then 8 mg/min") give two regimens, however alike
 * their wording; one that only adds a number to the other restates it.
 */
export function distinctRegimens(a: string, b: string): boolean {
  const na = new Set(numbers(a));
  const nb = new Set(numbers(b));
  return [...na].some((n) => !nb.has(n)) && [...nb].some((n) => !na.has(n));
}

/**
 * Two bullets that give the same set of numbers for the same drug state the same dose, however they are
 * worded ("Idarucizumab 5 g IV (two 2.5 g doses)" and "Idarucizumab: 5 g IV (two 2.5 g vials)").
 */
export function sameDose(a: { text: string }, b: { text: string }): boolean {
  const sa = doseSignature(a.text);
  const sb = doseSignature(b.text);
  if (sa.lead !== sb.lead) return false;
  // Two or more numbers, all the same: one shared threshold ("<3.5") is not the same statement.
  if (!(sa.numbers.size >= 2 && sameSet(sa.numbers, sb.numbers))) return false;
  // Same numbers under a different schedule or threshold side ("1 mg/kg twice daily, CrCl 30 or
  // more" versus "1 mg/kg once daily, CrCl below 30") are two statements.
  return sameSet(sa.qualifiers, sb.qualifiers);
}

interface DoseSignature {
  lead: string;
  numbers: Set<string>;
  qualifiers: Set<string>;
}

// MMR compares every candidate with every pick, so each text's signature is computed once.
const signatures = new Map<string, DoseSignature>();

function doseSignature(text: string): DoseSignature {
  let sig = signatures.get(text);
  if (!sig) {
    sig = { lead: words(text)[0] ?? "", numbers: new Set(numbers(text)), qualifiers: qualifiers(text) };
    if (signatures.size >= 20_000) signatures.clear();
    signatures.set(text, sig);
  }
  return sig;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

const QUALIFIER =
  /\b(?:once|twice|thrice|daily|weekly|hourly|below|above|under|over|less|more|greater|fewer|reduce[ds]?|increase[ds]?|halve[ds]?|double[ds]?)\b|[<>≤≥]/gi;

function qualifiers(text: string): Set<string> {
  return new Set([...text.matchAll(QUALIFIER)].map((m) => m[0].toLowerCase()));
}
