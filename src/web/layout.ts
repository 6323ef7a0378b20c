/**
 * The page shell shared by every page: landmarks (banner, navigation, main, contentinfo), one
 * stylesheet, one deferred script, a skip link. No inline script or style, so CSP stays strict.
 */
import { AUDIENCES, type Audience } from "../answer/types.js";
import { html, type SafeHtml } from "./html.js";

export const AUDIENCE_LABEL: Record<Audience, string> = {
  clinician: "Clinician",
  nurse: "Nurse",
  pharmacist: "Pharmacist",
  student: "Student",
  patient: "Patient or caregiver",
};

export const AUDIENCE_COOKIE = "osler_audience";

export function isAudience(value: unknown): value is Audience {
  return typeof value === "string" && (AUDIENCES as readonly string[]).includes(value);
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Which nav entry is current. */
  nav?: "ask" | "library" | "search" | "policy";
  description?: string;
}

const NAV: Array<[NonNullable<PageOptions["nav"]>, string, string]> = [
  ["ask", "/", "Ask"],
  ["library", "/library", "Library"],
  ["search", "/search", "Search"],
  ["policy", "/policy", "Editorial policy"],
];

export function layout(page: PageOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Osler</title>
<meta name="description" content="${page.description ?? "Osler: cited, verified answers to clinical questions."}">
<link rel="stylesheet" href="/static/osler.css">
<script src="/static/osler.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">O</span><span class="brand-name">Osler</span><span class="brand-tag">Clinical evidence, cited</span></a>
    <nav aria-label="Main">
      <ul class="nav">
        ${NAV.map(
          ([key, href, label]) =>
            html`<li><a href="${href}"${key === page.nav ? html` aria-current="page"` : ""}>${label}</a></li>`,
        )}
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p><strong>Educational use only.</strong> Osler supports, and does not replace, clinical judgement. Content is pending review by the medical advisory board unless marked Approved.</p>
    <p><a href="/policy">Editorial policy</a> · <a href="/library">Library</a> · <a href="/api/openapi.json">API</a></p>
  </div>
</footer>
</body>
</html>`;
}

export function audienceOptions(selected: Audience): SafeHtml {
  return html`${AUDIENCES.map(
    (a) => html`<option value="${a}"${a === selected ? html` selected` : ""}>${AUDIENCE_LABEL[a]}</option>`,
  )}`;
}

// One formatter for the process: toLocaleDateString builds a new one per call, which was the
// single largest cost of rendering an answer page.
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_FORMAT.format(d);
}

export function humanize(key: string): string {
  const words = key.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
