/**
 * Answers on worker threads. The extractive engine is CPU-bound, so one Node thread answers one
 * question at a time; a small pool of workers, each with its own read connection to the SQLite
 * file (WAL lets them read side by side) and its own copy of the search index, uses every core.
 * The pool presents the AnswerEngine interface, so the HTTP layer does not know it is there.
 */
import { Worker } from "node:worker_threads";
import type { AnswerEngine, AskOptions } from "../answer/engine.js";
import type { Answer, Audience } from "../answer/types.js";
import type { Settings } from "../config/settings.js";
import { type ErrorCode, OslerError } from "../core/errors.js";

export type WorkerRequest = {
  id: number;
  question: string;
  options: Omit<AskOptions, "onProgress" | "onToken">;
};
export type WorkerReply =
  | { id: number; kind: "progress"; stage: string; detail?: string }
  | { id: number; kind: "answer"; answer: Answer }
  | {
      id: number;
      kind: "error";
      error: { code: ErrorCode; message: string; hint?: string; retryable?: boolean };
    };

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
  onProgress?: AskOptions["onProgress"];
}

export interface WorkerEnginePool extends AnswerEngine {
  readonly size: number;
  close(): Promise<void>;
}

function workerEntry(): { url: URL; entry?: string } {
  // From dist/ the worker is plain JavaScript; from src/ (tests, tsx) a small bootstrap loads the
  // TypeScript entry through tsx.
  if (!import.meta.url.endsWith(".ts")) return { url: new URL("./answer-worker.js", import.meta.url) };
  return {
    url: new URL("./ts-worker.mjs", import.meta.url),
    entry: new URL("./answer-worker.ts", import.meta.url).href,
  };
}

/**
 * `local` serves `get` and `render`, which are cheap reads and pure rewrites; only `ask` goes to
 * a worker (the least busy one).
 */
export function createWorkerEngine(settings: Settings, size: number, local: AnswerEngine): WorkerEnginePool {
  const { url, entry } = workerEntry();
  const pending = new Map<number, Pending>();
  const load: number[] = [];
  let nextId = 1;
  const workers = Array.from({ length: size }, (_, i) => {
    const worker = new Worker(url, { workerData: { settings, entry } });
    load[i] = 0;
    worker.on("message", (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.kind === "progress") {
        job.onProgress?.(reply.stage as Parameters<NonNullable<AskOptions["onProgress"]>>[0], reply.detail);
        return;
      }
      pending.delete(reply.id);
      load[i] = (load[i] ?? 1) - 1;
      if (reply.kind === "answer") job.resolve(reply.answer);
      else
        job.reject(
          new OslerError(reply.error.code, reply.error.message, {
            hint: reply.error.hint,
            retryable: reply.error.retryable,
          }),
        );
    });
    worker.on("exit", () => {
      // A dead worker takes no more jobs.
      load[i] = Number.POSITIVE_INFINITY;
    });
    worker.on("error", (error) => {
      // A crashed worker fails its own jobs; the others keep serving.
      for (const [id, job] of pending) {
        if ((job as Pending & { worker?: number }).worker === i) {
          pending.delete(id);
          job.reject(
            new OslerError("internal", `answer worker failed: ${error.message}`, { retryable: true }),
          );
        }
      }
    });
    worker.unref();
    return worker;
  });

  return {
    size,
    ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const { onProgress, onToken: _onToken, ...rest } = options;
      let target = 0;
      for (let i = 1; i < workers.length; i++) if ((load[i] ?? 0) < (load[target] ?? 0)) target = i;
      if (!Number.isFinite(load[target] ?? 0)) {
        return Promise.reject(
          new OslerError("internal", "no answer worker is running", { retryable: false }),
        );
      }
      const id = nextId++;
      load[target] = (load[target] ?? 0) + 1;
      return new Promise<Answer>((resolve, reject) => {
        pending.set(id, Object.assign({ resolve, reject, onProgress }, { worker: target }));
        const request: WorkerRequest = { id, question, options: rest };
        (workers[target] as Worker).postMessage(request);
      });
    },
    get: (id: string) => local.get(id),
    render: (answer: Answer, audience: Audience) => local.render(answer, audience),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
