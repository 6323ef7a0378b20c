import { describe, expect, it } from "vitest";
import type { Bullet } from "../../answer/types.js";
import { statement } from "./answer-parts.js";

describe("statement", () => {
  const bullet: Bullet = {
    text: "Adults: Suspect it with shock, fever or <b>confusion</b>.",
    citations: [3],
    support: 0.9,
    layout: [
      { kind: "label", text: "Adults:" },
      { kind: "text", text: "Suspect it with" },
      { kind: "item", text: "shock," },
      { kind: "item", text: "fever" },
      { kind: "item", text: "or <b>confusion</b>." },
    ],
  };

  it("sets a laid-out statement out as a label, prose and a nested list, citations on the last item", () => {
    const out = String(statement(bullet, "li"));
    expect(out).toContain('<strong class="stmt-label">Adults:</strong>');
    expect(out).toContain('<span class="stmt-text">Suspect it with</span>');
    expect(out).toMatch(
      /<ul class="stmt-items"><li>shock<\/li><li>fever<\/li><li>or &lt;b&gt;confusion&lt;\/b&gt;\.<span class="stmt-marks">/,
    );
    expect(out.match(/class="stmt-marks"/g)?.length).toBe(1);
  });

  it("prints a statement without a layout as one paragraph", () => {
    const { layout: _layout, ...plain } = bullet;
    const out = String(statement(plain, "li"));
    expect(out).not.toContain("stmt-items");
    expect(out).toContain("Suspect it with shock, fever or &lt;b&gt;confusion&lt;/b&gt;.");
  });
});
