import { afterEach, describe, expect, it } from "vitest";
import { type Reply, type StubLlm, startStubLlm } from "../../../test/answer/stub-llm.js";
import { chatComplete, type LlmEndpoint } from "./client.js";

let stub: StubLlm | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function endpoint(script: Reply[], over: Partial<LlmEndpoint> = {}): Promise<LlmEndpoint> {
  stub = await startStubLlm(script);
  return { baseUrl: stub.baseUrl, model: "m", apiKey: "secret", timeoutMs: 1_000, maxRetries: 2, ...over };
}
const messages = [{ role: "user" as const, content: "hi" }];

describe("chatComplete", () => {
  it("returns the message content of a JSON completion and sends the model, key and JSON mode", async () => {
    const ep = await endpoint([{ kind: "json", content: '{"ok":true}' }]);
    expect(await chatComplete(ep, messages, { json: true })).toBe('{"ok":true}');
    expect(stub?.requests[0]).toMatchObject({
      model: "m",
      stream: false,
      response_format: { type: "json_object" },
    });
  });

  it("assembles a streamed reply and reports each token", async () => {
    const ep = await endpoint([{ kind: "stream", content: "Hello, streaming world", chunkSize: 4 }]);
    const tokens: string[] = [];
    expect(await chatComplete(ep, messages, { stream: true, onToken: (t) => tokens.push(t) })).toBe(
      "Hello, streaming world",
    );
    expect(tokens.length).toBe(6);
  });

  it("retries after a 500 and then succeeds", async () => {
    const ep = await endpoint([
      { kind: "status", status: 500 },
      { kind: "json", content: "second time" },
    ]);
    expect(await chatComplete(ep, messages, { backoffMs: 1 })).toBe("second time");
    expect(stub?.requests).toHaveLength(2);
  });

  it("gives up after maxRetries on repeated 429s", async () => {
    const ep = await endpoint([{ kind: "status", status: 429 }], { maxRetries: 1 });
    await expect(chatComplete(ep, messages, { backoffMs: 1 })).rejects.toMatchObject({
      code: "upstream_failed",
    });
    expect(stub?.requests).toHaveLength(2);
  });

  it("does not retry a 400", async () => {
    const ep = await endpoint([{ kind: "status", status: 400 }]);
    await expect(chatComplete(ep, messages, { backoffMs: 1 })).rejects.toMatchObject({ retryable: false });
    expect(stub?.requests).toHaveLength(1);
  });

  it("times out a hung request without retrying it", async () => {
    const ep = await endpoint([{ kind: "hang" }], { timeoutMs: 150 });
    await expect(chatComplete(ep, messages)).rejects.toThrow(/timed out after 150 ms/);
    expect(stub?.requests).toHaveLength(1);
  });

  it("refuses to run without a configured endpoint", async () => {
    await expect(
      chatComplete({ baseUrl: "", model: "", apiKey: "", timeoutMs: 1, maxRetries: 0 }, messages),
    ).rejects.toThrow(/no LLM endpoint/);
  });
});
