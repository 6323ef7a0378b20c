/** `osler ask "<question>"`: a structured, cited answer in the terminal or as JSON. */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { renderAnswerText } from "../answer/render-text.js";
import { AUDIENCES, type Audience } from "../answer/types.js";
import { OslerApp } from "../app.js";
import { settingsFrom } from "./main.js";

function audience(value: string): Audience {
  if (!(AUDIENCES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${AUDIENCES.join(", ")}`);
  }
  return value as Audience;
}

function composer(value: string): "extractive" | "llm" {
  if (value !== "extractive" && value !== "llm") throw new InvalidArgumentError("expected extractive or llm");
  return value;
}

interface AskOpts {
  audience: Audience;
  json?: boolean;
  followUpOf?: string;
  composer?: "extractive" | "llm";
  review?: boolean;
}

export function registerAsk(program: Command): void {
  program
    .command("ask <question>")
    .description("answer a clinical question with cited, verified statements")
    .option("-a, --audience <who>", `who is reading: ${AUDIENCES.join(", ")}`, audience, "clinician")
    .option("--json", "print the answer JSON")
    .option("--follow-up-of <answerId>", "carry the focus and context of an earlier answer")
    .option("--composer <name>", "extractive (default, offline) or llm (needs OSLER_LLM_BASE_URL)", composer)
    .option("--review", "review mode: keep unsupported statements, flagged")
    .action(async (question: string, opts: AskOpts, command: Command) => {
      const app = OslerApp.open(settingsFrom(command));
      try {
        await app.ensureLibrary();
        const engine = await app.answers();
        const stages: string[] = [];
        const answer = await engine.ask(question, {
          audience: opts.audience,
          followUpOf: opts.followUpOf,
          composer: opts.composer,
          reviewMode: opts.review,
          onProgress: (stage) => {
            stages.push(stage);
            if (process.stderr.isTTY && !opts.json) process.stderr.write(`\r${stage}…`.padEnd(20));
          },
        });
        if (process.stderr.isTTY && !opts.json) process.stderr.write(`${"\r".padEnd(21, " ")}\r`);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(answer, null, 2)}\n`
            : `${renderAnswerText(answer, { color: process.stdout.isTTY })}\n`,
        );
      } finally {
        await app.close();
      }
    });
}
