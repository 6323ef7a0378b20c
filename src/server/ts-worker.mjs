// Runs a TypeScript worker entry under tsx when Osler runs from source (tests, `tsx src/cli/dev.ts`):
// loader flags in a worker's execArgv do not reach worker threads on Node 20. Built code (dist/)
// starts its JavaScript worker directly and never loads this file.
import { workerData } from "node:worker_threads";

const { tsImport } = await import("tsx/esm/api");
await tsImport(workerData.entry, import.meta.url);
