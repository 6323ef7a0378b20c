/**
 * Test harness: a real OslerApp on a temporary SQLite database with the starter library (or a
 * fixture library) loaded, and the HTTP app built on it, for in-process `app.request(...)` tests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AnswerEngine } from "../../src/answer/engine.js";
import { OslerApp } from "../../src/app.js";
import { loadSettings, type Settings } from "../../src/config/settings.js";
import { createLogger, type Logger } from "../../src/server/log.js";
import { createServer } from "../../src/server/server.js";

export interface TestServer {
  app: OslerApp;
  http: OpenAPIHono;
  settings: Settings;
  close(): Promise<void>;
}

export function tempDbPath(prefix = "osler-test-"): { dbPath: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dbPath: join(dir, "osler.db"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openTestApp(
  options: { library?: string } = {},
): Promise<{ app: OslerApp; cleanup(): Promise<void> }> {
  const { dbPath, cleanup } = tempDbPath();
  const app = OslerApp.open(loadSettings({ dbPath, logLevel: "silent" }, {}));
  if (options.library) await app.importLibrary(options.library);
  else await app.ensureLibrary();
  return {
    app,
    cleanup: async () => {
      await app.close();
      cleanup();
    },
  };
}

/** Builds the HTTP app over an existing OslerApp, with settings overrides (e.g. a tiny rate limit). */
export async function httpFor(
  app: OslerApp,
  options: { server?: Partial<Settings["server"]>; engine?: AnswerEngine; logger?: Logger } = {},
): Promise<OpenAPIHono> {
  const settings: Settings = { ...app.settings, server: { ...app.settings.server, ...options.server } };
  return createServer({
    app: {
      settings,
      store: app.store,
      search: () => app.search(),
      answers: () => app.answers(),
      related: (question, k) => app.related(question, k),
    },
    engine: options.engine,
    logger: options.logger ?? createLogger("silent"),
  });
}

export async function askJson(http: OpenAPIHono, body: unknown, headers: Record<string, string> = {}) {
  return http.request("/api/answers", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Parses an SSE body into events, checking the framing: `event:` line, one `data:` line, blank line. */
export function parseSse(text: string): Array<{ event: string; data: unknown }> {
  if (!text.endsWith("\n\n")) throw new Error("stream does not end with a blank line");
  return text
    .slice(0, -2)
    .split("\n\n")
    .map((frame) => {
      const lines = frame.split("\n");
      const [eventLine, dataLine, ...rest] = lines;
      if (!eventLine?.startsWith("event: ") || !dataLine?.startsWith("data: ") || rest.length > 0) {
        throw new Error(`malformed frame: ${JSON.stringify(frame)}`);
      }
      return { event: eventLine.slice(7), data: JSON.parse(dataLine.slice(6)) };
    });
}
