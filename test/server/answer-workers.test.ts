import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OslerApp } from "../../src/app.js";
import { loadSettings } from "../../src/config/settings.js";
import { createWorkerEngine, type WorkerEnginePool } from "../../src/server/answer-workers.js";

const LIBRARY = fileURLToPath(new URL("../fixtures/import/library", import.meta.url));

describe("answer workers", () => {
  let app: OslerApp;
  let pool: WorkerEnginePool;
  beforeAll(async () => {
    const settings = loadSettings(
      { dbPath: join(mkdtempSync(join(tmpdir(), "osler-workers-")), "o.db") },
      {},
    );
    app = OslerApp.open(settings);
    await app.importLibrary(LIBRARY);
    pool = createWorkerEngine(settings, 2, await app.answers());
  });
  afterAll(async () => {
    await pool.close();
    await app.close();
  });

  it("answers on a worker thread with progress, the same answer the local engine gives", async () => {
    const stages: string[] = [];
    const remote = await pool.ask("How is imaginary shock treated?", { onProgress: (s) => stages.push(s) });
    const local = await (await app.answers()).ask("How is imaginary shock treated?");
    expect(stages).toContain("searching");
    expect(remote.id).toBe(local.id);
    expect({ ...remote.meta, ms: 0, generatedAt: "" }).toEqual({ ...local.meta, ms: 0, generatedAt: "" });
    expect(await pool.get(remote.id)).not.toBeNull();
  });

  it("answers several questions at once across the pool", async () => {
    const answers = await Promise.all(
      ["imaginary shock", "pretend clots", "imaginary shock treatment", "pretend clots therapy"].map((q) =>
        pool.ask(q),
      ),
    );
    expect(answers.map((a) => a.question)).toEqual([
      "imaginary shock",
      "pretend clots",
      "imaginary shock treatment",
      "pretend clots therapy",
    ]);
  });

  it("carries the engine's errors back with their code and hint", async () => {
    await expect(pool.ask("   ")).rejects.toMatchObject({ code: "invalid_input", hint: expect.any(String) });
  });
});
