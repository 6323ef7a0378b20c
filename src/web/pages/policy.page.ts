/** The editorial policy: how content is produced, reviewed and versioned; educational use. */
import { html, type SafeHtml } from "../html.js";
import { layout } from "../layout.js";

export function policyPage(): SafeHtml {
  const body = html`<article class="prose">
<h1>Editorial policy</h1>
<p class="lede">Osler answers clinical questions from a corpus of guideline summaries and literature. This page explains how an answer is made, who reviews it and what it may be used for.</p>

<h2>How answers are produced</h2>
<p>Every answer is built from passages retrieved from Osler's corpus: the starter library of guideline summaries written by the Osler editorial team, plus anything an installation imports (guideline summaries, PubMed abstracts, patient information, local protocols).</p>
<ul>
  <li><strong>Extractive composition (default).</strong> Statements are selected from the retrieved passages and arranged into a bottom line and short sections. Each statement cites the passage it comes from.</li>
  <li><strong>Language-model composition (optional).</strong> When an installation configures a model, it drafts the answer from the same passages. Every statement it writes is then checked against the passage it cites; statements below the support threshold are removed, and citations to passages that were not provided are stripped.</li>
  <li><strong>Abstention.</strong> When the evidence is not there, Osler says so instead of writing something plausible.</li>
  <li><strong>Audience.</strong> Choosing clinician, nurse, pharmacist, student or patient changes the language, never the facts or the citations.</li>
</ul>

<h2>How content is reviewed</h2>
<p>Answers and library articles move through a review workflow run by members of the medical advisory board:</p>
<ol class="policy-steps">
  <li><strong>Submitted</strong>: generated or written, not yet reviewed. Shown with “pending human review”.</li>
  <li><strong>Under review</strong>: a board member is checking the statements against the cited sources.</li>
  <li><strong>Approved</strong>, or <strong>Changes requested</strong> with the reviewer's notes, after which a new version is submitted.</li>
</ol>
<p>The answer page shows the current status and the date of the last update.</p>

<h2>Versions and audit</h2>
<p>Sources are versioned on import: an unchanged document is left alone and a changed one becomes a new version. Every answer records the corpus version and a hash of the settings that produced it, so it can be reproduced. Review decisions are kept in an audit log.</p>

<h2>Educational use</h2>
<p>Osler is an aid for health professionals and learners. It does not replace clinical judgement, local protocols or the product information of a medicine. Check doses, contraindications and interactions against the cited sources before acting, and apply them to the individual patient. Patients and caregivers should discuss any change in treatment with their own clinician.</p>
</article>`;
  return layout({ title: "Editorial policy", nav: "policy", body });
}
