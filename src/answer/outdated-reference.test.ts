import { describe, expect, it } from "vitest";
import { referenceLine } from "./render-text.js";
import type { Reference } from "./types.js";

const ref: Reference = {
  n: 2,
  sourceId: "ref:gina-2024",
  passageId: "lib:pulmonology/acute-asthma-exacerbation#recommendations",
  type: "guideline",
  typeLabel: "Guideline",
  title: "Global Strategy for Asthma Management and Prevention",
  publisher: "Global Initiative for Asthma",
  year: 2024,
  url: null,
};

describe("references to outdated guideline editions", () => {
  it("names the edition that replaced the cited one", () => {
    expect(referenceLine({ ...ref, supersededBy: "gina-2025" })).toMatch(
      /outdated edition: superseded by gina-2025/,
    );
  });

  it("stays quiet for a current edition", () => {
    expect(referenceLine(ref)).not.toMatch(/outdated/);
  });
});
