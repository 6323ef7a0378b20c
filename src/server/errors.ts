/**
 * The one error handler: every failure becomes an OslerError and leaves as
 * `{ error: { code, message, hint?, retryable } }` for the API, or a friendly page for a browser.
 * Unexpected errors are logged with their stack on the server and never leak one to the client.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { isOslerError, OslerError } from "../core/errors.js";
import { errorPage } from "../web/pages/error.page.js";
import type { Logger } from "./log.js";

export function toOslerError(error: unknown): OslerError {
  if (isOslerError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new OslerError("payload_too_large", error.message);
    if (error.status === 404) return new OslerError("not_found", error.message || "not found");
    if (error.status < 500) {
      return new OslerError("invalid_input", error.message || "invalid request", {
        hint: "Send a JSON body with Content-Type: application/json.",
      });
    }
  }
  return new OslerError("internal", "internal error", {
    hint: "This is a bug in Osler; the server log has the details. Try again later.",
    retryable: true,
    cause: error,
  });
}

export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith("/api/") || c.req.path === "/healthz";
}

export function errorResponse(c: Context, error: OslerError): Response {
  if (error.code === "rate_limited" && typeof error.details?.retryAfter === "number") {
    c.header("Retry-After", String(error.details.retryAfter));
  }
  if (wantsJson(c)) return c.json({ error: error.toJSON() }, error.status as 400);
  return c.html(errorPage(error).toString(), error.status as 400);
}

export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context): Response => {
    const error = toOslerError(err);
    if (error.status >= 500) {
      logger.log("error", "request failed", {
        method: c.req.method,
        path: c.req.path,
        error: err instanceof Error ? err.stack : String(err),
      });
    }
    return errorResponse(c, error);
  };
}

export function notFoundHandler(c: Context): Response {
  return errorResponse(
    c,
    new OslerError("not_found", `no such page: ${c.req.method} ${c.req.path}`, {
      hint: wantsJson(c) ? "See /api/openapi.json for the routes." : undefined,
    }),
  );
}

/** The zod-openapi hook: a failed request schema becomes one invalid_input error naming the field. */
export function validationHook(
  result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } },
  _c: Context,
): undefined {
  if (result.success) return undefined;
  const issue = result.error?.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join(".")}: ` : "";
  throw new OslerError("invalid_input", `${where}${issue?.message ?? "invalid request"}`, {
    hint: "See /api/openapi.json for the request schema.",
  });
}
