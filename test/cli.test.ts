/**
 * End to end through the real command line (`src/cli/dev.ts` under tsx, a real SQLite file):
 * imports, search, ask, eval and the error contract (exit code + one-line reason on stderr).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIX = `${ROOT}test/fixtures/import/`;
const dir = mkdtempSync(join(tmpdir(), "osler-cli-"));
const db = join(dir, "osler.db");

function osler(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", `${ROOT}src/cli/dev.ts`, "--db", db, ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env: { ...process.env, OSLER_CONFIG: "" },
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("osler CLI", () => {
  beforeAll(() => {
    expect(osler("import", "library", `${FIX}library`).out).toMatch(/library: \d+ imported/);
  });

  it("imports MedQuAD, PubMed and PubMedQA fixtures and reports what happened", () => {
    expect(osler("import", "medquad", `${FIX}medquad`).out).toMatch(
      /medquad: \d+ imported, 0 updated, 0 unchanged, 0 skipped, 0 rejected/,
    );
    const pubmed = osler("import", "pubmed", `${FIX}pubmed/articles.xml`);
    expect(pubmed.code).toBe(0);
    expect(pubmed.out).toMatch(/1 skipped/); // the letter without an abstract
    // The fixture holds one deliberately broken item: the rest is imported, the batch exits 1.
    const pubmedqa = osler("import", "pubmedqa", `${FIX}pubmedqa/pqal.json`);
    expect(pubmedqa.out).toMatch(/2 imported, .* 1 rejected/);
    expect(pubmedqa.code).toBe(1);
  });

  it("re-importing an unchanged source changes nothing", () => {
    expect(osler("import", "medquad", `${FIX}medquad`).out).toMatch(/0 imported, 0 updated, \d+ unchanged/);
  });

  it("a malformed file fails the batch with its name and position, and keeps the rest", () => {
    const run = osler("import", "pubmed", `${FIX}pubmed/malformed.xml`);
    expect(run.code).not.toBe(0);
    expect(run.out).toMatch(/rejected .*malformed\.xml:\d+:\d+/);
  });

  it("searches with filters and prints JSON", () => {
    const run = osler("search", "made-up syndrome management", "--kind", "guideline", "--json", "--k", "3");
    expect(run.code).toBe(0);
    const body = JSON.parse(run.out);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r: { kind: string }) => r.kind === "guideline")).toBe(true);
  });

  it("answers a question with citations and can fetch nothing for unknown follow-ups", () => {
    const run = osler("ask", "How is imaginary shock treated?", "--json");
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.out);
    for (const key of [
      "id",
      "question",
      "audience",
      "title",
      "abstained",
      "bottomLine",
      "sections",
      "references",
      "relatedQuestions",
      "review",
      "meta",
    ]) {
      expect(answer).toHaveProperty(key);
    }
    expect(answer.review.status).toBe("submitted");
    const missing = osler("ask", "and in pregnancy?", "--follow-up-of", "ans_doesnotexist");
    expect(missing.code).not.toBe(0);
    expect(missing.err.trim().split("\n")[0]).toMatch(/^osler: answer not found/);
  });

  it("exits non-zero with a one-line reason for bad input", () => {
    const empty = osler("search", "   ");
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/^osler: the query is empty/);
    const badKind = osler("search", "x", "--kind", "blog");
    expect(badKind.code).not.toBe(0);
    expect(badKind.err).toMatch(/unknown kind "blog"/);
    const badFile = osler("import", "pubmedqa", join(dir, "nope.json"));
    expect(badFile.code).not.toBe(0);
  });

  it("evaluates LiveQA-format questions against MedQuAD and writes a TREC run", () => {
    const questions = join(dir, "q.xml");
    const qrels = join(dir, "qrels.txt");
    writeFileSync(
      questions,
      `<LiveQA><NLM-QUESTION qid="TQ1"><Original-Question><SUBJECT>imaginary syndrome</SUBJECT><MESSAGE>what are the symptoms?</MESSAGE></Original-Question><NLM-Summary>What are the symptoms of imaginary syndrome?</NLM-Summary></NLM-QUESTION></LiveQA>`,
    );
    writeFileSync(qrels, "1 4-Excellent GARD_0000001_Sec3.txt\n1 2-Related GARD_0000001_Sec1.txt\n");
    const run = osler(
      "eval",
      "liveqa",
      "--questions",
      questions,
      "--qrels",
      qrels,
      "--query",
      "summary",
      "--run",
      join(dir, "run.txt"),
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/avgScore 3\.000/);
    expect(readFileSync(join(dir, "run.txt"), "utf8")).toMatch(/^1 Q0 GARD_0000001_Sec3 1 /);
  });

  it("evaluates PubMedQA retrieval with the title withheld", () => {
    const run = osler("eval", "pubmedqa", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out);
    expect(result.questions).toBe(2);
    expect(result.recall10).toBeGreaterThan(0);
  });

  it("prints help for every command", () => {
    for (const args of [
      ["--help"],
      ["import", "--help"],
      ["search", "--help"],
      ["ask", "--help"],
      ["eval", "liveqa", "--help"],
    ]) {
      const run = osler(...args);
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/Usage: osler/);
    }
  });
});
