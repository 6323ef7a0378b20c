/**
 * The engine's named steps that are not modules of their own: follow-up merging, multi-query
 * search with hit fusion, building the citation catalog (including guideline sources cited by
 * library passages), verifying a draft, and filtering related questions.
 */
import type { Source } from "../corpus/model.js";
import type { Retriever, SearchHit } from "../search/types.js";
import type { CatalogEntry, Draft, DraftStatement } from "./draft.js";
import { FACET_QUERY_TERMS } from "./facets.js";
import {
  type AnalyzedQuestion,
  MODIFIERS,
  modifierTerms,
  normaliseQuestion,
  type QuestionType,
} from "./question.js";
import { subsectionLabel } from "./select.js";
import { byId, contentWords, jaccard, stemSet } from "./text.js";
import type { Answer } from "./types.js";
import { verifyStatement } from "./verify.js";

/** "What about in pregnancy?" after an answer on X → focus X, modifiers of both, the earlier type. */
export function mergeFollowUp(q: AnalyzedQuestion, previous: Answer): AnalyzedQuestion {
  const isModifierOnly = (f: string) =>
    MODIFIERS.some((m) => new RegExp(`^(?:${m.pattern.source})$`, "i").test(f));
  const own = q.focus.filter((f) => !isModifierOnly(f));
  const focus = [...new Set([...previous.meta.focus, ...own])];
  const vague: QuestionType[] = ["other", "definition"];
  return {
    ...q,
    type:
      vague.includes(q.type) && isQuestionType(previous.meta.questionType)
        ? previous.meta.questionType
        : q.type,
    focus,
    modifiers: [...new Set([...previous.meta.modifiers, ...q.modifiers])],
    terms: [...new Set([...q.terms, ...previous.meta.focus.flatMap((f) => contentWords(f))])],
    signals: { ...q.signals, offTopic: q.signals.offTopic && previous.meta.focus.length === 0 },
  };
}

function isQuestionType(t: string): t is QuestionType {
  return Object.hasOwn(FACET_QUERY_TERMS, t);
}

export interface SearchResult {
  hits: SearchHit[];
  searched: string[];
  bestScorePerTerm: number;
}

/**
 * Runs 2–3 queries (whole question; focus + facet terms; focus + modifier terms) and fuses the
 * hits: each list's scores are normalised by its top score, a passage keeps its best normalised
 * score plus a small bonus for every further query that found it.
 */
export async function searchAll(
  retriever: Retriever,
  q: AnalyzedQuestion,
  isFollowUp: boolean,
  k = 20,
): Promise<SearchResult> {
  const focus = q.focus.join(" ");
  const queries = [
    isFollowUp ? `${focus} ${q.text}` : q.text,
    caseFreeQuery(q.text),
    focus ? `${focus} ${FACET_QUERY_TERMS[q.type]}`.trim() : "",
    focus && q.modifiers.length > 0 ? `${focus} ${q.modifiers.flatMap(modifierTerms).join(" ")}` : "",
  ].filter((s, i, all) => s.length > 0 && all.indexOf(s) === i);
  const lists = await Promise.all(queries.map((query) => retriever.search(query, { k })));
  const fused = new Map<string, { hit: SearchHit; score: number; count: number }>();
  for (const list of lists) {
    const top = Math.max(1e-9, ...list.map((h) => h.score));
    for (const hit of list) {
      const norm = hit.score / top;
      const prev = fused.get(hit.passage.id);
      if (prev) {
        prev.count++;
        if (norm > prev.score) prev.score = norm;
      } else fused.set(hit.passage.id, { hit, score: norm, count: 1 });
    }
  }
  const hits = [...fused.values()]
    .map(({ hit, score, count }) => ({ ...hit, score: score + 0.1 * (count - 1) }))
    .sort((a, b) => b.score - a.score || byId(a.passage.id, b.passage.id))
    .slice(0, 2 * k);
  const first = lists[0] ?? [];
  const bestScorePerTerm =
    first.length > 0 ? (first[0]?.score ?? 0) / Math.max(1, contentWords(queries[0] ?? "").length) : 0;
  return { hits, searched: queries, bestScorePerTerm };
}

// Doses, frequencies and lab units in a case description ("on apixaban 5 mg twice daily, CrCl 60").
const CASE_DETAIL =
  /^(?:\d[\d.,]*|mg|mcg|g|kg|ml|l|mmol|mmhg|units?|iu|daily|twice|once|bid|tid|qid|hourly|hours?|minutes?|days?|weeks?|years?|yo|y|old|year-old|patient|man|woman|male|female)$/;

/**
 * The question without its case numbers: "on apixaban 5 mg twice daily … when should I stop it?"
 * otherwise pulls the dosing sections of every document that names apixaban, when what is asked
 * (stopping, bridging, restarting) lives in another document. Empty when nothing was removed.
 */
export function caseFreeQuery(text: string): string {
  const all = contentWords(text);
  const kept = all.filter((w) => !CASE_DETAIL.test(w));
  return kept.length < all.length && kept.length >= 2 ? kept.join(" ") : "";
}

function statements(draft: Pick<Draft, "bottomLine" | "sections">): DraftStatement[] {
  return [...(draft.bottomLine ? [draft.bottomLine] : []), ...draft.sections.flatMap((s) => s.bullets)];
}

/**
 * Catalog entries for every key a draft cites. A key `ref:<id>::<passage>` is a guideline cited by a
 * library passage: its metadata comes from the store, its supporting text from the library passage.
 */
export async function buildCatalog(
  draft: Pick<Draft, "bottomLine" | "sections">,
  hits: SearchHit[],
  getSource: (id: string) => Promise<Source | null>,
): Promise<Map<string, CatalogEntry>> {
  const byPassage = new Map(hits.map((h) => [h.passage.id, h]));
  const keys = new Set(statements(draft).flatMap((s) => [...s.keys, ...(s.verifyKeys ?? [])]));
  const catalog = new Map<string, CatalogEntry>();
  const sources = new Map<string, Promise<Source | null>>();
  await Promise.all(
    [...keys].map(async (key) => {
      const [sourceId, passageId] = key.split("::") as [string, string];
      const hit = byPassage.get(passageId);
      if (!hit) return;
      let source: Source | null = hit.source;
      if (sourceId !== hit.source.id) {
        if (!sources.has(sourceId))
          sources.set(
            sourceId,
            getSource(sourceId).catch(() => null),
          );
        source = await (sources.get(sourceId) as Promise<Source | null>);
      }
      if (!source) return;
      catalog.set(key, {
        key,
        source,
        passageId,
        passageText: hit.passage.text,
        sectionPath: hit.passage.sectionPath,
      });
    }),
  );
  return catalog;
}

export interface VerifiedDraft {
  draft: Draft;
  total: number;
  supported: number;
  dropped: number;
}

/**
 * Verifies every statement against the passages it cites. Unsupported statements are dropped, or
 * kept with `flagged` in review mode. If the bottom line goes, the first surviving bullet replaces it.
 */
export function verifyDraft(
  draft: Draft,
  catalog: Map<string, CatalogEntry>,
  minSupport: number,
  reviewMode: boolean,
): VerifiedDraft {
  let total = 0;
  let supported = 0;
  let dropped = 0;
  const check = (s: DraftStatement): DraftStatement | null => {
    const keys = s.keys.filter((k) => catalog.has(k));
    total++;
    if (keys.length === 0) {
      dropped++;
      return null;
    }
    if (s.kind === "disagreement") {
      supported++;
      return { ...s, keys }; // a note pointing at two cited statements, not a claim to verify
    }
    // A passage's subsection heading is part of what it says ("Apixaban (Eliquis)" over its doses).
    const texts = [
      ...new Set(
        (s.verifyKeys ?? keys).map((k) => {
          const entry = catalog.get(k);
          if (!entry?.passageText) return "";
          const label = subsectionLabel(entry.sectionPath ?? []);
          return label ? `${label}.\n${entry.passageText}` : entry.passageText;
        }),
      ),
    ].filter(Boolean);
    const v = verifyStatement(s.text, texts, minSupport);
    if (v.ok) {
      supported++;
      return { ...s, keys, support: v.support, flagged: undefined };
    }
    if (reviewMode) return { ...s, keys, support: v.support, flagged: true };
    dropped++;
    return null;
  };
  let bottomLine = draft.bottomLine ? check(draft.bottomLine) : null;
  const sections = draft.sections
    .map((sec) => ({
      ...sec,
      bullets: sec.bullets.map(check).filter((b): b is DraftStatement => b !== null),
    }))
    .filter((sec) => sec.bullets.length > 0);
  if (!bottomLine) {
    const donor = sections.find((s) => s.bullets.some((b) => !b.flagged && b.kind !== "disagreement"));
    const index = donor?.bullets.findIndex((b) => !b.flagged && b.kind !== "disagreement") ?? -1;
    if (donor && index >= 0) bottomLine = donor.bullets.splice(index, 1)[0] ?? null;
  }
  return {
    draft: { ...draft, bottomLine, sections: sections.filter((s) => s.bullets.length > 0) },
    total,
    supported,
    dropped,
  };
}

/** Related questions without rewordings of the asked one (token-set Jaccard ≥ 0.8) or duplicates. */
export function filterRelated(asked: string, candidates: string[], max = 10): string[] {
  const askedStems = stemSet(asked);
  const out: string[] = [];
  const seen = new Set<string>([normaliseQuestion(asked)]);
  for (const c of candidates) {
    const norm = normaliseQuestion(c);
    if (!norm || seen.has(norm)) continue;
    if (jaccard(stemSet(c), askedStems) >= 0.8) continue;
    seen.add(norm);
    out.push(c.trim());
    if (out.length >= max) break;
  }
  return out;
}

/** JSON with sorted keys at every level, so equal settings always hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byId(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
