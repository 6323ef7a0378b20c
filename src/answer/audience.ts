/**
 * Audience adaptation that never changes facts or citations: clinicians get the draft as is;
 * nurses and pharmacists get administration, dosing and monitoring first; students get a one-line
 * explanation per section; patients get a plain-language rewrite (glossary terms replaced, long
 * sentences split) statement by statement — each lay statement maps 1:1 to a verified clinician
 * statement and keeps its citation keys and support — plus a line on when to seek urgent care.
 */
import type { Draft, DraftSection, DraftStatement } from "./draft.js";
import { type GlossaryEntry, layRewriter } from "./glossary.js";
import { layOutStatement } from "./patient/layout.js";
import {
  expandRoutes,
  moveAsides,
  plainLabValues,
  plainSentences,
  restructure,
} from "./patient-sentences.js";
import type { Audience } from "./types.js";

const ORDER: Partial<Record<Audience, string[]>> = {
  nurse: ["dosing", "monitoring", "cautions", "special_populations", "duration"],
  pharmacist: ["dosing", "special_populations", "cautions", "monitoring", "alternatives"],
};

const PATIENT_TITLES: Record<string, string> = {
  recommended: "What is usually recommended",
  alternatives: "Other options",
  dosing: "How the medicine is given",
  monitoring: "Check-ups and tests",
  special_populations: "If you are pregnant, older, a child, or have kidney or liver problems",
  cautions: "Warnings and when to be careful",
  duration: "How long treatment lasts and follow-up",
  evidence: "What the research shows",
  mechanism: "How it works",
  diagnosis: "How it is diagnosed",
  prognosis: "What to expect",
  background: "About this condition",
};

export interface Adapted {
  draft: Draft;
  urgentCare: string | null;
}

export function adaptDraft(
  draft: Draft,
  audience: Audience,
  glossary: GlossaryEntry[],
  topic: string,
): Adapted {
  switch (audience) {
    case "clinician":
      return { draft, urgentCare: null };
    case "nurse":
    case "pharmacist":
      return {
        draft: { ...draft, sections: reorder(draft.sections, ORDER[audience] ?? []) },
        urgentCare: null,
      };
    case "student":
      return { draft: explain(draft, glossary), urgentCare: null };
    case "patient":
      return { draft: toLay(draft, glossary), urgentCare: urgentCareLine(topic) };
  }
}

/** Stable reorder: listed facets first in the given order, the rest keep their place. */
function reorder(sections: DraftSection[], first: string[]): DraftSection[] {
  const rank = (s: DraftSection) => {
    const i = first.indexOf(s.facet);
    return i < 0 ? first.length : i;
  };
  return sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}

function explain(draft: Draft, glossary: GlossaryEntry[]): Draft {
  const rewriter = layRewriter(glossary.filter((e) => e.explain));
  const used = new Set<string>();
  const sections = draft.sections.map((section) => {
    const entry = rewriter
      .termsIn(section.bullets.map((b) => b.text).join(" "))
      .find((e) => !used.has(e.term.toLowerCase()));
    if (!entry) return section;
    used.add(entry.term.toLowerCase());
    return { ...section, explainer: `${entry.term}: ${entry.explain}` };
  });
  return { ...draft, sections };
}

// Evidence grading in parentheses ("(strong recommendation, moderate-quality evidence)", "(Class I,
// LOE A)", "(1A)") matters to clinicians; patients get the statement without it.
const GRADING =
  /\s*\((?:[^()]*\b(?:recommendations?|evidence|certainty|quality|class\s+(?:i{1,3}|iv|[123])[ab]?|loe|grade\s+[a-e1-3][abc]?|level\s+[a-c]|best practice|practice point|not graded|ungraded|consensus|expert opinion)\b[^()]*|[12][A-D]|[A-D]|[A-E]-I{1,3}|GPP)\)/gi;

export function dropGrading(text: string): string {
  return text.replace(GRADING, "").replace(/\s+([.,;:])/g, "$1");
}

/**
 * "e.g." and "i.e." in words: patients read "for example" and "that is" more easily, and the
 * sentence splitter would take the full stop in "e.g. Beta-blockers" for the end of a sentence.
 */
export function plainLatin(text: string): string {
  const cap = (start: string, words: string) =>
    /^(?:|.*[.!?]\s+)$/.test(start) ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  return text
    .replace(/(?<![A-Za-z])e\.\s?g\.?,?(?=\s)/gi, (_m, offset: number) =>
      cap(text.slice(0, offset), "for example,"),
    )
    .replace(/(?<![A-Za-z])i\.\s?e\.?,?(?=\s)/gi, (_m, offset: number) =>
      cap(text.slice(0, offset), "that is,"),
    );
}

function toLay(draft: Draft, glossary: GlossaryEntry[]): Draft {
  const rewriter = layRewriter(glossary);
  const asides = glossary.flatMap((e) => {
    const at = e.plain.indexOf(" (");
    return at > 0 && e.plain.endsWith(")")
      ? [{ short: e.plain.slice(0, at), aside: e.plain.slice(at + 2, -1) }]
      : [];
  });
  const lay = (s: DraftStatement): DraftStatement => ({
    ...s,
    text: plainSentences(
      moveAsides(
        rewriter.rewrite(plainLabValues(expandRoutes(restructure(plainLatin(dropGrading(s.text)))))),
        asides,
      ),
    ),
  });
  return {
    // Its own rewriter: a term explained in the title would not be explained again in the answer.
    title: patientTitle(draft.title, layRewriter(glossary), asides),
    bottomLine: draft.bottomLine ? withLayout(lay(draft.bottomLine)) : null,
    sections: draft.sections.map((sec) => ({
      ...sec,
      title: PATIENT_TITLES[sec.facet] ?? sec.title,
      bullets: sec.bullets.map((b) => withLayout(lay(b))),
    })),
  };
}

/** The patient statement with the layout of its current text (any earlier layout replaced). */
export function withLayout(s: DraftStatement): DraftStatement {
  const { layout: _old, ...rest } = s;
  const layout = layOutStatement(s.text);
  return layout ? { ...rest, layout } : rest;
}

// Patient titles: the clinician title keeps its topics and its shape; only the frame words and
// the patient group are said plainly ("Management of septic shock: vasopressors in renal
// impairment" → "Treatment of septic shock: vasopressors, with kidney problems"). Explanations in
// brackets are left to the answer text.
const TITLE_FRAMES: Array<[RegExp, string]> = [
  [/^Management of\s+/i, "Treatment of "],
  [/^Dosing of\s+/i, "Doses of "],
  [/^Dosing in\s+/i, "Doses in "],
  [/\bdosing in\s+/i, "doses for "],
  [/\bdosing$/i, "doses"],

  [/^Monitoring of\s+/i, "Checking "],
  [/^Prognosis of\s+/i, "Outlook for "],
  [/^Mechanism of\s+/i, "How it works: "],
  [/^Comparison:\s+/i, "Comparing "],
  [/:\s+adverse effects, interactions and cautions$/i, ": side effects and warnings"],
  [/:\s+use and cautions$/i, ": uses and warnings"],
];
const TITLE_MODIFIERS: Record<string, string> = {
  "renal impairment": "with kidney problems",
  "reduced kidney function": "with kidney problems",
  "hepatic impairment": "with liver problems",
  pregnancy: "in pregnancy",
  breastfeeding: "when breastfeeding",
  "older adults": "in older adults",
  neonates: "in newborn babies",
  children: "in children",
  "critically ill patients": "in very ill people",
  obesity: "with obesity",
  "bleeding risk": "with a risk of bleeding",
};

export function patientTitle(
  title: string,
  rewriter: { rewrite(text: string): string },
  asides: Array<{ short: string; aside: string }> = [],
): string {
  let rest = title.trim();
  const mods: string[] = [];
  const labels = Object.keys(TITLE_MODIFIERS).join("|");
  const modMatch = new RegExp(` in ((?:${labels})(?: and (?:${labels}))*)$`, "i").exec(rest);
  if (modMatch) {
    rest = rest.slice(0, modMatch.index);
    for (const m of (modMatch[1] ?? "").split(" and ")) mods.push(TITLE_MODIFIERS[m.toLowerCase()] ?? m);
  }
  let about = false;
  const overview = /:\s+overview$/i;
  if (overview.test(rest)) {
    about = true;
    rest = rest.replace(overview, "");
  } else {
    for (const [re, frame] of TITLE_FRAMES) rest = rest.replace(re, frame);
  }
  rest = rest.replace(/\b[a-z]{2,}\b/g, (w) => (ABBREVIATIONS.has(w.toUpperCase()) ? w.toUpperCase() : w));
  let plain = shortForms(rewriter.rewrite(rest), asides);
  if (about) plain = `About ${lowerFirst(plain)}`;
  const text = `${plain}${mods.length > 0 ? `, ${mods.join(" and ")}` : ""}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Abbreviations a question may have typed in lower case ("copd"): written as abbreviations so
// the glossary (which matches abbreviations only as written) finds them.
const ABBREVIATIONS = new Set([
  "COPD",
  "DKA",
  "HHS",
  "AKI",
  "CKD",
  "TTP",
  "ARDS",
  "STEMI",
  "NSTEMI",
  "PE",
  "DVT",
  "VTE",
  "TIA",
  "ICU",
  "MRSA",
  "MSSA",
  "CDI",
  "AF",
  "HFREF",
  "TLS",
]);

function lowerFirst(s: string): string {
  return /^(?:[A-Z][a-z]|A\s)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** A title names things; the explanations in brackets belong in the answer text. */
function shortForms(text: string, asides: Array<{ short: string; aside: string }>): string {
  let out = text;
  for (const { short, aside } of asides) out = out.split(`${short} (${aside})`).join(short);
  return out;
}

const URGENT = "Call emergency services or go to the emergency department now if";
const URGENT_TOPICS: Array<[RegExp, string]> = [
  [
    /stroke|tia\b|transient ischaemic|transient ischemic/i,
    "you notice a drooping face, weakness in an arm or leg, slurred speech or sudden loss of vision. Note the time it started.",
  ],
  [
    /chest pain|heart attack|angina|coronary|myocardial/i,
    "you have chest pain or pressure that lasts more than a few minutes, spreads to your arm, jaw or back, or comes with breathlessness, sweating or fainting.",
  ],
  [
    /anaphyla|allerg/i,
    "your lips, tongue or throat swell, you have trouble breathing, or you feel faint after a medicine, food or sting.",
  ],
  [
    /bleed|haemorrhag|hemorrhag|anticoag|heparin|warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|clot/i,
    "you have bleeding that will not stop, vomit blood, pass black or bloody stools, or get a sudden severe headache.",
  ],
  [
    /asthma|copd|breath|pneumonia|pulmonary embol|respiratory/i,
    "you have severe trouble breathing, cannot speak in full sentences, or your lips or face turn blue or grey.",
  ],
  [
    /seps|septic|infection|fever|meningitis/i,
    "you feel very unwell with fever or shivering and also have confusion, fast breathing, a racing heart, cold or blotchy skin, or pass very little urine.",
  ],
  [
    /pregnan|labou?r|pre-?eclampsia/i,
    "you have heavy bleeding from the vagina, severe belly pain, a bad headache with changes in vision, or your baby is moving much less than usual.",
  ],
  [
    /confus|delirium|hypoglyc|diabet|seizure|epilep/i,
    "you or the person you care for become suddenly confused, very drowsy or hard to wake, or have a seizure.",
  ],
];

/** Urgent-care line chosen by topic; a generic line when no topic matches. */
export function urgentCareLine(topic: string): string {
  for (const [pattern, text] of URGENT_TOPICS) if (pattern.test(topic)) return `${URGENT} ${text}`;
  return `${URGENT} you have severe or quickly worsening symptoms, trouble breathing, chest pain, heavy bleeding, fainting or sudden confusion.`;
}
