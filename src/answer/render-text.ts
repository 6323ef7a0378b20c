/**
 * Plain-text rendering of an answer for the terminal: title, review banner, bottom line, sections
 * of bullets with [n] markers, typed references, related questions and the disclaimer. Colour is
 * optional (pass `color: true` only when stdout is a TTY) and never carries meaning on its own.
 */
import { notAddressedLine } from "./coverage.js";
import type { Answer, Reference } from "./types.js";

export interface RenderTextOptions {
  color?: boolean;
  /** Wrap width for prose; 0 disables wrapping. */
  width?: number;
}

const STYLE = { bold: [1, 22], dim: [2, 22], yellow: [33, 39], cyan: [36, 39] } as const;

export function renderAnswerText(answer: Answer, options: RenderTextOptions = {}): string {
  const width = options.width ?? 100;
  const paint = (style: keyof typeof STYLE, text: string) =>
    options.color ? `\u001b[${STYLE[style][0]}m${text}\u001b[${STYLE[style][1]}m` : text;
  const marks = (ns: number[]) => (ns.length > 0 ? ` [${ns.join("][")}]` : "");
  const out: string[] = [];

  out.push(paint("bold", answer.title), "");
  const updated = answer.review.updatedAt.slice(0, 10);
  const status = answer.review.status.replace(/_/g, " ");
  const banner = `Pending review — educational use · status: ${status} · last updated ${updated}`;
  out.push(...wrap(banner, width, "").map((line) => paint("yellow", line)), "");

  if (answer.abstained) {
    out.push(paint("bold", "No answer"), ...wrap(answer.abstainReason ?? "", width, ""), "");
  }
  if (answer.bottomLine) {
    out.push(
      paint("bold", "Bottom line"),
      ...wrap(`${answer.bottomLine.text}${marks(answer.bottomLine.citations)}`, width, ""),
      "",
    );
  }
  if (answer.meta.notAddressed?.length) {
    out.push(...wrap(paint("yellow", notAddressedLine(answer.meta.notAddressed)), width, ""), "");
  }
  if (answer.urgentCare) out.push(...wrap(paint("bold", answer.urgentCare), width, ""), "");
  for (const section of answer.sections) {
    out.push(paint("bold", section.title));
    if (section.explainer) out.push(...wrap(paint("dim", section.explainer), width, "  "));
    for (const b of section.bullets) {
      const flag = b.flagged ? " (unverified)" : "";
      if (!b.layout) {
        out.push(...wrap(`• ${b.text}${marks(b.citations)}${flag}`, width, "  "));
        continue;
      }
      // Set out as lines: the first after the bullet, items indented, citations after the last.
      b.layout.forEach((line, i) => {
        const end = i === (b.layout?.length ?? 0) - 1 ? `${marks(b.citations)}${flag}` : "";
        const text = line.kind === "item" ? line.text.replace(/,$/, "") : line.text;
        const lead = i === 0 ? "• " : line.kind === "item" ? "    – " : "  ";
        const indent = line.kind === "item" ? "      " : "  ";
        const shown = line.kind === "label" ? paint("bold", text) : text;
        const [first = "", ...more] = wrap(`${shown}${end}`, Math.max(width - indent.length, 0), "");
        out.push(`${lead}${first}`, ...more.map((l) => `${indent}${l}`));
      });
    }
    out.push("");
  }
  if (answer.references.length > 0) {
    out.push(paint("bold", "References"));
    for (const r of answer.references) out.push(...wrap(referenceLine(r), width, "     "));
    out.push("");
  }
  if (answer.relatedQuestions.length > 0) {
    out.push(paint("bold", "Related questions"));
    for (const q of answer.relatedQuestions) out.push(...wrap(`- ${q}`, width, "  "));
    out.push("");
  }
  out.push(...wrap(paint("dim", answer.disclaimer), width, ""));
  return `${out.join("\n").trimEnd()}\n`;
}

/** "[2] Guideline — Surviving Sepsis Campaign … Society of Critical Care Medicine, 2021. doi:…" */
export function referenceLine(r: Reference): string {
  const where = [r.publisher, r.year].filter((x) => x !== null && x !== undefined && x !== "").join(", ");
  const link = r.doi ? ` doi:${r.doi}` : r.pmid ? ` PMID ${r.pmid}` : r.url ? ` ${r.url}` : "";
  const outdated = r.supersededBy ? ` (outdated edition: superseded by ${r.supersededBy})` : "";
  return `[${r.n}] ${r.typeLabel} — ${r.title}${where ? `. ${where}` : ""}.${link}${outdated}`;
}

/** Greedy word wrap; continuation lines get the indent. */
function wrap(text: string, width: number, indent: string): string[] {
  if (width <= 0 || text.length <= width) return [text];
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
