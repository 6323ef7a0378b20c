/** `osler library check [DIR]`: editorial checks and a readability/length report per document. */
import type { Command } from "commander";
import { BUNDLED_LIBRARY } from "../app.js";
import { checkLibrary } from "../library/library-checks.js";

export function registerLibrary(program: Command): void {
  program
    .command("library")
    .description("work with library documents")
    .command("check [dir]")
    .description("check library documents and print a readability and length report")
    .option("--json", "print JSON")
    .action(async (dir: string | undefined, opts: { json?: boolean }) => {
      const result = checkLibrary(dir ?? BUNDLED_LIBRARY);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ problems: result.problems, reports: result.reports }, null, 2)}\n`,
        );
      } else {
        const bySpecialty = new Map<string, number>();
        for (const r of result.reports) bySpecialty.set(r.specialty, (bySpecialty.get(r.specialty) ?? 0) + 1);
        process.stdout.write(
          "document                                                   bullets  words  FK grade  sources\n",
        );
        for (const r of result.reports) {
          process.stdout.write(
            `${r.id.padEnd(58)} ${String(r.bullets).padStart(7)} ${String(r.words).padStart(6)} ${r.grade.toFixed(1).padStart(9)} ${String(r.sources).padStart(8)}\n`,
          );
        }
        process.stdout.write(
          `\n${result.reports.length} documents in ${bySpecialty.size} specialties: ${[...bySpecialty].map(([s, n]) => `${s} ${n}`).join(", ")}\n`,
        );
        process.stdout.write(
          result.problems.length
            ? `${result.problems.length} problems:\n${result.problems.join("\n")}\n`
            : "no problems\n",
        );
      }
      if (result.problems.length > 0) process.exitCode = 1;
    });
}
