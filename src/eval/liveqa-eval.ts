/**
 * Runs the LiveQA medical questions against the MedQuAD passages in the store and scores the
 * run with the LiveQA measures. Only the `medquad` collection is searched, as in the task.
 */
import type { LexicalRetriever } from "../search/lexical-retriever.js";
import type { LiveqaQuestion, Qrels } from "./liveqa-data.js";
import { formatTrecRun, type MetricSummary, scoreRun } from "./metrics.js";

export type LiveqaQueryVariant = "original" | "summary";

export interface LiveqaResult {
  variant: LiveqaQueryVariant;
  metrics: MetricSummary;
  latencyMs: { p50: number; p99: number; mean: number };
  trecRun: string;
  perQuestion: Array<{ qid: string; topId: string | null; topGrade: number; focus: string[]; type: string }>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at] as number;
}

export function queryOf(q: LiveqaQuestion, variant: LiveqaQueryVariant) {
  return variant === "summary" ? { text: q.summary || q.message } : { subject: q.subject, text: q.message };
}

export function runLiveqa(
  retriever: LexicalRetriever,
  questions: LiveqaQuestion[],
  qrels: Qrels,
  variant: LiveqaQueryVariant,
  k = 10,
): LiveqaResult {
  const run = new Map<number, string[]>();
  const rows: Array<{ qid: string; ranked: Array<{ id: string; score: number }> }> = [];
  const times: number[] = [];
  const perQuestion: LiveqaResult["perQuestion"] = [];
  for (const q of questions) {
    const started = performance.now();
    const plan = retriever.plan(queryOf(q, variant));
    const ranked = retriever.rank(plan, k, { collections: ["medquad", "liveqa-answers"] });
    times.push(performance.now() - started);
    const ids = ranked.map((r) => r.id.replace(/^medquad:/, ""));
    run.set(q.n, ids);
    rows.push({ qid: String(q.n), ranked: ranked.map((r, i) => ({ id: ids[i] as string, score: r.score })) });
    perQuestion.push({
      qid: q.qid,
      topId: ids[0] ?? null,
      topGrade: ids[0] ? (qrels.get(q.n)?.get(ids[0]) ?? 0) : 0,
      focus: plan.focus.map((f) => f.term),
      type: plan.questionType,
    });
  }
  times.sort((a, b) => a - b);
  return {
    variant,
    metrics: scoreRun(run, qrels),
    latencyMs: {
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      mean: times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1),
    },
    trecRun: formatTrecRun(rows, `osler-${variant}`),
    perQuestion,
  };
}
