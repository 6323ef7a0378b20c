/**
 * Related questions: a small index over question banks (MedQuAD's questions, PubMedQA's, and the
 * questions of stored answers) queried with the asked question, plus the questions asked since
 * the index was built. Near-duplicates — of the asked question or of each other — are dropped, so
 * the list never offers the same question reworded.
 */
import type { EvidenceStore } from "../store/ports.js";
import { analyze } from "./analyzer.js";
import { IndexBuilder } from "./index/builder.js";
import type { InvertedIndex } from "./index/inverted-index.js";
import { classifyQuestionType } from "./question-type.js";

const RECENT_LIMIT = 500;
/** Generated questions of one library document offered before other documents get a turn. */
const MAX_PER_DOCUMENT = 2;
/** Token-set overlap at which two questions count as the same question. */
export const SAME_QUESTION = 0.7;

/** Words that only say what kind of question it is; the type is compared separately. */
const CUE_WORDS = new Set(
  analyze(
    "treat treated treating treatment treatments therapy manage management symptom symptoms sign signs cause causes " +
      "caused diagnose diagnosed diagnosis test tests prevent prevention outlook prognosis dose dosing dosage",
  ),
);

/**
 * Words that never make two questions about the same topic: a shared "severe" or "changes" does
 * not relate hyperkalaemia to C. difficile or to changing a car's oil.
 */
const GENERIC_TOPIC_WORDS = new Set(
  analyze(
    "severe mild moderate acute chronic new change changes changed adult adults patient patients people " +
      "high low level levels normal first second best use used using day days week year years old time " +
      "major minor early late risk first-line",
  ),
);

interface QuestionKey {
  type: string;
  set: Set<string>;
}

const keyCache = new Map<string, QuestionKey>();

function keyOf(text: string): QuestionKey {
  const cached = keyCache.get(text);
  if (cached) return cached;
  const key = computeKey(text);
  if (keyCache.size >= 20_000) keyCache.clear();
  keyCache.set(text, key);
  return key;
}

function computeKey(text: string): QuestionKey {
  return {
    type: classifyQuestionType(text).type,
    set: new Set(analyze(text).filter((t) => !/^\d+$/.test(t) && !CUE_WORDS.has(t))),
  };
}

/** Same question: same kind of question about (nearly) the same things. */
export function sameQuestion(a: QuestionKey, b: QuestionKey): boolean {
  return a.type === b.type && questionOverlap(a.set, b.set) >= SAME_QUESTION;
}

export function questionOverlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

function tidy(text: string): string {
  return text
    .replace(/\s+\?$/, "?")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Heparin resistance: definition, causes, anti-Xa monitoring" → a question about that topic. */
export function topicQuestion(title: string): string {
  const [topic, aspects] = title
    .replace(/\s*\((?:adults?|children|adults and children)[^)]*\)\s*$/i, "")
    .split(/:\s+/, 2);
  const subject = (topic ?? title).trim();
  const lower = /^[A-Z][a-z]/.test(subject) ? subject[0]?.toLowerCase() + subject.slice(1) : subject;
  return aspects
    ? `What does current guidance recommend on ${lower} (${aspects.trim()})?`
    : `What does current guidance recommend on ${lower}?`;
}

/** Questions a library document's standard sections answer, keyed by the section heading. */
const SECTION_QUESTIONS: Record<string, (topic: string) => string> = {
  "dosing and administration": (t) => `What doses and routes are used for ${t}?`,
  monitoring: (t) => `What should be monitored in ${t}, and how often?`,
  "special populations": (t) =>
    `How does ${t} differ in pregnancy, kidney or liver impairment, older adults or children?`,
  "contraindications and cautions": (t) => `What are the contraindications and cautions in ${t}?`,
  "duration and follow-up": (t) => `How long does treatment last, and what follow-up is needed, in ${t}?`,
  "key evidence": (t) => `Which trials and studies support current guidance on ${t}?`,
};

/** The topic of a library title, as it reads inside a sentence ("Emergency treatment of…"). */
function topicPhrase(title: string): string {
  const topic = (
    title.replace(/\s*\((?:adults?|children|adults and children)[^)]*\)\s*$/i, "").split(/:\s+/, 1)[0] ??
    title
  ).trim();
  return /^[A-Z][a-z]/.test(topic) ? topic[0]?.toLowerCase() + topic.slice(1) : topic;
}

/**
 * Questions a library document answers section by section: its standard sections ("What should be
 * monitored in …?") and its named subsections ("… : what about rivaroxaban (Xarelto)?").
 */
export function sectionQuestions(title: string, sectionPaths: string[][]): string[] {
  const topic = topicPhrase(title);
  const out: string[] = [];
  for (const path of sectionPaths) {
    const [heading, sub] = [path[1]?.trim(), path[2]?.trim()];
    if (!heading) continue;
    const template = SECTION_QUESTIONS[heading.toLowerCase()];
    if (sub) out.push(`In ${topic}, what does current guidance say about ${lowerFirst(sub)}?`);
    else if (template) out.push(template(topic));
  }
  return [...new Set(out)];
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

export class RelatedQuestions {
  private readonly recent: string[] = [];

  private constructor(
    private readonly index: InvertedIndex,
    private readonly texts: string[],
    /** The library document a generated question came from (index into `texts`). */
    private readonly origin: Map<number, { source: string; section: boolean }>,
  ) {}

  static async build(
    store: Pick<EvidenceStore, "allQuestions" | "listAnswers"> &
      Partial<Pick<EvidenceStore, "listSources" | "passagesOfSource">>,
  ): Promise<RelatedQuestions> {
    const builder = new IndexBuilder({ fields: { q: 1 }, k1: 1.2, b: 0.5 });
    const texts: string[] = [];
    const seen = new Set<string>();
    const origin = new Map<number, { source: string; section: boolean }>();
    const add = (text: string, from?: { source: string; section: boolean }) => {
      const clean = tidy(text);
      const key = clean.toLowerCase();
      if (!clean || seen.has(key)) return;
      seen.add(key);
      if (from) origin.set(texts.length, from);
      builder.add({
        id: String(texts.length),
        fields: { q: clean },
        attrs: { kind: 0, year: 0, specialty: 0, collection: 0 },
      });
      texts.push(clean);
    };
    // Questions Osler declined (off-topic, nonsense, no evidence) are never offered to others.
    for (const answer of await store.listAnswers(2000)) if (!isAbstained(answer.body)) add(answer.question);
    for (const q of await store.allQuestions()) add(q.question);
    // Each library topic, and each of its sections, is a question the library answers well, even
    // before anyone asked it.
    for (const source of (await store.listSources?.({ collection: "library" })) ?? []) {
      add(topicQuestion(source.title), { source: source.id, section: false });
      const passages = (await store.passagesOfSource?.(source.id).catch(() => [])) ?? [];
      for (const q of sectionQuestions(
        source.title,
        passages.map((p) => p.sectionPath),
      ))
        add(q, { source: source.id, section: true });
    }
    return new RelatedQuestions(builder.finish(), texts, origin);
  }

  /** Remembers a question asked after the index was built. */
  add(question: string): void {
    const clean = tidy(question);
    if (!clean || this.recent.includes(clean)) return;
    this.recent.push(clean);
    if (this.recent.length > RECENT_LIMIT) this.recent.shift();
  }

  find(question: string, focus: string[], k: number): string[] {
    const weights = new Map<string, number>();
    for (const t of analyze(question)) weights.set(t, 1);
    for (const f of focus) for (const t of analyze(f)) weights.set(t, 2);
    if (weights.size === 0) return [];
    const asked = keyOf(question);
    const candidates: Array<{ text: string; score: number; from?: string }> = this.index
      .search(
        [...weights].map(([term, weight]) => ({ term, weight })),
        k * 4,
      )
      .map((h, i) => {
        const from = this.origin.get(h.doc);
        // A document's own topic question leads its section questions.
        return {
          text: this.texts[h.doc] as string,
          score: (from?.section ? 0.5 : 1) / (i + 1),
          from: from?.source,
        };
      });
    for (const text of this.recent) {
      const overlap = questionOverlap(asked.set, keyOf(text).set);
      if (overlap >= 0.1) candidates.push({ text, score: overlap });
    }
    candidates.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
    // A related question is about the same topic: it names at least one of the focus words
    // ("anaphylaxis"), not merely a shared generic word ("adults").
    const focusTokens = new Set(focus.flatMap((f) => analyze(f)).filter((t) => !GENERIC_TOPIC_WORDS.has(t)));
    const onTopic = (key: QuestionKey) =>
      focusTokens.size === 0 || [...key.set].some((t) => focusTokens.has(t));
    // Several documents' questions before many of one document's: at most two per document
    // on the first pass, the rest only to fill the list.
    const chosen: Array<{ text: string; key: QuestionKey }> = [];
    const perDocument = new Map<string, number>();
    const deferred: Array<{ text: string; key: QuestionKey }> = [];
    for (const c of candidates) {
      const key = keyOf(c.text);
      if (!onTopic(key)) continue;
      if (sameQuestion(key, asked) || chosen.some((x) => sameQuestion(x.key, key))) continue;
      if (c.from) {
        const n = perDocument.get(c.from) ?? 0;
        perDocument.set(c.from, n + 1);
        if (n >= MAX_PER_DOCUMENT) {
          deferred.push({ text: c.text, key });
          continue;
        }
      }
      chosen.push({ text: c.text, key });
      if (chosen.length === k) break;
    }
    for (const d of deferred) {
      if (chosen.length >= k) break;
      if (!chosen.some((x) => sameQuestion(x.key, d.key))) chosen.push(d);
    }
    return chosen.map((c) => c.text);
  }
}

function isAbstained(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { abstained?: unknown }).abstained === true;
}
