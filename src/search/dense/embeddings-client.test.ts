import { afterEach, describe, expect, it } from "vitest";
import {
  type StubEmbeddings,
  startStubEmbeddings,
  stubEmbedding,
} from "../../../test/search/stub-embeddings.js";
import { OslerError } from "../../core/errors.js";
import {
  decodeBase64Vector,
  embed,
  embeddingsUrl,
  parseEmbeddingsResponse,
  prepareInput,
  retryAfterMs,
} from "./embeddings-client.js";

let stub: StubEmbeddings | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

const endpoint = (baseUrl: string, extra: Record<string, unknown> = {}) => ({
  baseUrl,
  model: "stub-embed",
  apiKey: "",
  timeoutMs: 2_000,
  maxRetries: 2,
  ...extra,
});
const fast = { retryBaseMs: 1 };

async function failure(promise: Promise<unknown>): Promise<OslerError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OslerError);
    return error as OslerError;
  }
  throw new Error("expected a failure");
}

describe("embeddings client", () => {
  it("posts the OpenAI request shape and returns one vector per input, in input order", async () => {
    stub = await startStubEmbeddings([{ kind: "ok", shuffle: true }]);
    const vectors = await embed(endpoint(`${stub.baseUrl}/`), ["aspirin dose", "heart attack"], fast);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.body).toEqual({
      model: "stub-embed",
      input: ["aspirin dose", "heart attack"],
      encoding_format: "float",
    });
    expect(Array.from(vectors[0] ?? [])).toEqual(stubEmbedding("aspirin dose"));
    expect(Array.from(vectors[1] ?? [])).toEqual(stubEmbedding("heart attack"));
  });

  it("batches inputs and reports progress per batch", async () => {
    stub = await startStubEmbeddings();
    const inputs = Array.from({ length: 130 }, (_, i) => `passage number ${i}`);
    const progress: number[] = [];
    const vectors = await embed(endpoint(stub.baseUrl), inputs, {
      batchSize: 64,
      onBatch: (n) => progress.push(n),
    });
    expect(stub.requests.map((r) => (r.body.input as string[]).length)).toEqual([64, 64, 2]);
    expect(progress).toEqual([64, 128, 130]);
    expect(vectors).toHaveLength(130);
    expect(Array.from(vectors[129] ?? [])).toEqual(stubEmbedding("passage number 129"));
  });

  it("sends a bearer token only when a key is configured", async () => {
    stub = await startStubEmbeddings();
    await embed(endpoint(stub.baseUrl, { apiKey: "sk-test-123" }), ["x"]);
    await embed(endpoint(stub.baseUrl), ["x"]);
    expect(stub.requests.map((r) => r.authorization)).toEqual(["Bearer sk-test-123", undefined]);
  });

  it("cuts long inputs and replaces empty ones", async () => {
    stub = await startStubEmbeddings();
    await embed(endpoint(stub.baseUrl), ["a".repeat(10_000), "   "]);
    const sent = stub.requests[0]?.body.input as string[];
    expect(sent[0]).toHaveLength(8_000);
    expect(sent[1]).toBe(" ");
    expect(prepareInput(`ab${"\u{1F600}"}`, 3)).toBe("ab"); // never half a surrogate pair
  });

  it("retries a 429 after the Retry-After delay, then succeeds", async () => {
    stub = await startStubEmbeddings([{ kind: "status", status: 429, retryAfter: "0" }, { kind: "ok" }]);
    const vectors = await embed(endpoint(stub.baseUrl), ["warfarin"], { retryBaseMs: 60_000 });
    expect(stub.requests).toHaveLength(2);
    expect(Array.from(vectors[0] ?? [])).toEqual(stubEmbedding("warfarin"));
  });

  it("retries server errors with backoff and gives up with a retryable error naming the status", async () => {
    stub = await startStubEmbeddings([
      { kind: "status", status: 503, body: '{"error":{"message":"overloaded"}}' },
    ]);
    const error = await failure(embed(endpoint(stub.baseUrl, { maxRetries: 2 }), ["x"], fast));
    expect(stub.requests).toHaveLength(3);
    expect(error.code).toBe("upstream_failed");
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/answered 503: \{"error":\{"message":"overloaded"\}\}/);
    expect(error.hint).toMatch(/server failed/);
  });

  it("does not retry a client error such as a bad key", async () => {
    stub = await startStubEmbeddings([{ kind: "status", status: 401 }]);
    const error = await failure(embed(endpoint(stub.baseUrl), ["x"], fast));
    expect(stub.requests).toHaveLength(1);
    expect(error.retryable).toBe(false);
    expect(error.hint).toMatch(/OSLER_EMBEDDINGS_API_KEY/);
  });

  it("reports a wrong base URL with a hint", async () => {
    stub = await startStubEmbeddings();
    const error = await failure(embed(endpoint(stub.baseUrl.replace(/\/v1$/, "/v2")), ["x"], fast));
    expect(error.message).toMatch(/answered 404/);
    expect(error.hint).toMatch(/ends in \/v1/);
  });

  it("turns malformed responses into clear, non-retryable errors", async () => {
    for (const [body, why] of [
      ["<html>gateway</html>", /malformed response: not JSON/],
      ['{"object":"list"}', /no "data" array/],
      ['{"data":[]}', /0 embeddings for 1 inputs/],
      ['{"data":[{"index":0,"embedding":["a"]}]}', /not an array of numbers/],
      ['{"data":[{"index":3,"embedding":[1]}]}', /bad or repeated index 3/],
    ] as const) {
      stub = await startStubEmbeddings([{ kind: "raw", body }]);
      const error = await failure(embed(endpoint(stub.baseUrl), ["x"], fast));
      expect(error.message).toMatch(why);
      expect(error.retryable).toBe(false);
      expect(stub.requests).toHaveLength(1);
      await stub.close();
      stub = null;
    }
    expect(() =>
      parseEmbeddingsResponse("u", '{"data":[{"index":0,"embedding":[1,2]},{"index":1,"embedding":[1]}]}', 2),
    ).toThrow(/different lengths/);
  });

  it("decodes base64 embeddings (little-endian float32)", async () => {
    stub = await startStubEmbeddings([{ kind: "ok", base64: true }]);
    const vectors = await embed(endpoint(stub.baseUrl), ["septic shock", "norepinephrine"]);
    expect(Array.from(vectors[0] ?? [])).toEqual(stubEmbedding("septic shock"));
    expect(Array.from(vectors[1] ?? [])).toEqual(stubEmbedding("norepinephrine"));
    expect(
      Array.from(decodeBase64Vector(Buffer.from(new Float32Array([0.5, -2]).buffer).toString("base64"))),
    ).toEqual([0.5, -2]);
    expect(() => decodeBase64Vector("AAA=")).toThrow(/float32/);
  });

  it("times out a hanging server and reports an unreachable one", async () => {
    stub = await startStubEmbeddings([{ kind: "hang" }]);
    const hung = await failure(embed(endpoint(stub.baseUrl, { timeoutMs: 50, maxRetries: 1 }), ["x"], fast));
    expect(hung.message).toMatch(/did not answer within 50 ms/);
    expect(hung.retryable).toBe(true);
    expect(stub.requests).toHaveLength(2);
    const url = stub.baseUrl;
    await stub.close();
    stub = null;
    const down = await failure(embed(endpoint(url, { maxRetries: 0 }), ["x"], fast));
    expect(down.message).toMatch(/cannot reach embeddings endpoint/);
    expect(down.hint).toMatch(/running/);
  });

  it("reads Retry-After as seconds or a date and builds the URL from the base", () => {
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
    expect(embeddingsUrl("http://h:1/v1//")).toBe("http://h:1/v1/embeddings");
  });
});
