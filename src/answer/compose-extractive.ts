/**
 * The default composer: builds the answer from selected evidence sentences without writing new
 * facts. Title from question type + focus + modifiers; bottom line from the best recommendation of
 * the most authoritative source; sections of condensed sentences, guideline-backed first; and a
 * note when two sources disagree about the same drug or intervention.
 */
import { KIND_LABEL } from "../corpus/model.js";
import { condense } from "./condense.js";
import { type Draft, type DraftSection, type DraftStatement, evidenceKey } from "./draft.js";
import { SECTIONS } from "./facets.js";
import type { AnalyzedQuestion } from "./question.js";
import type { EvidenceSentence, Selection } from "./select.js";
import { byId, drugLikeNames, isNegated, jaccard, stem, stemSet } from "./text.js";
import { composeTitle, QUALIFIER_ONLY } from "./title.js";

/** Keys a sentence cites: the guidelines its library passage rests on, then the passage's own source. */
export function sentenceKeys(s: EvidenceSentence): string[] {
  const own = evidenceKey(s.hit.source.id, s.hit.passage.id);
  return [...s.refIds.map((id) => evidenceKey(id, s.hit.passage.id)), own];
}

function statement(sentences: EvidenceSentence[]): DraftStatement {
  const keys: string[] = [];
  for (const s of sentences) for (const k of sentenceKeys(s)) if (!keys.includes(k)) keys.push(k);
  return { text: sentences.map((s) => condense(s.text)).join(" "), keys, support: 1, kind: "statement" };
}

/** Stem forms of the drugs and medical focus phrases a question names. */
function askedNames(q: AnalyzedQuestion): string[][][] {
  const medical = q.focusDetail?.filter((f) => f.medical) ?? q.focus.map((f) => ({ text: f, forms: [f] }));
  const out = medical
    .filter((f) => !QUALIFIER_ONLY.test(f.text))
    .map((f) => f.forms.map((form) => [...stemSet(form)]).filter((x) => x.length > 0));
  for (const d of drugLikeNames(q.text)) out.push([[stem(d)]]);
  return out.filter((forms) => forms.length > 0);
}

const DIAGNOSTIC =
  /\b(?:diagnos\w*|test\w*|scor\w*|criteri\w*|confirm\w*|assay|imaging|suspect\w*|probability|screen\w*)\b/i;

const ANAPHORIC =
  /^(?:while |although |but |and |also,? )?(?:this|these|those|they|it|its|such|both|the latter|the former)\b/i;

/** Best 1–2 sentences of the leading facet, favouring the most authoritative source. */
function pickBottomLine(q: AnalyzedQuestion, selection: Selection): EvidenceSentence[] {
  // The type's lead section, else a recommendation, else any statement but a study result: a
  // bottom line gives the advice, the trials behind it come after.
  const lead = SECTIONS[q.type][0]?.facet;
  const byFacet = (facet: string | undefined) => selection.ranked.filter((s) => s.facet === facet);
  const advice = selection.ranked.filter((s) => s.facet !== "evidence");
  // A diagnostic question whose guideline files its diagnostic advice under "Recommendations"
  // leads with the recommendations that are about diagnosing.
  const diagnostic =
    q.type === "diagnosis" ? byFacet("recommended").filter((s) => DIAGNOSTIC.test(s.text)) : [];
  const candidates =
    [byFacet(lead), diagnostic, byFacet("recommended"), advice, selection.ranked].find(
      (pool) => pool.length > 0,
    ) ?? [];
  // A sentence that leans on the one before it ("These treatments…", "It is…") cannot lead.
  const standalone = candidates.filter((s) => !ANAPHORIC.test(s.text));
  const pool = standalone.length > 0 ? standalone : candidates;
  const top = pool[0];
  if (!top) return [];
  const near = pool.filter((s) => s.score >= top.score * 0.85);
  // The bottom line answers the asked question: a close bullet of the lead guideline that names
  // the drug or condition asked about wins over a more generic one.
  const asked = askedNames(q);
  const names = (s: EvidenceSentence) =>
    s.hit.source.id === selection.leadSourceId
      ? asked.filter((forms) => forms.some((f) => f.every((st) => s.stems.has(st)))).length
      : 0;
  near.sort(
    (a, b) => names(b) - names(a) || b.authority - a.authority || b.score - a.score || byId(a.key, b.key),
  );
  const first = near[0] as EvidenceSentence;
  // A short lead may take a close companion from the same passage; list bullets stand alone.
  const second = candidates.find(
    (s) =>
      s !== first &&
      s.score >= first.score * 0.9 &&
      s.hit.passage.id === first.hit.passage.id &&
      jaccard(s.stems, first.stems) < 0.5 &&
      s.text.length + first.text.length <= 240,
  );
  return second ? [first, second] : [first];
}

export function composeExtractive(q: AnalyzedQuestion, selection: Selection): Draft {
  // The bottom line must not empty a section (a dosing section with one bullet would vanish).
  const sole = new Set(
    selection.sections.filter((sec) => sec.sentences.length === 1).map((sec) => sec.sentences[0]?.key),
  );
  const bottom = pickBottomLine(q, {
    ...selection,
    ranked: selection.ranked.filter((s) => !sole.has(s.key)),
  });
  const used = new Set(bottom.map((s) => s.key));
  const sections: DraftSection[] = [];
  for (const { spec, sentences } of selection.sections) {
    const kept = sentences
      .filter((s) => !used.has(s.key))
      // Guideline-backed statements before weaker evidence; then by score.
      .sort((a, b) => b.authority - a.authority || b.score - a.score || byId(a.key, b.key));
    const bullets = kept.map((s) => statement([s])).filter((b) => b.text.length >= 15);
    if (bullets.length > 0) sections.push({ title: spec.title, facet: spec.facet, bullets });
  }
  addDisagreements(selection, sections);
  return {
    title: composeTitle(q),
    bottomLine: bottom.length > 0 ? statement(bottom) : null,
    sections,
  };
}

const POSITIVE =
  /\b(?:recommend\w*|first[- ]line|preferred|should be (?:used|given|started)|is effective|improv\w*|reduc\w*)\b/i;
const NEGATIVE =
  /\b(?:avoid\w*|not recommended|contraindicated|should not|do not|no benefit|did not (?:reduce|improve)|harm\w*)\b/i;
// A negative that applies only to a subgroup or situation is a caution, not a disagreement.
const CONDITIONAL = /\b(?:if|when|unless|in patients with|in those with|during|except)\b/i;

/** Adds one note per drug that one source favours and another (different) source advises against. */
function addDisagreements(selection: Selection, sections: DraftSection[]): void {
  const pool = selection.sections
    .filter((s) => ["recommended", "alternatives", "cautions"].includes(s.spec.facet))
    .flatMap((s) => s.sentences);
  const seen = new Set<string>();
  for (const pos of pool) {
    if (!POSITIVE.test(pos.text) || isNegated(pos.text)) continue;
    const names = drugLikeNames(pos.text);
    for (const neg of pool) {
      if (neg.hit.source.id === pos.hit.source.id || !NEGATIVE.test(neg.text) || CONDITIONAL.test(neg.text))
        continue;
      const shared = drugLikeNames(neg.text).find((n) => names.includes(n));
      if (!shared || seen.has(shared)) continue;
      seen.add(shared);
      const section = sections.find((s) => s.facet === pos.facet) ?? sections[0];
      if (!section) return;
      const a = withArticle(KIND_LABEL[pos.hit.source.kind].toLowerCase());
      const b = withArticle(KIND_LABEL[neg.hit.source.kind].toLowerCase());
      section.bullets.push({
        text: `Sources disagree on ${shared}: ${a} favours it, while ${b} advises against it; weigh the cited evidence.`,
        keys: [...sentenceKeys(pos), ...sentenceKeys(neg)],
        support: 1,
        kind: "disagreement",
      });
    }
  }
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
