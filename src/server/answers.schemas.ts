/**
 * Request and response schemas of the answers API. The same zod schemas validate requests (route
 * and form) and generate the OpenAPI document, so the two cannot drift apart.
 */
import { z } from "@hono/zod-openapi";
import { AUDIENCES } from "../answer/types.js";

/** Long enough for a detailed clinical vignette, short enough to bound analysis cost. */
export const MAX_QUESTION_LENGTH = 1000;
export const ANSWER_ID = /^ans_[0-9a-f]{8,64}$/;

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_input" }),
      message: z.string(),
      hint: z.string().optional(),
      retryable: z.boolean(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi("Error");

export const AskBodySchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(3, "the question is too short: type at least 3 characters")
      .max(MAX_QUESTION_LENGTH, `the question is longer than ${MAX_QUESTION_LENGTH} characters`)
      .openapi({ example: "What to do when VTE occurs despite LMWH prophylaxis in septic shock?" }),
    audience: z.enum(AUDIENCES).optional().openapi({ description: "Reader the language is adapted for." }),
    followUpOf: z.string().regex(ANSWER_ID, "followUpOf must be an answer id such as ans_…").optional(),
    composer: z.enum(["extractive", "llm"]).optional(),
  })
  .strict()
  .openapi("AskRequest");
export type AskBody = z.infer<typeof AskBodySchema>;

const CitedTextSchema = z.object({
  text: z.string(),
  citations: z.array(z.number().int()),
  layout: z
    .array(z.object({ kind: z.enum(["label", "text", "item"]), text: z.string() }))
    .optional()
    .openapi({
      description:
        "Patient answers: the statement set out as a label, prose and list items (its own words, in order).",
    }),
});

const ReferenceSchema = z
  .object({
    n: z.number().int(),
    sourceId: z.string(),
    passageId: z.string(),
    type: z.enum([
      "guideline",
      "systematic_review",
      "trial",
      "research",
      "patient_info",
      "editorial",
      "protocol",
    ]),
    typeLabel: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    year: z.number().int().nullable(),
    url: z.string().nullable(),
    pmid: z.string().nullable().optional(),
    doi: z.string().nullable().optional(),
    passageText: z.string().optional(),
  })
  .openapi("Reference");

export const AnswerSchema = z
  .object({
    id: z.string().openapi({ example: "ans_0123456789abcdef0123" }),
    question: z.string(),
    audience: z.enum(AUDIENCES),
    title: z.string(),
    abstained: z.boolean(),
    abstainReason: z.string().nullable(),
    bottomLine: CitedTextSchema.nullable(),
    sections: z.array(
      z.object({
        title: z.string(),
        facet: z.string().optional(),
        bullets: z.array(CitedTextSchema.extend({ support: z.number() })),
      }),
    ),
    references: z.array(ReferenceSchema),
    relatedQuestions: z.array(z.string()),
    followUpOf: z.string().nullable().optional(),
    disclaimer: z.string(),
    review: z.object({
      status: z.enum(["submitted", "under_review", "approved", "changes_requested"]),
      updatedAt: z.string(),
    }),
    meta: z.record(z.string(), z.unknown()),
  })
  .openapi("Answer");

export const AnswerIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, example: "ans_0123456789abcdef0123" }),
});

export const CitationFileParams = AnswerIdParams.extend({
  file: z
    .enum(["citations.ris", "citations.bib", "citations.json"])
    .openapi({ param: { name: "file", in: "path" }, description: "RIS, BibTeX or CSL-JSON" }),
});
