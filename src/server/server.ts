/**
 * The HTTP application: middleware in order (headers, log, body limit, rate limit), the JSON API
 * with its OpenAPI document, the pages, static assets, and one error handler. The answer engine
 * is injected, so tests can pass the real engine or a fake one.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AnswerEngine } from "../answer/engine.js";
import type { Settings } from "../config/settings.js";
import type { Retriever } from "../search/types.js";
import type { EvidenceStore } from "../store/ports.js";
import { answersRoutes } from "./answers.routes.js";
import { createAnswerService } from "./answers.service.js";
import { corpusRoutes } from "./corpus.routes.js";
import { createCorpusService } from "./corpus.service.js";
import { createErrorHandler, notFoundHandler } from "./errors.js";
import { createLogger, type Logger } from "./log.js";
import { askRateLimit, limitBody, requestLog, securityHeaders } from "./middleware.js";
import { pagesRoutes } from "./pages.routes.js";
import { createRateLimiter } from "./rate-limit.js";
import { staticRoutes } from "./static.js";

export interface ServerDeps {
  /** Anything shaped like OslerApp: settings, the store, the retriever and the answer engine. */
  app: {
    settings: Settings;
    store: EvidenceStore;
    search(): Promise<Retriever>;
    answers?(): Promise<AnswerEngine>;
    related(question: string, k?: number): Promise<string[]>;
  };
  /** A fixed engine (tests, fakes); by default `app.answers()` is asked on every request. */
  engine?: AnswerEngine;
  /** How many extractive answers may run at once (the worker pool size); 1 by default. */
  askConcurrency?: number;
  logger?: Logger;
}

export async function createServer(deps: ServerDeps): Promise<OpenAPIHono> {
  const { settings, store } = deps.app;
  const logger = deps.logger ?? createLogger(settings.logLevel);
  const { app, engine: fixed } = deps;
  if (!fixed && !app.answers) throw new Error("createServer needs an engine or an app with answers()");
  const engine = fixed ? async () => fixed : () => app.answers?.() as Promise<AnswerEngine>;
  const retriever = () => app.search();
  await retriever(); // build or load the index before the first request
  const answers = createAnswerService({
    engine,
    store,
    defaultComposer: settings.answer.composer,
    extractiveConcurrency: deps.askConcurrency,
  });
  const corpus = createCorpusService({
    retriever,
    store,
    related: (question, k) => deps.app.related(question, k),
  });
  const askLimit = askRateLimit(createRateLimiter(settings.server.askRateLimit));

  const server = new OpenAPIHono();
  server.use("*", securityHeaders());
  server.use("*", requestLog(logger));
  server.use("*", limitBody());
  server.post("/api/answers", askLimit);
  server.post("/ask", askLimit);
  server.get("/ask", askLimit);

  server.get("/healthz", async (c) => c.json({ status: "ok", corpusVersion: await store.corpusVersion() }));
  server.route("/", answersRoutes(answers));
  server.route("/", corpusRoutes(corpus));
  server.doc("/api/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "Osler API",
      version: "0.1.0",
      description:
        "Cited, verified answers to clinical questions. Errors always have the shape { error: { code, message, hint?, retryable } }.",
    },
  });
  server.route("/", staticRoutes());
  server.route("/", pagesRoutes(answers, corpus));
  server.onError(createErrorHandler(logger));
  server.notFound(notFoundHandler);
  return server;
}
