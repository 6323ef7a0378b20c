/**
 * Pieces of the answer page: review status indicator, cited statements with superscript
 * citations and support marks, and the typed reference list with the supporting passages.
 */
import type { Answer, Bullet, BulletLine, CitedText, Reference, ReviewStatus } from "../../answer/types.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../layout.js";
import { sourcePath } from "../paths.js";

const STEPS: Array<[ReviewStatus, string]> = [
  ["submitted", "Submitted"],
  ["under_review", "Under review"],
  ["approved", "Approved"],
];

export function reviewBanner(review: Answer["review"]): SafeHtml {
  const current = review.status === "changes_requested" ? 1 : STEPS.findIndex(([s]) => s === review.status);
  const approved = review.status === "approved";
  return html`<section class="review${approved ? " review-approved" : ""}" aria-label="Review status">
  <div class="review-head">
    <p class="review-board"><strong>Medical advisory board review</strong></p>
    <p class="review-note">${
      approved
        ? "Approved by the medical advisory board · for educational use"
        : "Educational use only · pending human review: check the cited sources before acting"
    }</p>
  </div>
  <ol class="review-steps">
    ${STEPS.map(([status, label], i) => {
      const state = i < current ? "done" : i === current ? "current" : "todo";
      const text =
        status === "under_review" && review.status === "changes_requested" ? "Changes requested" : label;
      return html`<li class="step step-${state}"${i === current ? html` aria-current="step"` : ""}><span class="step-dot" aria-hidden="true"></span>${text}</li>`;
    })}
  </ol>
  <p class="review-meta">Last updated <time datetime="${review.updatedAt}">${formatDate(review.updatedAt)}</time> · <a href="/policy">Editorial policy</a></p>
</section>`;
}

export function citationMarks(citations: number[]): SafeHtml {
  if (citations.length === 0) return html``;
  return html`<sup class="cites">${citations.map(
    (n, i) =>
      html`${i > 0 ? ", " : ""}<a class="cite" href="#ref-${n}" data-ref="${n}" aria-label="Reference ${n}">${n}</a>`,
  )}</sup>`;
}

function supportMark(support: number): SafeHtml {
  const pct = Math.round(support * 100);
  const level = support >= 0.85 ? "high" : support >= 0.6 ? "mid" : "low";
  return html`<span class="support support-${level}" title="Verified against the cited passage: ${pct}% support"><span class="visually-hidden">(support ${pct}%)</span></span>`;
}

export function statement(item: CitedText | Bullet, tag: "p" | "li"): SafeHtml {
  const bullet = "support" in item ? item : null;
  const classes = [
    "stmt",
    bullet?.kind === "disagreement" ? "stmt-disagreement" : "",
    bullet?.flagged ? "stmt-flagged" : "",
  ]
    .filter(Boolean)
    .join(" ");
  // Citations and the support dot stay together, so the dot never wraps onto a line of its own.
  const marks = html`<span class="stmt-marks">${citationMarks(item.citations)}${
    bullet ? supportMark(bullet.support) : ""
  }</span>${bullet?.flagged ? html` <span class="tag tag-warn">Not verified</span>` : ""}`;
  const inner = item.layout
    ? laidOut(item.layout, marks)
    : html`<span class="stmt-text">${item.text}</span>${marks}`;
  if (tag === "li") return html`<li class="${classes}">${inner}</li>`;
  // A list cannot sit inside a paragraph: a laid-out statement outside a list is a block.
  return item.layout
    ? html`<div class="${classes}">${inner}</div>`
    : html`<p class="${classes}">${inner}</p>`;
}

/** A statement set out as lines: label, prose, and list items in a nested list; the citation
 * marks follow the last line. */
function laidOut(lines: BulletLine[], marks: SafeHtml): SafeHtml {
  const parts: SafeHtml[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as BulletLine;
    if (line.kind === "item") {
      const items: string[] = [];
      while (lines[i]?.kind === "item") items.push((lines[i++] as BulletLine).text.replace(/,$/, ""));
      const last = i >= lines.length;
      i--;
      parts.push(
        html`<ul class="stmt-items">${items.map((t, k) => html`<li>${t}${last && k === items.length - 1 ? marks : ""}</li>`)}</ul>`,
      );
    } else if (line.kind === "label") {
      parts.push(html`<strong class="stmt-label">${line.text}</strong> `);
    } else {
      const end = i === lines.length - 1 ? marks : "";
      parts.push(html`<span class="stmt-text">${line.text}</span>${end}`);
    }
  }
  return html`<div class="stmt-laid-out">${parts}</div>`;
}

function referenceCitation(r: Reference): SafeHtml {
  const parts = [r.publisher, r.year ? String(r.year) : null].filter((p): p is string => Boolean(p));
  return html`<span class="ref-meta">${parts.join(", ")}</span>`;
}

function externalLinks(r: Reference): SafeHtml {
  const links: SafeHtml[] = [];
  if (r.doi) links.push(html`<a href="https://doi.org/${r.doi}" rel="noopener noreferrer">DOI ${r.doi}</a>`);
  if (r.pmid)
    links.push(
      html`<a href="https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/" rel="noopener noreferrer">PubMed ${r.pmid}</a>`,
    );
  if (r.url && /^https?:\/\//.test(r.url))
    links.push(html`<a href="${r.url}" rel="noopener noreferrer">Publisher page</a>`);
  return html`${links.map((l, i) => html`${i > 0 ? " · " : ""}${l}`)}`;
}

export function referenceList(references: Reference[]): SafeHtml {
  return html`<ol class="references">
  ${references.map((r) => {
    const passages =
      r.passages ??
      (r.passageText
        ? [{ passageId: r.passageId, text: r.passageText, sectionPath: r.sectionPath ?? [] }]
        : []);
    return html`<li id="ref-${r.n}" class="reference" data-ref="${r.n}" data-passage-id="${r.passageId}"${
      r.sourceId.startsWith("ref:") ? html` data-via-summary="true"` : ""
    }>
    <span class="ref-n" aria-hidden="true">${r.n}</span>
    <div class="ref-body">
      <span class="tag tag-${r.type}">${r.typeLabel}</span>
      <a class="ref-title" href="${sourcePath(r.sourceId)}">${r.title}</a>
      ${referenceCitation(r)}
      ${r.supersededBy ? html`<span class="ref-outdated"><span class="tag tag-warn">Outdated edition</span> superseded by ${r.supersededBy}</span>` : ""}
      <span class="ref-links">${externalLinks(r)}</span>
      ${
        passages.length > 0
          ? html`<details class="ref-passages">
        <summary>Supporting passage${passages.length > 1 ? "s" : ""}${
          // A cited guideline or trial has no stored text of its own: the passage is the Osler
          // summary that cites it, and the reader must not take it for a quotation of the source.
          r.sourceId.startsWith("ref:") ? " (from the Osler summary that cites this source)" : ""
        }</summary>
        ${passages.map(
          (p) => html`<figure class="passage-quote" data-passage-id="${p.passageId}">
          ${p.sectionPath.length > 0 ? html`<figcaption>${p.sectionPath.join(" › ")}</figcaption>` : ""}
          <blockquote class="passage-text">${p.text}</blockquote>
          <a class="passage-link" href="/passage/${encodeURIComponent(p.passageId)}">Open in the full source</a>
        </figure>`,
        )}
      </details>`
          : ""
      }
    </div>
  </li>`;
  })}
</ol>`;
}
