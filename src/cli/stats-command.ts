/** `osler stats`: what the evidence store holds. */
import type { Command } from "commander";
import { OslerApp } from "../app.js";
import { settingsFrom } from "./main.js";

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("show what the evidence store holds")
    .action(async (_opts, command: Command) => {
      const app = OslerApp.open(settingsFrom(command));
      try {
        const stats = await app.store.stats();
        process.stdout.write(
          `${JSON.stringify({ db: app.settings.dbPath, corpusVersion: await app.store.corpusVersion(), ...stats }, null, 2)}\n`,
        );
      } finally {
        await app.close();
      }
    });
}
