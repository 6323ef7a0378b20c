/**
 * Runs a dev set through the answer engine: every question as a clinician, and every answerable
 * question again for the patient audience to measure readability.
 */
import type { OslerApp } from "../app.js";
import { type ItemScore, loadDevSet, scoreAnswer, summarize } from "./answer-eval.js";
import { percentile } from "./liveqa-eval.js";

export async function runAnswerEval(app: OslerApp, files: string[]) {
  const items = loadDevSet(files);
  const engine = await app.answers();
  const scores: ItemScore[] = [];
  const grades: number[] = [];
  const patientGrades: Array<{ id: string; grade: number }> = [];
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    const answer = await engine.ask(item.question, { audience: "clinician" });
    times.push(performance.now() - started);
    scores.push(scoreAnswer(item, answer));
    if (item.expect === "answer" && !answer.abstained) {
      const patient = await engine.ask(item.question, { audience: "patient" });
      if (!patient.abstained) {
        grades.push(patient.meta.readingGrade);
        patientGrades.push({ id: item.id, grade: patient.meta.readingGrade });
      }
    }
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    summary: summarize(scores),
    patient: {
      answered: grades.length,
      meanGrade: r(grades.reduce((a, b) => a + b, 0) / Math.max(grades.length, 1)),
      maxGrade: r(Math.max(0, ...grades)),
      atOrBelow8: grades.filter((g) => g <= 8).length,
      grades: patientGrades,
    },
    latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99) },
    items: scores,
  };
}
