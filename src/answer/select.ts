/**
 * Evidence selection at sentence level: cut retrieved passages into sentences, score each by
 * relevance to the question (IDF-weighted content-word overlap over the candidate pool), focus
 * match, facet fit, source authority, recency, retrieval score and patient modifiers; then pick
 * a diverse set per answer section by maximal marginal relevance. Deterministic: ties break on keys.
 */
import { AUTHORITY, type Passage } from "../corpus/model.js";
import type { SearchHit } from "../search/types.js";
import { classifyFacet, type Facet, SECTIONS, type SectionSpec } from "./facets.js";
import { type AnalyzedQuestion, focusStems, modifierTerms } from "./question.js";
import { splitSentences } from "./sentences.js";
import { byId, contentStems, GENERIC_WORDS, jaccard, stem, stemSet, words } from "./text.js";

export interface EvidenceSentence {
  /** Stable key: passage id and start offset. */
  key: string;
  text: string;
  start: number;
  end: number;
  hit: SearchHit;
  facet: Facet;
  /** Cited sources (`ref:<id>`) whose span in the passage overlaps this sentence. */
  refIds: string[];
  relevance: number;
  focusMatch: number;
  authority: number;
  score: number;
  stems: Set<string>;
}

export interface SelectedSection {
  spec: SectionSpec;
  sentences: EvidenceSentence[];
}

export interface SelectionStats {
  candidates: number;
  /** Candidates that passed the relevance threshold. */
  passing: number;
  bestRelevance: number;
  /** Share of focus phrases found (all words) in at least one retrieved passage, 0..1. */
  focusCoverage: number;
  missingFocus: string[];
  focusCount: number;
}

export interface Selection {
  sections: SelectedSection[];
  /** Every passing candidate, best first (the LLM composer and bottom line draw on these). */
  ranked: EvidenceSentence[];
  stats: SelectionStats;
}

export interface SelectOptions {
  maxPerSection?: number;
  maxSections?: number;
  maxPerPassage?: number;
  /** Minimum IDF-weighted overlap with the question for a sentence to be considered (0..1). */
  minRelevance?: number;
  /** MMR trade-off between score and novelty (1 = score only). */
  lambda?: number;
}

const DEFAULTS: Required<SelectOptions> = {
  maxPerSection: 5,
  maxSections: 8,
  maxPerPassage: 4,
  minRelevance: 0.12,
  lambda: 0.75,
};

/** Spans of cited sources recorded on library passages (`meta.refs`); tolerant of bad shapes. */
export function passageRefs(passage: Passage): Array<{ start: number; end: number; ids: string[] }> {
  const refs = passage.meta?.refs;
  if (!Array.isArray(refs)) return [];
  const out: Array<{ start: number; end: number; ids: string[] }> = [];
  for (const r of refs) {
    if (!r || typeof r.start !== "number" || typeof r.end !== "number" || !Array.isArray(r.sources)) continue;
    const ids = r.sources.map((s: { id?: unknown }) => s?.id).filter((id: unknown) => typeof id === "string");
    out.push({ start: r.start, end: r.end, ids });
  }
  return out;
}

function refsFor(passage: Passage, start: number, end: number): string[] {
  const ids = new Set<string>();
  for (const r of passageRefs(passage))
    if (r.start < end && r.end > start) for (const id of r.ids) ids.add(id);
  return [...ids].sort(byId);
}

function recency(year: number | null): number {
  if (year === null) return 0.5;
  return Math.min(1, Math.max(0, (year - 1995) / 30));
}

export function selectEvidence(
  q: AnalyzedQuestion,
  hits: SearchHit[],
  options: SelectOptions = {},
): Selection {
  const opts = { ...DEFAULTS, ...options };
  const specs = SECTIONS[q.type];
  const allowed = new Set(specs.map((s) => s.facet));
  const focus = focusStems(q.focus);
  // A modifier that restates the focus ("shock" in "septic shock") would only double-count it.
  const focusText = q.focus.join(" ").toLowerCase();
  const modifierStems = q.modifiers
    .filter((m) => !modifierTerms(m).some((t) => focusText.includes(t.toLowerCase())))
    .map((m) => modifierTerms(m).flatMap((t) => words(t).map(stem)));
  const maxHit = Math.max(1e-9, ...hits.map((h) => h.score));

  // 1. Candidates.
  const raw: Array<Omit<EvidenceSentence, "relevance" | "focusMatch" | "score"> & { context: Set<string> }> =
    [];
  let covered = 0;
  const missingFocus: string[] = [];
  const contexts = hits.map((h) =>
    stemSet(`${h.source.title} ${h.passage.sectionPath.join(" ")} ${h.passage.text}`),
  );
  focus.forEach((f, i) => {
    if (contexts.some((c) => f.every((s) => c.has(s)))) covered++;
    else missingFocus.push(q.focus[i] as string);
  });
  hits.forEach((hit, i) => {
    const context = contexts[i] as Set<string>;
    for (const span of splitSentences(hit.passage.text)) {
      if (span.text.length < 20 || span.text.length > 700) continue;
      const stems = stemSet(span.text);
      if (stems.size < 3) continue;
      const { facet, scores } = classifyFacet(span.text, hit.passage.sectionPath);
      const placed = allowed.has(facet) ? facet : bestAllowed(scores, allowed);
      if (!placed) continue;
      const refIds = refsFor(hit.passage, span.start, span.end);
      const kindAuthority = AUTHORITY[hit.source.kind] ?? 0.5;
      // A library sentence that cites a guideline carries (almost) the guideline's authority.
      const authority = refIds.length > 0 ? Math.max(kindAuthority, 0.95) : kindAuthority;
      raw.push({
        key: `${hit.passage.id}@${span.start}`,
        text: span.text,
        start: span.start,
        end: span.end,
        hit,
        facet: placed,
        refIds,
        authority,
        stems,
        context,
      });
    }
  });

  // 2. IDF over the candidate pool; question words weigh 1, focus words 2, framing words 0.3.
  const df = new Map<string, number>();
  for (const c of raw) for (const s of c.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const n = Math.max(1, raw.length);
  const idf = (s: string) => Math.log(1 + n / (df.get(s) ?? 0.5));
  const weights = new Map<string, number>();
  for (const w of q.terms) for (const s of contentStems(w)) weights.set(s, GENERIC_WORDS.has(w) ? 0.3 : 1);
  for (const f of focus) for (const s of f) weights.set(s, 2);
  let total = 0;
  for (const [s, w] of weights) total += w * idf(s);

  // 3. Scores.
  const scored: EvidenceSentence[] = [];
  let bestRelevance = 0;
  for (const c of raw) {
    let got = 0;
    for (const [s, w] of weights) if (c.stems.has(s)) got += w * idf(s);
    const relevance = total > 0 ? got / total : 0;
    bestRelevance = Math.max(bestRelevance, relevance);
    const focusMatch = focus.length === 0 ? 1 : mean(focus.map((f) => focusHit(f, c.stems, c.context)));
    if (relevance < opts.minRelevance || focusMatch === 0) continue;
    const modifierBoost = Math.min(
      0.3,
      0.15 * modifierStems.filter((m) => m.some((s) => c.stems.has(s))).length,
    );
    const facetFit = 1 - specs.findIndex((s) => s.facet === c.facet) / specs.length;
    const score =
      0.35 * relevance +
      0.2 * focusMatch +
      0.1 * facetFit +
      0.15 * c.authority +
      0.05 * recency(c.hit.source.year) +
      0.15 * (c.hit.score / maxHit) +
      modifierBoost;
    const { context: _context, ...rest } = c;
    scored.push({ ...rest, relevance, focusMatch, score });
  }
  scored.sort((a, b) => b.score - a.score || byId(a.key, b.key));

  return {
    sections: pickSections(scored, specs, opts),
    ranked: scored,
    stats: {
      candidates: raw.length,
      passing: scored.length,
      bestRelevance,
      focusCoverage: focus.length === 0 ? 1 : covered / focus.length,
      missingFocus,
      focusCount: focus.length,
    },
  };
}

function bestAllowed(scores: Partial<Record<Facet, number>>, allowed: Set<Facet>): Facet | null {
  let best: Facet | null = null;
  let bestScore = 0;
  for (const [facet, s] of Object.entries(scores) as Array<[Facet, number]>) {
    if (allowed.has(facet) && s > bestScore) {
      best = facet;
      bestScore = s;
    }
  }
  return best ?? (allowed.has("background") ? "background" : null);
}

/** 1 if every word of the focus phrase is in the sentence, 0.6 if only in its passage/title. */
function focusHit(phrase: string[], sentence: Set<string>, context: Set<string>): number {
  if (phrase.every((s) => sentence.has(s))) return 1;
  if (phrase.some((s) => sentence.has(s)) && phrase.every((s) => context.has(s))) return 0.8;
  return phrase.every((s) => context.has(s)) ? 0.6 : 0;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Maximal marginal relevance within each section, with per-section and per-passage caps. */
function pickSections(
  scored: EvidenceSentence[],
  specs: SectionSpec[],
  opts: Required<SelectOptions>,
): SelectedSection[] {
  const picked: EvidenceSentence[] = [];
  const perPassage = new Map<string, number>();
  const out: SelectedSection[] = [];
  for (const spec of specs) {
    const pool = scored.filter((c) => c.facet === spec.facet);
    const chosen: EvidenceSentence[] = [];
    while (chosen.length < opts.maxPerSection && pool.length > 0) {
      let bestIdx = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < pool.length; i++) {
        const c = pool[i] as EvidenceSentence;
        if ((perPassage.get(c.hit.passage.id) ?? 0) >= opts.maxPerPassage) continue;
        let sim = 0;
        for (const p of picked) sim = Math.max(sim, jaccard(c.stems, p.stems));
        if (sim >= 0.6) continue; // a near-duplicate of something already said
        const value = opts.lambda * c.score - (1 - opts.lambda) * sim;
        if (value > bestValue) {
          bestValue = value;
          bestIdx = i;
        }
      }
      if (bestIdx < 0) break;
      const [c] = pool.splice(bestIdx, 1) as [EvidenceSentence];
      chosen.push(c);
      picked.push(c);
      perPassage.set(c.hit.passage.id, (perPassage.get(c.hit.passage.id) ?? 0) + 1);
    }
    if (chosen.length > 0) out.push({ spec, sentences: chosen });
    if (out.length >= opts.maxSections) break;
  }
  return out;
}
