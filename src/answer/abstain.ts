/**
 * Abstention: "cannot answer" is a named outcome, not an empty answer. Osler abstains when the
 * question is not a clinical question (prompt injection, nonsense, no medical vocabulary) or when
 * the evidence found is too weak (focus not covered, no sentence relevant enough), and says what
 * it searched and why nothing qualified. Per-section abstention is simply an omitted section.
 */
import type { AnalyzedQuestion } from "./question.js";
import type { SelectionStats } from "./select.js";

export interface AbstainInput {
  question: AnalyzedQuestion;
  searched: string[];
  hitCount: number;
  /** Best retrieval score divided by the number of query terms (scale depends on the retriever). */
  bestScorePerTerm: number;
  stats: SelectionStats | null;
}

export interface AbstainThresholds {
  /** Minimum share of focus phrases found in the retrieved passages (with one or two focus
   * phrases, every one must be found: "heparin for migraine" is not answered by heparin alone). */
  minFocusCoverage: number;
  /** Minimum IDF-weighted relevance of the best sentence. */
  minBestRelevance: number;
  /** Minimum share of the question covered by the best source's sentences taken together. */
  minDocRelevance?: number;
  /** Minimum best retrieval score per query term; 0 disables (scores differ between retrievers). */
  minScorePerTerm: number;
}

export const DEFAULT_THRESHOLDS: AbstainThresholds = {
  minFocusCoverage: 0.5,
  minBestRelevance: 0.25,
  minScorePerTerm: 0,
  minDocRelevance: 0.45,
};

export type Abstention = { abstain: false } | { abstain: true; reason: string };

/** Checks that need no search: the question itself is not something Osler should answer. */
export function abstainOnQuestion(q: AnalyzedQuestion): Abstention {
  if (q.signals.injection) {
    return {
      abstain: true,
      reason:
        "This looks like an instruction to the system rather than a clinical question, so nothing was searched. Osler answers clinical questions from its evidence library only.",
    };
  }
  if (q.signals.nonsense) {
    return {
      abstain: true,
      reason:
        "The question could not be read as words, so nothing was searched. Please rephrase it as a clinical question.",
    };
  }
  return { abstain: false };
}

export function abstainOnEvidence(
  input: AbstainInput,
  t: AbstainThresholds = DEFAULT_THRESHOLDS,
): Abstention {
  const { question: q, stats } = input;
  const searched = input.searched.map((s) => `"${s}"`).join(", ");
  const fail = (why: string): Abstention => ({
    abstain: true,
    reason: `Searched the evidence library for ${searched || "the question"}; ${why} Osler does not answer without supporting evidence.`,
  });
  if (q.signals.offTopic)
    return fail(
      "the question contains no recognisable medical terms, so it appears to be outside clinical medicine.",
    );
  if (input.hitCount === 0 || !stats) return fail("no passages matched.");
  if (t.minScorePerTerm > 0 && input.bestScorePerTerm < t.minScorePerTerm) {
    return fail("the best-matching passages matched only weakly.");
  }
  const mustCoverAll = stats.focusCount > 0 && stats.focusCount <= 2;
  if (stats.focusCoverage < t.minFocusCoverage || (mustCoverAll && stats.missingFocus.length > 0)) {
    return fail(`no passage covered ${stats.missingFocus.map((f) => `"${f}"`).join(", ")}.`);
  }
  // A long, many-part question is rarely answered by one sentence; one guideline covering most of
  // it, with at least one sentence on point, is enough.
  const docCovers =
    (stats.docRelevance ?? 0) >= (t.minDocRelevance ?? 0.45) && stats.bestRelevance >= t.minBestRelevance / 2;
  if (stats.passing === 0 || (stats.bestRelevance < t.minBestRelevance && !docCovers)) {
    return fail("no sentence in the retrieved passages addressed the question closely enough.");
  }
  return { abstain: false };
}
