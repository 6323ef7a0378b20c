/**
 * Turns a question — a crisp clinical query or a long consumer message with a subject line —
 * into a weighted term query: cleaned of greetings and filler, its focus found through the
 * lexicon, its question type classified, and expanded with lexicon synonyms at lower weight.
 */
import { invalidInput } from "../core/errors.js";
import { analyze } from "./analyzer.js";
import type { LexiconGroup, LexiconMatcher } from "./lexicon.js";
import { classifyQuestionType, type QuestionType, TYPE_QUERY_WORDS } from "./question-type.js";

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface FocusMatch {
  phrase: string;
  tokens: string[];
  /** Every analysed form of the matched concept (term, synonyms, abbreviations). */
  variants: string[][];
  term: string;
  origin: string;
  score: number;
}

export interface QueryPlan {
  cleaned: string;
  terms: WeightedTerm[];
  focus: FocusMatch[];
  questionType: QuestionType;
  expansions: string[];
}

export interface QueryInput {
  subject?: string;
  text: string;
}

export interface PlanOptions {
  lexicon: LexiconMatcher;
  /** Inverse document frequency of an analysed term in the corpus (0 when unknown). */
  idf: (term: string) => number;
  expansionWeight: number;
}

/** Longest query we analyse; anything beyond is almost certainly pasted noise. */
export const MAX_QUERY_CHARS = 4000;

const NOISE: RegExp[] = [
  /https?:\/\/\S+/gi,
  /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g,
  /\b(hi|hello|dear|greetings|good (morning|afternoon|evening))\b[^.?!\n]{0,30}[,.!\n]/gi,
  /\b(thanks?( you)?( very much| so much| in advance)?|regards|sincerely|best wishes|god bless)\b[^\n]*$/gi,
  /\b(please|kindly) (help|advise|reply|respond)\b/gi,
];

/** Conversational words that carry no retrieval signal in consumer questions. */
const FILLER = new Set(
  analyze(
    "hi hello thanks thank please help want wanted would like know knowing wondering wonder question questions ask asking tell told " +
      "someone anyone anybody really just also still get got getting go going can could may might must shall " +
      "yes okay ok well much many lot lots thing things something anything everything way ways one ones etc " +
      "since ago year years month months week weeks day days time times recently currently now today first last " +
      "doctor doctors dr said says say me my mine myself i im i'm am is are was were be been being he she his her him they their them " +
      "husband wife son daughter mother father mom dad child kids baby friend family old years-old",
  ),
);

/** Words that name an aspect of a topic rather than a topic; never a focus on their own. */
const FACET_WORDS = new Set(
  analyze(
    "treatment treatments treat therapy therapies cure symptoms symptom signs sign causes cause diagnosis diagnose " +
      "test tests testing genetics genetic gene genes inherited inheritance outlook prognosis prevention prevent " +
      "complications complication side effects effect dose dosage dosing information risk risks pediatric adult adults " +
      "children child once daily twice three times chronic acute severe mild",
  ),
);

export function cleanQuestion(text: string): string {
  let out = text.normalize("NFKC");
  for (const pattern of NOISE) out = out.replace(pattern, " ");
  return out.replace(/\s+/g, " ").trim();
}

function findFocus(tokens: string[], subjectTokens: number, opts: PlanOptions): FocusMatch[] {
  const matches = opts.lexicon.match(tokens);
  const candidates: FocusMatch[] = [];
  for (const m of matches) {
    const phraseTokens = tokens.slice(m.start, m.end);
    const content = phraseTokens.filter((t) => !FILLER.has(t));
    if (content.length === 0 || content.every((t) => FACET_WORDS.has(t))) continue;
    let score = content.reduce((sum, t) => sum + opts.idf(t), 0);
    if (m.start < subjectTokens) score *= 1.5;
    // Topics the corpus itself is organised by (imported foci) beat general clinical vocabulary.
    if (m.groups.every((g) => g.origin === "osler")) score *= 0.7;
    const group = preferredGroup(m.groups);
    candidates.push({
      phrase: phraseTokens.join(" "),
      tokens: phraseTokens,
      variants: [phraseTokens, ...m.groups.flatMap((g) => g.variants)],
      term: group.term,
      origin: group.origin,
      score,
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase));
  const top = candidates[0]?.score ?? 0;
  const seen = new Set<string>();
  return candidates.filter((c) => {
    if (c.score < top * 0.5 || seen.has(c.phrase)) return false;
    seen.add(c.phrase);
    return true;
  });
}

function preferredGroup(groups: LexiconGroup[]): LexiconGroup {
  return groups.find((g) => g.origin === "osler") ?? (groups[0] as LexiconGroup);
}

export function planQuery(input: string | QueryInput, opts: PlanOptions): QueryPlan {
  const { subject = "", text } = typeof input === "string" ? { text: input } : input;
  if (!`${subject}${text}`.trim())
    throw invalidInput("the query is empty", "Type a question or some search words.");
  const cleanedSubject = cleanQuestion(subject.slice(0, MAX_QUERY_CHARS));
  const cleanedText = cleanQuestion(text.slice(0, MAX_QUERY_CHARS));
  const cleaned = [cleanedSubject, cleanedText].filter(Boolean).join(". ");
  const subjectTokens = analyze(cleanedSubject);
  const textTokens = analyze(cleanedText);
  const tokens = [...subjectTokens, ...textTokens];

  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  const counts = new Map<string, number>();
  for (const t of tokens) if (!FILLER.has(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const [t, n] of counts) add(t, Math.min(1 + 0.25 * (n - 1), 1.75));
  // A subject line in a consumer question usually names the topic.
  for (const t of subjectTokens) if (!FILLER.has(t)) add(t, 1.5);

  const focus = findFocus(tokens, subjectTokens.length, opts);
  for (const f of focus) for (const t of f.tokens) if (!FILLER.has(t)) add(t, 2);

  const { type } = classifyQuestionType(`${subject} ${text}`);
  for (const t of analyze(TYPE_QUERY_WORDS[type])) add(t, Math.max(weights.get(t) ?? 0, 0.5));

  const expansions: string[] = [];
  for (const m of opts.lexicon.match(tokens)) {
    for (const group of m.groups) {
      const weight = group.origin === "osler" ? opts.expansionWeight : opts.expansionWeight * 0.6;
      for (const variant of group.variants) {
        const key = variant.join(" ");
        if (key === tokens.slice(m.start, m.end).join(" ")) continue;
        expansions.push(key);
        for (const t of variant)
          if (!FILLER.has(t) && !weights.has(t)) add(t, weight / Math.sqrt(variant.length));
      }
    }
  }

  const terms = [...weights].map(([term, weight]) => ({ term, weight }));
  terms.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  return {
    cleaned,
    terms: terms.slice(0, 64),
    focus,
    questionType: type,
    expansions: [...new Set(expansions)],
  };
}
