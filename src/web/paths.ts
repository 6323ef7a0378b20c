/**
 * URLs of the pages. An answer lives at `/q/<slug>-<id>`: the slug (from the title) makes links
 * readable, the id is what is looked up, so a stale or edited slug still resolves.
 */
import type { Answer } from "../answer/types.js";
import { slugify } from "../core/ids.js";

export function answerPath(answer: Pick<Answer, "id" | "title" | "question" | "abstained">): string {
  const words = slugify(answer.abstained ? answer.question : answer.title, 70);
  return `/q/${words}-${answer.id}`;
}

/** The answer id at the end of a `/q/` slug, or null. */
export function answerIdFromSlug(slug: string): string | null {
  return slug.match(/(?:^|-)(ans_[0-9a-f]{8,64})$/)?.[1] ?? null;
}

/** Source ids contain `:` and `/`; each segment is encoded so the path stays a valid URL. */
export function sourcePath(sourceId: string, passageId?: string): string {
  const path = `/sources/${sourceId.split("/").map(encodeURIComponent).join("/")}`;
  return passageId ? `${path}#${encodeURIComponent(passageId)}` : path;
}

export function askPath(question: string, audience?: string): string {
  const params = new URLSearchParams({ q: question });
  if (audience) params.set("audience", audience);
  return `/ask?${params.toString()}`;
}
