/** Schemas of the corpus API: search, sources, passages and related questions. */
import { z } from "@hono/zod-openapi";
import { EVIDENCE_KINDS } from "../corpus/model.js";

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, "q is required").max(500, "q is longer than 500 characters"),
  k: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .openapi({ description: "results, 1..50 (default 10)" }),
  kind: z
    .enum(EVIDENCE_KINDS)
    .optional()
    .openapi({ description: "restrict to one evidence kind, e.g. guideline" }),
});

export const RelatedQuerySchema = z.object({
  q: z.string().trim().min(1, "q is required").max(500, "q is longer than 500 characters"),
});

export const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: "id", in: "path" }, example: "lib:thrombosis/heparin-resistance" }),
});

export const SourceSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string(),
    publisher: z.string().nullable(),
    authors: z.array(z.string()),
    year: z.number().int().nullable(),
    url: z.string().nullable(),
    pmid: z.string().nullable(),
    doi: z.string().nullable(),
    collection: z.string(),
    specialty: z.string().nullable(),
  })
  .openapi("Source");

export const PassageSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    sectionPath: z.array(z.string()),
    ordinal: z.number().int(),
    text: z.string(),
  })
  .openapi("Passage");

export const SearchResultSchema = z
  .object({
    query: z.string(),
    hits: z.array(z.object({ score: z.number(), passage: PassageSchema, source: SourceSchema })),
  })
  .openapi("SearchResult");

export const SourceDetailSchema = z
  .object({ source: SourceSchema, passages: z.array(PassageSchema) })
  .openapi("SourceDetail");

export const PassageDetailSchema = z
  .object({ passage: PassageSchema, source: SourceSchema })
  .openapi("PassageDetail");

export const RelatedSchema = z.object({ questions: z.array(z.string()) }).openapi("Related");
