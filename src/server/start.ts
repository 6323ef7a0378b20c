/**
 * Starts Osler's HTTP server: opens the database (creating it and loading the starter library on
 * first run), loads or builds the search index, builds the answer engine and listens.
 */
import { serve } from "@hono/node-server";
import type { AnswerEngine } from "../answer/engine.js";
import { OslerApp } from "../app.js";
import type { Settings } from "../config/settings.js";
import { OslerError } from "../core/errors.js";
import { createWorkerEngine, type WorkerEnginePool } from "./answer-workers.js";
import { createLogger } from "./log.js";
import { createServer } from "./server.js";

export interface RunningServer {
  url: string;
  port: number;
  app: OslerApp;
  close(): Promise<void>;
}

export async function startServer(
  settings: Settings,
  options: { engine?: AnswerEngine; onStatus?: (line: string) => void } = {},
): Promise<RunningServer> {
  const status = options.onStatus ?? (() => {});
  const started = performance.now();
  const logger = createLogger(settings.logLevel);
  const app = OslerApp.open(settings);
  try {
    const imported = await app.ensureLibrary();
    if (imported) status(`loaded the starter library into ${settings.dbPath}`);
    await app.search();
    let engine = options.engine;
    let pool: WorkerEnginePool | null = null;
    if (!engine && settings.server.workers > 0) {
      pool = createWorkerEngine(settings, settings.server.workers, await app.answers());
      engine = pool;
    }
    const http = await createServer({ app, engine, logger, askConcurrency: pool?.size });
    const server = serve({ fetch: http.fetch, port: settings.server.port, hostname: settings.server.host });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new OslerError(
                "conflict",
                `port ${settings.server.port} on ${settings.server.host} is already in use`,
                {
                  hint: "Stop the other server or choose another port with --port N or PORT=N.",
                },
              )
            : error,
        ),
      );
    });
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : settings.server.port;
    const host = settings.server.host.includes(":") ? `[${settings.server.host}]` : settings.server.host;
    const url = `http://${host}:${port}`;
    logger.log("info", "listening", { url, readyMs: Math.round(performance.now() - started) });
    return {
      url,
      port,
      app,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await pool?.close();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
