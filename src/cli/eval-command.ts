/** `osler eval …`: reproducible retrieval and answer evaluations against the current database. */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { OslerApp } from "../app.js";
import { invalidInput } from "../core/errors.js";
import { runAnswerEval } from "../eval/answer-eval-run.js";
import { readLiveqa } from "../eval/liveqa-data.js";
import { type LiveqaQueryVariant, runLiveqa } from "../eval/liveqa-eval.js";
import { runPubmedqaEval } from "../eval/pubmedqa-eval.js";
import { settingsFrom } from "./main.js";

const DATA = new URL("../../../shared/data/", import.meta.url).pathname;

export function registerEval(program: Command): void {
  const cmd = program.command("eval").description("evaluate retrieval and answers");

  cmd
    .command("liveqa")
    .description("TREC 2017 LiveQA medical questions against the MedQuAD passages in the database")
    .option(
      "--questions <xml>",
      "LiveQA question XML",
      `${DATA}liveqa/TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml`,
    )
    .option(
      "--qrels <file>",
      "LiveQA judgments",
      `${DATA}liveqa/All-qrels_LiveQAMed2017-TestQuestions_Judged-Answers.dev.txt`,
    )
    .option("--query <variant>", "original (subject + message) or summary (NLM summary)", "original")
    .option("--run <file>", "write the run in TREC format")
    .option("--json", "print JSON")
    .action(
      async (
        opts: { questions: string; qrels: string; query: string; run?: string; json?: boolean },
        command: Command,
      ) => {
        if (opts.query !== "original" && opts.query !== "summary") {
          throw invalidInput(`--query must be "original" or "summary", not ${JSON.stringify(opts.query)}`);
        }
        const { questions, qrels } = readLiveqa(opts.questions, opts.qrels);
        const app = OslerApp.open(settingsFrom(command));
        try {
          const stats = await app.store.stats();
          if (!stats.byCollection.medquad) {
            throw invalidInput(
              "the database holds no MedQuAD sources",
              "Run `osler import medquad DIR` and `osler import liveqa-answers CSV` first.",
            );
          }
          const retriever = await app.lexical(); // the eval ranks with plan/rank directly
          const result = runLiveqa(retriever, questions, qrels, opts.query as LiveqaQueryVariant);
          if (opts.run) writeFileSync(opts.run, result.trecRun);
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ variant: result.variant, metrics: result.metrics, latencyMs: result.latencyMs, perQuestion: result.perQuestion }, null, 2)}\n`,
            );
            return;
          }
          const m = result.metrics;
          process.stdout.write(
            `${[
              `LiveQA (${result.variant} questions): ${m.questions} judged questions, ${m.answered} answered`,
              `avgScore ${m.avgScore.toFixed(3)}  succ@2+ ${m.succ["2+"]} succ@3+ ${m.succ["3+"]} succ@4+ ${m.succ["4+"]}`,
              `prec@2+ ${m.prec["2+"]} prec@3+ ${m.prec["3+"]} prec@4+ ${m.prec["4+"]}`,
              `MAP@10 ${m.map10}  MRR@10 ${m.mrr10}  nDCG@10 ${m.ndcg10}  judged@10 ${m.judged10}`,
              `latency p50 ${result.latencyMs.p50.toFixed(2)} ms, p99 ${result.latencyMs.p99.toFixed(2)} ms`,
              ...(opts.run ? [`run written to ${opts.run}`] : []),
            ].join("\n")}\n`,
          );
        } finally {
          await app.close();
        }
      },
    );

  cmd
    .command("pubmedqa")
    .description(
      "PubMedQA questions against their abstracts (title field withheld): recall@1, recall@10, MRR@10",
    )
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, command: Command) => {
      const app = OslerApp.open(settingsFrom(command));
      try {
        const result = await runPubmedqaEval(app);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `PubMedQA: ${result.questions} questions over ${result.abstracts} abstracts (${result.passages} passages)\nrecall@1 ${result.recall1}  recall@10 ${result.recall10}  MRR@10 ${result.mrr10}\nlatency p50 ${result.latencyMs.p50.toFixed(2)} ms, p99 ${result.latencyMs.p99.toFixed(2)} ms\n`,
        );
      } finally {
        await app.close();
      }
    });

  cmd
    .command("answers")
    .description(
      "answer a dev set of questions and score key-point recall, citations, abstention and readability",
    )
    .requiredOption("--set <files...>", "dev-set YAML files (e.g. test/answers/*.yaml)")
    .option("--json", "print JSON")
    .option("--verbose", "list missed key points")
    .action(async (opts: { set: string[]; json?: boolean; verbose?: boolean }, command: Command) => {
      const app = OslerApp.open(settingsFrom(command));
      try {
        await app.ensureLibrary();
        const result = await runAnswerEval(app, opts.set);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const s = result.summary;
        const lines = [
          `Answer dev set: ${s.questions} questions (${s.abstentionItems} expected abstentions)`,
          `cited key-point recall ${(s.keyPointRecall * 100).toFixed(1)}%  statements with a citation ${(s.citedStatementShare * 100).toFixed(1)}%`,
          `correct abstention ${(s.abstentionCorrect * 100).toFixed(1)}%  false abstentions ${s.falseAbstentions}  mean words ${s.meanWords}`,
          `patient answers: mean FK grade ${result.patient.meanGrade}, max ${result.patient.maxGrade}, ${result.patient.atOrBelow8}/${result.patient.answered} at grade <= 8`,
          `latency p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms`,
        ];
        if (opts.verbose) {
          for (const item of result.items) {
            if (item.missing.length || (item.expect === "abstain") !== item.abstained) {
              lines.push(
                `  ${item.id}: ${item.abstained ? "abstained" : "answered"}; missing ${JSON.stringify(item.missing)}`,
              );
            }
          }
        }
        process.stdout.write(`${lines.join("\n")}\n`);
      } finally {
        await app.close();
      }
    });
}
