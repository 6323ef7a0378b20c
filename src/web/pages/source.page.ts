/**
 * The source viewer: metadata, every passage with an anchor equal to its id (so citations can
 * link to `#<passage id>`), optional highlighting of a statement's words (`?hl=`), and the
 * stored answers that cite the source.
 */
import { KIND_LABEL, type Passage, type Source } from "../../corpus/model.js";
import type { AnswerSummary } from "../../server/answers.service.js";
import { highlight, highlightTerms, html, type SafeHtml } from "../html.js";
import { formatDate, humanize, layout } from "../layout.js";

export interface SourcePageModel {
  source: Source;
  passages: Passage[];
  citing: AnswerSummary[];
  answerHref: (a: AnswerSummary) => string;
  /** Words to highlight, from the statement the reader came from. */
  highlight?: string;
}

function metaRow(label: string, value: SafeHtml | string | null | undefined): SafeHtml {
  if (value === null || value === undefined || value === "") return html``;
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function reviewOf(source: Source): string | null {
  const review = source.meta.review as { status?: string; updated?: string } | undefined;
  if (!review?.status) return null;
  return `${humanize(review.status)}${review.updated ? `, updated ${formatDate(String(review.updated))}` : ""}`;
}

export function sourcePage(model: SourcePageModel): SafeHtml {
  const { source } = model;
  const terms = model.highlight ? highlightTerms(model.highlight) : [];
  const body = html`<article class="source">
  <p class="eyebrow"><span class="tag tag-${source.kind}">${KIND_LABEL[source.kind]}</span></p>
  <h1>${source.title}</h1>
  <dl class="meta-list">
    ${metaRow("Publisher or journal", source.publisher)}
    ${metaRow("Year", source.year ? String(source.year) : null)}
    ${metaRow("Authors", source.authors.length > 0 ? source.authors.join(", ") : null)}
    ${metaRow("Specialty", source.specialty ? humanize(source.specialty) : null)}
    ${metaRow("Collection", source.collection)}
    ${metaRow("Review status", reviewOf(source))}
    ${metaRow("DOI", source.doi ? html`<a href="https://doi.org/${source.doi}" rel="noopener noreferrer">${source.doi}</a>` : null)}
    ${metaRow("PubMed", source.pmid ? html`<a href="https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/" rel="noopener noreferrer">${source.pmid}</a>` : null)}
    ${metaRow("Link", source.url && /^https?:\/\//.test(source.url) ? html`<a href="${source.url}" rel="noopener noreferrer">${source.url}</a>` : null)}
    ${metaRow("Version", `${source.version} (imported ${formatDate(source.importedAt)})`)}
  </dl>
  <section aria-labelledby="passages-heading">
    <h2 id="passages-heading">Passages</h2>
    ${
      model.passages.length === 0
        ? html`<p class="muted">Osler holds the bibliographic record of this source only. Its content reaches answers through the library summaries that cite it.</p>`
        : model.passages.map(
            (p) => html`<section class="passage" id="${p.id}">
      <h3>${p.sectionPath.filter((s) => s !== source.title).join(" › ") || "Passage"}</h3>
      <p class="passage-text">${highlight(p.text, terms)}</p>
    </section>`,
          )
    }
  </section>
  <section aria-labelledby="citing-heading" class="panel">
    <h2 id="citing-heading">Answers citing this source</h2>
    ${
      model.citing.length === 0
        ? html`<p class="muted">No stored answer cites this source yet.</p>`
        : html`<ul class="link-list">${model.citing.map((a) => html`<li><a href="${model.answerHref(a)}">${a.question}</a></li>`)}</ul>`
    }
  </section>
</article>`;
  return layout({ title: source.title, body });
}
