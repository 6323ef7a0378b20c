/** `osler import <format> …`: runs an importer with a progress bar and prints a summary. */
import type { Command } from "commander";
import { OslerApp } from "../app.js";
import { formatSummary, type ImportSummary, runImport, terminalProgress } from "../corpus/import-runner.js";
import { readLiveqaAnswersCsv } from "../corpus/importers/liveqa-answers.js";
import { readMedquad } from "../corpus/importers/medquad.js";
import { readPubmedXml } from "../corpus/importers/pubmed.js";
import { readPubmedqa } from "../corpus/importers/pubmedqa.js";
import type { ImportItem, ProgressListener } from "../corpus/importers/types.js";
import { settingsFrom } from "./main.js";

async function withApp(command: Command, work: (app: OslerApp) => Promise<ImportSummary | ImportSummary[]>) {
  const app = OslerApp.open(settingsFrom(command));
  try {
    const result = await work(app);
    const summaries = Array.isArray(result) ? result : [result];
    // Build the search index now so the first query after an import is fast.
    await app.search();
    if (summaries.some((s) => s.rejected.length > 0)) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

function importWith(
  app: OslerApp,
  label: string,
  read: (onProgress: ProgressListener) => AsyncIterable<ImportItem>,
): Promise<ImportSummary> {
  const sink = terminalProgress(label);
  return runImport(
    app.store,
    read((p) => sink.update(p)),
    sink,
  ).then((summary) => {
    process.stdout.write(`${formatSummary(label, summary)}\n`);
    return summary;
  });
}

export function registerImport(program: Command): void {
  const cmd = program.command("import").description("import sources into the evidence store");

  cmd
    .command("library [dir]")
    .description(
      "import Osler library documents (Markdown with YAML front matter); the bundled library by default",
    )
    .action(async (dir: string | undefined, _opts, command: Command) =>
      withApp(command, async (app) => {
        const sink = terminalProgress("library");
        const summary = await app.importLibrary(dir, sink);
        process.stdout.write(`${formatSummary("library", summary)}\n`);
        return summary;
      }),
    );

  cmd
    .command("medquad <dir>")
    .description("import MedQuAD XML (a folder of the 12 collection folders, or one of them)")
    .action(async (dir: string, _opts, command: Command) =>
      withApp(command, (app) => importWith(app, "medquad", (p) => readMedquad(dir, p))),
    );

  cmd
    .command("liveqa-answers <csv>")
    .description("import the LiveQA judged answers CSV (evaluation only: licensed MedlinePlus text)")
    .option("--medquad <dir>", "MedQuAD folder to merge source metadata and questions from")
    .action(async (csv: string, opts: { medquad?: string }, command: Command) =>
      withApp(command, (app) =>
        importWith(app, "liveqa-answers", (p) => readLiveqaAnswersCsv(csv, opts.medquad, p)),
      ),
    );

  cmd
    .command("pubmedqa <json>")
    .description("import PubMedQA (ori_pqal.json)")
    .action(async (json: string, _opts, command: Command) =>
      withApp(command, (app) => importWith(app, "pubmedqa", (p) => readPubmedqa(json, p))),
    );

  cmd
    .command("pubmed <files...>")
    .description("import PubMed/MEDLINE XML (PubmedArticleSet, .xml or .xml.gz)")
    .action(async (files: string[], _opts, command: Command) =>
      withApp(command, async (app) => {
        const out: ImportSummary[] = [];
        for (const file of files)
          out.push(await importWith(app, `pubmed ${file}`, (p) => readPubmedXml(file, p)));
        return out;
      }),
    );
}
