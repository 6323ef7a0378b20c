import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OslerApp } from "../src/app.js";
import { loadSettings } from "../src/config/settings.js";

describe("OslerApp", () => {
  it("loads the curated lexicon into any database it searches, once", async () => {
    const app = OslerApp.open(
      loadSettings({ dbPath: join(mkdtempSync(join(tmpdir(), "osler-app-")), "o.db") }, {}),
    );
    await app.lexical();
    const curated = (await app.store.allLexicon()).filter((e) => e.origin === "osler");
    expect(curated.length).toBeGreaterThanOrEqual(400);
    const version = await app.store.corpusVersion();
    await app.lexical();
    expect(await app.store.corpusVersion()).toBe(version);
    await app.close();
  });

  it("brings a database made by an earlier release up to the current curated lexicon", async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), "osler-app-")), "o.db");
    const first = OslerApp.open(loadSettings({ dbPath }, {}));
    await first.lexical();
    // An older release knew andexanet alfa only by its brand names (and had another lexicon file).
    await first.store.setState("curated-lexicon-sha256", "an older lexicon file");
    await first.store.upsertLexicon([
      {
        term: "andexanet alfa",
        synonyms: ["Andexxa"],
        abbreviations: [],
        conceptId: null,
        layTerm: null,
        origin: "osler",
      },
    ]);
    await first.close();
    const second = OslerApp.open(loadSettings({ dbPath }, {}));
    const retriever = await second.lexical();
    expect(retriever.parts.lexicon.lookup("andexanet")).toBe("andexanet alfa");
    await second.close();
  });
});
