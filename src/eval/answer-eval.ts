/**
 * Scores answers against a development set of questions with expected key points: a key point is
 * a few terms that must all appear in ONE cited statement. Also checks abstention on off-topic
 * questions, citation coverage, answer length and patient-answer readability.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Answer } from "../answer/types.js";
import { invalidInput } from "../core/errors.js";

const itemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  type: z.string().optional(),
  specialty: z.string().optional(),
  keyPoints: z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(1)).default([]),
  expect: z.enum(["answer", "abstain"]).default("answer"),
});
export type DevItem = z.infer<typeof itemSchema>;

export function loadDevSet(paths: string[]): DevItem[] {
  const items: DevItem[] = [];
  for (const path of paths) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw invalidInput(`cannot read dev set ${path}: ${(error as Error).message}`);
    }
    const parsed = z.array(itemSchema).safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalidInput(`${path}: item ${issue?.path.join(".")}: ${issue?.message}`);
    }
    items.push(...parsed.data);
  }
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) throw invalidInput(`duplicate dev-set id ${item.id}`);
    ids.add(item.id);
  }
  return items;
}

/** Lower-cased text with typographic variants folded, so "≥65" matches ">=65" and "–" matches "-". */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/≥/g, ">=")
    .replace(/≤/g, "<=")
    .replace(/\s+/g, " ");
}

export function statementsOf(answer: Answer): Array<{ text: string; cited: boolean }> {
  const out: Array<{ text: string; cited: boolean }> = [];
  if (answer.bottomLine)
    out.push({ text: answer.bottomLine.text, cited: answer.bottomLine.citations.length > 0 });
  for (const section of answer.sections) {
    for (const bullet of section.bullets) out.push({ text: bullet.text, cited: bullet.citations.length > 0 });
  }
  return out;
}

export function keyPointFound(answer: Answer, terms: string[]): boolean {
  const wanted = terms.map(foldForMatch);
  return statementsOf(answer).some((s) => {
    if (!s.cited) return false;
    const text = foldForMatch(s.text);
    return wanted.every((t) => text.includes(t));
  });
}

export interface ItemScore {
  id: string;
  expect: "answer" | "abstain";
  abstained: boolean;
  keyPoints: number;
  found: number;
  statements: number;
  cited: number;
  words: number;
  ms: number;
  missing: string[][];
}

export function scoreAnswer(item: DevItem, answer: Answer): ItemScore {
  const statements = statementsOf(answer);
  const missing = item.keyPoints.filter((kp) => !keyPointFound(answer, kp));
  return {
    id: item.id,
    expect: item.expect,
    abstained: answer.abstained,
    keyPoints: item.keyPoints.length,
    found: item.keyPoints.length - missing.length,
    statements: statements.length,
    cited: statements.filter((s) => s.cited).length,
    words: statements.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0),
    ms: answer.meta.ms,
    missing,
  };
}

export interface DevSetSummary {
  questions: number;
  keyPointRecall: number;
  citedStatementShare: number;
  abstentionCorrect: number;
  abstentionItems: number;
  falseAbstentions: number;
  meanWords: number;
}

export function summarize(scores: ItemScore[]): DevSetSummary {
  const answerItems = scores.filter((s) => s.expect === "answer");
  const abstainItems = scores.filter((s) => s.expect === "abstain");
  const kp = answerItems.reduce((n, s) => n + s.keyPoints, 0);
  const found = answerItems.reduce((n, s) => n + s.found, 0);
  const statements = scores.reduce((n, s) => n + s.statements, 0);
  const cited = scores.reduce((n, s) => n + s.cited, 0);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: scores.length,
    keyPointRecall: r(kp ? found / kp : 0),
    citedStatementShare: r(statements ? cited / statements : 1),
    abstentionCorrect: r(
      abstainItems.length ? abstainItems.filter((s) => s.abstained).length / abstainItems.length : 1,
    ),
    abstentionItems: abstainItems.length,
    falseAbstentions: answerItems.filter((s) => s.abstained).length,
    meanWords: r(answerItems.reduce((n, s) => n + s.words, 0) / Math.max(answerItems.length, 1)),
  };
}
