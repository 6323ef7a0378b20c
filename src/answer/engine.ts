/**
 * The answer engine: analyse → search → select → compose → verify → adapt → relate → store.
 * Each step is a named verb over plain data; the engine only sequences them and records meta.
 *
 * Reproducibility: the answer id is a hash of (normalised question, audience, followUpOf, composer,
 * review mode, settings hash, corpus version). Asking the same thing twice gives the same id and
 * the same body except `meta.generatedAt`, `meta.ms` and `review.updatedAt` (which mirrors
 * `generatedAt`: a freshly generated answer was last updated when it was generated).
 */
import { invalidInput, notFound } from "../core/errors.js";
import { sha256, shortHash } from "../core/ids.js";
import type { Passage } from "../corpus/model.js";
import type { Retriever } from "../search/types.js";
import type { EvidenceStore } from "../store/ports.js";
import { abstainOnEvidence, abstainOnQuestion } from "./abstain.js";
import { adaptDraft } from "./audience.js";
import { catalogResolver, type ReferenceResolver, renumber } from "./citations.js";
import { composeExtractive } from "./compose-extractive.js";
import { topicsNotAddressed } from "./coverage.js";
import type { Draft } from "./draft.js";
import { type GlossaryEntry, loadLayGlossary } from "./glossary.js";
import type { LlmEndpoint } from "./llm/client.js";
import { composeWithLlm } from "./llm/compose-llm.js";
import { plainLanguageWithLlm } from "./llm/plain-language.js";
import { layoutText } from "./patient/layout.js";
import { type AnalyzedQuestion, analyseQuestion, type LexiconLookup } from "./question.js";
import { fleschKincaidGrade } from "./readability.js";
import { type Selection, selectEvidence } from "./select.js";
import {
  complementarySource,
  primarySources,
  type RankedSource,
  rankSources,
  uncoveredFocus,
  withSiblingPassages,
} from "./sources.js";
import {
  buildCatalog,
  canonicalJson,
  filterRelated,
  mergeFollowUp,
  searchAll,
  verifyDraft,
} from "./steps.js";
import { composeTitle } from "./title.js";
import type { Answer, Audience, CitedText, PlainLanguageMeta, Reference } from "./types.js";

export interface AnswerSettings {
  answer: { composer: "extractive" | "llm"; minSupport: number; reviewMode: boolean };
  llm: LlmEndpoint;
  /** Retrieval settings change answers too, so they are part of the settings hash when given. */
  search?: unknown;
}

export type AnswerStage = "analysing" | "searching" | "selecting" | "composing" | "verifying";

export interface AskOptions {
  audience?: Audience;
  followUpOf?: string;
  composer?: "extractive" | "llm";
  reviewMode?: boolean;
  onProgress?: (stage: AnswerStage, detail?: string) => void;
  /** Streamed LLM tokens (only with the LLM composer). */
  onToken?: (token: string) => void;
  /** Diagnostics: the evidence selection and the documents opened, before composing. */
  onSelection?: (selection: Selection, primarySourceIds: string[]) => void;
}

export interface AnswerEngineDeps {
  retriever: Retriever;
  store: Pick<
    EvidenceStore,
    "getSource" | "getPassage" | "getPassages" | "saveAnswer" | "getAnswer" | "corpusVersion" | "allQuestions"
  > &
    Partial<Pick<EvidenceStore, "passagesOfSource">>;
  /** Related questions; `remember` says the question was answered and may be offered to others. */
  relatedQuestions?: (q: AnalyzedQuestion, k: number, remember: boolean) => Promise<string[]>;
  lexiconLookup?: LexiconLookup;
  /** Every way of writing a concept (analysed tokens), for checking what an answer names. */
  lexiconVariants?: (phrase: string) => string[][];
  /** Lay glossary; defaults to resources/lay-glossary.yaml (loaded on first patient answer). */
  glossary?: GlossaryEntry[];
  /** Where the lay glossary file lives when `glossary` is not given (default: ./resources). */
  glossaryPath?: string;
  settings: AnswerSettings;
}

export interface AnswerEngine {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  get(id: string): Promise<Answer | null>;
  /** Re-renders a clinician answer for another audience (same facts, same references). */
  render(answer: Answer, audience: Audience): Answer;
}

/** A second document scoring at least this share of the lead's is kept when a complement joins. */
const CLOSE_SECOND = 0.85;

export const DISCLAIMER =
  "For health professionals, as an aid to judgement and not a substitute for it. Osler assembles statements from published guidance and research and links each one to its source; the content is pending review by its medical advisory board and may be incomplete or out of date. Check doses, contraindications and local protocols against the cited sources before acting, and apply them to the individual patient.";

export const PATIENT_DISCLAIMER =
  "This is general information, not medical advice for you. Talk to your doctor, nurse or pharmacist before starting, stopping or changing any treatment.";

export function settingsHash(settings: AnswerSettings): string {
  const { apiKey: _secret, ...llm } = settings.llm;
  return sha256(canonicalJson({ answer: settings.answer, llm, search: settings.search ?? null }));
}

export function createAnswerEngine(deps: AnswerEngineDeps): AnswerEngine {
  const { retriever, store, settings } = deps;
  const hash = settingsHash(settings);
  const glossary = () => deps.glossary ?? loadLayGlossary(deps.glossaryPath);

  async function get(id: string): Promise<Answer | null> {
    const stored = await store.getAnswer(id);
    return stored ? (stored.body as Answer) : null;
  }

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const progress = options.onProgress ?? (() => {});
    if (!question.trim()) throw invalidInput("the question is empty", "Type a clinical question.");
    const audience = options.audience ?? "clinician";
    const composer = options.composer ?? settings.answer.composer;
    const reviewMode = options.reviewMode ?? settings.answer.reviewMode;

    progress("analysing");
    let q = analyseQuestion(question, deps.lexiconLookup);
    if (options.followUpOf) {
      const previous = await get(options.followUpOf);
      if (!previous) throw notFound("answer", options.followUpOf);
      q = mergeFollowUp(q, previous);
    }
    const corpusVersion = await store.corpusVersion();
    const id = `ans_${shortHash(canonicalJson([q.normalised, audience, options.followUpOf ?? null, composer, reviewMode, hash, corpusVersion]), 20)}`;
    const generatedAt = new Date().toISOString();
    const base = {
      id,
      question: question.trim(),
      audience,
      followUpOf: options.followUpOf ?? null,
      generatedAt,
    };
    const metaBase = {
      corpusVersion,
      settingsHash: hash,
      generatedAt,
      questionType: q.type,
      focus: q.focus,
      modifiers: q.modifiers,
    };

    const early = abstainOnQuestion(q);
    let searched: string[] = [];
    let selection: Selection | null = null;
    let hits: Awaited<ReturnType<typeof searchAll>>["hits"] = [];
    let verdict = early;
    if (!early.abstain) {
      progress("searching", q.focus.join(", "));
      const result = await searchAll(retriever, q, Boolean(options.followUpOf));
      ({ hits, searched } = result);
      // Open the guideline(s) the question is about and read all their sections.
      let primaries = primarySources(rankSources(q, hits)).filter(
        (p) => p.source.collection === "library" || p.titleFit > 0,
      );
      if (primaries.length > 0 && store.passagesOfSource) {
        const siblings = new Map<string, Passage[]>();
        const open = (ids: RankedSource[]) =>
          Promise.all(
            ids.map(async (p) => {
              const list = await store.passagesOfSource?.(p.source.id).catch(() => []);
              siblings.set(p.source.id, list ?? []);
            }),
          );
        await open(primaries);
        // Concepts the lead document never mentions choose their own document.
        const lead = primaries[0] as RankedSource;
        const uncovered = uncoveredFocus(q, lead.source, siblings.get(lead.source.id) ?? []);
        const second = primaries[1];
        const secondCovers = second
          ? uncovered.length -
            uncoveredFocus(q, second.source, siblings.get(second.source.id) ?? []).filter((f) =>
              uncovered.includes(f),
            ).length
          : 0;
        if (uncovered.length > 0 && secondCovers < uncovered.length) {
          const extra = await retriever.search(uncovered.join(" "), { k: 10 });
          const known = new Set(hits.map((h) => h.passage.id));
          hits = [...hits, ...extra.filter((h) => !known.has(h.passage.id)).map((h) => ({ ...h, score: 0 }))];
          const complement = complementarySource(
            q,
            uncovered,
            extra,
            new Set(primaries.map((p) => p.source.id)),
          );
          if (complement && complement.source.collection === "library") {
            await open([complement]);
            const complementCovers =
              uncovered.length -
              uncoveredFocus(q, complement.source, siblings.get(complement.source.id) ?? []).filter((f) =>
                uncovered.includes(f),
              ).length;
            // The complement takes the second place when it names more of what the lead misses
            // and the second was only a distant runner-up; a close second stays beside it.
            const closeSecond = second !== undefined && second.score >= CLOSE_SECOND * lead.score;
            primaries =
              complementCovers > secondCovers && !closeSecond
                ? [lead, complement]
                : [...primaries.slice(0, 2), complement];
          }
        }
        hits = withSiblingPassages(hits, primaries, siblings);
      }
      progress("selecting", `${hits.length} passages`);
      selection =
        hits.length > 0
          ? selectEvidence(q, hits, { primarySourceIds: primaries.map((p) => p.source.id) })
          : null;
      if (selection)
        options.onSelection?.(
          selection,
          primaries.map((p) => p.source.id),
        );
      verdict = abstainOnEvidence({
        question: q,
        searched,
        hitCount: hits.length,
        bestScorePerTerm: result.bestScorePerTerm,
        stats: selection?.stats ?? null,
      });
    }
    const abstained = async (reason: string, droppedStatements = 0): Promise<Answer> =>
      finish({
        ...base,
        title:
          q.signals.offTopic || q.signals.nonsense || q.signals.injection ? "No answer" : composeTitle(q),
        abstained: true,
        abstainReason: reason,
        bottomLine: null,
        sections: [],
        references: [],
        relatedQuestions: q.signals.injection || q.signals.nonsense ? [] : await relate(q, false),
        disclaimer: audience === "patient" ? PATIENT_DISCLAIMER : DISCLAIMER,
        review: { status: "submitted", updatedAt: generatedAt },
        meta: {
          ...metaBase,
          composer: "extractive",
          fallback: null,
          ms: 0,
          supportedShare: 0,
          droppedStatements,
          readingGrade: 0,
          searched,
        },
      });
    if (verdict.abstain || !selection)
      return abstained(verdict.abstain ? verdict.reason : "No evidence was found.");

    progress("composing", composer);
    let draft: Draft;
    let fallback: string | null = null;
    let used: "extractive" | "llm" = "extractive";
    let composerDropped = 0;
    if (composer === "llm") {
      try {
        const result = await composeWithLlm(q, selection, settings.llm, {
          stream: Boolean(options.onToken),
          onToken: options.onToken,
        });
        draft = result.draft;
        composerDropped = result.dropped;
        used = "llm";
      } catch (error) {
        fallback = `LLM composer failed (${(error as Error).message}); extractive composer used`;
        draft = composeExtractive(q, selection);
      }
    } else draft = composeExtractive(q, selection);

    progress("verifying");
    const catalog = await buildCatalog(draft, hits, (sid) => store.getSource(sid));
    const verified = verifyDraft(draft, catalog, settings.answer.minSupport, reviewMode);
    const droppedStatements = verified.dropped + composerDropped;
    if (!verified.draft.bottomLine && verified.draft.sections.length === 0) {
      return abstained(
        `Searched for ${searched.map((s) => `"${s}"`).join(", ")}; evidence was found but no statement could be verified against it.`,
        droppedStatements,
      );
    }

    const topic = `${q.text} ${q.focus.join(" ")}`;
    const adapted = adaptDraft(
      verified.draft,
      audience,
      audience === "patient" || audience === "student" ? glossary() : [],
      topic,
    );
    // With the LLM composer, the model may also write the patient wording, checked statement by
    // statement against the verified facts; the rule-based wording stays wherever it is not.
    let plainLanguage: PlainLanguageMeta | undefined;
    if (audience === "patient" && used === "llm") {
      progress("composing", "plain language");
      const plain = await plainLanguageWithLlm(verified.draft, adapted.draft, settings.llm);
      adapted.draft = plain.draft;
      plainLanguage = plain.meta;
    }
    const numbered = renumber(adapted.draft, catalogResolver(catalog));
    const notAddressed = topicsNotAddressed(q, verified.draft, deps.lexiconVariants);
    const totalStatements = verified.total + composerDropped;
    return finish({
      ...base,
      title: adapted.draft.title,
      abstained: false,
      abstainReason: null,
      bottomLine: numbered.bottomLine,
      sections: numbered.sections,
      references: numbered.references,
      relatedQuestions: await relate(q, true),
      ...(audience === "patient" ? { urgentCare: adapted.urgentCare } : {}),
      disclaimer: audience === "patient" ? PATIENT_DISCLAIMER : DISCLAIMER,
      review: { status: "submitted", updatedAt: generatedAt },
      meta: {
        ...metaBase,
        composer: used,
        fallback,
        ms: 0,
        supportedShare:
          totalStatements === 0 ? 0 : Math.round((verified.supported / totalStatements) * 100) / 100,
        droppedStatements,
        readingGrade: 0,
        searched,
        ...(notAddressed.length > 0 ? { notAddressed } : {}),
        ...(plainLanguage ? { plainLanguage } : {}),
      },
    });

    async function finish(answer: Answer & { generatedAt?: string }): Promise<Answer> {
      const { generatedAt: _g, ...body } = answer;
      body.meta.readingGrade = fleschKincaidGrade(plainText(body));
      body.meta.ms = Math.round(performance.now() - started);
      await store.saveAnswer({ id, question: body.question, audience, body, createdAt: generatedAt });
      return body;
    }
  }

  async function relate(q: AnalyzedQuestion, answered: boolean): Promise<string[]> {
    if (!deps.relatedQuestions) return [];
    const candidates = await deps.relatedQuestions(q, 15, answered).catch(() => []);
    return filterRelated(q.text, candidates, 10);
  }

  function render(answer: Answer, audience: Audience): Answer {
    if (answer.audience === audience || answer.abstained) return { ...answer, audience };
    if (answer.audience !== "clinician") {
      throw invalidInput(
        `cannot re-render a ${answer.audience} answer`,
        "Ask the question again with the audience you need.",
      );
    }
    // Round-trip through a draft keyed by the old reference numbers, so renumbering stays first-use.
    const key = (n: number) => `R${n}`;
    const toDraft = (c: {
      text: string;
      citations: number[];
      support?: number;
      flagged?: boolean;
      kind?: "statement" | "disagreement";
    }) => ({
      text: c.text,
      keys: c.citations.map(key),
      support: c.support ?? 1,
      flagged: c.flagged,
      kind: c.kind,
    });
    const draft: Draft = {
      title: answer.title,
      bottomLine: answer.bottomLine ? toDraft(answer.bottomLine) : null,
      sections: answer.sections.map((s) => ({
        title: s.title,
        facet: s.facet ?? "background",
        bullets: s.bullets.map(toDraft),
      })),
    };
    const adapted = adaptDraft(
      draft,
      audience,
      glossary(),
      `${answer.question} ${answer.meta.focus.join(" ")}`,
    );
    const byKey = new Map(answer.references.map((r) => [key(r.n), r]));
    const resolve: ReferenceResolver = (k) => {
      const ref = byKey.get(k);
      if (!ref) return undefined;
      const { n: _n, ...rest } = ref;
      return rest;
    };
    const numbered = renumber(adapted.draft, resolve);
    const out: Answer = {
      ...answer,
      audience,
      title: adapted.draft.title,
      bottomLine: numbered.bottomLine,
      sections: numbered.sections,
      references: numbered.references as Reference[],
      urgentCare: audience === "patient" ? adapted.urgentCare : null,
      disclaimer: audience === "patient" ? PATIENT_DISCLAIMER : DISCLAIMER,
    };
    out.meta = { ...answer.meta, readingGrade: fleschKincaidGrade(plainText(out)) };
    return out;
  }

  return { ask, get, render };
}

/** The text a reader sees (title, bottom line, bullets), for the reading grade. */
export function plainText(answer: Pick<Answer, "title" | "bottomLine" | "sections">): string {
  const lines = [answer.title];
  // A statement set out as lines is read as lines: a label or list item is a sentence of its own.
  const read = (c: CitedText) => (c.layout ? layoutText(c.layout) : [c.text]);
  if (answer.bottomLine) lines.push(...read(answer.bottomLine));
  for (const s of answer.sections) for (const b of s.bullets) lines.push(...read(b));
  return lines.map((l) => (/[.!?]$/.test(l) ? l : `${l}.`)).join("\n");
}
