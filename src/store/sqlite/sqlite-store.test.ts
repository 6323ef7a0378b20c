import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { describeStoreContract } from "../store.contract.js";
import { MIGRATIONS } from "./schema.js";
import { SqliteStore } from "./sqlite-store.js";

describeStoreContract(
  "sqlite",
  async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), "osler-")), "t.db")),
);

describe("SqliteStore", () => {
  it("creates a real database file in WAL mode with foreign keys on and a schema version", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "osler-")), "nested", "osler.db");
    const store = new SqliteStore(path);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    await store.close();
    const raw = new Database(path);
    expect((raw.prepare("SELECT max(version) AS v FROM schema_version").get() as { v: number }).v).toBe(
      MIGRATIONS.length,
    );
    raw.close();
  });

  it("reopening an existing database does not re-run migrations", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "osler-")), "osler.db");
    await new SqliteStore(path).close();
    const again = new SqliteStore(path);
    expect((again.db.prepare("SELECT count(*) AS n FROM schema_version").get() as { n: number }).n).toBe(
      MIGRATIONS.length,
    );
    await again.close();
  });

  it("refuses a database written by a newer schema", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "osler-")), "osler.db");
    await new SqliteStore(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_version VALUES (999, 'future')").run();
    raw.close();
    expect(() => new SqliteStore(path)).toThrow(/newer than this Osler/);
  });
});
