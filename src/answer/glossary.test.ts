import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_GLOSSARY, loadLayGlossary } from "./glossary.js";

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
