/**
 * HTTP load benchmark: starts `osler serve` as a child process on a fresh temporary database
 * (starter library), then drives it with autocannon at 50 concurrent connections for ~10 s per
 * scenario: GET of an answer page, POST /api/answers over a rotating set of questions (repeats are
 * served from the store, as in real use), and POST /api/answers with every question unique (the
 * engine on every request). Reports req/s, p50/p99 latency and errors; results in
 * bench/out/http-load.json. Run: npx tsx bench/http-load.ts [--duration S] [--connections N] [--keep]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { table, writeResult } from "./util.js";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const DURATION = arg("duration", 10);
const CONNECTIONS = arg("connections", 50);
/** --keep leaves the temporary database and the server's request log for inspection. */
const KEEP = process.argv.includes("--keep");

const QUESTIONS = [
  "What should be done when a DVT occurs despite LMWH prophylaxis in septic shock?",
  "Which vasopressor is first line in septic shock?",
  "How is heparin resistance monitored with anti-Xa levels?",
  "What is the emergency treatment of hyperkalaemia in adults?",
  "How should apixaban be reversed in major bleeding?",
  "What is the IM adrenaline dose for anaphylaxis in adults?",
  "What tidal volume should be used in ARDS?",
  "How is diabetic ketoacidosis treated?",
  "When should corticosteroids be given in septic shock?",
  "How should hyponatraemia be corrected?",
  "What is the treatment of Clostridioides difficile infection?",
  "How is opioid overdose treated with naloxone?",
];

async function startServer(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL("../src/cli/dev.ts", import.meta.url));
  const log = openSync(`${dbPath}.log`, "w");
  const child = spawn(process.execPath, ["--import", "tsx", entry, "--db", dbPath, "serve"], {
    env: {
      ...process.env,
      PORT: "0",
      OSLER_ASK_RATE_LIMIT: "0",
      OSLER_LOG_LEVEL: process.env.OSLER_LOG_LEVEL ?? "info",
    },
    stdio: ["ignore", "pipe", log], // request logs go to a file, as they would in production
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onExit = (code: number | null) =>
      reject(new Error(`server exited with ${code}: ${out}${readFileSync(`${dbPath}.log`, "utf8")}`));
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.once("exit", onExit);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/ready at (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve(match[1]);
      }
    });
  });
  return { url, child };
}

function run(name: string, options: autocannon.Options): Promise<Record<string, string | number>> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({
        scenario: name,
        "req/s": Math.round(result.requests.average),
        "p50 ms": result.latency.p50,
        "p99 ms": result.latency.p99,
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "osler-http-load-"));
const started = performance.now();
const { url, child } = await startServer(join(dir, "osler.db"));
const readyMs = Math.round(performance.now() - started);
try {
  const json = { "Content-Type": "application/json" };
  const first = (await (
    await fetch(`${url}/api/answers`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ question: QUESTIONS[0] }),
    })
  ).json()) as { id: string; title: string };
  const page = (await fetch(`${url}/api/answers/${first.id}`)).ok ? `/q/x-${first.id}` : "";
  const canonical = (await fetch(`${url}${page}`, { redirect: "manual" })).headers.get("location") ?? page;

  let n = 0;
  const rows = [
    await run("GET answer page", { url: `${url}${canonical}` }),
    await run("POST /api/answers (12 questions, repeats)", {
      url: `${url}/api/answers`,
      method: "POST",
      headers: json,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ question: QUESTIONS[n++ % QUESTIONS.length] }),
          }),
        },
      ],
    }),
    await run("POST /api/answers (every question new)", {
      url: `${url}/api/answers`,
      method: "POST",
      headers: json,
      requests: [
        {
          setupRequest: (req) => {
            const i = n++;
            const question = `${QUESTIONS[i % QUESTIONS.length]?.replace(/\?$/, "")} in a patient aged ${18 + (i % 80)} (case ${i})?`;
            return { ...req, body: JSON.stringify({ question }) };
          },
        },
      ],
    }),
  ];
  console.log(
    `server ready in ${readyMs} ms (fresh database, starter library); ${CONNECTIONS} connections, ${DURATION} s each\n`,
  );
  console.log(table(rows));
  const path = writeResult("http-load", {
    readyMs,
    connections: CONNECTIONS,
    durationS: DURATION,
    rows,
    node: process.version,
  });
  console.log(`\nwritten to ${path}`);
} finally {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  if (KEEP) console.log(`kept ${dir} (osler.db.log has the server's request log)`);
  else rmSync(dir, { recursive: true, force: true });
}
