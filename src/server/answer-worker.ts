/** Worker-thread entry point: answers questions with its own OslerApp (see answer-workers.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { OslerApp } from "../app.js";
import type { Settings } from "../config/settings.js";
import { isOslerError } from "../core/errors.js";
import type { WorkerReply, WorkerRequest } from "./answer-workers.js";

const port = parentPort;
if (!port) throw new Error("answer-worker must run on a worker thread");
const app = OslerApp.open((workerData as { settings: Settings }).settings);

port.on("message", async (request: WorkerRequest) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  try {
    const engine = await app.answers();
    const answer = await engine.ask(request.question, {
      ...request.options,
      onProgress: (stage, detail) => reply({ id: request.id, kind: "progress", stage, detail }),
    });
    reply({ id: request.id, kind: "answer", answer });
  } catch (error) {
    reply({
      id: request.id,
      kind: "error",
      error: isOslerError(error)
        ? { code: error.code, message: error.message, hint: error.hint, retryable: error.retryable }
        : { code: "internal", message: "the answer could not be composed", retryable: true },
    });
  }
});
