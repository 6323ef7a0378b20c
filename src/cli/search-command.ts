/** `osler search "<query>"`: ranked passages with their sources, as text or JSON. */
import type { Command } from "commander";
import { OslerApp } from "../app.js";
import type { EvidenceKind } from "../corpus/model.js";
import type { SearchFilters } from "../search/types.js";
import { settingsFrom } from "./main.js";
import { kinds, positiveInt, year } from "./options.js";

interface SearchOpts {
  k: number;
  kind?: EvidenceKind[];
  yearFrom?: number;
  yearTo?: number;
  specialty?: string;
  collection?: string;
  json?: boolean;
}

export function registerSearch(program: Command): void {
  program
    .command("search <query>")
    .description("search the evidence store and list the best passages")
    .option("-k, --k <n>", "number of results (1-200)", positiveInt(200), 10)
    .option("--kind <kinds>", "only these source kinds (comma-separated, repeatable)", kinds)
    .option("--year-from <year>", "only sources from this year on", year)
    .option("--year-to <year>", "only sources up to this year", year)
    .option("--specialty <name>", "only library documents of this specialty")
    .option("--collection <name>", "only this collection (library, medquad, pubmed, pubmedqa, …)")
    .option("--json", "print JSON")
    .action(async (query: string, opts: SearchOpts, command: Command) => {
      const app = OslerApp.open(settingsFrom(command));
      try {
        await app.ensureLibrary();
        const retriever = await app.search();
        const filters: SearchFilters = {
          kinds: opts.kind,
          yearFrom: opts.yearFrom,
          yearTo: opts.yearTo,
          specialty: opts.specialty,
          collections: opts.collection ? [opts.collection] : undefined,
        };
        const started = performance.now();
        const plan = retriever.plan(query);
        const hits = await retriever.search(query, { k: opts.k, filters });
        const ms = performance.now() - started;
        if (opts.json) {
          const results = hits.map((h, i) => ({
            rank: i + 1,
            score: Number(h.score.toFixed(4)),
            passageId: h.passage.id,
            sourceId: h.source.id,
            kind: h.source.kind,
            title: h.source.title,
            section: h.passage.sectionPath,
            publisher: h.source.publisher,
            year: h.source.year,
            url: h.source.url,
            text: h.passage.text,
          }));
          const analysis = {
            questionType: plan.questionType,
            focus: plan.focus.map((f) => f.term),
            terms: plan.terms,
          };
          process.stdout.write(
            `${JSON.stringify({ query, analysis, ms: Number(ms.toFixed(2)), results }, null, 2)}\n`,
          );
          return;
        }
        if (hits.length === 0) {
          process.stdout.write(`No passages match "${query}".\n`);
          return;
        }
        process.stdout.write(
          `${hits.length} results in ${ms.toFixed(1)} ms (type: ${plan.questionType}; focus: ${plan.focus.map((f) => f.term).join(", ") || "none"})\n\n`,
        );
        hits.forEach((h, i) => {
          const where = [h.source.publisher, h.source.year].filter(Boolean).join(", ");
          const text = h.passage.text.replace(/\s+/g, " ");
          process.stdout.write(
            `${i + 1}. [${h.source.kind}] ${h.source.title}${where ? ` (${where})` : ""}\n   ${h.passage.sectionPath.join(" › ")}\n   ${text.length > 240 ? `${text.slice(0, 237)}…` : text}\n   ${h.passage.id}  score ${h.score.toFixed(2)}\n\n`,
          );
        });
      } finally {
        await app.close();
      }
    });
}
