/**
 * Parses one Osler library document (library/README.md): YAML front matter validated with zod,
 * then the Markdown body cut into one passage per `##`/`###` section, with the inline reference
 * markers removed from the text and kept as `meta.refs` ranges. Errors are OslerErrors with the
 * file and line, so the author can find them.
 */
import { marked, type Token, type Tokens } from "marked";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { malformedFile, type OslerError } from "../../core/errors.js";
import { slugify } from "../../core/ids.js";
import { EVIDENCE_KINDS } from "../model.js";
import { type PassageDraft, tidy } from "./common.js";
import { type RefSpan, stripRefs } from "./inline-refs.js";
import { lineOfPath } from "./registry.js";

/** YAML may give a date or a number where the format means text (`updated: 2026-11-25`). */
const text = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? String(v) : v),
  z.string().min(1),
);

const SourceDeclSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "source ids are lowercase letters, digits and hyphens"),
  kind: z.enum(EVIDENCE_KINDS),
  organisation: text.optional(),
  journal: text.optional(),
  title: text,
  year: z.number().int().min(1900).max(2100),
  doi: text.optional(),
  pmid: text.optional(),
  url: text.optional(),
  recommendations: z.array(text).optional(),
});
export type SourceDecl = z.infer<typeof SourceDeclSchema> & { line: number };

const FrontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "id is <specialty>/<slug>"),
  title: text,
  specialty: text,
  kind: z.literal("editorial").optional(),
  audience: text.optional(),
  keywords: z.array(text).optional(),
  sources: z.array(SourceDeclSchema),
  review: z.object({ status: text, updated: text }),
  author: text.optional(),
  created: text.optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

export interface LibraryDoc {
  file: string;
  front: FrontMatter;
  sources: SourceDecl[];
  passages: PassageDraft[];
}

/** Splits `---` front matter from the body; `bodyLine` is the 1-based line the body starts on. */
function splitFrontMatter(file: string, raw: string) {
  const source = raw.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(source);
  if (!match) throw malformedFile(file, "missing YAML front matter between --- lines", { line: 1 });
  return { yaml: match[1], body: source.slice(match[0].length), bodyLine: match[0].split("\n").length };
}

function parseFrontMatter(file: string, yaml: string): { front: FrontMatter; sources: SourceDecl[] } {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter });
  // +1: the YAML starts on line 2, after the opening ---.
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    throw malformedFile(file, yamlError.message.split("\n")[0], {
      line: (at?.line ?? 0) + 1,
      column: at?.col,
    });
  }
  const parsed = FrontMatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw malformedFile(file, `front matter ${where}${issue.message}`, {
      line: lineOfPath(doc, counter, issue.path) + 1,
    });
  }
  const sources = parsed.data.sources.map((s, i) => ({
    ...s,
    line: lineOfPath(doc, counter, ["sources", i]) + 1,
  }));
  return { front: parsed.data, sources };
}

/** Plain text of inline tokens: emphasis and code marks dropped, links reduced to their text. */
function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if (t.type === "br") return " ";
      if ("tokens" in t && t.tokens && t.type !== "codespan") return inlineText(t.tokens);
      return "text" in t ? String(t.text) : t.raw;
    })
    .join("");
}

/** Markdown leaves `&amp;` and friends encoded in text tokens. */
function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

interface Line {
  text: string;
  /** 1-based source line, for error messages. */
  at: number;
}

/** Flattens a block token into text lines: one per paragraph, bullet, nested bullet or table row. */
function blockLines(token: Token, at: (raw: string) => number): Line[] {
  const line = (raw: string, s: string): Line => ({
    text: tidy(decodeEntities(s)).replace(/\n/g, " "),
    at: at(raw),
  });
  switch (token.type) {
    case "paragraph":
    case "heading":
      return [line(token.raw, inlineText(token.tokens))];
    case "list":
      return (token as Tokens.List).items.flatMap((item) =>
        item.tokens.flatMap((t) =>
          t.type === "list"
            ? blockLines(t, at)
            : t.type === "space"
              ? []
              : [line(item.raw, inlineText("tokens" in t && t.tokens ? t.tokens : [t]))],
        ),
      );
    case "blockquote":
      return (token as Tokens.Blockquote).tokens.flatMap((t) => blockLines(t, at));
    case "table": {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inlineText(c.tokens)).join(" | ");
      return [table.header, ...table.rows].map((cells) => line(token.raw, row(cells)));
    }
    case "code":
      return [{ text: tidy((token as Tokens.Code).text), at: at(token.raw) }];
    default:
      return [];
  }
}

interface Section {
  path: string[];
  lines: Line[];
}

/** Parses one document. `expectedId` is `<folder>/<stem>` of the file; the front matter must match. */
export function parseLibraryDoc(file: string, raw: string, expectedId: string): LibraryDoc {
  const { yaml, body, bodyLine } = splitFrontMatter(file, raw);
  const { front, sources } = parseFrontMatter(file, yaml);
  if (front.id !== expectedId) {
    throw malformedFile(
      file,
      `front matter id ${JSON.stringify(front.id)} does not match the path ${expectedId}`,
      {
        line: 2,
      },
    );
  }
  // Token positions: each raw is found from where the previous one was, which follows the source.
  let cursor = 0;
  let inner = 0; // advances through the items of the current token
  const at = (rawText: string) => {
    const index = body.indexOf(rawText.trim(), inner);
    const offset = index >= 0 ? index : inner;
    if (index >= 0) inner = index + 1;
    return bodyLine + body.slice(0, offset).split("\n").length - 1;
  };
  const sections: Section[] = [{ path: [front.title], lines: [] }];
  for (const token of marked.lexer(body)) {
    const index = body.indexOf(token.raw.trimEnd(), cursor);
    inner = index >= 0 ? index : cursor;
    if (token.type === "heading" && token.depth <= 3) {
      const heading = tidy(decodeEntities(inlineText(token.tokens)));
      const h2 = sections.at(-1)?.path[1] ?? heading;
      if (token.depth === 2) sections.push({ path: [front.title, heading], lines: [] });
      if (token.depth === 3) sections.push({ path: [front.title, h2, heading], lines: [] });
    } else {
      sections.at(-1)?.lines.push(...blockLines(token, at).filter((l) => l.text !== ""));
    }
    if (index >= 0) cursor = index + token.raw.trimEnd().length;
  }
  const declared = new Set(sources.map((s) => s.id));
  const passages: PassageDraft[] = [];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    const refs: RefSpan[] = [];
    const texts: string[] = [];
    let offset = 0;
    for (const { text: lineText, at: lineNo } of section.lines) {
      const { text: clean, spans } = stripRefs(lineText);
      for (const span of spans) {
        for (const cite of span.sources) {
          if (!declared.has(cite.id)) {
            throw malformedFile(file, `inline reference [${cite.id}] is not a declared source`, {
              line: lineNo,
            });
          }
        }
        refs.push({
          start: span.start + offset,
          end: span.end + offset,
          sources: span.sources.map((c) => ({ id: `ref:${c.id}`, rec: c.rec })),
        });
      }
      texts.push(clean);
      offset += clean.length + 1; // lines are joined with "\n"
    }
    const slug =
      section.path.length === 1
        ? "intro"
        : section.path
            .slice(1)
            .map((p) => slugify(p))
            .join("/");
    let id = `lib:${front.id}#${slug}`;
    for (let n = 2; passages.some((p) => p.id === id); n++) id = `lib:${front.id}#${slug}-${n}`;
    passages.push({ id, sectionPath: section.path, text: texts.join("\n"), meta: { refs } });
  }
  return { file, front, sources, passages };
}

export type LibraryParse = { ok: true; doc: LibraryDoc } | { ok: false; error: OslerError };
