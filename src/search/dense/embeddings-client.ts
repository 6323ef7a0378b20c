/**
 * Client for an OpenAI-compatible `POST {baseUrl}/embeddings` endpoint (OpenAI, Ollama, vLLM,
 * llama.cpp, LM Studio, text-embeddings-inference …). Batches inputs, times out each request,
 * retries rate limits, server errors and network failures with exponential backoff (honouring
 * Retry-After), and turns every other failure into one clear `upstream_failed` error.
 */
import { OslerError } from "../../core/errors.js";

export interface EmbeddingsEndpoint {
  /** e.g. `http://127.0.0.1:11434/v1`; `/embeddings` is appended. */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …` when non-empty. */
  apiKey?: string;
  timeoutMs?: number;
  /** Further attempts after the first one for retryable failures. */
  maxRetries?: number;
}

export interface EmbedOptions {
  /** Inputs per request (default 64). */
  batchSize?: number;
  /** Inputs are cut to this many characters (default 8,000, about 2k tokens). */
  maxChars?: number;
  /** First backoff delay; doubles on every retry (default 500 ms). */
  retryBaseMs?: number;
  /** Longest wait for one retry, including a server's Retry-After (default 30 s). */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
  /** Called after each batch with the number of inputs embedded so far. */
  onBatch?: (done: number) => void;
}

export const DEFAULT_BATCH_SIZE = 64;
export const DEFAULT_MAX_CHARS = 8_000;
const EXCERPT_CHARS = 200;

export function embeddingsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/embeddings`;
}

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair; empty text becomes " ". */
export function prepareInput(text: string, max = DEFAULT_MAX_CHARS): string {
  let out = text.length > max ? text.slice(0, max) : text;
  const last = out.charCodeAt(out.length - 1);
  if (out.length < text.length && last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  // Most servers reject empty strings; a space embeds to "nothing in particular".
  return out.trim() === "" ? " " : out;
}

/** Little-endian float32 vector from the base64 form (`encoding_format: "base64"`). */
export function decodeBase64Vector(b64: string): Float32Array {
  const bytes = Buffer.from(b64, "base64");
  if (bytes.length === 0 || bytes.length % 4 !== 0)
    throw new Error("base64 embedding is not a float32 array");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

function malformed(url: string, why: string, body: string): OslerError {
  return new OslerError("upstream_failed", `embeddings endpoint ${url} sent a malformed response: ${why}`, {
    retryable: false,
    hint: "Check that OSLER_EMBEDDINGS_BASE_URL points at an OpenAI-compatible /v1 API and that the model is an embedding model.",
    details: { url, excerpt: excerpt(body) },
  });
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** Parses `{ data: [{ index, embedding }] }` into vectors in input order. */
export function parseEmbeddingsResponse(url: string, body: string, expected: number): Float32Array[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw malformed(url, "not JSON", body);
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw malformed(url, 'no "data" array', body);
  if (data.length !== expected)
    throw malformed(url, `${data.length} embeddings for ${expected} inputs`, body);
  const out: Array<Float32Array | undefined> = new Array(expected);
  let dim = -1;
  data.forEach((item: unknown, position) => {
    const { index, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    // `index` is part of the protocol; tolerate servers that omit it and answer in order.
    const at = index === undefined ? position : index;
    if (!Number.isInteger(at) || (at as number) < 0 || (at as number) >= expected || out[at as number])
      throw malformed(url, `bad or repeated index ${JSON.stringify(index)}`, body);
    let vector: Float32Array;
    if (typeof embedding === "string") {
      try {
        vector = decodeBase64Vector(embedding);
      } catch (error) {
        throw malformed(url, (error as Error).message, body);
      }
    } else if (
      Array.isArray(embedding) &&
      embedding.every((x) => typeof x === "number" && Number.isFinite(x))
    ) {
      vector = Float32Array.from(embedding as number[]);
    } else {
      throw malformed(url, `embedding ${String(at)} is not an array of numbers`, body);
    }
    if (vector.length === 0) throw malformed(url, `embedding ${String(at)} is empty`, body);
    if (dim >= 0 && vector.length !== dim)
      throw malformed(url, `embeddings of different lengths (${dim} and ${vector.length})`, body);
    dim = vector.length;
    out[at as number] = vector;
  });
  return out as Float32Array[];
}

/** Seconds or an HTTP date, as milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function hintForStatus(status: number): string {
  if (status === 401 || status === 403) return "Check OSLER_EMBEDDINGS_API_KEY.";
  if (status === 404)
    return "Check OSLER_EMBEDDINGS_BASE_URL (it usually ends in /v1) and OSLER_EMBEDDINGS_MODEL.";
  if (status === 429) return "The embeddings server is rate limiting; try again later or lower the load.";
  if (status >= 500) return "The embeddings server failed; check its logs and try again.";
  return "Check OSLER_EMBEDDINGS_MODEL and the server's documentation.";
}

async function embedBatch(
  endpoint: EmbeddingsEndpoint,
  inputs: string[],
  options: EmbedOptions,
): Promise<Float32Array[]> {
  const url = embeddingsUrl(endpoint.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const maxRetries = endpoint.maxRetries ?? 2;
  const timeoutMs = endpoint.timeoutMs ?? 30_000;
  const base = options.retryBaseMs ?? 500;
  const cap = options.maxRetryDelayMs ?? 30_000;
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (endpoint.apiKey) headers.Authorization = `Bearer ${endpoint.apiKey}`;
  const body = JSON.stringify({ model: endpoint.model, input: inputs, encoding_format: "float" });

  let failure: OslerError | null = null;
  for (let attempt = 0; attempt <= maxRetries; attempt++) {
    let wait = Math.min(cap, base * 2 ** attempt);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url, { method: "POST", headers, body, signal: controller.signal });
      const text = await response.text();
      if (response.ok) return parseEmbeddingsResponse(url, text, inputs.length);
      const retryable = response.status === 429 || response.status >= 500;
      failure = new OslerError(
        "upstream_failed",
        `embeddings endpoint ${url} answered ${response.status}${text ? `: ${excerpt(text)}` : ""}`,
        { retryable, hint: hintForStatus(response.status), details: { url, status: response.status } },
      );
      if (!retryable) throw failure;
      const after = retryAfterMs(response.headers.get("retry-after"));
      if (after !== null) wait = Math.min(cap, after);
    } catch (error) {
      if (error instanceof OslerError) throw error;
      const timedOut = controller.signal.aborted;
      failure = new OslerError(
        "upstream_failed",
        timedOut
          ? `embeddings endpoint ${url} did not answer within ${timeoutMs} ms`
          : `cannot reach embeddings endpoint ${url}: ${(error as Error).message}`,
        {
          retryable: true,
          cause: error,
          hint: "Is the embeddings server running? Check OSLER_EMBEDDINGS_BASE_URL.",
          details: { url },
        },
      );
    } finally {
      clearTimeout(timer);
    }
    if (attempt < maxRetries) await sleep(wait);
  }
  throw failure as OslerError;
}

/**
 * Embeds `inputs` (cut to `maxChars`) in batches; the result has one vector per input, in order.
 * Throws OslerError("upstream_failed") with the status, a body excerpt and a hint on failure.
 */
export async function embed(
  endpoint: EmbeddingsEndpoint,
  inputs: string[],
  options: EmbedOptions = {},
): Promise<Float32Array[]> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const prepared = inputs.map((text) => prepareInput(text, options.maxChars));
  const out: Float32Array[] = [];
  for (let i = 0; i < prepared.length; i += batchSize) {
    const vectors = await embedBatch(endpoint, prepared.slice(i, i + batchSize), options);
    if (out.length > 0 && vectors[0] && vectors[0].length !== out[0]?.length) {
      throw new OslerError(
        "upstream_failed",
        `embeddings endpoint changed vector length between batches (${out[0]?.length} then ${vectors[0].length})`,
        { retryable: false, hint: "Make sure one model serves OSLER_EMBEDDINGS_MODEL." },
      );
    }
    out.push(...vectors);
    options.onBatch?.(out.length);
  }
  return out;
}
