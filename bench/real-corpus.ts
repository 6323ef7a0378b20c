/**
 * Benchmark on the real corpus: import MedQuAD + judged answers + PubMedQA into a fresh database,
 * build the index, then compare Osler's engine with SQLite FTS5 and the common JavaScript search
 * libraries on the LiveQA questions — quality (avgScore) and latency side by side.
 * Run: npm run bench -- real   (results in bench/out/real-corpus.json)
 */
import { rmSync } from "node:fs";
import { CURATED_LEXICON } from "../src/app.js";
import { loadSettings } from "../src/config/settings.js";
import { runImport } from "../src/corpus/import-runner.js";
import { readLiveqaAnswersCsv } from "../src/corpus/importers/liveqa-answers.js";
import { readMedquad } from "../src/corpus/importers/medquad.js";
import { readPubmedqa } from "../src/corpus/importers/pubmedqa.js";
import { readLiveqa } from "../src/eval/liveqa-data.js";
import { queryOf, runLiveqa } from "../src/eval/liveqa-eval.js";
import { scoreRun } from "../src/eval/metrics.js";
import { loadCuratedLexicon } from "../src/search/lexicon.js";
import { buildIndexFromStore, openSearch } from "../src/search/search-service.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { Fts5Baseline } from "./fts5.js";
import { type BenchDoc, JS_ENGINES } from "./js-engines.js";
import { latencySummary, OUT_DIR, peakRssMb, SHARED_DATA, table, writeResult } from "./util.js";

const dbPath = `${OUT_DIR}real-corpus.db`;
for (const suffix of ["", "-wal", "-shm", ".index", ".index.json"])
  rmSync(`${dbPath}${suffix}`, { force: true });
const store = new SqliteStore(dbPath);

let t = performance.now();
const imports = [
  await runImport(store, readMedquad(`${SHARED_DATA}medquad`)),
  await runImport(
    store,
    readLiveqaAnswersCsv(
      `${SHARED_DATA}liveqa/All-2479-Answers-retrieved-from-MedQuAD.unique-sorted.csv`,
      `${SHARED_DATA}medquad`,
    ),
  ),
  await runImport(store, readPubmedqa(`${SHARED_DATA}pubmedqa/ori_pqal.json`)),
];
await store.upsertLexicon(loadCuratedLexicon(CURATED_LEXICON));
const importMs = performance.now() - t;
const stats = await store.stats();
const settings = loadSettings({ dbPath });
t = performance.now();
await buildIndexFromStore(store, settings.search);
const buildMs = performance.now() - t;
const peakAfterIndex = peakRssMb();
const retriever = await openSearch(store, settings);

const { questions, qrels } = readLiveqa(
  `${SHARED_DATA}liveqa/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml`,
  `${SHARED_DATA}liveqa/All-qrels_LiveQAMed2017-TestQuestions_Judged-Answers.dev.txt`,
);
const variants = ["original", "summary"] as const;
const rows: Array<Record<string, string | number>> = [];
const oslerRuns = variants.map((v) => runLiveqa(retriever, questions, qrels, v));
// Repeat the queries a few times for stable latency percentiles.
const oslerTimes = variants.map((v) => {
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    for (const q of questions) {
      const s = performance.now();
      retriever.rank(retriever.plan(queryOf(q, v)), 10, { collections: ["medquad", "liveqa-answers"] });
      times.push(performance.now() - s);
    }
  }
  return latencySummary(times);
});
rows.push({
  engine: "Osler (BM25F + MaxScore + rerank)",
  build_s: (buildMs / 1000).toFixed(2),
  "avgScore orig": oslerRuns[0]?.metrics.avgScore ?? 0,
  "avgScore summ": oslerRuns[1]?.metrics.avgScore ?? 0,
  "p50 ms": oslerTimes[0]?.p50 ?? 0,
  "p99 ms": oslerTimes[0]?.p99 ?? 0,
  "p50 ms summ": oslerTimes[1]?.p50 ?? 0,
  "p99 ms summ": oslerTimes[1]?.p99 ?? 0,
});

// Competitors see the MedQuAD passages only, as the LiveQA task defines the corpus.
const docs: BenchDoc[] = [];
for await (const { passage, source } of store.iteratePassages()) {
  if (source.collection !== "medquad" && source.collection !== "liveqa-answers") continue;
  docs.push({
    id: passage.id.replace(/^medquad:/, ""),
    title: source.title,
    section: passage.sectionPath.join(" "),
    text: passage.text,
  });
}
const queryText = (q: (typeof questions)[number], v: (typeof variants)[number]) =>
  v === "summary" ? q.summary : `${q.subject} ${q.message}`;

async function measure(name: string, build: () => Promise<void>, search: (q: string) => Promise<string[]>) {
  const s = performance.now();
  await build();
  const built = performance.now() - s;
  const row: Record<string, string | number> = { engine: name, build_s: (built / 1000).toFixed(2) };
  for (const v of variants) {
    const run = new Map<number, string[]>();
    const times: number[] = [];
    for (const q of questions) {
      const s2 = performance.now();
      run.set(q.n, await search(queryText(q, v)));
      times.push(performance.now() - s2);
    }
    const lat = latencySummary(times);
    const suffix = v === "summary" ? " summ" : "";
    row[`avgScore ${v === "summary" ? "summ" : "orig"}`] = scoreRun(run, qrels).avgScore;
    row[`p50 ms${suffix}`] = lat.p50;
    row[`p99 ms${suffix}`] = lat.p99;
  }
  rows.push(row);
}

const fts = new Fts5Baseline();
await measure(
  "SQLite FTS5 (porter, OR)",
  async () => {
    fts.addAll(docs.map((d) => ({ id: d.id, text: d.text })));
  },
  async (q) => fts.search(q, 10).map((h) => h.id),
);
for (const make of JS_ENGINES) {
  const engine = make();
  await measure(
    engine.name,
    () => engine.build(docs),
    (q) => engine.search(q, 10),
  );
}

const passages = stats.passages;
const result = {
  corpus: stats,
  import: {
    seconds: Math.round(importMs) / 1000,
    passagesPerSecond: Math.round(passages / (importMs / 1000)),
    summaries: imports.map(({ rejected, ...s }) => ({ ...s, rejected: rejected.length })),
  },
  index: { seconds: Math.round(buildMs) / 1000, passagesPerSecond: Math.round(passages / (buildMs / 1000)) },
  peakRssMbAfterImportAndIndex: peakAfterIndex,
  liveqa: { questions: questions.length, judged: qrels.size, engines: rows },
};
console.log(`corpus: ${passages} passages in ${stats.sources} sources`);
console.log(
  `import: ${result.import.seconds} s (${result.import.passagesPerSecond} passages/s incl. parsing and SQLite writes)`,
);
console.log(
  `index build: ${result.index.seconds} s (${result.index.passagesPerSecond} passages/s); peak RSS ${peakAfterIndex} MB`,
);
console.log(table(rows));
console.log(`written ${writeResult("real-corpus", result)}`);
await store.close();
