/** HTTP routes of the answers API; handlers only validate (by schema) and delegate. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { answerPath } from "../web/paths.js";
import {
  AnswerIdParams,
  AnswerSchema,
  AskBodySchema,
  CitationFileParams,
  ErrorSchema,
} from "./answers.schemas.js";
import type { AnswerService } from "./answers.service.js";
import { CITATION_MEDIA, type CitationFormat } from "./citation-export.js";
import { toOslerError, validationHook } from "./errors.js";
import { askEventStream } from "./sse.js";

const errors = {
  400: { description: "Invalid input", content: { "application/json": { schema: ErrorSchema } } },
  404: { description: "Unknown id", content: { "application/json": { schema: ErrorSchema } } },
} as const;

const ask = createRoute({
  method: "post",
  path: "/api/answers",
  summary: "Ask a question",
  description:
    "Answers a clinical question. With `Accept: text/event-stream` the response is a stream of `progress` events (stage: analysing, searching, selecting, composing, verifying) and one final `answer` event ({id, url, answer}) or `error` event.",
  request: { body: { required: true, content: { "application/json": { schema: AskBodySchema } } } },
  responses: {
    200: {
      description: "The answer (JSON) or a progress stream (SSE)",
      content: {
        "application/json": { schema: AnswerSchema },
        "text/event-stream": { schema: { type: "string" } },
      },
    },
    ...errors,
    413: { description: "Body too large", content: { "application/json": { schema: ErrorSchema } } },
    429: {
      description: "Rate limited (see Retry-After)",
      content: { "application/json": { schema: ErrorSchema } },
    },
  },
});

const getAnswer = createRoute({
  method: "get",
  path: "/api/answers/{id}",
  summary: "Fetch a stored answer",
  request: { params: AnswerIdParams },
  responses: {
    200: { description: "The answer", content: { "application/json": { schema: AnswerSchema } } },
    ...errors,
  },
});

const exportCitations = createRoute({
  method: "get",
  path: "/api/answers/{id}/{file}",
  summary: "Export the reference list (citations.ris, citations.bib, citations.json as CSL-JSON)",
  request: { params: CitationFileParams },
  responses: {
    200: {
      description: "The citations",
      content: {
        "application/x-research-info-systems": { schema: { type: "string" } },
        "application/x-bibtex": { schema: { type: "string" } },
        "application/vnd.citationstyles.csl+json": { schema: { type: "array", items: { type: "object" } } },
      },
    },
    ...errors,
  },
});

export function answersRoutes(service: AnswerService): OpenAPIHono {
  const routes = new OpenAPIHono({ defaultHook: validationHook });
  routes.openapi(ask, async (c) => {
    const body = c.req.valid("json");
    if ((c.req.header("accept") ?? "").includes("text/event-stream")) {
      const stream = askEventStream((onProgress) => service.ask(body, onProgress), answerPath, toOslerError);
      return c.body(stream, 200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache",
        "X-Accel-Buffering": "no",
      }) as never;
    }
    return c.json(await service.ask(body), 200) as never;
  });
  routes.openapi(getAnswer, async (c) => c.json(await service.get(c.req.valid("param").id), 200) as never);
  routes.openapi(exportCitations, async (c) => {
    const { id, file } = c.req.valid("param");
    const format = file.slice("citations.".length) as CitationFormat;
    const { body } = await service.citations(id, format);
    return c.body(body, 200, {
      "Content-Type": CITATION_MEDIA[format],
      "Content-Disposition": `attachment; filename="osler-${id}.${format === "json" ? "csl.json" : format}"`,
    }) as never;
  });
  return routes;
}
