/**
 * Builds the hybrid retriever for a store: loads the stored vectors of the configured model into
 * a VectorIndex and embeds queries through the same endpoint the passages were embedded with.
 */
import type { EvidenceStore } from "../../store/ports.js";
import type { LexicalRetriever } from "../lexical-retriever.js";
import { type EmbeddingsEndpoint, embed } from "./embeddings-client.js";
import { type HybridOptions, HybridRetriever } from "./hybrid-retriever.js";
import { VectorIndex } from "./vector-index.js";

export async function openHybridSearch(
  store: EvidenceStore,
  lexical: LexicalRetriever,
  endpoint: EmbeddingsEndpoint,
  options: HybridOptions = {},
): Promise<HybridRetriever> {
  const vectors = VectorIndex.build(await store.getEmbeddings(endpoint.model));
  // A query waits on this call, so allow at most one retry before falling back to lexical search.
  const queryEndpoint = { ...endpoint, maxRetries: Math.min(endpoint.maxRetries ?? 2, 1) };
  const embedQuery = async (text: string) => (await embed(queryEndpoint, [text]))[0] as Float32Array;
  return new HybridRetriever(lexical, vectors, embedQuery, store, options);
}
