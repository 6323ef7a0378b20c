/** The library browser (library sources by specialty) and the corpus search page. */
import { KIND_LABEL, type Source } from "../../corpus/model.js";
import type { SearchHit } from "../../search/types.js";
import { highlight, highlightTerms, html, type SafeHtml } from "../html.js";
import { humanize, layout } from "../layout.js";
import { sourcePath } from "../paths.js";

function searchForm(q = ""): SafeHtml {
  return html`<form class="search-form" method="get" action="/search" role="search">
  <label for="search-q" class="field-label">Search the evidence</label>
  <div class="search-row">
    <input id="search-q" type="search" name="q" value="${q}" maxlength="500" placeholder="e.g. anti-Xa monitoring">
    <button type="submit" class="button primary">Search</button>
  </div>
</form>`;
}

export function libraryPage(groups: Array<{ specialty: string; sources: Source[] }>): SafeHtml {
  const total = groups.reduce((n, g) => n + g.sources.length, 0);
  const body = html`<h1>Library</h1>
<p class="lede">${total} guideline summaries written by the Osler editorial team, each citing the guidelines, trials and reviews it rests on.</p>
${searchForm()}
<nav aria-label="Specialties" class="toc"><ul>${groups.map(
    (g) =>
      html`<li><a href="#${g.specialty}">${humanize(g.specialty)}</a> <span class="muted">${g.sources.length}</span></li>`,
  )}</ul></nav>
${groups.map(
  (g) => html`<section class="library-group" id="${g.specialty}" aria-labelledby="h-${g.specialty}">
  <h2 id="h-${g.specialty}">${humanize(g.specialty)}</h2>
  <ul class="link-list">${g.sources.map((s) => html`<li><a href="${sourcePath(s.id)}">${s.title}</a></li>`)}</ul>
</section>`,
)}`;
  return layout({ title: "Library", nav: "library", body });
}

function snippet(text: string, max = 320): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, "")}…`;
}

export function searchPage(q: string, hits: SearchHit[] | null): SafeHtml {
  const terms = highlightTerms(q);
  const body = html`<h1>Search</h1>
${searchForm(q)}
${
  hits === null
    ? html`<p class="muted">Search every passage in the corpus: library summaries and anything you imported.</p>`
    : hits.length === 0
      ? html`<p>No passages match <strong>${q}</strong>.</p>`
      : html`<p class="muted" role="status">${hits.length} passages for <strong>${q}</strong></p>
<ol class="results">${hits.map(
          (h) => html`<li class="result">
  <p class="result-head"><span class="tag tag-${h.source.kind}">${KIND_LABEL[h.source.kind]}</span> <a href="${sourcePath(h.source.id, h.passage.id)}">${h.source.title}</a></p>
  <p class="muted">${[h.source.publisher, h.source.year ? String(h.source.year) : null, h.passage.sectionPath.slice(1).join(" › ")].filter(Boolean).join(" · ")}</p>
  <p class="result-text">${highlight(snippet(h.passage.text), terms)}</p>
</li>`,
        )}</ol>`
}`;
  return layout({ title: q ? `Search: ${q}` : "Search", nav: "search", body });
}
