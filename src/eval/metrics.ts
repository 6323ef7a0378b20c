/**
 * Retrieval measures over graded judgments: the TREC LiveQA measures (avgScore, succ@k+,
 * prec@k+) and the usual ranked-retrieval ones (MAP@10, MRR@10, nDCG@10, judged@10).
 * Grades are 1..4 (LiveQA: 1 incorrect … 4 excellent); unjudged answers count as grade 1.
 */

export interface RankedRun {
  /** Question key → ranked answer ids (best first). */
  get(key: number): string[] | undefined;
}

export interface MetricSummary {
  questions: number;
  answered: number;
  avgScore: number;
  succ: { "2+": number; "3+": number; "4+": number };
  prec: { "2+": number; "3+": number; "4+": number };
  map10: number;
  mrr10: number;
  ndcg10: number;
  judged10: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function scoreRun(
  run: Map<number, string[]>,
  qrels: Map<number, Map<string, number>>,
  relevantGrade = 3,
): MetricSummary {
  const keys = [...qrels.keys()].sort((a, b) => a - b);
  let answered = 0;
  let scoreSum = 0;
  const succ = { "2+": 0, "3+": 0, "4+": 0 };
  let ap = 0;
  let rr = 0;
  let ndcg = 0;
  let judged = 0;
  for (const key of keys) {
    const judgments = qrels.get(key) as Map<string, number>;
    const ranked = (run.get(key) ?? []).slice(0, 10);
    const grade = (id: string) => judgments.get(id) ?? 1;
    if (ranked.length > 0) {
      answered++;
      const top = grade(ranked[0] as string);
      scoreSum += top - 1;
      if (top >= 2) succ["2+"]++;
      if (top >= 3) succ["3+"]++;
      if (top >= 4) succ["4+"]++;
    }
    const relevantTotal = [...judgments.values()].filter((g) => g >= relevantGrade).length;
    let hits = 0;
    let precisionSum = 0;
    let firstHit = 0;
    let dcg = 0;
    ranked.forEach((id, i) => {
      const g = grade(id);
      if (judgments.has(id)) judged++;
      if (g >= relevantGrade) {
        hits++;
        precisionSum += hits / (i + 1);
        if (!firstHit) firstHit = i + 1;
      }
      dcg += (2 ** (g - 1) - 1) / Math.log2(i + 2);
    });
    if (relevantTotal > 0) ap += precisionSum / Math.min(relevantTotal, 10);
    if (firstHit) rr += 1 / firstHit;
    const ideal = [...judgments.values()].sort((a, b) => b - a).slice(0, 10);
    const idcg = ideal.reduce((sum, g, i) => sum + (2 ** (g - 1) - 1) / Math.log2(i + 2), 0);
    if (idcg > 0) ndcg += dcg / idcg;
  }
  const n = keys.length || 1;
  const a = answered || 1;
  return {
    questions: keys.length,
    answered,
    avgScore: round(scoreSum / n),
    succ: { "2+": round(succ["2+"] / n), "3+": round(succ["3+"] / n), "4+": round(succ["4+"] / n) },
    prec: { "2+": round(succ["2+"] / a), "3+": round(succ["3+"] / a), "4+": round(succ["4+"] / a) },
    map10: round(ap / n),
    mrr10: round(rr / n),
    ndcg10: round(ndcg / n),
    judged10: round(judged / (n * 10)),
  };
}

/** TREC run format: `QID Q0 DOCID RANK SCORE TAG`. */
export function formatTrecRun(
  rows: Array<{ qid: string; ranked: Array<{ id: string; score: number }> }>,
  tag: string,
): string {
  const lines: string[] = [];
  for (const row of rows) {
    row.ranked.forEach((hit, i) => {
      lines.push(`${row.qid} Q0 ${hit.id} ${i + 1} ${hit.score.toFixed(4)} ${tag}`);
    });
  }
  return `${lines.join("\n")}\n`;
}
