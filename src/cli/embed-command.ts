/** `osler embed`: stores a vector for every passage that lacks one for the configured model. */
import type { Command } from "commander";
import { OslerApp } from "../app.js";
import { terminalProgress } from "../corpus/import-runner.js";
import { embedMissingPassages } from "../search/dense/embed-corpus.js";
import { settingsFrom } from "./main.js";
import { positiveInt } from "./options.js";

export function registerEmbed(program: Command): void {
  program
    .command("embed")
    .description(
      "embed passages that have no vector yet through the OpenAI-compatible embeddings endpoint (resumable)",
    )
    .option("--batch <n>", "inputs per embeddings request (1-2048)", positiveInt(2048), 64)
    .option("--json", "print the summary as JSON")
    .action(async (opts: { batch: number; json?: boolean }, command: Command) => {
      const app = OslerApp.open(settingsFrom(command));
      const progress = terminalProgress("embed");
      let stopped = false;
      const stop = () => {
        if (!stopped) progress.stop();
        stopped = true;
      };
      try {
        await app.ensureLibrary();
        const summary = await embedMissingPassages(
          app.store,
          app.settings.embeddings,
          (p) => progress.update(p),
          {
            batchSize: opts.batch,
          },
        );
        stop();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        const lines = [
          `embedded ${summary.embedded} passages with ${summary.model}${summary.dim ? ` (${summary.dim} dimensions)` : ""} in ${(summary.ms / 1000).toFixed(1)} s; ${summary.alreadyEmbedded} already had vectors, ${summary.passages} passages in all`,
        ];
        if (!app.settings.search.dense)
          lines.push("dense retrieval is off: set OSLER_DENSE=1 to fuse these vectors with lexical search");
        process.stdout.write(`${lines.join("\n")}\n`);
      } finally {
        stop();
        await app.close();
      }
    });
}
