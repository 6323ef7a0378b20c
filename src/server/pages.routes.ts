/**
 * Routes of the server-rendered pages. Handlers read the request, call a service and hand plain
 * data to a page renderer in src/web; asking from a form redirects to the answer's shareable URL.
 */

import type { Context } from "hono";
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { Answer, Audience } from "../answer/types.js";
import { invalidInput, notFound } from "../core/errors.js";
import { AUDIENCE_COOKIE, isAudience } from "../web/layout.js";
import { answerPage } from "../web/pages/answer.page.js";
import { askPage } from "../web/pages/ask.page.js";
import { libraryPage, searchPage } from "../web/pages/library.page.js";
import { policyPage } from "../web/pages/policy.page.js";
import { sourcePage } from "../web/pages/source.page.js";
import { answerIdFromSlug, answerPath, sourcePath } from "../web/paths.js";
import { AskBodySchema } from "./answers.schemas.js";
import type { AnswerService, AnswerSummary } from "./answers.service.js";
import type { CorpusService } from "./corpus.service.js";

const summaryHref = (a: AnswerSummary) => answerPath(a);

function audienceFrom(c: Context, explicit?: unknown): Audience {
  if (isAudience(explicit)) return explicit;
  const saved = getCookie(c, AUDIENCE_COOKIE);
  return isAudience(saved) ? saved : "clinician";
}

function rememberAudience(c: Context, audience: Audience): void {
  setCookie(c, AUDIENCE_COOKIE, audience, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "Lax" });
}

const page = (c: Context, markup: { toString(): string }, status = 200) =>
  c.html(markup.toString(), status as 200);

export function pagesRoutes(answers: AnswerService, corpus: CorpusService): Hono {
  const routes = new Hono();
  // Keyed by the answer object, which the service keeps for a few seconds: the page is rendered
  // once per read-cache lifetime and freed with it.
  const rendered = new WeakMap<Answer, string>();

  routes.get("/", async (c) =>
    page(c, askPage({ audience: audienceFrom(c), recent: await answers.recent(8), answerHref: summaryHref })),
  );

  async function askAndRedirect(c: Context, input: Record<string, unknown>): Promise<Response> {
    const parsed = AskBodySchema.safeParse(input);
    const audience = audienceFrom(c, input.audience);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "invalid question";
      const recent = await answers.recent(8);
      const question = typeof input.question === "string" ? input.question : "";
      return page(c, askPage({ audience, question, error: message, recent, answerHref: summaryHref }), 400);
    }
    const answer = await answers.ask({ ...parsed.data, audience });
    rememberAudience(c, audience);
    return c.redirect(answerPath(answer), 303);
  }

  routes.post("/ask", async (c) => {
    const form = await c.req.parseBody();
    const input: Record<string, unknown> = { question: form.question };
    if (form.audience) input.audience = form.audience;
    if (form.followUpOf) input.followUpOf = form.followUpOf;
    return askAndRedirect(c, input);
  });

  // Related-question links: asking is deterministic, so a repeated link lands on the same answer.
  routes.get("/ask", async (c) => {
    const q = c.req.query("q");
    if (!q) return c.redirect("/", 303);
    return askAndRedirect(c, { question: q, audience: audienceFrom(c, c.req.query("audience")) });
  });

  routes.get("/q/:slug", async (c) => {
    const slug = c.req.param("slug");
    const id = answerIdFromSlug(slug);
    if (!id) throw notFound("answer", slug);
    const stored = await answers.get(id);
    const wanted = c.req.query("audience");
    if (wanted !== undefined && !isAudience(wanted))
      throw invalidInput(`unknown audience ${JSON.stringify(wanted)}`);
    if (wanted && wanted !== stored.audience) {
      const shown = await answers.forAudience(stored, wanted);
      rememberAudience(c, wanted);
      if (shown.asked) return c.redirect(answerPath(shown.answer), 303);
      const related = stored.relatedQuestions;
      return page(c, answerPage({ answer: shown.answer, related, renderedFrom: stored.audience }));
    }
    const canonical = answerPath(stored);
    if (`/q/${slug}` !== canonical) return c.redirect(canonical, 301);
    let markup = rendered.get(stored);
    if (!markup) {
      markup = answerPage({ answer: stored, related: stored.relatedQuestions }).toString();
      rendered.set(stored, markup);
    }
    return page(c, markup);
  });

  routes.get("/passage/:id", async (c) => {
    const { passage, source } = await corpus.passage(c.req.param("id"));
    return c.redirect(sourcePath(source.id, passage.id), 302);
  });

  routes.get("/sources/*", async (c) => {
    const raw = c.req.path.slice("/sources/".length);
    const id = raw.split("/").map(decodeURIComponent).join("/");
    const { source, passages } = await corpus.source(id);
    const citing = await answers.citing(source.id);
    const hl = c.req.query("hl")?.slice(0, 1000);
    return page(c, sourcePage({ source, passages, citing, answerHref: summaryHref, highlight: hl }));
  });

  routes.get("/library", async (c) => page(c, libraryPage(await corpus.library())));

  routes.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").trim().slice(0, 500);
    return page(c, searchPage(q, q ? await corpus.search(q, 20) : null));
  });

  routes.get("/policy", (c) => page(c, policyPage()));
  routes.get("/robots.txt", (c) => c.text("User-agent: *\nDisallow: /ask\n"));
  routes.get("/favicon.ico", (c) => c.body(null, 204));
  return routes;
}
