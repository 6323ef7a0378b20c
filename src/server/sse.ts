/**
 * Server-sent events for asking: `progress` events as the engine moves through its stages, then
 * one `answer` event with the answer and its page URL, or one `error` event in the API's error
 * shape. Framing: `event: <name>\ndata: <one line of JSON>\n\n`.
 */
import type { AnswerStage } from "../answer/engine.js";
import type { Answer } from "../answer/types.js";
import type { OslerError } from "../core/errors.js";

export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function askEventStream(
  run: (onProgress: (stage: AnswerStage, detail?: string) => void) => Promise<Answer>,
  urlOf: (answer: Answer) => string,
  toError: (error: unknown) => OslerError,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(sseFrame(event, data)));
        } catch {
          // the client went away; the answer is still stored and reachable by id
        }
      };
      try {
        const answer = await run((stage, detail) =>
          send("progress", { stage, ...(detail ? { detail } : {}) }),
        );
        send("answer", { id: answer.id, url: urlOf(answer), answer });
      } catch (error) {
        send("error", { error: toError(error).toJSON() });
      }
      try {
        controller.close();
      } catch {
        // already closed by a cancelled client
      }
    },
  });
}
