/**
 * Document-level focus: a clinician answering a question opens the one or two guidelines that are
 * about it and reads their sections. This ranks the sources behind the retrieved passages by how
 * strongly retrieval found them (best passages, summed with decay) and by how well their title
 * and keywords name the question's focus, and picks the primary sources whose sibling sections
 * the answer may draw on.
 */
import type { Passage, Source } from "../corpus/model.js";
import type { SearchHit } from "../search/types.js";
import { type AnalyzedQuestion, modifierTerms } from "./question.js";
import { byId, contentWords, GENERIC_WORDS, STOP_WORDS, stem, stemSet } from "./text.js";

export interface RankedSource {
  source: Source;
  score: number;
  /** Share of the question's (medical) focus phrases named by the title or keywords, 0..1. */
  titleFit: number;
}

/** Alternative forms of each focus phrase, as stem lists; medical phrases only when there are any. */
export function focusFormStems(q: AnalyzedQuestion, medicalOnly = true): string[][][] {
  const detail = q.focusDetail ?? q.focus.map((f) => ({ text: f, forms: [f], medical: true }));
  const chosen = medicalOnly && detail.some((f) => f.medical) ? detail.filter((f) => f.medical) : detail;
  return chosen.map((f) => f.forms.map((form) => [...stemSet(form)]).filter((s) => s.length > 0));
}

/** True when every stem of at least one form is in the set. */
export function formsCovered(forms: string[][], stems: Set<string>): boolean {
  return forms.some((form) => form.length > 0 && form.every((s) => stems.has(s)));
}

function sourceLabelStems(source: Source): Set<string> {
  const keywords = Array.isArray(source.meta?.keywords) ? (source.meta.keywords as unknown[]) : [];
  return stemSet(`${source.title} ${keywords.filter((k) => typeof k === "string").join(" ")}`);
}

/** Weight of naming the question's patient group (pregnancy, renal impairment…) in a title. */
const MODIFIER_FIT_WEIGHT = 0.4;

/** Weight of the question's distinctive words named by a document's title or keywords. */
const KEYWORD_FIT_WEIGHT = 1;

/** Distinct stems of the question's content words that say what it is about (no numbers, no generic words). */
export function questionTermStems(text: string): string[] {
  const out = new Set<string>();
  for (const w of contentWords(text)) {
    if (/\d/.test(w) || GENERIC_WORDS.has(w) || STOP_WORDS.has(w)) continue;
    for (const part of w.split(/[-/]/)) if (part.length > 1 && !GENERIC_WORDS.has(part)) out.add(stem(part));
  }
  return [...out];
}

/**
 * How well each document's title and keywords name the question's words, weighting each word by
 * how few of the candidate documents name it (a word every candidate names tells them apart not at
 * all), relative to the best candidate: 0..1. A question that describes findings ("ascitic fluid
 * PMN count… cirrhotic") rather than naming the condition still meets the document indexed by them.
 */
export function keywordFit(text: string, labels: Set<string>[]): number[] {
  const terms = questionTermStems(text);
  const n = labels.length;
  const raw = labels.map((label) =>
    terms.reduce((sum, t) => {
      if (!label.has(t)) return sum;
      const df = labels.filter((l) => l.has(t)).length;
      return sum + Math.log(1 + n / df);
    }, 0),
  );
  const best = Math.max(0, ...raw);
  return raw.map((r) => (best > 0 ? r / best : 0));
}

export function rankSources(q: AnalyzedQuestion, hits: SearchHit[]): RankedSource[] {
  const bySource = new Map<string, { source: Source; scores: number[] }>();
  for (const h of hits) {
    const entry = bySource.get(h.source.id);
    if (entry) entry.scores.push(h.score);
    else bySource.set(h.source.id, { source: h.source, scores: [h.score] });
  }
  const focus = focusFormStems(q);
  const modifiers = q.modifiers.map((m) => modifierTerms(m).flatMap((t) => [...stemSet(t)]));
  const top = Math.max(1e-9, ...hits.map((h) => h.score));
  const ranked: RankedSource[] = [];
  const entries = [...bySource.values()];
  const kwFit = keywordFit(
    q.text,
    entries.map((e) => sourceLabelStems(e.source)),
  );
  for (const [index, { source, scores }] of entries.entries()) {
    scores.sort((a, b) => b - a);
    // Best passage counts fully, further passages of the same source add with decay.
    const retrieval = scores.slice(0, 4).reduce((sum, s, i) => sum + (s / top) * 0.5 ** i, 0);
    const label = sourceLabelStems(source);
    const titleFit =
      focus.length === 0 ? 0 : focus.filter((forms) => formsCovered(forms, label)).length / focus.length;
    // A document about the patient group asked about ("… in pregnancy") is the one to open.
    const modifierFit =
      modifiers.length === 0
        ? 0
        : modifiers.filter((terms) => terms.some((t) => label.has(t))).length / modifiers.length;
    ranked.push({
      source,
      score:
        retrieval +
        0.8 * titleFit +
        MODIFIER_FIT_WEIGHT * modifierFit +
        KEYWORD_FIT_WEIGHT * (kwFit[index] ?? 0),
      titleFit,
    });
  }
  ranked.sort((a, b) => b.score - a.score || byId(a.source.id, b.source.id));
  return ranked;
}

/**
 * Primary sources: the best one, plus up to `max - 1` more that score close to it (a question that
 * spans two guidelines, e.g. diabetes drugs in kidney disease). Only sources with sections, i.e.
 * structured documents, are worth opening in full; others still count through their hits.
 */
export function primarySources(ranked: RankedSource[], max = 2, ratio = 0.7): RankedSource[] {
  const first = ranked[0];
  if (!first) return [];
  return [first, ...ranked.slice(1).filter((r) => r.score >= ratio * first.score)].slice(0, max);
}

/** Adds every passage of the primary sources to the hits (retrieved ones keep their score). */
export function withSiblingPassages(
  hits: SearchHit[],
  primaries: RankedSource[],
  passagesBySource: Map<string, Passage[]>,
): SearchHit[] {
  const seen = new Set(hits.map((h) => h.passage.id));
  const out = [...hits];
  for (const { source } of primaries) {
    for (const passage of passagesBySource.get(source.id) ?? []) {
      if (seen.has(passage.id)) continue;
      seen.add(passage.id);
      out.push({ passage, source, score: 0, explain: { sibling: 1 } });
    }
  }
  return out;
}

/**
 * Focus phrases (medical ones, with their stem forms) that a document does not mention anywhere:
 * its title, keywords or any of its passages.
 */
export function uncoveredFocus(q: AnalyzedQuestion, source: Source, passages: Passage[]): string[] {
  const detail = q.focusDetail ?? q.focus.map((f) => ({ text: f, forms: [f], medical: true }));
  const stems = sourceLabelStems(source);
  for (const p of passages) for (const st of stemSet(`${p.sectionPath.join(" ")} ${p.text}`)) stems.add(st);
  const forms = focusFormStems(q);
  const medical = detail.some((f) => f.medical) ? detail.filter((f) => f.medical) : detail;
  return medical.filter((_, i) => !formsCovered(forms[i] ?? [], stems)).map((f) => f.text);
}

/**
 * A multi-part question ("septic shock … new DVT and falling platelets on enoxaparin") spans
 * documents: the concepts the lead document does not cover choose their own best document. Among
 * sources retrieved for those concepts, the one whose title, keywords and retrieved passages name
 * the most of them (ties: retrieval strength) complements the lead; it must name at least one.
 */
export function complementarySource(
  q: AnalyzedQuestion,
  uncovered: string[],
  hits: SearchHit[],
  exclude: Set<string>,
): RankedSource | null {
  if (uncovered.length === 0) return null;
  const sub: AnalyzedQuestion = {
    ...q,
    focus: uncovered,
    focusDetail: (q.focusDetail ?? []).filter((f) => uncovered.includes(f.text)),
  };
  const forms = focusFormStems(sub, false);
  const bySource = new Map<string, { source: Source; stems: Set<string>; score: number }>();
  const top = Math.max(1e-9, ...hits.map((h) => h.score));
  for (const h of hits) {
    if (exclude.has(h.source.id)) continue;
    let entry = bySource.get(h.source.id);
    if (!entry) {
      entry = { source: h.source, stems: sourceLabelStems(h.source), score: 0 };
      bySource.set(h.source.id, entry);
    }
    entry.score = Math.max(entry.score, h.score / top);
    for (const st of stemSet(`${h.passage.sectionPath.join(" ")} ${h.passage.text}`)) entry.stems.add(st);
  }
  let best: RankedSource | null = null;
  let bestKey = -1;
  for (const { source, stems, score } of bySource.values()) {
    const named = forms.filter((f) => formsCovered(f, stems)).length;
    if (named === 0) continue;
    const label = sourceLabelStems(source);
    const titleFit = forms.filter((f) => formsCovered(f, label)).length / forms.length;
    const key = named + 0.5 * titleFit + 0.25 * score;
    if (key > bestKey || (key === bestKey && best && byId(source.id, best.source.id) < 0)) {
      best = { source, score: key, titleFit };
      bestKey = key;
    }
  }
  return best;
}
