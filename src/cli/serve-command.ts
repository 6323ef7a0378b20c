/** `osler serve [--port N]`: the web app and HTTP API on localhost (PORT and OSLER_HOST also apply). */
import type { Command } from "commander";
import { loadSettings } from "../config/settings.js";
import { startServer } from "../server/start.js";
import type { GlobalOptions } from "./main.js";
import { positiveInt } from "./options.js";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(
      "serve the web app and HTTP API (creates the database and loads the starter library on first run)",
    )
    .option("--port <n>", "port to listen on (default: $PORT or 3000)", positiveInt(65535))
    .option("--host <host>", "interface to bind (default: $OSLER_HOST or 127.0.0.1)")
    .action(async (options: { port?: number; host?: string }, command: Command) => {
      const { db } = command.optsWithGlobals() as GlobalOptions;
      const server: Record<string, unknown> = {};
      if (options.port !== undefined) server.port = options.port;
      if (options.host) server.host = options.host;
      const settings = loadSettings({ ...(db ? { dbPath: db } : {}), server });
      const running = await startServer(settings, { onStatus: (line) => process.stdout.write(`${line}\n`) });
      process.stdout.write(`Osler is ready at ${running.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          running.close().then(resolve, resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
