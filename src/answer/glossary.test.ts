import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_GLOSSARY, layRewriter, loadLayGlossary } from "./glossary.js";

describe("loadLayGlossary", () => {
  it("falls back to the built-in entries when the file is missing", () => {
    expect(loadLayGlossary(join(tmpdir(), "no-such-glossary.yaml"))).toHaveLength(BUILTIN_GLOSSARY.length);
  });

  it("reads the YAML list, skips malformed entries and lets the file override built-ins", () => {
    const dir = mkdtempSync(join(tmpdir(), "osler-glossary-"));
    const file = join(dir, "lay-glossary.yaml");
    writeFileSync(
      file,
      "- term: renal\n  plain: kidney-related\n- term: dyspnoea\n  plain: breathlessness\n  explain: feeling short of breath\n- plain: missing term\n",
    );
    const glossary = loadLayGlossary(file);
    expect(glossary.find((e) => e.term === "renal")?.plain).toBe("kidney-related");
    expect(glossary.find((e) => e.term === "dyspnoea")).toEqual({
      term: "dyspnoea",
      plain: "breathlessness",
      explain: "feeling short of breath",
    });
    expect(glossary).toHaveLength(BUILTIN_GLOSSARY.length + 1);
  });
});

describe("layRewriter", () => {
  it("fits the indefinite article to the plain word and keeps one from the plain form", () => {
    const r = layRewriter([
      { term: "analgesic", plain: "painkiller" },
      { term: "intermittent", plain: "on-and-off" },
      { term: "venous thromboembolism", plain: "a blood clot" },
    ]);
    expect(r.rewrite("Use an analgesic and an intermittent dose")).toBe(
      "Use a painkiller and an on-and-off dose",
    );
    expect(r.rewrite("A venous thromboembolism needs treatment")).toBe("A blood clot needs treatment");
  });
});
