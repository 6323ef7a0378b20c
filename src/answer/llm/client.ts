/**
 * Minimal client for an OpenAI-compatible `POST {baseUrl}/chat/completions` endpoint: JSON or
 * streamed (SSE) responses, a total-time budget enforced with AbortController, and retries with
 * exponential backoff on 429, 5xx and network errors. A timeout is not retried: a server that hung
 * once is likely to hang again, and the caller has an extractive answer to fall back on.
 */
import { OslerError } from "../../core/errors.js";

export interface LlmEndpoint {
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
  maxRetries: number;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatOptions {
  stream?: boolean;
  /** Called with each streamed content fragment (progress display). */
  onToken?: (token: string) => void;
  /** Ask for `response_format: { type: "json_object" }`. */
  json?: boolean;
  temperature?: number;
  /** Base backoff delay in ms (doubles per retry). */
  backoffMs?: number;
}

export async function chatComplete(
  endpoint: LlmEndpoint,
  messages: ChatMessage[],
  options: ChatOptions = {},
): Promise<string> {
  if (!endpoint.baseUrl)
    throw new OslerError("invalid_input", "no LLM endpoint configured (llm.baseUrl is empty)");
  const url = `${endpoint.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const body = JSON.stringify({
    model: endpoint.model,
    messages,
    temperature: options.temperature ?? 0,
    stream: options.stream === true,
    ...(options.json ? { response_format: { type: "json_object" } } : {}),
  });
  const backoff = options.backoffMs ?? 250;
  let lastError: OslerError | null = null;
  for (let attempt = 0; attempt <= endpoint.maxRetries; attempt++) {
    if (attempt > 0) await sleep(Math.min(backoff * 2 ** (attempt - 1), 5_000));
    try {
      return await once(url, endpoint, body, options);
    } catch (error) {
      lastError = toOslerError(error, endpoint.timeoutMs);
      if (!lastError.retryable) throw lastError;
    }
  }
  throw lastError ?? new OslerError("upstream_failed", "LLM request failed");
}

async function once(url: string, endpoint: LlmEndpoint, body: string, options: ChatOptions): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError()), endpoint.timeoutMs);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body,
      signal: controller.signal,
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).slice(0, 200);
      throw new OslerError("upstream_failed", `LLM endpoint returned HTTP ${response.status}: ${detail}`, {
        retryable: response.status === 429 || response.status >= 500,
        details: { status: response.status },
      });
    }
    if (options.stream) return await readStream(response, options.onToken);
    const json = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
    const content = json.choices?.[0]?.message?.content;
    if (typeof content !== "string") {
      throw new OslerError("upstream_failed", "LLM response has no choices[0].message.content", {
        retryable: false,
      });
    }
    return content;
  } catch (error) {
    if (controller.signal.aborted) throw new TimeoutError();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads an SSE stream of `data: {json}` lines until `data: [DONE]` or the end of the body. */
async function readStream(response: Response, onToken?: (token: string) => void): Promise<string> {
  if (!response.body) throw new OslerError("upstream_failed", "LLM stream has no body", { retryable: false });
  const decoder = new TextDecoder();
  let buffer = "";
  let content = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (!line.startsWith("data:")) continue; // comments, event names, blank separators
      const data = line.slice(5).trim();
      if (data === "[DONE]") return content;
      const token = parseDelta(data);
      if (token) {
        content += token;
        onToken?.(token);
      }
    }
  }
  return content;
}

function parseDelta(data: string): string {
  try {
    const json = JSON.parse(data) as { choices?: Array<{ delta?: { content?: string | null } }> };
    return json.choices?.[0]?.delta?.content ?? "";
  } catch {
    return ""; // a malformed keep-alive line should not sink the whole answer
  }
}

class TimeoutError extends Error {
  constructor() {
    super("timeout");
    this.name = "TimeoutError";
  }
}

function toOslerError(error: unknown, timeoutMs: number): OslerError {
  if (error instanceof OslerError) return error;
  if (error instanceof TimeoutError) {
    return new OslerError("upstream_failed", `LLM request timed out after ${timeoutMs} ms`, {
      retryable: false,
      hint: "Raise llm.timeoutMs or check the endpoint; the extractive composer answered instead.",
    });
  }
  // fetch rejects with TypeError on connection refused/reset: worth retrying.
  return new OslerError(
    "upstream_failed",
    `LLM request failed: ${(error as Error)?.message ?? String(error)}`,
    {
      retryable: true,
      cause: error,
    },
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
