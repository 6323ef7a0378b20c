/** HTTP routes of the corpus API: search, sources, passages, related questions. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Passage, Source } from "../corpus/model.js";
import { ErrorSchema } from "./answers.schemas.js";
import {
  IdParams,
  PassageDetailSchema,
  RelatedQuerySchema,
  RelatedSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SourceDetailSchema,
} from "./corpus.schemas.js";
import type { CorpusService } from "./corpus.service.js";
import { validationHook } from "./errors.js";

const errors = {
  400: { description: "Invalid input", content: { "application/json": { schema: ErrorSchema } } },
  404: { description: "Unknown id", content: { "application/json": { schema: ErrorSchema } } },
} as const;
const ok = (description: string, schema: unknown) => ({
  200: { description, content: { "application/json": { schema: schema as typeof SearchResultSchema } } },
  ...errors,
});

const search = createRoute({
  method: "get",
  path: "/api/search",
  summary: "Full-text search over the corpus",
  request: { query: SearchQuerySchema },
  responses: ok("Ranked passages", SearchResultSchema),
});
const source = createRoute({
  method: "get",
  path: "/api/sources/{id}",
  summary: "A source with its passages",
  request: { params: IdParams },
  responses: ok("The source", SourceDetailSchema),
});
const passage = createRoute({
  method: "get",
  path: "/api/passages/{id}",
  summary: "One passage with its source",
  request: { params: IdParams },
  responses: ok("The passage", PassageDetailSchema),
});
const related = createRoute({
  method: "get",
  path: "/api/related",
  summary: "Questions related to a question",
  request: { query: RelatedQuerySchema },
  responses: ok("Related questions", RelatedSchema),
});

/** Public view of a source: import bookkeeping (hashes, raw meta) stays internal. */
function publicSource(s: Source) {
  const {
    meta: _meta,
    contentHash: _hash,
    importedAt: _at,
    version: _v,
    license: _l,
    language: _lang,
    ...rest
  } = s;
  return rest;
}
function publicPassage(p: Passage) {
  const { meta: _meta, start: _s, end: _e, ...rest } = p;
  return rest;
}

export function corpusRoutes(service: CorpusService): OpenAPIHono {
  const routes = new OpenAPIHono({ defaultHook: validationHook });
  routes.openapi(search, async (c) => {
    const { q, k, kind } = c.req.valid("query");
    const hits = await service.search(q, k, kind);
    return c.json({
      query: q,
      hits: hits.map((h) => ({
        score: h.score,
        passage: publicPassage(h.passage),
        source: publicSource(h.source),
      })),
    }) as never;
  });
  routes.openapi(source, async (c) => {
    const found = await service.source(c.req.valid("param").id);
    return c.json({
      source: publicSource(found.source),
      passages: found.passages.map(publicPassage),
    }) as never;
  });
  routes.openapi(passage, async (c) => {
    const found = await service.passage(c.req.valid("param").id);
    return c.json({ passage: publicPassage(found.passage), source: publicSource(found.source) }) as never;
  });
  routes.openapi(
    related,
    async (c) => c.json({ questions: await service.related(c.req.valid("query").q) }) as never,
  );
  return routes;
}
