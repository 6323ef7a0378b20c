/**
 * Answer use-cases behind the API and the pages: ask (with progress), fetch, view for another
 * audience, recent questions, which answers cite a source, and citation export.
 */
import type { AnswerEngine, AnswerStage } from "../answer/engine.js";
import type { Answer, Audience } from "../answer/types.js";
import { notFound } from "../core/errors.js";
import type { EvidenceStore } from "../store/ports.js";
import type { AskBody } from "./answers.schemas.js";
import { createAskQueue } from "./ask-queue.js";
import { type CitationFormat, exportCitations } from "./citation-export.js";

export interface AnswerSummary {
  id: string;
  question: string;
  title: string;
  audience: string;
  abstained: boolean;
  createdAt: string;
}

export interface AnswerService {
  ask(body: AskBody, onProgress?: (stage: AnswerStage, detail?: string) => void): Promise<Answer>;
  get(id: string): Promise<Answer>;
  /** The answer as another reader should see it: re-rendered when possible, else asked again. */
  forAudience(answer: Answer, audience: Audience): Promise<{ answer: Answer; asked: boolean }>;
  recent(limit: number): Promise<AnswerSummary[]>;
  citing(sourceId: string, limit?: number): Promise<AnswerSummary[]>;
  citations(id: string, format: CitationFormat): Promise<{ answer: Answer; body: string }>;
}

/** How many stored answers the "cited by" scan looks at; bounded so a source page stays fast. */
const CITING_SCAN = 500;
/** Remembered request → answer id pairs, and recently read answers. */
const MEMO_LIMIT = 5000;
const READ_CACHE_MS = 5_000;
/** Parsed answers are tens of KB; a few hundred cover the hot pages. */
const READ_CACHE_SIZE = 300;

function summary(a: Answer, createdAt: string): AnswerSummary {
  return {
    id: a.id,
    question: a.question,
    title: a.title,
    audience: a.audience,
    abstained: a.abstained,
    createdAt,
  };
}

export function createAnswerService(deps: {
  /** Called per request, so an engine rebuilt after a corpus change is picked up. */
  engine: () => Promise<AnswerEngine>;
  store: Pick<EvidenceStore, "listAnswers" | "corpusVersion">;
  /** The composer used when a request names none (settings.answer.composer). */
  defaultComposer?: "extractive" | "llm";
  /** Extractive runs at once: 1 on one thread, the pool size with answer workers. */
  extractiveConcurrency?: number;
}): AnswerService {
  const { store } = deps;
  // The engine's answer id is a function of the request, the settings and the corpus version, so
  // a repeated request can be served from the store; identical concurrent requests share one run.
  const memo = new Map<string, string>();
  // Extractive runs are CPU-bound: one at a time, in order. LLM runs wait on the network: overlap.
  const queues = { extractive: createAskQueue(deps.extractiveConcurrency ?? 1), llm: createAskQueue(8) };
  const inflight = new Map<string, Promise<Answer>>();

  async function ask(
    body: AskBody,
    onProgress?: (stage: AnswerStage, detail?: string) => void,
  ): Promise<Answer> {
    const question = body.question.trim().replace(/\s+/g, " ").toLowerCase();
    const version = await store.corpusVersion();
    const key = JSON.stringify([
      version,
      question,
      body.audience ?? null,
      body.followUpOf ?? null,
      body.composer ?? null,
    ]);
    const known = memo.get(key);
    const cached = known ? await get(known).catch(() => null) : null;
    if (cached) return cached;
    const engine = await deps.engine();
    let running = inflight.get(key);
    if (!running) {
      running = queues[body.composer ?? deps.defaultComposer ?? "extractive"]
        .run(() =>
          engine.ask(body.question, {
            audience: body.audience,
            followUpOf: body.followUpOf,
            composer: body.composer,
            onProgress,
          }),
        )
        .finally(() => inflight.delete(key));
      inflight.set(key, running);
    }
    const answer = await running;
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
    memo.set(key, answer.id);
    return answer;
  }

  // Answer pages are read far more often than written; a short-lived copy of recently read
  // answers saves the store read and JSON parse. The TTL bounds how stale a review status can be.
  const recentlyRead = new Map<string, { at: number; answer: Answer }>();

  async function get(id: string): Promise<Answer> {
    const now = Date.now();
    const hit = recentlyRead.get(id);
    if (hit && now - hit.at < READ_CACHE_MS) return hit.answer;
    const answer = await (await deps.engine()).get(id);
    if (!answer) throw notFound("answer", id);
    if (recentlyRead.size >= READ_CACHE_SIZE) recentlyRead.delete(recentlyRead.keys().next().value as string);
    recentlyRead.set(id, { at: now, answer });
    return answer;
  }

  return {
    ask,
    get,
    async forAudience(answer, audience) {
      const engine = await deps.engine();
      if (answer.audience === audience) return { answer, asked: false };
      if (answer.audience === "clinician" || answer.abstained) {
        return { answer: engine.render(answer, audience), asked: false };
      }
      // Only clinician answers can be re-rendered; otherwise the same question is asked again.
      const again = await engine.ask(answer.question, {
        audience,
        followUpOf: answer.followUpOf ?? undefined,
        composer: answer.meta.composer,
      });
      return { answer: again, asked: true };
    },
    async recent(limit) {
      const seen = new Set<string>();
      const out: AnswerSummary[] = [];
      for (const stored of await store.listAnswers(limit * 4)) {
        const key = stored.question.trim().toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(summary(stored.body as Answer, stored.createdAt));
        if (out.length >= limit) break;
      }
      return out;
    },
    async citing(sourceId, limit = 20) {
      const out: AnswerSummary[] = [];
      for (const stored of await store.listAnswers(CITING_SCAN)) {
        const body = stored.body as Answer;
        if (body.references?.some((r) => r.sourceId === sourceId)) out.push(summary(body, stored.createdAt));
        if (out.length >= limit) break;
      }
      return out;
    },
    async citations(id, format) {
      const answer = await get(id);
      return { answer, body: exportCitations(answer, format) };
    },
  };
}
