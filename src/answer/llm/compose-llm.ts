/**
 * The optional LLM composer: shows the model numbered evidence, asks for JSON (bottom line and
 * sections of cited bullets), maps the model's keys back to evidence keys, strips keys it invented
 * and drops statements left without a valid citation. Verification of every statement against its
 * cited passages happens afterwards in the engine, exactly as for the extractive composer.
 * Throws on any failure; the engine then falls back to the extractive composer.
 */
import { z } from "zod";
import { OslerError } from "../../core/errors.js";
import { type Draft, type DraftSection, type DraftStatement, evidenceKey } from "../draft.js";
import { SECTIONS } from "../facets.js";
import type { AnalyzedQuestion } from "../question.js";
import { passageRefs, type Selection } from "../select.js";
import { splitSentences } from "../sentences.js";
import { stemSet } from "../text.js";
import { composeTitle } from "../title.js";
import { parseCitations } from "../verify.js";
import { type ChatOptions, chatComplete, type LlmEndpoint } from "./client.js";
import { buildMessages, type EvidenceItem, evidenceItems } from "./prompt.js";

const cites = z.array(z.union([z.string(), z.number()])).optional();
const statementSchema = z.union([z.string(), z.object({ text: z.string(), cites })]);
const responseSchema = z.object({
  bottomLine: statementSchema.nullable().optional(),
  sections: z
    .array(
      z.object({
        title: z.string().optional(),
        facet: z.string().optional(),
        bullets: z.array(statementSchema),
      }),
    )
    .optional(),
});

export interface LlmComposeResult {
  draft: Draft;
  /** Statements removed because no valid citation remained. */
  dropped: number;
  /** Citation keys the model made up (for diagnostics). */
  invented: string[];
}

export async function composeWithLlm(
  q: AnalyzedQuestion,
  selection: Selection,
  endpoint: LlmEndpoint,
  options: Pick<ChatOptions, "stream" | "onToken" | "backoffMs"> = {},
): Promise<LlmComposeResult> {
  const items = evidenceItems(selection);
  if (items.length === 0) throw new OslerError("invalid_input", "no evidence to give the LLM");
  const specs = SECTIONS[q.type];
  const content = await chatComplete(endpoint, buildMessages(q.text, items, specs), {
    ...options,
    json: true,
  });
  const parsed = responseSchema.safeParse(parseJson(content));
  if (!parsed.success)
    throw new OslerError("upstream_failed", "LLM reply is not the expected JSON shape", { retryable: false });

  const byKey = new Map(items.map((i) => [i.key, i]));
  const valid = new Set(byKey.keys());
  let dropped = 0;
  const invented: string[] = [];
  const toStatement = (raw: z.infer<typeof statementSchema>): DraftStatement | null => {
    const text = typeof raw === "string" ? raw : raw.text;
    const given = typeof raw === "string" ? [] : (raw.cites ?? []).map(String);
    const inline = parseCitations(text, valid);
    const fromField = parseCitations(given.map((c) => `[${c}]`).join(""), valid);
    invented.push(...inline.invalid, ...fromField.invalid);
    const modelKeys = [...new Set([...fromField.keys, ...inline.keys])];
    if (modelKeys.length === 0 || inline.text.length < 3) {
      dropped++;
      return null;
    }
    const evidence = modelKeys.map((k) => byKey.get(k) as EvidenceItem);
    return {
      text: inline.text,
      keys: evidence.flatMap((e) => keysFor(e, inline.text)),
      verifyKeys: evidence.map((e) => evidenceKey(e.hit.source.id, e.hit.passage.id)),
      support: 1,
      kind: "statement",
    };
  };

  const bottomLine = parsed.data.bottomLine ? toStatement(parsed.data.bottomLine) : null;
  const sections: DraftSection[] = [];
  for (const raw of parsed.data.sections ?? []) {
    const spec = specs.find((s) => s.facet === raw.facet) ?? specs.find((s) => s.title === raw.title);
    const bullets = raw.bullets.map(toStatement).filter((b): b is DraftStatement => b !== null);
    if (bullets.length === 0) continue;
    const facet = spec?.facet ?? raw.facet ?? "background";
    const existing = sections.find((s) => s.facet === facet);
    if (existing) existing.bullets.push(...bullets);
    else sections.push({ title: spec?.title ?? raw.title ?? "Details", facet, bullets: bullets.slice(0, 5) });
  }
  if (!bottomLine && sections.length === 0) {
    throw new OslerError("upstream_failed", "LLM reply contained no cited statements", { retryable: false });
  }
  // Sections in the question type's order, so the layout matches the extractive composer's.
  const order = (facet: string) => {
    const i = specs.findIndex((s) => s.facet === facet);
    return i < 0 ? specs.length : i;
  };
  sections.sort((a, b) => order(a.facet) - order(b.facet));
  return { draft: { title: composeTitle(q), bottomLine, sections }, dropped, invented };
}

/** Models often wrap JSON in prose or code fences; take the outermost object. */
function parseJson(content: string): unknown {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  if (start < 0 || end <= start)
    throw new OslerError("upstream_failed", "LLM reply contains no JSON object", { retryable: false });
  try {
    return JSON.parse(content.slice(start, end + 1));
  } catch {
    throw new OslerError("upstream_failed", "LLM reply is not valid JSON", { retryable: false });
  }
}

/**
 * Evidence keys for a statement citing one passage: the passage's own source, preceded by the
 * guidelines its best-matching sentence cites (library passages carry `meta.refs`).
 */
function keysFor(item: EvidenceItem, statement: string): string[] {
  const { passage, source } = item.hit;
  const own = evidenceKey(source.id, passage.id);
  const refs = passageRefs(passage);
  if (refs.length === 0) return [own];
  const target = stemSet(statement);
  let best: { start: number; end: number } | null = null;
  let bestOverlap = 0;
  for (const span of splitSentences(passage.text)) {
    let overlap = 0;
    for (const s of stemSet(span.text)) if (target.has(s)) overlap++;
    if (overlap > bestOverlap) {
      best = span;
      bestOverlap = overlap;
    }
  }
  if (!best) return [own];
  const { start, end } = best;
  const ids = [...new Set(refs.filter((r) => r.start < end && r.end > start).flatMap((r) => r.ids))].sort();
  return [...ids.map((id) => evidenceKey(id, passage.id)), own];
}
