/** `osler bench [suite…]`: runs the benchmark suites in bench/ (needs the dev dependencies). */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { PACKAGE_ROOT } from "../app.js";
import { invalidInput } from "../core/errors.js";

export function registerBench(program: Command): void {
  program
    .command("bench [suites...]")
    .description(
      "run benchmarks: real, engine-100k, engine-1m, scale-100k, scale-1m, answers, http (default: all)",
    )
    .action(async (suites: string[]) => {
      const runner = `${PACKAGE_ROOT}bench/run.ts`;
      if (!existsSync(runner))
        throw invalidInput(
          "benchmarks are not part of this installation",
          "Run from a clone of the repository.",
        );
      const run = spawnSync(process.execPath, ["--import", "tsx", runner, ...suites], {
        stdio: "inherit",
        cwd: PACKAGE_ROOT,
      });
      if (run.status !== 0) process.exitCode = run.status ?? 1;
    });
}
