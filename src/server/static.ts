/**
 * The two static assets (one stylesheet, one script), read once at start-up and served from
 * memory with an ETag. They live in src/web/static whether Osler runs from src/ or dist/.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { PACKAGE_ROOT } from "../app.js";

export const STATIC_DIR = `${PACKAGE_ROOT}src/web/static`;

const TYPES: Record<string, string> = {
  "osler.css": "text/css; charset=utf-8",
  "osler.js": "text/javascript; charset=utf-8",
};

export function staticRoutes(dir = STATIC_DIR): Hono {
  const app = new Hono();
  const files = new Map(
    Object.entries(TYPES).map(([name, type]) => {
      const body = readFileSync(`${dir}/${name}`);
      const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
      return [name, { body, type, etag }] as const;
    }),
  );
  app.get("/static/:name", (c) => {
    const file = files.get(c.req.param("name"));
    if (!file) return c.notFound();
    const headers = { "Content-Type": file.type, ETag: file.etag, "Cache-Control": "public, max-age=300" };
    if (c.req.header("if-none-match") === file.etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(file.body), 200, headers);
  });
  return app;
}
