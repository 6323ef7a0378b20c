/**
 * Side-by-side at scale on the same seeded synthetic corpus as bench/engine: SQLite FTS5 (porter,
 * all query words OR-ed) and — where they fit in memory and time — the JavaScript libraries.
 * Osler's own engine at the same N is measured by bench/engine/run-engine-bench.ts.
 *
 *   npx tsx bench/scale-compare.ts --n 100k [--js]     npx tsx bench/scale-compare.ts --n 1m
 */
import { rmSync } from "node:fs";
import { loadLiveQaQueries, loadSourceText, syntheticPassages } from "./engine/synthetic.js";
import { Fts5Baseline } from "./fts5.js";
import { type BenchDoc, JS_ENGINES } from "./js-engines.js";
import { latencySummary, OUT_DIR, peakRssMb, SHARED_DATA, table, writeResult } from "./util.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const nText = arg("n") ?? "100k";
const n = Math.round(Number.parseFloat(nText) * (/m$/i.test(nText) ? 1e6 : /k$/i.test(nText) ? 1e3 : 1));
const withJs = process.argv.includes("--js");
const seed = Number(arg("seed") ?? 42);

const src = loadSourceText(SHARED_DATA);
const queries = loadLiveQaQueries(SHARED_DATA);
const rows: Array<Record<string, string | number>> = [];

// FTS5 on disk, as a deployment would run it.
const ftsPath = `${OUT_DIR}fts5-${n}.db`;
rmSync(ftsPath, { force: true });
const fts = new Fts5Baseline(ftsPath);
let t = performance.now();
fts.addAll(
  (function* () {
    for (const d of syntheticPassages(src, n, seed))
      yield { id: d.id, text: `${d.fields.title ?? ""} ${d.fields.section ?? ""} ${d.fields.text ?? ""}` };
  })(),
);
const ftsBuild = (performance.now() - t) / 1000;
const ftsTimes = queries.map((q) => {
  const s = performance.now();
  fts.search(q, 10);
  return performance.now() - s;
});
const ftsLat = latencySummary(ftsTimes);
rows.push({
  engine: "SQLite FTS5",
  n,
  "build s": ftsBuild.toFixed(1),
  "passages/s": Math.round(n / ftsBuild),
  "p50 ms": ftsLat.p50,
  "p99 ms": ftsLat.p99,
  "peak RSS MB": peakRssMb(),
});
fts.close();
rmSync(ftsPath, { force: true });

if (withJs) {
  const docs: BenchDoc[] = [];
  for (const d of syntheticPassages(src, n, seed))
    docs.push({
      id: d.id,
      title: d.fields.title ?? "",
      section: d.fields.section ?? "",
      text: d.fields.text ?? "",
    });
  for (const make of JS_ENGINES) {
    const engine = make();
    const before = process.memoryUsage().heapUsed;
    t = performance.now();
    await engine.build(docs);
    const build = (performance.now() - t) / 1000;
    const heap = Math.round((process.memoryUsage().heapUsed - before) / 1e6);
    // Slow engines get a bounded sample of queries so the benchmark stays within minutes.
    const times: number[] = [];
    const deadline = performance.now() + 60_000;
    for (const q of queries) {
      if (performance.now() > deadline) break;
      const s = performance.now();
      await engine.search(q, 10);
      times.push(performance.now() - s);
    }
    const lat = latencySummary(times);
    rows.push({
      engine: engine.name,
      n,
      "build s": build.toFixed(1),
      "passages/s": Math.round(n / build),
      "p50 ms": lat.p50,
      "p99 ms": lat.p99,
      "peak RSS MB": `${peakRssMb()} (heap +${heap})`,
      queries: lat.n,
    });
  }
}

console.log(table(rows));
console.log(`written ${writeResult(`scale-compare-${n}`, { n, seed, queries: queries.length, rows })}`);
