/**
 * Embeds every passage that has no vector for the configured model and stores the vectors with
 * the passages. Resumable: each batch is committed as it completes, so an interrupted run (or a
 * run after an import) only embeds what is still missing. A changed source drops its old vectors
 * with its old passages (foreign key cascade), so they are re-embedded too.
 */

import { invalidInput, OslerError } from "../../core/errors.js";
import type { Passage, Source } from "../../corpus/model.js";
import type { EvidenceStore } from "../../store/ports.js";
import { type EmbeddingsEndpoint, type EmbedOptions, embed } from "./embeddings-client.js";

export interface EmbedProgress {
  done: number;
  total: number;
  unit: "passages";
}

export interface EmbedCorpusSummary {
  model: string;
  /** Passages embedded by this run. */
  embedded: number;
  /** Passages that already had a vector before this run. */
  alreadyEmbedded: number;
  passages: number;
  /** Vector length (0 when nothing was embedded). */
  dim: number;
  ms: number;
}

export interface EmbedCorpusOptions extends EmbedOptions {
  /** Passages read and committed per round (default 256; the client batches requests itself). */
  commitSize?: number;
}

/** What is embedded for a passage: source title, section path and text. */
export function passageEmbeddingText(passage: Passage, source: Source): string {
  const section = passage.sectionPath.filter((s) => s && s !== source.title).join(" › ");
  return [source.title, section, passage.text].filter((s) => s.trim().length > 0).join("\n");
}

export function requireEndpoint(endpoint: EmbeddingsEndpoint): void {
  if (!endpoint.baseUrl || !endpoint.model) {
    throw invalidInput(
      "no embeddings endpoint is configured",
      "Set OSLER_EMBEDDINGS_BASE_URL (e.g. http://127.0.0.1:11434/v1) and OSLER_EMBEDDINGS_MODEL.",
    );
  }
}

export async function embedMissingPassages(
  store: EvidenceStore,
  endpoint: EmbeddingsEndpoint,
  onProgress?: (progress: EmbedProgress) => void,
  options: EmbedCorpusOptions = {},
): Promise<EmbedCorpusSummary> {
  requireEndpoint(endpoint);
  const started = performance.now();
  const { model } = endpoint;
  const commitSize = Math.max(1, options.commitSize ?? 256);
  const passages = (await store.stats()).passages;
  const alreadyEmbedded = await store.countEmbeddings(model);
  const total = Math.max(0, passages - alreadyEmbedded);
  let embedded = 0;
  let dim = 0;
  let after: string | undefined;
  onProgress?.({ done: 0, total, unit: "passages" });
  for (;;) {
    const ids = await store.passageIdsWithoutEmbedding(model, commitSize, after);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const rows = await store.getPassages(ids); // a passage deleted meanwhile is simply absent
    if (rows.length === 0) continue;
    const vectors = await embed(
      endpoint,
      rows.map((r) => passageEmbeddingText(r.passage, r.source)),
      {
        ...options,
        onBatch: (n) => onProgress?.({ done: embedded + n, total, unit: "passages" }),
      },
    );
    const first = vectors[0] as Float32Array;
    if (dim === 0) dim = first.length;
    else if (first.length !== dim) {
      throw new OslerError(
        "upstream_failed",
        `model ${model} changed vector length (${dim} → ${first.length})`,
        {
          retryable: false,
          hint: "Use one model per OSLER_EMBEDDINGS_MODEL name.",
        },
      );
    }
    await store.putEmbeddings(
      model,
      rows.map((r, i) => ({ passageId: r.passage.id, vector: vectors[i] as Float32Array })),
    );
    embedded += rows.length;
    onProgress?.({ done: embedded, total: Math.max(total, embedded), unit: "passages" });
  }
  return { model, embedded, alreadyEmbedded, passages, dim, ms: performance.now() - started };
}
