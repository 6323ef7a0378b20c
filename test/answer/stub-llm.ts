/**
 * A local stand-in for an OpenAI-compatible chat endpoint (node:http on 127.0.0.1, port 0) that
 * speaks the real protocol: JSON completions, SSE streaming with `data:` lines and `[DONE]`, error
 * statuses and hangs. Each test scripts the replies call by call.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply =
  | { kind: "json"; content: string }
  | { kind: "stream"; content: string; chunkSize?: number }
  | { kind: "status"; status: number }
  | { kind: "hang" };

export interface StubLlm {
  baseUrl: string;
  /** Parsed request bodies, in order. */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startStubLlm(script: Reply[] | ((call: number) => Reply)): Promise<StubLlm> {
  const requests: Array<Record<string, unknown>> = [];
  const next = (i: number): Reply =>
    typeof script === "function" ? script(i) : (script[Math.min(i, script.length - 1)] as Reply);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      if (req.url !== "/v1/chat/completions" || req.method !== "POST") {
        res.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(raw));
      const reply = next(requests.length - 1);
      if (reply.kind === "hang") return;
      if (reply.kind === "status") {
        res
          .writeHead(reply.status, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { message: "stub error" } }));
        return;
      }
      if (reply.kind === "json") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id: "cmpl-1",
            object: "chat.completion",
            choices: [
              { index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" },
            ],
          }),
        );
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const size = reply.chunkSize ?? 7;
      res.write(": keep-alive\n\n");
      for (let i = 0; i < reply.content.length; i += size) {
        const delta = { choices: [{ index: 0, delta: { content: reply.content.slice(i, i + size) } }] };
        res.write(`data: ${JSON.stringify(delta)}\n\n`);
      }
      res.end("data: [DONE]\n\n");
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
