/**
 * One validated settings schema for the whole application. Values come from (lowest to highest
 * precedence) the defaults below, an optional JSON settings file (`osler.config.json` in the
 * working directory or `OSLER_CONFIG`), environment variables, then command-line flags.
 */
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { sha256 } from "../core/ids.js";

const endpoint = z.object({
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1. Empty = disabled. */
  baseUrl: z.string().default(""),
  model: z.string().default(""),
  apiKey: z.string().default(""),
  timeoutMs: z.number().int().positive().default(30_000),
  maxRetries: z.number().int().min(0).max(5).default(2),
});

export const settingsSchema = z.object({
  /** Path of the SQLite database file; its search index lives beside it. */
  dbPath: z.string().default("data/osler.db"),
  server: z
    .object({
      port: z.number().int().min(0).max(65535).default(3000),
      host: z.string().default("127.0.0.1"),
      /** Worker threads that compose answers (0 = on the server's own thread). */
      workers: z
        .number()
        .int()
        .min(0)
        .max(16)
        .default(Math.min(4, Math.max(1, availableParallelism()))),
      /** Requests per minute per client on POST /api/answers; 0 turns the limit off (benchmarks). */
      askRateLimit: z.number().int().min(0).default(120),
    })
    .prefault({}),
  logLevel: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  search: z
    .object({
      /** BM25 field weights. */
      titleWeight: z.number().positive().default(2.0),
      sectionWeight: z.number().positive().default(1.5),
      textWeight: z.number().positive().default(1.0),
      /** Weight of lexicon expansion terms relative to the user's own words (0..1). */
      expansionWeight: z.number().min(0).max(1).default(0.4),
      /** Dense retrieval through an embeddings endpoint, fused by reciprocal rank fusion. */
      dense: z.boolean().default(false),
    })
    .prefault({}),
  embeddings: endpoint.prefault({}),
  llm: endpoint.prefault({}),
  answer: z
    .object({
      composer: z.enum(["extractive", "llm"]).default("extractive"),
      /** Minimum support score for a statement to be shown. */
      minSupport: z.number().min(0).max(1).default(0.6),
      reviewMode: z.boolean().default(false),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;

type Env = Record<string, string | undefined>;

function fromEnv(env: Env): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (path: string[], value: unknown) => {
    let node = out;
    for (const key of path.slice(0, -1)) {
      node[key] = (node[key] as Record<string, unknown>) ?? {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = value;
  };
  if (env.OSLER_DB) set(["dbPath"], env.OSLER_DB);
  if (env.PORT) set(["server", "port"], Number(env.PORT));
  if (env.OSLER_HOST) set(["server", "host"], env.OSLER_HOST);
  if (env.OSLER_WORKERS) set(["server", "workers"], Number(env.OSLER_WORKERS));
  if (env.OSLER_ASK_RATE_LIMIT) set(["server", "askRateLimit"], Number(env.OSLER_ASK_RATE_LIMIT));
  if (env.OSLER_LOG_LEVEL) set(["logLevel"], env.OSLER_LOG_LEVEL);
  if (env.OSLER_LLM_BASE_URL) set(["llm", "baseUrl"], env.OSLER_LLM_BASE_URL);
  if (env.OSLER_LLM_MODEL) set(["llm", "model"], env.OSLER_LLM_MODEL);
  if (env.OSLER_LLM_API_KEY) set(["llm", "apiKey"], env.OSLER_LLM_API_KEY);
  if (env.OSLER_EMBEDDINGS_BASE_URL) set(["embeddings", "baseUrl"], env.OSLER_EMBEDDINGS_BASE_URL);
  if (env.OSLER_EMBEDDINGS_MODEL) set(["embeddings", "model"], env.OSLER_EMBEDDINGS_MODEL);
  if (env.OSLER_EMBEDDINGS_API_KEY) set(["embeddings", "apiKey"], env.OSLER_EMBEDDINGS_API_KEY);
  if (env.OSLER_DENSE) set(["search", "dense"], env.OSLER_DENSE === "1" || env.OSLER_DENSE === "true");
  return out;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] =
      value && typeof value === "object" && !Array.isArray(value) && prev && typeof prev === "object"
        ? deepMerge(prev as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

export function loadSettings(
  overrides: Record<string, unknown> = {},
  env: Env = process.env,
  cwd = process.cwd(),
): Settings {
  const file = env.OSLER_CONFIG ?? resolve(cwd, "osler.config.json");
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw invalidInput(`settings file ${file} is not valid JSON: ${(error as Error).message}`);
    }
  } else if (env.OSLER_CONFIG) {
    throw invalidInput(`settings file ${file} (OSLER_CONFIG) does not exist`);
  }
  const merged = deepMerge(deepMerge(fromFile, fromEnv(env)), overrides);
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(
      `invalid setting ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}`,
      `Check ${file} and the OSLER_* environment variables.`,
    );
  }
  return parsed.data;
}

/** Hash of the settings that change answers (not ports, paths or secrets). */
export function answerSettingsHash(settings: Settings): string {
  const relevant = {
    search: settings.search,
    answer: settings.answer,
    llm: { baseUrl: settings.llm.baseUrl, model: settings.llm.model },
    // only when dense retrieval is on, so hashes of lexical-only settings stay as they were
    embeddings: settings.search.dense ? { model: settings.embeddings.model } : undefined,
  };
  return sha256(JSON.stringify(relevant)).slice(0, 16);
}
