/**
 * The `osler` command line: thin commands over the same modules the server uses. Every command
 * exits 0 on success and non-zero with a one-line reason on stderr otherwise.
 */
import { Command, CommanderError } from "commander";
import { loadSettings } from "../config/settings.js";
import { isOslerError } from "../core/errors.js";
import { registerAsk } from "./ask-command.js";
import { registerBench } from "./bench-command.js";
import { registerEmbed } from "./embed-command.js";
import { registerEval } from "./eval-command.js";
import { registerImport } from "./import-command.js";
import { registerLibrary } from "./library-command.js";
import { registerSearch } from "./search-command.js";
import { registerServe } from "./serve-command.js";
import { registerStats } from "./stats-command.js";

export interface GlobalOptions {
  db?: string;
}

export function settingsFrom(command: Command) {
  const { db } = command.optsWithGlobals() as GlobalOptions;
  return loadSettings(db ? { dbPath: db } : {});
}

export function buildProgram(): Command {
  const program = new Command()
    .name("osler")
    .description("Osler: cited, verified answers to clinical questions from guidelines and literature.")
    .option("--db <path>", "SQLite database file (default: $OSLER_DB or ./data/osler.db)")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerImport(program);
  registerEmbed(program);
  registerSearch(program);
  registerAsk(program);
  registerEval(program);
  registerBench(program);
  registerServe(program);
  registerStats(program);
  registerLibrary(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    // Commands that finish but report a partial failure (e.g. rejected files) set process.exitCode.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are "errors" to commander but successes to the user
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`osler: ${message.split("\n")[0]}\n`);
    if (isOslerError(error) && error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    if (process.env.OSLER_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return isOslerError(error) && error.code === "invalid_input" ? 2 : 1;
  }
}
