/** The friendly error page (404, 429, 500…) for browsers; the API gets JSON instead. */
import type { OslerError } from "../../core/errors.js";
import { html, type SafeHtml } from "../html.js";
import { layout } from "../layout.js";

const HEADINGS: Record<number, string> = {
  400: "That request could not be handled",
  404: "Page not found",
  413: "That was too long",
  429: "Too many questions at once",
};

export function errorPage(error: OslerError): SafeHtml {
  const heading = HEADINGS[error.status] ?? "Something went wrong";
  const message = error.status >= 500 ? "Osler hit an internal error. Please try again." : error.message;
  return layout({
    title: heading,
    body: html`<div class="panel error-panel">
  <h1>${heading}</h1>
  <p>${message}</p>
  ${error.hint ? html`<p class="hint">${error.hint}</p>` : ""}
  <p><a class="button" href="/">Ask a question</a> <a href="/library">Browse the library</a></p>
</div>`,
  });
}
