/**
 * The answer page: the question as title, review status, audience switch, bottom line, cited
 * sections, evidence note, typed references with their passages, related questions, follow-up,
 * disclaimer, citation export and print. Everything works without JavaScript; the script adds
 * the citation pop-up with highlighted words and the streamed follow-up.
 */
import { notAddressedLine } from "../../answer/coverage.js";
import type { Answer, Audience } from "../../answer/types.js";
import { MAX_QUESTION_LENGTH } from "../../server/answers.schemas.js";
import { html, type SafeHtml } from "../html.js";
import { AUDIENCE_LABEL, audienceOptions, layout } from "../layout.js";
import { answerPath, askPath } from "../paths.js";
import { referenceList, reviewBanner, statement } from "./answer-parts.js";
import { STAGES } from "./ask.page.js";

export interface AnswerPageModel {
  answer: Answer;
  /** Related questions to show (the answer's own, completed by the server when few). */
  related?: string[];
  /** Set when the answer is shown re-rendered for a reader other than the one it was asked for. */
  renderedFrom?: Audience;
}

function evidenceNote(answer: Answer): SafeHtml {
  const bullets = answer.sections.flatMap((s) => s.bullets);
  const total = bullets.length + (answer.bottomLine ? 1 : 0);
  const share = Math.round(answer.meta.supportedShare * 100);
  return html`<aside class="evidence-note" aria-labelledby="evidence-heading">
  <h2 id="evidence-heading">About this evidence</h2>
  <p>${total} statement${total === 1 ? "" : "s"} from ${answer.references.length} reference${answer.references.length === 1 ? "" : "s"}.
  ${share}% of the statements Osler drafted passed verification against the passage they cite${
    answer.meta.droppedStatements > 0
      ? html`; ${answer.meta.droppedStatements} that did not were left out`
      : ""
  }. The dot after each statement shows its support score
  (<span class="support support-high"></span> strong, <span class="support support-mid"></span> partial).</p>
  <p class="muted">Composed ${answer.meta.composer === "llm" ? "by a language model and checked statement by statement" : "extractively from the cited passages"}${plainWording(answer)} · reading grade ${answer.meta.readingGrade.toFixed(1)} · answered in ${answer.meta.ms} ms</p>
</aside>`;
}

function audienceSwitch(answer: Answer): SafeHtml {
  return html`<form class="audience-switch" method="get" action="${answerPath(answer)}" data-audience-switch>
  <label for="audience-select">Which best describes you?</label>
  <select id="audience-select" name="audience">${audienceOptions(answer.audience)}</select>
  <button type="submit" class="button small">Show</button>
</form>`;
}

function body(answer: Answer): SafeHtml {
  if (answer.abstained) {
    return html`<section class="abstained" aria-labelledby="answer-heading">
  <h2 id="answer-heading">Osler could not answer this from its sources</h2>
  <p>${answer.abstainReason ?? "No evidence was found."}</p>
  <p>Rather than write something plausible, Osler only answers when it finds passages that support each statement. Try naming the condition, drug or test, or <a href="/library">browse the library</a>.</p>
</section>`;
  }
  return html`<section class="answer-body" aria-labelledby="answer-heading">
  <h2 id="answer-heading">${answer.title}</h2>
  ${
    answer.bottomLine
      ? html`<div class="bottom-line"><h3>Bottom line</h3>${statement(answer.bottomLine, "p")}</div>`
      : ""
  }
  ${answer.meta.notAddressed?.length ? html`<p class="not-addressed" role="note">${notAddressedLine(answer.meta.notAddressed)}</p>` : ""}
  ${answer.urgentCare ? html`<div class="urgent" role="note"><strong>Get urgent help:</strong> ${answer.urgentCare}</div>` : ""}
  ${answer.sections.map(
    (s) => html`<section class="answer-section">
    <h3>${s.title}</h3>
    ${s.explainer ? html`<p class="explainer">${s.explainer}</p>` : ""}
    <ul class="bullets">${s.bullets.map((b) => statement(b, "li"))}</ul>
  </section>`,
  )}
</section>
${evidenceNote(answer)}`;
}

function tools(answer: Answer): SafeHtml {
  const base = `/api/answers/${answer.id}`;
  return html`<div class="answer-tools" aria-label="Export and print">
  <span class="tools-label">Export citations:</span>
  <a href="${base}/citations.ris" download>RIS</a>
  <a href="${base}/citations.bib" download>BibTeX</a>
  <a href="${base}/citations.json" download>CSL-JSON</a>
  <button type="button" class="button small ghost" data-print hidden>Print</button>
</div>`;
}

function followUp(answer: Answer): SafeHtml {
  return html`<section class="panel follow-up" aria-labelledby="follow-heading">
  <h2 id="follow-heading">Have a follow-up question?</h2>
  <p class="hint" id="follow-hint">Osler keeps the context of this answer, so you can ask briefly, e.g. “and in renal failure?”.</p>
  <form method="post" action="/ask" data-ask-form>
    <input type="hidden" name="followUpOf" value="${answer.id}">
    <input type="hidden" name="audience" value="${answer.audience}">
    <label for="follow-question" class="field-label">Follow-up question</label>
    <textarea id="follow-question" name="question" rows="2" required minlength="3" maxlength="${MAX_QUESTION_LENGTH}" aria-describedby="follow-hint"></textarea>
    <p class="form-error" role="alert" hidden></p>
    <div class="form-actions"><button type="submit" class="button primary">Ask follow-up</button></div>
  </form>
  <ol class="progress" aria-live="polite" aria-label="Progress" hidden>
    ${STAGES.map(([stage, label]) => html`<li data-stage="${stage}"><span class="progress-dot" aria-hidden="true"></span>${label}<span class="progress-detail"></span></li>`)}
  </ol>
</section>`;
}

export function answerPage(model: AnswerPageModel): SafeHtml {
  const { answer } = model;
  const related = model.related ?? answer.relatedQuestions;
  const page = html`<article class="answer" data-answer-id="${answer.id}">
  <header class="answer-header">
    <p class="eyebrow">${answer.followUpOf ? "Follow-up question" : "Clinical question"}</p>
    <h1>${answer.question}</h1>
    ${reviewBanner(answer.review)}
    <div class="answer-bar">
      ${audienceSwitch(answer)}
      ${tools(answer)}
    </div>
    ${
      model.renderedFrom
        ? html`<p class="rendered-note">Shown in language for: ${AUDIENCE_LABEL[answer.audience]} (same facts and references as the ${AUDIENCE_LABEL[model.renderedFrom].toLowerCase()} answer).</p>`
        : ""
    }
  </header>
  ${body(answer)}
  ${
    answer.references.length > 0
      ? html`<section aria-labelledby="refs-heading" class="refs">
    <h2 id="refs-heading">References</h2>
    ${referenceList(answer.references)}
  </section>`
      : ""
  }
  ${
    related.length > 0
      ? html`<section aria-labelledby="related-heading" class="panel related">
    <h2 id="related-heading">Related questions</h2>
    <ul class="link-list">${related.map((q) => html`<li><a href="${askPath(q, answer.audience)}">${q}</a></li>`)}</ul>
  </section>`
      : ""
  }
  ${followUp(answer)}
  <section class="disclaimer" aria-labelledby="disclaimer-heading">
    <h2 id="disclaimer-heading">${answer.audience === "patient" ? "Please note" : "Professional disclaimer"}</h2>
    <p>${answer.disclaimer}</p>
  </section>
</article>
<dialog class="cite-dialog" id="cite-dialog" aria-labelledby="cite-dialog-title">
  <div class="cite-dialog-inner">
    <h2 id="cite-dialog-title" class="cite-dialog-title">Supporting passage</h2>
    <p class="cite-dialog-ref"></p>
    <div class="cite-dialog-body" tabindex="0" role="region" aria-label="Passage text"></div>
    <p class="cite-dialog-actions"><a class="cite-dialog-source" href="/">Open the full source</a><button type="button" class="button small" data-close autofocus>Close</button></p>
  </div>
</dialog>`;
  return layout({ title: answer.question, body: page, description: answer.bottomLine?.text });
}

/** " · plain wording by the language model for 5 of 9 statements (the rest by rule)". */
function plainWording(answer: Answer): string {
  const p = answer.meta.plainLanguage;
  if (!p) return "";
  if (p.rewriter === "rules") return " · plain wording by rule";
  return ` · plain wording by the language model for ${p.rewritten} of ${p.rewritten + p.kept} statements (the rest by rule)`;
}
