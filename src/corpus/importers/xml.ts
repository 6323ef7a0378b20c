/**
 * A small streaming XML-to-tree helper over saxes. It builds in-memory trees only for the
 * elements the caller asks to capture (a whole MedQuAD file, one PubmedArticle at a time), so a
 * multi-gigabyte PubMed baseline file never sits in memory. saxes decodes the predefined and
 * numeric entities and CDATA; positions are kept for error messages.
 */
import { SaxesParser } from "saxes";

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlChild[];
  /** 1-based line of the start tag. */
  line: number;
}
export type XmlChild = XmlNode | string;

export interface XmlPosition {
  line: number;
  column?: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: XmlPosition,
  ) {
    super(`${position.line}${position.column === undefined ? "" : `:${position.column}`}: ${reason}`);
  }
}

export interface XmlStep {
  nodes: XmlNode[];
  error: XmlSyntaxError | null;
}

/**
 * Feeds text chunks to saxes and returns the captured subtrees completed by each chunk.
 * `capture(name, depth)` decides which elements become trees (depth 0 = the root).
 */
export class XmlTreeStream {
  private readonly parser = new SaxesParser({ position: true });
  private readonly stack: XmlNode[] = [];
  private depth = 0;
  private done: XmlNode[] = [];
  private firstError: XmlSyntaxError | null = null;
  /** How many captured trees were complete when the first error occurred. */
  private completeBeforeError = 0;

  constructor(private readonly capture: (name: string, depth: number) => boolean) {
    const p = this.parser;
    p.on("opentag", (tag) => {
      // Without the xmlns option saxes gives plain string attributes.
      const attrs = { ...(tag.attributes as Record<string, string>) };
      const node: XmlNode = { name: tag.name, attrs, children: [], line: p.line };
      const parent = this.stack.at(-1);
      if (parent) parent.children.push(node);
      if (parent || this.capture(tag.name, this.depth)) this.stack.push(node);
      this.depth++;
    });
    p.on("closetag", () => {
      this.depth--;
      const node = this.stack.pop();
      if (node && this.stack.length === 0) this.done.push(node);
    });
    const onText = (text: string) => this.stack.at(-1)?.children.push(text);
    p.on("text", onText);
    p.on("cdata", onText);
    // saxes keeps going after an error; we stop at the first one, with its position.
    p.on("error", (error: Error) => {
      if (this.firstError) return;
      // saxes prefixes "[file:]line:column: "; prefer its position, which points at the fault.
      const at = /^(?:[^:\n]*:)?(\d+):(\d+): ([\s\S]*)$/.exec(error.message);
      let position: XmlPosition = at
        ? { line: Number(at[1]), column: Number(at[2]) }
        : { line: p.line, column: p.column };
      let reason = at ? at[3] : error.message;
      // saxes reads a bare "&" as the start of an entity and swallows the rest of the file, so the
      // error surfaces at EOF; the innermost open element is where the author has to look.
      const open = this.stack.at(-1);
      if (open && /^(unclosed tag|unexpected end)/.test(reason)) {
        reason = `${reason}: <${open.name}> opened here is never closed (an unescaped "&" or "<" in it?)`;
        position = { line: open.line };
      }
      this.firstError = new XmlSyntaxError(reason, position);
      this.completeBeforeError = this.done.length;
    });
  }

  /**
   * Parses a chunk and returns the trees it completed. At the first well-formedness error it
   * returns the trees completed before the error together with the error; later input is ignored.
   */
  write(chunk: string): XmlStep {
    if (!this.firstError) this.parser.write(chunk);
    return this.drain();
  }

  close(): XmlStep {
    if (!this.firstError) this.parser.close();
    return this.drain();
  }

  private drain(): XmlStep {
    const error = this.firstError;
    const nodes = error ? this.done.slice(0, this.completeBeforeError) : this.done;
    this.done = [];
    this.completeBeforeError = 0;
    return { nodes, error };
  }
}

/** Parses a whole (small) document and returns its root element. */
export function parseXmlDocument(text: string): XmlNode {
  const stream = new XmlTreeStream((_name, depth) => depth === 0);
  const first = stream.write(text);
  if (first.error) throw first.error;
  const last = stream.close();
  if (last.error) throw last.error;
  const roots = [...first.nodes, ...last.nodes];
  if (!roots[0]) throw new XmlSyntaxError("no root element", { line: 1, column: 1 });
  return roots[0];
}

/** Concatenated text of a node and its descendants (inline markup such as <i> is flattened). */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return "";
  return node.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

export function childElements(node: XmlNode | undefined, name?: string): XmlNode[] {
  if (!node) return [];
  return node.children.filter((c): c is XmlNode => typeof c !== "string" && (!name || c.name === name));
}

export function firstChild(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return childElements(node, name)[0];
}

/** Follows a path of element names, taking the first match at each step. */
export function pathOf(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) current = firstChild(current, name);
  return current;
}
