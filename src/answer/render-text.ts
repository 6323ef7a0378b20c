/**
 * Plain-text rendering of an answer for the terminal: title, review banner, bottom line, sections
 * of bullets with [n] markers, typed references, related questions and the disclaimer. Colour is
 * optional (pass `color: true` only when stdout is a TTY) and never carries meaning on its own.
 */
import { notAddressedLine } from "./coverage.js";
import type { Answer, CitedText, Reference } from "./types.js";

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

  // A statement as printed lines; one set out as lines (patient answers) gets its label, prose
  // and indented list items, with the citation marks after the last line.
  const statementLines = (c: CitedText, end: string, bullet: string, indent: string): string[] => {
    if (!c.layout) return wrap(`${bullet}${c.text}${end}`, width, indent);
    return c.layout.flatMap((line, i, all) => {
      const item = line.kind === "item";
      const text = item ? line.text.replace(/,$/, "") : line.text;
      const lead = i === 0 ? bullet : item ? `${indent}  – ` : indent;
      const more = item ? `${indent}    ` : indent;
      const shown = `${line.kind === "label" ? paint("bold", text) : text}${i === all.length - 1 ? end : ""}`;
      const [first = "", ...rest] = wrap(shown, Math.max(width - more.length, 0), "");
      return [`${lead}${first}`, ...rest.map((l) => `${more}${l}`)];
    });
  };

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
      ...statementLines(answer.bottomLine, marks(answer.bottomLine.citations), "", ""),
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
      out.push(...statementLines(b, `${marks(b.citations)}${flag}`, "• ", "  "));
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
