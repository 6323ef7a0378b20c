/**
 * Benchmark of the in-memory lexical engine at corpus scale. The parent process builds an index
 * over N synthetic passages and saves it; a child process then loads the file and measures query
 * latency, so build and serve peak memory are measured separately, as they happen in production
 * (a server loads the saved index; it does not build and serve in one heap).
 *
 *   npx tsx bench/engine/run-engine-bench.ts --n 100000
 *   npx tsx bench/engine/run-engine-bench.ts --n 1000000
 *
 * Options: --n N (accepts 100k / 1m), --seed S, --keep (keep the index file), --data DIR.
 * Results: a table on stdout and JSON in bench/out/engine-N.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "../../src/search/analyzer.js";
import { IndexBuilder } from "../../src/search/index/builder.js";
import { loadIndex, saveIndex } from "../../src/search/index/persist.js";
import type { IndexDoc, QueryTerm, SearchFilter } from "../../src/search/index/types.js";
import { loadLiveQaQueries, loadSourceText, rng, syntheticPassages } from "./synthetic.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = join(ROOT, "bench", "out");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function parseCount(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad --n ${s}`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === "k" ? 1e3 : m[2].toLowerCase() === "m" ? 1e6 : 1));
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The query as a caller builds it: analyzed terms, weight 1 each (duplicates merge). */
function toQuery(text: string): QueryTerm[] {
  return analyze(text).map((term) => ({ term, weight: 1 }));
}

function buildPhase(n: number, seed: number, dataDir: string, indexPath: string) {
  let t0 = process.hrtime.bigint();
  const src = loadSourceText(dataDir);
  const sourceMs = ms(t0);
  const builder = new IndexBuilder({
    fields: { title: 2.0, section: 1.5, text: 1.0 },
    k1: 1.2,
    b: { title: 0.3, section: 0.5, text: 0.75 },
  });
  // Passages are generated in batches outside the timed region: the generator stands in for
  // reading the database, which is not what this measures.
  const batch: IndexDoc[] = [];
  let addMs = 0;
  let tokens = 0;
  const gen = syntheticPassages(src, n, seed);
  t0 = process.hrtime.bigint();
  const wall0 = t0;
  for (let done = 0; done < n; ) {
    batch.length = 0;
    for (let i = 0; i < 10_000 && done + i < n; i++) batch.push(gen.next().value as IndexDoc);
    for (const d of batch) tokens += d.fields.text.length;
    const t = process.hrtime.bigint();
    for (const d of batch) builder.add(d);
    addMs += ms(t);
    done += batch.length;
  }
  t0 = process.hrtime.bigint();
  const index = builder.finish();
  const finishMs = ms(t0);
  const buildWallMs = ms(wall0);
  t0 = process.hrtime.bigint();
  saveIndex(index, indexPath, `bench-${n}-${seed}`);
  const saveMs = ms(t0);
  return {
    passages: n,
    sourceSentences: src.sentences.length,
    sourceLoadMs: sourceMs,
    avgTextChars: tokens / n,
    terms: index.termCount,
    postings: index.postingCount,
    addMs,
    finishMs,
    buildPassagesPerSec: n / ((addMs + finishMs) / 1000),
    buildWallPassagesPerSec: n / (buildWallMs / 1000),
    saveMs,
    fileMb: statSync(indexPath).size / 2 ** 20,
    buildPeakRssMb: maxRssMb(),
    questions: src.questions,
  };
}

function latency(run: () => void, count: number): { p50: number; p99: number; mean: number; n: number } {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    run();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean, n: times.length };
}

/** Child process: load the saved index and time queries (analysis included). */
function queryPhase(indexPath: string, dataDir: string, questionsFile: string) {
  const t0 = process.hrtime.bigint();
  const { index } = loadIndex(indexPath);
  const loadMs = ms(t0);
  const rssAfterLoadMb = process.memoryUsage().rss / 2 ** 20;
  const live = loadLiveQaQueries(dataDir);
  const allQuestions = JSON.parse(readFileSync(questionsFile, "utf8")) as string[];
  const r = rng(7);
  const medquad = Array.from({ length: 2000 }, () => allQuestions[Math.floor(r() * allQuestions.length)]);
  const sets: Record<string, string[]> = { liveqa: live, medquad: medquad };
  const filters: Record<string, SearchFilter | undefined> = {
    none: undefined,
    "kinds+years": { kinds: [1, 2, 3], yearFrom: 2010 },
  };
  // Warm up the JIT and the page cache on everything once before measuring.
  for (const q of [...live, ...medquad]) index.search(toQuery(q), 10);
  const results: Record<string, unknown> = {};
  for (const [setName, queries] of Object.entries(sets)) {
    for (const k of [10, 50]) {
      for (const [fname, filter] of Object.entries(filters)) {
        if (k === 50 && fname !== "none") continue;
        let i = 0;
        results[`${setName} k=${k} filter=${fname}`] = latency(
          () => {
            index.search(toQuery(queries[i++ % queries.length]), k, filter);
          },
          queries.length * (setName === "liveqa" ? 5 : 1),
        );
      }
    }
  }
  const avgTerms = live.reduce((s, q) => s + new Set(analyze(q)).size, 0) / live.length;
  return { loadMs, rssAfterLoadMb, serveRssMb: maxRssMb(), avgLiveQaTerms: avgTerms, latency: results };
}

function main() {
  const dataDir = resolve(arg("data") ?? join(ROOT, "..", "shared", "data"));
  const child = arg("child-load");
  if (child !== undefined) {
    const res = queryPhase(child, dataDir, arg("questions") ?? "");
    process.stdout.write(`${JSON.stringify(res)}\n`);
    return;
  }
  const n = parseCount(arg("n") ?? "100000");
  const seed = Number(arg("seed") ?? 42);
  mkdirSync(OUT, { recursive: true });
  const indexPath = join(OUT, `engine-${n}.idx`);
  const { questions, ...build } = buildPhase(n, seed, dataDir, indexPath);
  const questionsFile = join(OUT, `engine-${n}.questions.json`);
  writeFileSync(questionsFile, JSON.stringify(questions));
  const script = fileURLToPath(import.meta.url);
  const out = spawnSync(
    process.execPath,
    [...process.execArgv, script, "--child-load", indexPath, "--questions", questionsFile, "--data", dataDir],
    { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (out.status !== 0) throw new Error(`query phase failed with status ${out.status}`);
  const serve = JSON.parse(out.stdout.trim().split("\n").pop() ?? "{}");
  rmSync(questionsFile, { force: true });
  if (!process.argv.includes("--keep")) rmSync(indexPath, { force: true });
  const report = { n, seed, machine: { cpus: 2, node: process.version }, build, serve };
  const jsonPath = join(OUT, `engine-${n}.json`);
  writeFileSync(jsonPath, JSON.stringify(report, null, 2));

  const f = (x: number, d = 1) => x.toFixed(d);
  console.log(`\nOsler lexical engine — ${n.toLocaleString()} passages (seed ${seed})`);
  console.log(`  terms ${build.terms.toLocaleString()}, postings ${build.postings.toLocaleString()}`);
  console.log(
    `  build  ${f(build.buildPassagesPerSec, 0)} passages/s (add ${f(build.addMs / 1000)} s + finish ${f(build.finishMs / 1000)} s; wall incl. generation ${f(build.buildWallPassagesPerSec, 0)}/s)`,
  );
  console.log(
    `  build peak RSS ${f(build.buildPeakRssMb, 0)} MB; save ${f(build.saveMs, 0)} ms; file ${f(build.fileMb)} MB`,
  );
  console.log(
    `  load   ${f(serve.loadMs, 0)} ms; RSS after load ${f(serve.rssAfterLoadMb, 0)} MB; serve peak RSS ${f(serve.serveRssMb, 0)} MB`,
  );
  console.log(`  avg distinct LiveQA query terms ${f(serve.avgLiveQaTerms)}`);
  console.log("  latency (ms, analysis included)        p50     p99    mean      n");
  for (const [name, l] of Object.entries(serve.latency as Record<string, ReturnType<typeof latency>>)) {
    console.log(
      `  ${name.padEnd(36)} ${f(l.p50, 2).padStart(7)} ${f(l.p99, 2).padStart(7)} ${f(l.mean, 2).padStart(7)} ${String(l.n).padStart(6)}`,
    );
  }
  console.log(`  JSON: ${jsonPath}`);
}

main();
