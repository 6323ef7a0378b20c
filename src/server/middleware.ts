/**
 * Cross-cutting HTTP concerns: security headers, request logging, the request body limit and the
 * rate limit on asking. Each is a plain hono middleware so the order in server.ts reads top-down.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { OslerError } from "../core/errors.js";
import type { Logger } from "./log.js";
import type { RateLimiter } from "./rate-limit.js";

/** Questions are short; 16 KB leaves room for a long vignette while bounding parse cost. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * No inline scripts or styles anywhere, so the policy can be strict. `no-referrer` because page
 * URLs carry the question text and reference links lead to other sites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
  };
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.log(c.res.status >= 500 ? "error" : "info", "request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

export function limitBody(maxSize = MAX_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new OslerError("payload_too_large", `request body is larger than ${maxSize} bytes`, {
        hint: "Shorten the question.",
      });
    },
  });
}

/**
 * The client address from the socket. X-Forwarded-For is deliberately ignored: Osler listens on
 * localhost and a forwarded header would let any client pick its own rate-limit bucket.
 */
export function clientKey(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "local"; // in-process requests (tests) have no socket
  }
}

export function askRateLimit(limiter: RateLimiter): MiddlewareHandler {
  return async (c, next) => {
    const decision = limiter.take(clientKey(c));
    if (!decision.allowed) {
      throw new OslerError("rate_limited", "too many questions from this address; wait a moment", {
        hint: `Try again in ${decision.retryAfter} s.`,
        details: { retryAfter: decision.retryAfter },
      });
    }
    await next();
  };
}
