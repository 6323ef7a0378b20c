import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, highlight, highlightTerms, html, raw } from "./html.js";

describe("html tagged template", () => {
  it("escapes interpolated text so markup renders as text", () => {
    const out = html`<p title="${'"><script>'}">${"<img src=x onerror=alert(1)>"}</p>`.toString();
    expect(out).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it("keeps nested fragments and arrays, and drops null, undefined and false", () => {
    const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}</ul>`.toString()).toBe(
      "<ul><li>a&lt;b</li><li>c</li></ul>",
    );
    expect(html`${raw("<br>")}`.toString()).toBe("<br>");
  });

  it("never lets an interpolated string open a tag or leave an attribute (property)", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"'`]/);
        expect(html`<a title="${s}">${s}</a>`.toString()).toBe(`<a title="${escaped}">${escaped}</a>`);
      }),
    );
  });
});

describe("highlight", () => {
  it("marks the statement's content words in the passage and escapes the rest", () => {
    const terms = highlightTerms("Measure anti-Xa levels when heparin resistance is suspected");
    expect(terms).toEqual(["measure", "anti-xa", "levels", "heparin", "resistance", "suspected"]);
    expect(highlight("Use anti-Xa <b>levels</b> in heparin resistance.", terms).toString()).toBe(
      "Use <mark>anti-Xa</mark> &lt;b&gt;<mark>levels</mark>&lt;/b&gt; in <mark>heparin</mark> <mark>resistance</mark>.",
    );
  });

  it("returns the escaped text when there is nothing to highlight", () => {
    expect(highlight("<i>x</i>", []).toString()).toBe("&lt;i&gt;x&lt;/i&gt;");
  });
});
