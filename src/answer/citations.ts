/**
 * Reference numbering and typing. `renumber` is the one place where evidence keys become the
 * numbers a reader sees: references are numbered 1..n in order of first use (bottom line, then
 * sections top to bottom), each number resolves to exactly one reference, and it is pure.
 */
import type { EvidenceKind } from "../corpus/model.js";
import type { CatalogEntry, Draft, DraftStatement } from "./draft.js";
import type { AnswerSection, Bullet, CitedText, Reference, ReferenceType } from "./types.js";

const TYPE_OF: Record<EvidenceKind, ReferenceType> = {
  guideline: "guideline",
  systematic_review: "systematic_review",
  trial: "trial",
  observational: "research",
  case_report: "research",
  review: "research",
  patient_info: "patient_info",
  editorial: "editorial",
  protocol: "protocol",
};

const LABEL_OF: Record<ReferenceType, string> = {
  guideline: "Guideline",
  systematic_review: "Systematic review",
  trial: "Trial",
  research: "Research",
  patient_info: "Patient information",
  editorial: "Editorial summary",
  protocol: "Protocol",
};

export function referenceType(kind: EvidenceKind): { type: ReferenceType; label: string } {
  const type = TYPE_OF[kind] ?? "research";
  return { type, label: LABEL_OF[type] };
}

export interface Numbered {
  bottomLine: CitedText | null;
  sections: AnswerSection[];
  references: Reference[];
}

/** Looks up the reference data for an evidence key; undefined for unknown keys. */
export type ReferenceResolver = (key: string) => Omit<Reference, "n"> | undefined;

export function catalogResolver(catalog: Map<string, CatalogEntry>): ReferenceResolver {
  return (key) => {
    const entry = catalog.get(key);
    return entry ? toReference(entry) : undefined;
  };
}

/**
 * Replaces evidence keys with reference numbers in first-use order. Keys the resolver does not
 * know are dropped; statements keep their text, support and flags.
 */
export function renumber(
  draft: Pick<Draft, "bottomLine" | "sections">,
  resolve: ReferenceResolver,
): Numbered {
  // One reference per source: a second passage of the same source joins its `passages` list.
  const numberOf = new Map<string, number>();
  const bySource = new Map<string, Reference>();
  const references: Reference[] = [];
  const cite = (keys: string[]): number[] => {
    const out: number[] = [];
    for (const key of keys) {
      let n = numberOf.get(key);
      if (n === undefined) {
        const ref = resolve(key);
        if (!ref) continue;
        const existing = bySource.get(ref.sourceId);
        if (existing) {
          n = existing.n;
          addPassage(existing, ref);
        } else {
          n = references.length + 1;
          const created: Reference = { n, ...ref, passages: [] };
          addPassage(created, ref);
          bySource.set(ref.sourceId, created);
          references.push(created);
        }
        numberOf.set(key, n);
      }
      if (!out.includes(n)) out.push(n);
    }
    return out;
  };
  const bullet = (s: DraftStatement): Bullet => ({
    text: s.text,
    citations: cite(s.keys),
    support: s.support,
    ...(s.flagged ? { flagged: true } : {}),
    ...(s.kind === "disagreement" ? { kind: "disagreement" as const } : {}),
    ...(s.layout ? { layout: s.layout } : {}),
  });
  const bottomLine = draft.bottomLine
    ? {
        text: draft.bottomLine.text,
        citations: cite(draft.bottomLine.keys),
        ...(draft.bottomLine.layout ? { layout: draft.bottomLine.layout } : {}),
      }
    : null;
  const sections = draft.sections.map((sec) => ({
    title: sec.title,
    facet: sec.facet,
    ...(sec.explainer ? { explainer: sec.explainer } : {}),
    bullets: sec.bullets.map(bullet),
  }));
  return { bottomLine, sections, references };
}

function addPassage(ref: Reference, from: Omit<Reference, "n">): void {
  const list = ref.passages ?? [];
  if (list.some((p) => p.passageId === from.passageId)) return;
  list.push({ passageId: from.passageId, text: from.passageText ?? "", sectionPath: from.sectionPath ?? [] });
  ref.passages = list;
}

function toReference(entry: CatalogEntry): Omit<Reference, "n"> {
  const { type, label } = referenceType(entry.source.kind);
  return {
    sourceId: entry.source.id,
    passageId: entry.passageId,
    type,
    typeLabel: label,
    title: entry.source.title,
    publisher: entry.source.publisher,
    year: entry.source.year,
    url: entry.source.url,
    pmid: entry.source.pmid,
    doi: entry.source.doi,
    passageText: entry.passageText,
    sectionPath: entry.sectionPath,
    ...supersession(entry.source.meta),
  };
}

/** Guideline registry links (library sources): warn when the cited edition has been replaced. */
function supersession(meta: Record<string, unknown>): Pick<Reference, "supersededBy"> {
  const registry = meta.registry as { supersededBy?: string | null } | null | undefined;
  return registry?.supersededBy ? { supersededBy: registry.supersededBy } : {};
}

/** Every citation number used in the answer, in reading order (for checks and tests). */
export function citationsInOrder(numbered: Pick<Numbered, "bottomLine" | "sections">): number[] {
  const out: number[] = [...(numbered.bottomLine?.citations ?? [])];
  for (const s of numbered.sections) for (const b of s.bullets) out.push(...b.citations);
  return out;
}
