/**
 * A tagged-template HTML helper that escapes by default. Every value interpolated into `html`
 * is escaped unless it is itself the result of `html` (or `raw`, used only for trusted markup
 * produced in this module). Text from sources, questions and users therefore renders as text:
 * a passage containing `<script>` or `onerror=` cannot become markup.
 */

const SAFE = Symbol("osler.safe-html");

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | Interpolation[];

function safe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && SAFE in value;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (ch) => ESCAPES[ch] as string);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (isSafe(value)) return value.value;
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` — interpolations are escaped; nested `html` fragments are kept. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return safe(out);
}

/** Marks trusted markup as safe. Never pass text that came from a user, a source or a question. */
export function raw(markup: string): SafeHtml {
  return safe(markup);
}

/** Joins fragments (arrays are accepted directly by `html`; this is for explicit separators). */
export function join(parts: SafeHtml[], separator = ""): SafeHtml {
  return safe(parts.map((p) => p.value).join(escapeHtml(separator)));
}

const STOPWORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the this to was were with which who what when how should not than then there their these those into over under also may can".split(
    " ",
  ),
);

/** The words of a statement worth highlighting in its supporting passage (lower-cased, no stopwords). */
export function highlightTerms(statement: string): string[] {
  const words = statement.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.\-/]*/gu) ?? [];
  return [
    ...new Set(words.map((w) => w.replace(/[.\-/]+$/, "")).filter((w) => w.length >= 3 && !STOPWORDS.has(w))),
  ];
}

/** Escapes `text` and wraps the words that appear in `terms` in <mark>. */
export function highlight(text: string, terms: string[]): SafeHtml {
  if (terms.length === 0) return html`${text}`;
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const parts = text.split(/([\p{L}\p{N}][\p{L}\p{N}.\-/]*[\p{L}\p{N}]|[\p{L}\p{N}])/u);
  return safe(
    parts
      .map((part, i) => {
        const hit = i % 2 === 1 && wanted.has(part.toLowerCase());
        return hit ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part);
      })
      .join(""),
  );
}
