/**
 * The ask page: question box, "Which best describes you?", a progress list that the script fills
 * from the server's event stream, example questions and recent questions. Without JavaScript the
 * form posts to /ask and the server redirects to the answer.
 */
import { AUDIENCES, type Audience } from "../../answer/types.js";
import { MAX_QUESTION_LENGTH } from "../../server/answers.schemas.js";
import type { AnswerSummary } from "../../server/answers.service.js";
import { html, type SafeHtml } from "../html.js";
import { AUDIENCE_LABEL, layout } from "../layout.js";
import { askPath } from "../paths.js";

/** Questions the starter library answers well; they show what Osler is for. */
export const EXAMPLE_QUESTIONS = [
  "What should be done when a DVT occurs despite LMWH prophylaxis in septic shock?",
  "Which vasopressor is first line in septic shock, and when should vasopressin be added?",
  "How is heparin resistance defined and monitored with anti-Xa levels?",
  "What is the emergency treatment of hyperkalaemia in adults?",
  "How should apixaban be reversed in major bleeding?",
  "What is the IM adrenaline dose for anaphylaxis in adults?",
];

export const STAGES: Array<[string, string]> = [
  ["analysing", "Analysing the question"],
  ["searching", "Searching the evidence"],
  ["selecting", "Selecting evidence"],
  ["composing", "Composing the answer"],
  ["verifying", "Verifying every statement"],
];

export interface AskPageModel {
  audience: Audience;
  question?: string;
  error?: string;
  recent: AnswerSummary[];
  answerHref: (a: AnswerSummary) => string;
}

export function audienceFieldset(selected: Audience, name = "audience"): SafeHtml {
  return html`<fieldset class="audience" data-audience-picker>
  <legend>Which best describes you?</legend>
  <p class="hint" id="${name}-hint">We adapt the language to you, never the facts or the citations.</p>
  <div class="chips">
    ${AUDIENCES.map(
      (a) =>
        html`<label class="chip"><input type="radio" name="${name}" value="${a}" aria-describedby="${name}-hint"${a === selected ? html` checked` : ""}><span>${AUDIENCE_LABEL[a]}</span></label>`,
    )}
  </div>
</fieldset>`;
}

export function askPage(model: AskPageModel): SafeHtml {
  const body = html`<section class="hero" aria-labelledby="ask-heading">
  <h1 id="ask-heading">Ask a clinical question</h1>
  <p class="lede">A bottom line first, then short sections in which every statement links to the passage that supports it.</p>
  <form class="ask-form" method="post" action="/ask" id="ask-form" data-ask-form>
    <label for="question" class="field-label">Your question</label>
    <textarea id="question" name="question" rows="3" required minlength="3" maxlength="${MAX_QUESTION_LENGTH}" placeholder="e.g. What is the first-line vasopressor in septic shock?"${model.error ? html` aria-invalid="true" aria-describedby="ask-error"` : ""}>${model.question ?? ""}</textarea>
    ${model.error ? html`<p class="form-error" id="ask-error" role="alert">${model.error}</p>` : html`<p class="form-error" id="ask-error" role="alert" hidden></p>`}
    ${audienceFieldset(model.audience)}
    <div class="form-actions"><button type="submit" class="button primary">Ask Osler</button></div>
  </form>
  <ol class="progress" id="ask-progress" aria-live="polite" aria-label="Progress" hidden>
    ${STAGES.map(([stage, label]) => html`<li data-stage="${stage}"><span class="progress-dot" aria-hidden="true"></span>${label}<span class="progress-detail"></span></li>`)}
  </ol>
</section>
<div class="ask-lists">
  <section aria-labelledby="examples-heading" class="panel">
    <h2 id="examples-heading">Example questions</h2>
    <ul class="link-list">
      ${EXAMPLE_QUESTIONS.map((q) => html`<li><a href="${askPath(q)}" data-question="${q}">${q}</a></li>`)}
    </ul>
  </section>
  <section aria-labelledby="recent-heading" class="panel">
    <h2 id="recent-heading">Recent questions</h2>
    ${
      model.recent.length === 0
        ? html`<p class="muted">No questions asked yet on this server.</p>`
        : html`<ul class="link-list">${model.recent.map(
            (a) => html`<li><a href="${model.answerHref(a)}">${a.question}</a></li>`,
          )}</ul>`
    }
  </section>
</div>`;
  return layout({ title: "Ask", nav: "ask", body });
}
