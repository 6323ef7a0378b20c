/** Composition root for persistence: picks the store backend from settings. */
import type { EvidenceStore } from "./ports.js";
import { SqliteStore } from "./sqlite/sqlite-store.js";

export function openStore(dbPath: string): EvidenceStore {
  return new SqliteStore(dbPath);
}
