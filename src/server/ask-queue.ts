/**
 * A FIFO admission queue for answer-engine runs. The extractive engine is CPU-bound and
 * synchronous for most of a run; when Node is saturated it serves sockets unevenly, and under 50
 * concurrent clients some asks waited 5-10 s while others were served in milliseconds. Queuing
 * runs in arrival order, and yielding to I/O between them, keeps the wait proportional to the
 * queue length for everyone. The caller picks the concurrency: 1 for CPU-bound runs, more for
 * runs that mostly wait on an LLM endpoint.
 */
import { OslerError } from "../core/errors.js";

export interface AskQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
  readonly waiting: number;
}

export function createAskQueue(concurrency = 4, maxWaiting = 1000): AskQueue {
  let active = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    while (active < concurrency && waiting.length > 0) {
      active++;
      (waiting.shift() as () => void)();
    }
  };
  return {
    get waiting() {
      return waiting.length;
    },
    run<T>(job: () => Promise<T>): Promise<T> {
      if (waiting.length >= maxWaiting) {
        return Promise.reject(
          new OslerError("rate_limited", "the server is busy answering other questions", {
            hint: "Try again in a moment.",
            details: { retryAfter: 1 },
          }),
        );
      }
      return new Promise<T>((resolve, reject) => {
        // setImmediate: let the event loop read incoming requests before each run starts.
        waiting.push(() =>
          setImmediate(() => {
            job()
              .then(resolve, reject)
              .finally(() => {
                active--;
                next();
              });
          }),
        );
        next();
      });
    },
  };
}
