/**
 * PubMedQA retrieval evaluation: each of the expert-labelled questions against the pool of their
 * abstracts. PubMedQA questions are the articles' own titles, so the title field is withheld —
 * retrieval must find the abstract from its text, which is the honest measure.
 */
import type { OslerApp } from "../app.js";
import { invalidInput } from "../core/errors.js";
import { IndexBuilder } from "../search/index/builder.js";
import { planQuery } from "../search/query-plan.js";
import { percentile } from "./liveqa-eval.js";

export interface PubmedqaResult {
  questions: number;
  abstracts: number;
  passages: number;
  recall1: number;
  recall10: number;
  mrr10: number;
  latencyMs: { p50: number; p99: number };
}

export async function runPubmedqaEval(app: OslerApp): Promise<PubmedqaResult> {
  const sources = await app.store.listSources({ collection: "pubmedqa" });
  if (sources.length === 0) {
    throw invalidInput(
      "the database holds no PubMedQA sources",
      "Run `osler import pubmedqa ../shared/data/pubmedqa/ori_pqal.json` first.",
    );
  }
  const builder = new IndexBuilder({ fields: { section: 0.5, text: 1 }, k1: 1.2, b: 0.75 });
  const docSource: string[] = [];
  let passages = 0;
  for (const source of sources) {
    for (const p of await app.store.passagesOfSource(source.id)) {
      builder.add({
        id: p.id,
        fields: { section: p.sectionPath.join(" "), text: p.text },
        attrs: { kind: 0, year: 0, specialty: 0, collection: 0 },
      });
      docSource.push(source.id);
      passages++;
    }
  }
  const index = builder.finish();
  const lexicon = (await app.search()).parts.lexicon;
  let hits1 = 0;
  let hits10 = 0;
  let rr = 0;
  const times: number[] = [];
  for (const source of sources) {
    const question = String(source.meta.pubmedqaQuestion ?? source.title);
    const started = performance.now();
    const plan = planQuery(question, {
      lexicon,
      idf: (t) => index.idf(t),
      expansionWeight: app.settings.search.expansionWeight,
    });
    const ranked = index.search(plan.terms, 50);
    times.push(performance.now() - started);
    const seen: string[] = [];
    for (const hit of ranked) {
      const s = docSource[hit.doc] as string;
      if (!seen.includes(s)) seen.push(s);
      if (seen.length === 10) break;
    }
    const at = seen.indexOf(source.id);
    if (at === 0) hits1++;
    if (at >= 0) {
      hits10++;
      rr += 1 / (at + 1);
    }
  }
  times.sort((a, b) => a - b);
  const n = sources.length;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: n,
    abstracts: n,
    passages,
    recall1: r(hits1 / n),
    recall10: r(hits10 / n),
    mrr10: r(rr / n),
    latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99) },
  };
}
