/**
 * A local stand-in for an OpenAI-compatible embeddings endpoint (node:http on 127.0.0.1, port 0)
 * speaking the real protocol: `POST /v1/embeddings` with `{ model, input, encoding_format }`,
 * answered with `{ object: "list", data: [{ object: "embedding", index, embedding }], model, usage }`.
 *
 * Embeddings are deterministic hashed bags of words: each (lower-cased, stop-word-free) token adds
 * 1 to one of `dim` buckets, so texts sharing words are near and texts sharing none have cosine 0.
 * A few phrases are rewritten first ("heart attack" → "myocardial infarction") so that synonyms
 * a lexical index cannot match come out close, as they would from a real embedding model.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const STUB_DIM = 512;

const SYNONYMS: Array<[RegExp, string]> = [
  [/\bheart attacks?\b/g, "myocardial infarction"],
  [/\bblood thinners?\b/g, "anticoagulant"],
];
const STOP = new Set(["a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "is", "are", "what"]);

export function stubTokens(text: string): string[] {
  let t = text.toLowerCase();
  for (const [pattern, replacement] of SYNONYMS) t = t.replace(pattern, replacement);
  return (t.match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w));
}

function bucket(token: string, dim: number): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % dim;
}

export function stubEmbedding(text: string, dim = STUB_DIM): number[] {
  const v = new Array<number>(dim).fill(0);
  for (const token of stubTokens(text)) v[bucket(token, dim)] += 1;
  return v;
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export type EmbeddingsReply =
  | { kind: "ok"; base64?: boolean; shuffle?: boolean }
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  | { kind: "raw"; body: string; status?: number }
  | { kind: "hang" };

export interface StubRequest {
  body: { model: string; input: string[] | string; encoding_format?: string };
  authorization: string | undefined;
}

export interface StubEmbeddings {
  baseUrl: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

function toBase64(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => {
    bytes.writeFloatLE(x, i * 4);
  });
  return bytes.toString("base64");
}

/** Starts the stub; `script` chooses the reply per call (the last array entry repeats). */
export async function startStubEmbeddings(
  script: EmbeddingsReply[] | ((call: number) => EmbeddingsReply) = [{ kind: "ok" }],
): Promise<StubEmbeddings> {
  const requests: StubRequest[] = [];
  const next = (i: number): EmbeddingsReply =>
    typeof script === "function" ? script(i) : (script[Math.min(i, script.length - 1)] as EmbeddingsReply);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      if (req.url !== "/v1/embeddings" || req.method !== "POST") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}` } }));
        return;
      }
      const body = JSON.parse(raw) as StubRequest["body"];
      requests.push({ body, authorization: req.headers.authorization });
      const reply = next(requests.length - 1);
      if (reply.kind === "hang") return;
      if (reply.kind === "status") {
        res.writeHead(reply.status, {
          "content-type": "application/json",
          ...(reply.retryAfter !== undefined ? { "retry-after": reply.retryAfter } : {}),
        });
        res.end(reply.body ?? JSON.stringify({ error: { message: "stub error", type: "server_error" } }));
        return;
      }
      if (reply.kind === "raw") {
        res.writeHead(reply.status ?? 200, { "content-type": "application/json" }).end(reply.body);
        return;
      }
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      const base64 = reply.base64 || body.encoding_format === "base64";
      const data = inputs.map((text, index) => {
        const v = stubEmbedding(text);
        return { object: "embedding", index, embedding: base64 ? toBase64(v) : v };
      });
      if (reply.shuffle) data.reverse();
      const tokens = inputs.reduce((n, t) => n + stubTokens(t).length, 0);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          object: "list",
          data,
          model: body.model,
          usage: { prompt_tokens: tokens, total_tokens: tokens },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
