/**
 * `npm run bench [-- suite…]`: runs the benchmark suites, each in its own process so peak-memory
 * figures are not mixed. Suites: real, engine-100k, engine-1m, scale-100k, scale-1m, answers, http.
 * Default (no suite): all of them. Results are printed and written to bench/out/*.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SUITES: Record<string, string[]> = {
  real: [here("./real-corpus.ts")],
  "engine-100k": [here("./engine/run-engine-bench.ts"), "--n", "100k"],
  "engine-1m": [here("./engine/run-engine-bench.ts"), "--n", "1m"],
  "scale-100k": [here("./scale-compare.ts"), "--n", "100k", "--js"],
  "scale-1m": [here("./scale-compare.ts"), "--n", "1m"],
  answers: [here("./answers.ts")],
  http: [here("./http-load.ts")],
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? wanted : Object.keys(SUITES);
let failed = 0;
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown suite ${name}; choose from ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  if (!existsSync(suite[0] as string)) {
    console.error(`suite ${name}: ${suite[0]} is missing`);
    failed++;
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ["--import", "tsx", "--max-old-space-size=6144", ...suite], {
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error(`suite ${name} failed (exit ${run.status})`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
