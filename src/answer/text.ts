/**
 * Small text helpers shared by the answer modules: tokenising, stop words, stemming, and the
 * "hard facts" of a sentence (numbers, units, drug-like names, negation) that verification checks.
 * Everything here is pure and deterministic.
 */
import { stemmer } from "stemmer";
import { foldSpelling } from "../search/analyzer.js";

export const STOP_WORDS = new Set(
  (
    "a an and are as at be been being but by can could did do does doing for from had has have " +
    "having he her hers him his how i if in into is it its itself me my of on or our ours she " +
    "should so than that the their theirs them then there these they this those to too very was " +
    "we were what when where which while who whom why will with would you your yours about after " +
    "again against all am any because before below between both during each few further here " +
    "more most other over same some such through under until up down off out once only own just " +
    "also may might must shall s t whats what's hows any within per via eg ie etc vs versus please " +
    "tell know need want like get give given use used using one two i'm im i've ive i'd it's can't " +
    "don't doesn't isn't"
  ).split(/\s+/),
);

/** Words that say what kind of question it is rather than what it is about. */
export const GENERIC_WORDS = new Set(
  (
    "patient patients person people treat treated treating treatment treatments manage managing " +
    "management best recommended recommend recommendation approach option options course action " +
    "first line therapy therapies dose doses dosing dosage side effect effects adverse information " +
    "symptom symptoms sign signs cause causes diagnosis diagnose diagnosed prognosis outlook " +
    "prevention prevent monitoring monitor mechanism work works define definition mean meaning " +
    "adult adults man woman male female year years old guideline guidelines current latest " +
    "appropriate standard usual good better difference compared experience experiences despite " +
    "receiving someone case happen happens long much often take taking taken should safe type types " +
    "new recent switch switched"
  ).split(/\s+/),
);

/** Lower-cased word tokens; keeps decimals ("2.5"), hyphenated words and slashes ("mg/kg"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+(?:[.\-/'][a-z0-9\u00c0-\u024f]+)*/g) ?? [];
}

export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
}

const stemCache = new Map<string, string>();
/** Porter stem for alphabetic words; numbers and mixed tokens are kept as they are. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return w;
  let s = stemCache.get(w);
  if (s === undefined) {
    s = stemmer(foldSpelling(w));
    if (stemCache.size < 50_000) stemCache.set(w, s);
  }
  return s;
}

/** Stems of the content words, splitting hyphenated words into their parts as well. */
const contentStemCache = new Map<string, readonly string[]>();
/**
 * Content-word stems of a text. Passages recur across questions, so results are memoised
 * (bounded: the cache is simply dropped when it grows past its cap). Callers must not mutate.
 */
export function contentStems(text: string): readonly string[] {
  const cached = contentStemCache.get(text);
  if (cached) return cached;
  const out: string[] = [];
  for (const w of contentWords(text)) {
    out.push(stem(w));
    if (w.includes("-")) {
      for (const part of w.split("-")) if (part.length > 2 && !STOP_WORDS.has(part)) out.push(stem(part));
    }
  }
  if (contentStemCache.size >= 20_000) contentStemCache.clear();
  contentStemCache.set(text, out);
  return out;
}

export function stemSet(text: string): Set<string> {
  return new Set(contentStems(text));
}

/** Numbers as written ("2.5", "30", "1.5-2.5" gives "1.5" and "2.5"); thousands separators removed. */
export function numbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![a-z])\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?/gi)) {
    out.push(m[0].replace(/,/g, ""));
  }
  return out;
}

const UNIT =
  /\b(?:mg\/kg\/(?:day|h|hr|min)|mcg\/kg\/(?:min|h)|units\/kg\/h|units\/kg|mg\/kg|ml\/kg\/h|ml\/kg|mmol\/l|mg\/dl|ml\/min(?:\/1\.73\s?m2)?|mmhg|mg|mcg|µg|ng\/ml|g|kg|ml|l|iu|units?|mmol|meq|%|hours?|h|days?|weeks?|months?|years?|minutes?|min)\b/gi;

/** Unit tokens attached to numbers ("5 mg", "30 mL/min"), normalised to lower case. */
export function units(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d(?:\.\d+)?\s*([a-zµ%][a-z/0-9.µ]*)/gi)) {
    const candidate = (m[1] ?? "").toLowerCase().replace(/\.$/, "");
    UNIT.lastIndex = 0;
    const unit = candidate.match(UNIT)?.[0];
    if (unit && unit === candidate) out.push(normaliseUnit(unit));
  }
  return out;
}

function normaliseUnit(unit: string): string {
  return unit
    .replace(/^hours?$|^hr$/, "h")
    .replace(/^minutes?$/, "min")
    .replace(/^units?$/, "unit")
    .replace(/s$/, "");
}

const DRUG_SUFFIX =
  /(?:mab|nib|pril|sartan|olol|azole|cillin|mycin|micin|floxacin|cycline|parin|statin|prazole|dipine|tidine|afil|gliptin|gliflozin|glutide|xaban|gatran|vir|ptan|setron|triptan|profen|fenac|oxacin|sone|solone|lukast|tinib|zumab|ximab|amide|epam|azepam|olam|barbital|caine|phylline|terol|tropium|dronate|platin|rubicin|taxel|fungin|conazole|penem|cef[a-z]+|vastatin|nidazole|thiazide|semide|lactone|arin|pressin|ephrine|amine|mine|idine|oxin|cain|lol)$/;
const NOT_DRUGS = new Set([
  "examine",
  "determine",
  "medicine",
  "routine",
  "baseline",
  "guideline",
  "guidelines",
  "machine",
  "famine",
  "urine",
  "uterine",
  "marine",
  "feminine",
  "mine",
  "online",
  "decline",
  "outline",
  "sublingual",
  "amide",
  "reason",
  "person",
  "season",
  "poison",
  "lesson",
]);

/**
 * Names that must not appear in a statement unless the cited text has them: drug-like words
 * (by suffix) and acronyms such as UFH or LMWH.
 */
export function drugLikeNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b[A-Za-z][A-Za-z-]{2,}\b/g)) {
    const raw = m[0];
    const w = raw.toLowerCase();
    if (NOT_DRUGS.has(w)) continue;
    if (/^[A-Z]{2,6}s?$/.test(raw) && !/^(?:I|A|OR|AND|NOT|THE|IF|VS|NB)$/.test(raw))
      // Only a lower-case plural "s" is dropped ("DOACs" → doac); "NIHSS" keeps its final S.
      out.add(raw.endsWith("s") ? w.slice(0, -1) : w);
    else if (w.length >= 6 && DRUG_SUFFIX.test(w)) out.add(w);
  }
  return [...out];
}

/**
 * Drug-like names the question says were already given or tried ("already got lorazepam 4 mg
 * twice", "failed metformin", "despite furosemide"): the question asks what comes after them, so
 * statements about them do not answer it directly.
 */
export function alreadyGivenDrugs(text: string): string[] {
  const out = new Set<string>();
  const re = /\b(?:already|got|gave|given|received|receiving|tried|failed|despite)\b([^,.;:?!]{0,40})/gi;
  for (const m of text.matchAll(re)) for (const name of drugLikeNames(m[1] ?? "")) out.add(name);
  return [...out];
}

const NEGATION =
  /\b(?:not|no|never|avoid|avoided|avoids|contraindicated|contraindication|without|cannot|neither|nor|against|don't|doesn't|shouldn't|isn't|aren't)\b|n't\b/i;

export function isNegated(text: string): boolean {
  return NEGATION.test(text);
}

/** Token-set Jaccard similarity over content stems; 1 for two empty sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Stable ordering helper: compares by string id. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
