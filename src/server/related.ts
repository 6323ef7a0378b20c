/**
 * Related questions for an asked question: questions already answered that share its content
 * words, then library topics the retriever finds for it, phrased as questions. Used by
 * `GET /api/related` and to complete an answer's own related questions on its page when the
 * question banks have few (a fresh install has only the library, which has no question bank).
 */

import type { Retriever } from "../search/types.js";
import type { EvidenceStore } from "../store/ports.js";
import { highlightTerms } from "../web/html.js";

export type RelatedFinder = (question: string, k?: number) => Promise<string[]>;

/** Identity of a question for de-duplication: case, spacing and trailing punctuation ignored. */
export function questionKey(question: string): string {
  return question
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?.!]+$/, "");
}

/** "Heparin resistance: definition, causes…" → "What is the recommended approach to heparin resistance?" */
export function topicQuestion(title: string): string {
  const head = (title.split(":")[0] ?? title).replace(/\s*\([^)]*\)\s*/g, " ").trim();
  const keepCase = /^[A-Z0-9]{2}/.test(head) || /^[A-Z][a-z]+ [A-Z]/.test(head);
  const topic = keepCase ? head : head.charAt(0).toLowerCase() + head.slice(1);
  return `What is the recommended approach to ${topic}?`;
}

export function createRelatedFinder(deps: {
  retriever: () => Promise<Retriever>;
  store: Pick<EvidenceStore, "listAnswers">;
}): RelatedFinder {
  return async (question, k = 8) => {
    const asked = questionKey(question);
    const terms = new Set(highlightTerms(question));
    const out: string[] = [];
    const add = (q: string) => {
      const key = questionKey(q);
      if (key !== asked && !out.some((o) => questionKey(o) === key)) out.push(q.trim());
    };
    const recent = await deps.store.listAnswers(200);
    const scored = recent
      .map((a) => ({ q: a.question, overlap: highlightTerms(a.question).filter((t) => terms.has(t)).length }))
      .filter((s) => s.overlap >= 2)
      .sort((a, b) => b.overlap - a.overlap);
    for (const s of scored.slice(0, Math.ceil(k / 2))) add(s.q);
    const hits = await (await deps.retriever()).search(question, {
      k: 20,
      filters: { collections: ["library"] },
    });
    for (const hit of hits) {
      if (out.length >= k) break;
      add(topicQuestion(hit.source.title));
    }
    return out.slice(0, k);
  };
}
