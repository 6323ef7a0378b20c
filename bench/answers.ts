/**
 * Extractive answer latency end to end (analysis, retrieval, selection, composition,
 * verification, storage) on the starter library + MedQuAD + PubMedQA corpus.
 * Run: npm run bench -- answers   (results in bench/out/answers.json)
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OslerApp } from "../src/app.js";
import { loadSettings } from "../src/config/settings.js";
import { runImport } from "../src/corpus/import-runner.js";
import { readMedquad } from "../src/corpus/importers/medquad.js";
import { readPubmedqa } from "../src/corpus/importers/pubmedqa.js";
import { loadDevSet } from "../src/eval/answer-eval.js";
import { readLiveqa } from "../src/eval/liveqa-data.js";
import { latencySummary, OUT_DIR, SHARED_DATA, table, writeResult } from "./util.js";

const dbPath = `${OUT_DIR}answers.db`;
const app = OslerApp.open(loadSettings({ dbPath }));
const stats = await app.store.stats();
if (!stats.byCollection.medquad) {
  await app.ensureLibrary();
  await runImport(app.store, readMedquad(`${SHARED_DATA}medquad`));
  await runImport(app.store, readPubmedqa(`${SHARED_DATA}pubmedqa/ori_pqal.json`));
}
const engine = await app.answers();
const devDir = fileURLToPath(new URL("../test/answers/", import.meta.url));
const clinical = loadDevSet(
  readdirSync(devDir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => devDir + f),
).map((i) => i.question);
const liveqaFile = `${SHARED_DATA}liveqa/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml`;
const consumer = existsSync(liveqaFile)
  ? readLiveqa(
      liveqaFile,
      `${SHARED_DATA}liveqa/All-qrels_LiveQAMed2017-TestQuestions_Judged-Answers.dev.txt`,
    ).questions.map((q) => q.summary)
  : [];

const rows: Array<Record<string, string | number>> = [];
// The patient pass adds the plain-language rewrite and layout to the same questions.
for (const [name, questions, audience] of [
  ["clinician dev set", clinical, "clinician"],
  ["LiveQA summaries", consumer, "clinician"],
  ["dev set, patient audience", clinical, "patient"],
  ["LiveQA summaries, patient audience", consumer, "patient"],
] as const) {
  // Warm-up pass (index load, glossary, related-question index), then measured passes.
  for (const q of questions.slice(0, 5)) await engine.ask(q, { audience });
  const times: number[] = [];
  let abstained = 0;
  // Patient answers also report their reading grade (first pass only: the same answers repeat).
  const grades: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    for (const q of questions) {
      const s = performance.now();
      const answer = await engine.ask(`${q}${rep ? ` ${"?".repeat(rep)}` : ""}`, { audience });
      times.push(performance.now() - s);
      if (rep === 0 && answer.abstained) abstained++;
      if (rep === 0 && audience === "patient" && !answer.abstained) grades.push(answer.meta.readingGrade);
    }
  }
  const lat = latencySummary(times);
  rows.push({
    questions: name,
    n: questions.length,
    "answers timed": lat.n,
    abstained,
    "p50 ms": lat.p50,
    "p99 ms": lat.p99,
    "mean ms": lat.mean,
    "grade mean": grades.length
      ? Math.round((grades.reduce((a, b) => a + b, 0) / grades.length) * 10) / 10
      : "",
    "grade ≤ 8": grades.length ? `${grades.filter((g) => g <= 8).length}/${grades.length}` : "",
  });
}
const after = await app.store.stats();
console.log(`corpus: ${after.passages} passages (${JSON.stringify(after.byCollection)})`);
console.log(table(rows));
console.log(`written ${writeResult("answers", { corpus: after, rows })}`);
await app.close();
