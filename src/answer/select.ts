/**
 * Evidence selection at sentence level: cut retrieved passages into sentences, score each by
 * relevance to the question (IDF-weighted content-word overlap over the candidate pool), focus
 * match, facet fit, source authority, recency, retrieval score and patient modifiers; then pick
 * a diverse set per answer section by maximal marginal relevance. Deterministic: ties break on keys.
 */
import { AUTHORITY, type Passage } from "../corpus/model.js";
import type { SearchHit } from "../search/types.js";
import { cleanImportedSentence } from "./clean-sentence.js";
import { classifyFacet, type Facet, headingFacet, SECTIONS, type SectionSpec } from "./facets.js";
import {
  type AnalyzedQuestion,
  MODIFIERS,
  modifierTerms,
  type QuestionPart,
  questionParts,
} from "./question.js";
import { similarity } from "./redundancy.js";
import { splitSentences } from "./sentences.js";
import {
  alreadyGivenDrugs,
  byId,
  contentStems,
  drugLikeNames,
  GENERIC_WORDS,
  stem,
  stemSet,
  units as unitsIn,
  words,
} from "./text.js";

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
  /** The subsection label prefixed to the source text ("Apixaban (Eliquis)"), if any. */
  label?: string;
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
  /** IDF-weighted share of the question covered by the best single source (all its sentences). */
  docRelevance?: number;
  /** Share of focus phrases found (all words) in at least one retrieved passage, 0..1. */
  focusCoverage: number;
  missingFocus: string[];
  focusCount: number;
}

export interface Selection {
  sections: SelectedSection[];
  /** The lead (first primary) source, when one was chosen. */
  leadSourceId?: string;
  /** Every passing candidate, best first (the LLM composer and bottom line draw on these). */
  ranked: EvidenceSentence[];
  stats: SelectionStats;
}

export interface SelectOptions {
  maxPerSection?: number;
  /** Cap for the sections that answer the question directly (the type's core facets). */
  maxPerCoreSection?: number;
  maxSections?: number;
  maxPerPassage?: number;
  /** Minimum IDF-weighted overlap with the question for a sentence to be considered (0..1). */
  minRelevance?: number;
  /** MMR trade-off between score and novelty (1 = score only). */
  lambda?: number;
  /** Sources the answer is primarily drawn from (best first): their sections are all candidates. */
  primarySourceIds?: string[];
  /** Minimum relevance for a sentence of a primary source. */
  minPrimaryRelevance?: number;
  /** A sentence shown in a section needs at least this share of the best sentence's relevance. */
  sectionRelevanceShare?: number;
}

const ASKS_DURATION =
  /\b(?:how long|duration|how many (?:days|weeks|months)|for how many|when (?:can|should|do|does) (?:i|we|you|she|he|they) stop)\b/i;

/** Whether a question asks how long to treat or when to stop. */
export function asksDuration(text: string): boolean {
  return ASKS_DURATION.test(text);
}

/** Recommendation bullets whose terms feed back into the other sections, and their weight. */
const FEEDBACK_BULLETS = 3;
const FEEDBACK_WEIGHT = 0.3;

const DEFAULTS: Required<SelectOptions> = {
  maxPerSection: 7,
  maxPerCoreSection: 10,
  maxSections: 8,
  maxPerPassage: 8,
  minRelevance: 0.12,
  lambda: 0.75,
  primarySourceIds: [],
  minPrimaryRelevance: 0.05,
  sectionRelevanceShare: 0.3,
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

/** Facets every answer may show when evidence for them is strong, after the type's own sections. */
const EXTRA_SECTIONS: SectionSpec[] = [
  { facet: "recommended", title: "Recommendations" },
  { facet: "dosing", title: "Dosing and administration" },
  { facet: "special_populations", title: "Special populations" },
  { facet: "monitoring", title: "Monitoring" },
  { facet: "cautions", title: "Cautions and contraindications" },
  { facet: "duration", title: "Duration and follow-up" },
  { facet: "alternatives", title: "Alternatives" },
  { facet: "diagnosis", title: "Diagnosis" },
  { facet: "evidence", title: "Key evidence" },
];

/** The type's sections, then any other facet (so a dosing bullet of the right guideline has a home). */
export function sectionSpecs(type: AnalyzedQuestion["type"]): SectionSpec[] {
  const specs = [...SECTIONS[type]];
  for (const extra of EXTRA_SECTIONS) if (!specs.some((s) => s.facet === extra.facet)) specs.push(extra);
  return specs;
}

/** Text units of a passage: its cited bullets (library passages), otherwise its sentences. */
function unitsOf(passage: Passage): ReadonlyArray<{ text: string; start: number; end: number }> {
  const refs = passageRefs(passage);
  const sentences = splitSentences(passage.text);
  if (refs.length === 0) {
    // Imported web text: page furniture dropped, doubled lists and glued headings cleaned.
    const out: Array<{ text: string; start: number; end: number }> = [];
    for (const sp of sentences) {
      const text = cleanImportedSentence(sp.text);
      if (text) out.push({ text, start: sp.start, end: sp.end });
    }
    return out;
  }
  const out: Array<{ text: string; start: number; end: number }> = [];
  for (const r of refs) {
    const raw = passage.text.slice(r.start, r.end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: r.start + lead, end: r.start + lead + text.length });
  }
  // Uncited prose between bullets still counts, sentence by sentence.
  for (const sp of sentences) if (!refs.some((r) => r.start < sp.end && r.end > sp.start)) out.push(sp);
  return out.sort((a, b) => a.start - b.start);
}

/** The subsection a library passage belongs to ("Apixaban (Eliquis)"), when it has one. */
export function subsectionLabel(sectionPath: string[]): string | null {
  const label = sectionPath.length >= 3 ? sectionPath.at(-1)?.trim() : undefined;
  return label && label.length <= 60 ? label : null;
}

/** Whether a bullet already names its subsection (the label's first word, e.g. "apixaban"). */
function namesLabel(text: string, label: string): boolean {
  const first = words(label).find((w) => w.length > 2);
  return first === undefined || stemSet(text).has(stem(first));
}

/** A passage's candidate units with what selection reads from them that does not depend on the question. */
interface PassageUnit {
  text: string;
  label?: string;
  start: number;
  end: number;
  stems: Set<string>;
  refIds: string[];
  fromHeading: Facet | null;
  classified: ReturnType<typeof classifyFacet>;
}

// Passages recur across questions (the lead guideline's sections, popular MedQuAD answers), and
// cutting, stemming and classifying their sentences is most of selection's work.
const unitCache = new Map<string, { text: string; units: PassageUnit[] }>();

function passageUnits(passage: Passage): PassageUnit[] {
  const cached = unitCache.get(passage.id);
  if (cached && cached.text === passage.text) return cached.units;
  const structured = passageRefs(passage).length > 0;
  const fromHeading = structured ? headingFacet(passage.sectionPath) : null;
  const label = structured ? subsectionLabel(passage.sectionPath) : null;
  const units: PassageUnit[] = [];
  for (const span of unitsOf(passage)) {
    if (span.text.length < 20 || span.text.length > 900) continue;
    // "5 mg orally twice daily" under "Apixaban (Eliquis)" must say whose dose it is.
    const text = label && !namesLabel(span.text, label) ? `${label}: ${span.text}` : span.text;
    const stems = stemSet(text);
    if (stems.size < 3) continue;
    units.push({
      ...span,
      text,
      ...(text !== span.text && label ? { label } : {}),
      stems,
      refIds: refsFor(passage, span.start, span.end),
      fromHeading,
      classified: classifyFacet(span.text, passage.sectionPath),
    });
  }
  if (unitCache.size >= 20_000) unitCache.clear();
  unitCache.set(passage.id, { text: passage.text, units });
  return units;
}

interface RelevanceUnit {
  stem: string;
  weight: number;
  /** Other forms (stem lists) that count as this word: the focus phrase's canonical/original forms. */
  alt: string[][];
}

export function selectEvidence(
  q: AnalyzedQuestion,
  hits: SearchHit[],
  options: SelectOptions = {},
): Selection {
  const opts = { ...DEFAULTS, ...options };
  const specs = sectionSpecs(q.type);
  const allowed = new Set(specs.map((s) => s.facet));
  const primaryRank = new Map((opts.primarySourceIds ?? []).map((id, i) => [id, i]));
  const hasPrimary = primaryRank.size > 0;
  // Each asked part brings the sections that answer it ("… and how do I know it is working?"
  // reads the monitoring section of the lead guideline too).
  const parts = questionParts(q.text);
  const core = [...new Set([coreFacets(q.type), ...parts.map((p) => coreFacets(p.type))].flat())];
  // "… and how long?" names no topic word, yet asks for the lead guideline's duration section.
  if (asksDuration(q.text) && !core.includes("duration")) core.push("duration");
  // Focus phrases with their alternative forms; coverage counts the medical ones.
  const detail = q.focusDetail ?? q.focus.map((f) => ({ text: f, forms: [f], medical: true }));
  const focusForms = detail.map((f) => f.forms.map((form) => [...stemSet(form)]).filter((x) => x.length));
  const required = detail.some((f) => f.medical) ? detail.map((f) => f.medical) : detail.map(() => true);
  // A modifier that restates the focus ("shock" in "septic shock") would only double-count it.
  const focusText = q.focus.join(" ").toLowerCase();
  const modifierStems = q.modifiers
    .filter((m) => !modifierTerms(m).some((t) => focusText.includes(t.toLowerCase())))
    .map((m) => modifierTerms(m).flatMap((t) => words(t).map(stem)));
  const maxHit = Math.max(1e-9, ...hits.map((h) => h.score));
  // Drugs already given ("already got lorazepam … what next?") are not what the question asks for.
  const given = new Set(alreadyGivenDrugs(q.text).map(stem));
  const questionDrugs = [...new Set(drugLikeNames(q.text).map(stem))].filter((d) => !given.has(d));
  const medical = new Set(q.signals.medicalTerms.flatMap((t) => contentStems(t)));
  // A long run of words ("bulky burkitt lymphoma starting chemo today") is found when its medical
  // words and at least half of all its words are; short phrases need every word.
  const formIn = (form: string[], set: Set<string>): boolean => {
    if (form.length <= 2) return form.every((st) => set.has(st));
    let got = 0;
    for (const st of form) {
      if (set.has(st)) got++;
      else if (medical.has(st)) return false;
    }
    return got >= form.length / 2;
  };

  // 1. Candidates. A primary source's passages share one context: the whole document.
  const docContext = new Map<string, Set<string>>();
  for (const h of hits) {
    if (!primaryRank.has(h.source.id)) continue;
    let ctx = docContext.get(h.source.id);
    if (!ctx) {
      ctx = stemSet(`${h.source.title} ${keywordsOf(h.source.meta).join(" ")}`);
      docContext.set(h.source.id, ctx);
    }
    for (const st of stemSet(`${h.passage.sectionPath.join(" ")} ${h.passage.text}`)) ctx.add(st);
  }
  const contexts = hits.map(
    (h) =>
      docContext.get(h.source.id) ??
      stemSet(
        `${h.source.title} ${keywordsOf(h.source.meta).join(" ")} ${h.passage.sectionPath.join(" ")} ${h.passage.text}`,
      ),
  );
  const raw: Array<Omit<EvidenceSentence, "relevance" | "focusMatch" | "score"> & { context: Set<string> }> =
    [];
  let covered = 0;
  let requiredCount = 0;
  const missingFocus: string[] = [];
  focusForms.forEach((forms, i) => {
    if (!required[i]) return;
    requiredCount++;
    if (contexts.some((c) => forms.some((f) => formIn(f, c)))) covered++;
    else missingFocus.push(q.focus[i] as string);
  });
  hits.forEach((hit, i) => {
    const context = contexts[i] as Set<string>;
    for (const span of passageUnits(hit.passage)) {
      let placed: Facet | null;
      if (span.fromHeading && allowed.has(span.fromHeading)) placed = span.fromHeading;
      else {
        const { facet, scores } = span.classified;
        placed = allowed.has(facet) ? facet : bestAllowed(scores, allowed);
      }
      if (!placed) continue;
      const { refIds, stems, label: unitLabel } = span;
      const kindAuthority = AUTHORITY[hit.source.kind] ?? 0.5;
      // A library sentence that cites a guideline carries (almost) the guideline's authority; one
      // from its "Key evidence" section reports a trial or review, and weighs as one.
      const citedAuthority = placed === "evidence" ? AUTHORITY.trial + 0.05 : 0.95;
      const authority = refIds.length > 0 ? Math.max(kindAuthority, citedAuthority) : kindAuthority;
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
        ...(unitLabel ? { label: unitLabel } : {}),
        context,
      });
    }
  });

  // 2. IDF over the candidate pool; focus words weigh 2, other question words 1, framing words 0.3.
  const df = new Map<string, number>();
  for (const c of raw) for (const st of c.stems) df.set(st, (df.get(st) ?? 0) + 1);
  const n = Math.max(1, raw.length);
  const formDf = (form: string[]) => Math.min(...form.map((st) => df.get(st) ?? 0));
  const units = new Map<string, RelevanceUnit>();
  const addUnit = (st: string, word: string | null) => {
    if (units.has(st)) return;
    const phrases = focusForms.filter((forms) => forms.some((f) => f.includes(st)));
    const alt = phrases.flatMap((forms) => forms.filter((f) => !f.includes(st)));
    const known = detail.some(
      (f, i) => f.medical && f.forms.length > 1 && focusForms[i]?.some((x) => x.includes(st)),
    );
    // Medical words carry the question; conversational ones ("booked", "next week") barely do.
    const weight =
      word && GENERIC_WORDS.has(word)
        ? 0.3
        : medical.has(st) || known
          ? phrases.length > 0
            ? 2
            : 1.5
          : phrases.length > 0
            ? 1
            : 0.6;
    const found = (df.get(st) ?? 0) > 0 || alt.some((f) => formDf(f) > 0);
    const requiredWord = focusForms.some((forms, i) => required[i] && forms.some((f) => f.includes(st)));
    // A conversational word the evidence never uses ("came", "scoped") says nothing about relevance.
    if (!found && !medical.has(st) && !requiredWord) return;
    // A medical word the evidence never uses still counts against relevance, at half weight: the
    // library may say "surgery" where the question says "colectomy".
    units.set(st, { stem: st, weight: found ? weight : weight / 2, alt });
  };
  for (const w of q.terms) for (const st of contentStems(w)) addUnit(st, w);
  // Focus words not written in the question (lexicon canonical forms) only act as alternatives.
  const unitDf = (u: RelevanceUnit) => Math.max(df.get(u.stem) ?? 0, ...u.alt.map(formDf));
  const idf = (d: number) => Math.log(1 + n / (d || 0.5));
  // Each unit's weight × IDF, computed once (not once per candidate).
  const unitValue = new Map<RelevanceUnit, number>();
  for (const u of units.values()) unitValue.set(u, u.weight * idf(unitDf(u)));
  let total = 0;
  for (const v of unitValue.values()) total += v;

  // 3. Scores.
  const scored: EvidenceSentence[] = [];
  let bestRelevance = 0;
  let bestPrimary = 0;
  const pre: Array<{ c: (typeof raw)[number]; relevance: number; focusMatch: number }> = [];
  for (const c of raw) {
    let got = 0;
    for (const u of units.values()) {
      if (c.stems.has(u.stem) || u.alt.some((f) => f.every((st) => c.stems.has(st))))
        got += unitValue.get(u) ?? 0;
    }
    const relevance = total > 0 ? got / total : 0;
    bestRelevance = Math.max(bestRelevance, relevance);
    if (primaryRank.has(c.hit.source.id)) bestPrimary = Math.max(bestPrimary, relevance);
    const reqForms = focusForms.filter((_, i) => required[i]);
    const focusMatch =
      reqForms.length === 0 ? 1 : mean(reqForms.map((f) => focusHit(f, c.stems, c.context, formIn)));
    pre.push({ c, relevance, focusMatch });
  }
  // Document-level relevance: how much of the question one source covers across its sentences.
  const bySource = new Map<string, Set<string>>();
  for (const c of raw) {
    let set = bySource.get(c.hit.source.id);
    if (!set) {
      set = new Set();
      bySource.set(c.hit.source.id, set);
    }
    for (const st of c.stems) set.add(st);
  }
  let docRelevance = 0;
  for (const stems of bySource.values()) {
    let got = 0;
    for (const u of units.values()) {
      if (stems.has(u.stem) || u.alt.some((f) => f.every((st) => stems.has(st))))
        got += unitValue.get(u) ?? 0;
    }
    docRelevance = Math.max(docRelevance, total > 0 ? got / total : 0);
  }
  for (const { c, relevance, focusMatch } of pre) {
    const rank = primaryRank.get(c.hit.source.id);
    if (rank === undefined) {
      // Outside the primary documents only strongly relevant, on-focus evidence is used.
      if (relevance < opts.minRelevance || focusMatch === 0) continue;
      if (hasPrimary && (relevance < 0.8 * bestPrimary || focusMatch < 0.8)) continue;
    } else if (relevance < opts.minPrimaryRelevance && !(rank === 0 && core.includes(c.facet))) continue;
    const sourceWeight = rank === undefined ? 0 : rank === 0 ? 1 : 0.75;
    const modifierBoost = Math.min(
      0.3,
      0.15 * modifierStems.filter((m) => m.some((st) => c.stems.has(st))).length,
    );
    // A statement about a drug the question names ("dose of andexanet?") answers it directly.
    const named = questionDrugs.filter((d) => c.stems.has(d)).length;
    const drugBoost = Math.min(0.2, 0.1 * named);
    const facetFit = 1 - specs.findIndex((sp) => sp.facet === c.facet) / specs.length;
    const score =
      0.4 * relevance +
      0.15 * focusMatch +
      0.1 * facetFit +
      0.1 * c.authority +
      0.05 * recency(c.hit.source.year) +
      0.1 * (c.hit.score / maxHit) +
      0.2 * sourceWeight +
      modifierBoost +
      drugBoost;
    const { context: _context, ...rest } = c;
    scored.push({ ...rest, relevance, focusMatch, score });
  }
  scored.sort((a, b) => b.score - a.score || byId(a.key, b.key));
  applyFeedback(scored, specs, opts.primarySourceIds[0], q);

  const sections = pickSections(scored, specs, opts, bestRelevance, core, opts.primarySourceIds[0]);
  if (parts.length >= 2) coverParts(parts, scored, sections, specs, primaryRank, df, n);
  return {
    sections,
    ...(opts.primarySourceIds[0] ? { leadSourceId: opts.primarySourceIds[0] } : {}),
    ranked: scored,
    stats: {
      candidates: raw.length,
      passing: scored.length,
      bestRelevance,
      docRelevance,
      focusCoverage: requiredCount === 0 ? 1 : covered / requiredCount,
      missingFocus,
      focusCount: requiredCount,
    },
  };
}

/** Minimum IDF-weighted share of a part's words a bullet must name to stand for that part. */
const PART_MIN_RELEVANCE = 0.34;

/**
 * Per-part coverage: a question that asks several things ("which antibiotic and how long?",
 * "dose of X, and what if X is unavailable?") gets, for each part, the primary-source bullet that
 * best answers that part, even when other parts' bullets outscore it overall. A dosing part
 * favours bullets that state a dose (a number with a unit). The bullet joins its section.
 */
export function coverParts(
  parts: QuestionPart[],
  scored: EvidenceSentence[],
  sections: SelectedSection[],
  specs: SectionSpec[],
  primaryRank: Map<string, number>,
  df: Map<string, number>,
  n: number,
): void {
  const idf = (st: string) => Math.log(1 + n / (df.get(st) || df.get(`un${st}`) || df.get(`in${st}`) || 0.5));
  const picked = () => sections.flatMap((s) => s.sentences);
  for (const part of parts) {
    // A part that names a patient group ("in a 67-year-old") looks for that group's wording.
    const groupTerms = MODIFIERS.filter((m) => m.pattern.test(part.text)).flatMap((m) => m.terms);
    const stems = [...new Set([...part.terms, ...groupTerms].flatMap((t) => contentStems(t)))].filter(
      (st) => df.has(st) || df.has(`un${st}`) || df.has(`in${st}`),
    );
    // "not available" is answered by "unavailable", "adequate" by "inadequate".
    const has = (set: Set<string>, st: string) => set.has(st) || set.has(`un${st}`) || set.has(`in${st}`);
    if (stems.length === 0) continue;
    const total = stems.reduce((sum, st) => sum + idf(st), 0);
    let best: EvidenceSentence | null = null;
    let bestValue = 0;
    let bestShare = 0;
    for (const c of scored) {
      if (!primaryRank.has(c.hit.source.id)) continue;
      let got = 0;
      for (const st of stems) if (has(c.stems, st)) got += idf(st);
      const share = got / total;
      if (share < PART_MIN_RELEVANCE) continue;
      const dose = part.type === "dosing" && unitsIn(c.text).length > 0 ? 0.15 : 0;
      const value = share + dose + 0.5 * c.score;
      if (value > bestValue) {
        best = c;
        bestValue = value;
        bestShare = share;
      }
    }
    if (!best || bestShare === 0) continue;
    const already = picked();
    // The part is answered when a chosen bullet already names as much of it.
    const answered = already.some((p) => {
      let got = 0;
      for (const st of stems) if (has(p.stems, st)) got += idf(st);
      return got / total >= bestShare;
    });
    if (answered) continue;
    const chosen = best;
    if (already.some((p) => similarity(chosen, p) >= 0.6)) continue;
    let section = sections.find((s) => s.spec.facet === chosen.facet);
    if (!section) {
      const spec = specs.find((s) => s.facet === chosen.facet);
      if (!spec) continue;
      section = { spec, sentences: [] };
      const order = (s: SelectedSection) => specs.findIndex((x) => x.facet === s.spec.facet);
      sections.push(section);
      sections.sort((a, b) => order(a) - order(b));
    }
    section.sentences.push(chosen);
  }
}

/** Sections of the lead guideline that answer a question of this type directly. */
export function coreFacets(type: AnalyzedQuestion["type"]): Facet[] {
  switch (type) {
    case "treatment":
    case "prevention":
    case "comparison":
    case "other":
      return ["recommended", "dosing"];
    case "dosing":
      // How to give it (route, site, timing) often sits with the recommendations.
      return ["dosing", "recommended"];
    case "monitoring":
      return ["monitoring"];
    case "drug_info":
      return ["cautions"];
    case "diagnosis":
      return ["diagnosis", "recommended"];
    default:
      return ["recommended"];
  }
}

function keywordsOf(meta: Record<string, unknown> | undefined): string[] {
  const k = meta?.keywords;
  return Array.isArray(k) ? k.filter((x): x is string => typeof x === "string") : [];
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

/**
 * 1 if some form of the focus phrase is wholly in the sentence, 0.8 if partly there and wholly in
 * its context (passage, title, keywords; the whole document for a primary source), 0.6 if only in
 * the context.
 */
function focusHit(
  forms: string[][],
  sentence: Set<string>,
  context: Set<string>,
  formIn: (form: string[], set: Set<string>) => boolean,
): number {
  if (forms.some((f) => formIn(f, sentence))) return 1;
  const inContext = forms.some((f) => formIn(f, context));
  if (inContext && forms.some((f) => f.some((s) => sentence.has(s)))) return 0.8;
  return inContext ? 0.6 : 0;
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Maximal marginal relevance within each section, with per-section and per-passage caps. */
function pickSections(
  scored: EvidenceSentence[],
  specs: SectionSpec[],
  opts: Required<SelectOptions>,
  bestRelevance: number,
  core: Facet[],
  leadSource: string | undefined,
): SelectedSection[] {
  const picked: EvidenceSentence[] = [];
  const perPassage = new Map<string, number>();
  const out: SelectedSection[] = [];
  const floor = opts.sectionRelevanceShare * bestRelevance;
  // The core sections of the lead guideline are read in full (up to the cap), whatever their
  // word overlap: "what do I start?" is answered by the dosing bullets, which name no symptom.
  const eligible = (c: EvidenceSentence) =>
    c.relevance >= floor || (c.hit.source.id === leadSource && core.includes(c.facet));
  // Each candidate's highest similarity to anything picked so far, brought up to date lazily:
  // only picks made since its last check are compared (MMR stays linear in the picks).
  const maxSim = new Map<EvidenceSentence, { sim: number; seen: number }>();
  const simToPicked = (c: EvidenceSentence): number => {
    const entry = maxSim.get(c) ?? { sim: 0, seen: 0 };
    for (let j = entry.seen; j < picked.length && entry.sim < 0.6; j++)
      entry.sim = Math.max(entry.sim, similarity(c, picked[j] as EvidenceSentence));
    entry.seen = picked.length;
    maxSim.set(c, entry);
    return entry.sim;
  };
  for (const spec of specs) {
    const pool = scored.filter((c) => c.facet === spec.facet && eligible(c));
    const chosen: EvidenceSentence[] = [];
    // What was asked ("how do I treat…" → recommendations and doses) is read more fully than the
    // sections around it.
    const cap = core.includes(spec.facet)
      ? Math.max(opts.maxPerSection, opts.maxPerCoreSection)
      : opts.maxPerSection;
    while (chosen.length < cap && pool.length > 0) {
      let bestIdx = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < pool.length; i++) {
        const c = pool[i] as EvidenceSentence;
        if ((perPassage.get(c.hit.passage.id) ?? 0) >= opts.maxPerPassage) continue;
        const sim = simToPicked(c);
        if (sim >= 0.6) continue; // a near-duplicate of something already said
        // Within a section, each further bullet from the same passage (subsection) costs a
        // little, so a multi-part question keeps one bullet per asked part before a second.
        const same = chosen.filter((p) => p.hit.passage.id === c.hit.passage.id).length;
        const value = opts.lambda * c.score - (1 - opts.lambda) * sim - 0.02 * same;
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

/**
 * Pseudo-relevance feedback from the recommendations: the treatments the lead guideline
 * recommends ("give insulin-glucose", "give IV calcium") are what a dosing or monitoring bullet
 * must name to answer "how do I treat X?", even though such bullets rarely repeat X. Terms of the
 * best recommendation bullets that the question does not already contain lift the other bullets
 * that mention them.
 */
function applyFeedback(
  scored: EvidenceSentence[],
  specs: SectionSpec[],
  leadSource: string | undefined,
  q: AnalyzedQuestion,
): void {
  const lead = specs[0]?.facet;
  if (!leadSource || !lead) return;
  const top = scored
    .filter((c) => c.facet === lead && c.hit.source.id === leadSource)
    .slice(0, FEEDBACK_BULLETS);
  if (top.length === 0) return;
  const asked = stemSet(q.text);
  const feedback = new Set<string>();
  for (const c of top)
    for (const st of c.stems)
      if (!asked.has(st) && !GENERIC_WORDS.has(st) && !/^\d/.test(st)) feedback.add(st);
  if (feedback.size === 0) return;
  const norm = Math.min(feedback.size, 6);
  for (const c of scored) {
    if (c.facet === lead) continue;
    let shared = 0;
    for (const st of c.stems) if (feedback.has(st)) shared++;
    c.score += FEEDBACK_WEIGHT * Math.min(1, shared / norm);
  }
  scored.sort((a, b) => b.score - a.score || byId(a.key, b.key));
}
