/**
 * Facets: which answer section a sentence belongs to (recommended, dosing, monitoring, …), by
 * cue words in the sentence and — a strong signal — the heading of the passage it came from.
 * Also the ordered section set, with titles, for each question type.
 */
import type { QuestionType } from "./question.js";

export const FACETS = [
  "recommended",
  "alternatives",
  "dosing",
  "monitoring",
  "special_populations",
  "cautions",
  "duration",
  "evidence",
  "mechanism",
  "diagnosis",
  "prognosis",
  "background",
] as const;
export type Facet = (typeof FACETS)[number];

// Cue patterns over sentence text; each match adds its weight to the facet.
const CUES: Record<Facet, Array<[RegExp, number]>> = {
  recommended: [
    [
      /\b(?:recommend\w*|first[- ]line|preferred|treatment of choice|drug of choice|should (?:be )?(?:use|give|start|initiat|receiv)\w*|mainstay|indicated)\b/i,
      2,
    ],
    [/\b(?:use|give|start|initiate|administer|treat with|escalate|switch to)\b/i, 0.7],
    [/\b(?:strong|weak|conditional) recommendation\b|\bclass (?:i|ii[ab]?)\b/i, 1],
  ],
  alternatives: [
    [
      /\b(?:alternative\w*|second[- ]line|if .{0,40}(?:not (?:tolerated|feasible|available)|intoleran\w*|fails?|unavailable)|instead|in place of|or consider|can be (?:used|substituted))\b/i,
      2,
    ],
  ],
  dosing: [
    [/\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|units?|iu|mmol|meq|ml)(?:\/(?:kg|h|hr|min|day|m2|l|dl))*\b/i, 2],
    [
      /\b(?:dose|doses|dosing|dosage|loading|infusion|bolus|titrat\w*|once daily|twice daily|every \d+ ?(?:h|hours)|q\d+h|i\.v\.|intravenous\w*|subcutaneous\w*|oral(?:ly)?|route)\b/i,
      1,
    ],
  ],
  monitoring: [
    [
      /\b(?:monitor\w*|measure\w*|check\w*|target\w*|levels?|aptt|anti-?xa|inr|trough|lactate|platelet counts?|reassess\w*|observe)\b/i,
      1.5,
    ],
  ],
  special_populations: [
    [
      /\b(?:renal|kidney|crcl|egfr|dialysis|hepatic|liver|cirrho\w*|pregnan\w*|breast[- ]?feed\w*|lactat\w*|elderly|older (?:adults|patients)|p(?:a)?ediatric|children|neonat\w*|infants?|obes\w*|weight-based)\b/i,
      2,
    ],
  ],
  cautions: [
    [
      /\b(?:contraindicat\w*|avoid\w*|caution\w*|warning|risk of|bleeding|adverse|toxicity|side effects?|do not|should not|not recommended|harm\w*|interact\w*|black box|hypersensitivity|allerg\w*)\b/i,
      1.6,
    ],
  ],
  duration: [
    [
      /\b(?:duration|for (?:at least )?\d+\s*(?:days?|weeks?|months?|years?)|\d+\s*(?:-|to|–)\s*\d+\s*(?:days?|weeks?|months?)|follow[- ]up|continue\w* (?:for|until|throughout)|stop\w*|discontinu\w*|de-?escalat\w*|long[- ]term|indefinite\w*)\b/i,
      1.6,
    ],
  ],
  evidence: [
    [
      /\b(?:trial|randomi[sz]ed|rct|meta-analys\w*|systematic review|cohort|participants|placebo|hazard ratio|odds ratio|relative risk|confidence interval|\bci\b|p\s*[=<>]\s*0?\.\d+|hr\s*[=,]?\s*\d|\d+(?:\.\d+)?%\s*vs\.?)\b/i,
      2,
    ],
    [
      /\b(?:showed|demonstrated|found|reduced|did not reduce|no (?:significant )?difference|mortality)\b/i,
      0.6,
    ],
  ],
  mechanism: [
    [
      /\b(?:mechanism|inhibit\w*|bind\w*|receptor\w*|pathophysiolog\w*|pathogenesis|mediated|acts? (?:on|by)|enzyme|antithrombin|activat\w* by|blocks?)\b/i,
      1.5,
    ],
  ],
  diagnosis: [
    [
      /\b(?:diagnos\w*|criteria|test\w*|imaging|ultrasound|ct|mri|biopsy|culture\w*|score|sensitivity|specificity|d-dimer|confirm\w*|suspect\w*|presents? with|symptoms?|signs?)\b/i,
      1.5,
    ],
  ],
  prognosis: [
    [
      /\b(?:prognos\w*|survival|mortality|outcome\w*|recurrence|life expectancy|recover\w*|complications?|risk of death)\b/i,
      1.5,
    ],
  ],
  background: [
    [/\b(?:is an?|are|refers to|defined as|characteri[sz]ed by|common|caused by|occurs?)\b/i, 0.5],
  ],
};

// Section headings (library `##` headings, MedQuAD question types) mapped to facets.
const HEADING_CUES: Array<[RegExp, Facet]> = [
  [/recommend|first[- ]line|management|treatment|therapy|what to do/i, "recommended"],
  [/alternative|second[- ]line/i, "alternatives"],
  [/dos(?:e|ing|age)|administration|how (?:to|is it) (?:take|given)/i, "dosing"],
  [/monitor/i, "monitoring"],
  [
    /\b(?:special populations|renal|kidney|hepatic|liver|pregnan\w*|elderly|older|child\w*|paediatric|pediatric)\b/i,
    "special_populations",
  ],
  [/contraindication|caution|warning|precaution|adverse|side effect|safety|interaction/i, "cautions"],
  [/duration|follow[- ]up|stopping/i, "duration"],
  [/evidence|trial|stud(?:y|ies)|results/i, "evidence"],
  [/mechanism|pharmacology|pathophysiology|how it works/i, "mechanism"],
  [/diagnos|symptom|exams? and tests|criteria|presentation|assessment/i, "diagnosis"],
  [/prognosis|outlook|outcome/i, "prognosis"],
  [/overview|background|definition|what is|introduction|causes|information/i, "background"],
];

export function headingFacet(sectionPath: string[]): Facet | null {
  // The deepest heading is the most specific; walk upwards until one matches.
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    for (const [pattern, facet] of HEADING_CUES) if (pattern.test(sectionPath[i] as string)) return facet;
  }
  return null;
}

export interface FacetScores {
  facet: Facet;
  scores: Partial<Record<Facet, number>>;
}

/** Picks the best facet for a sentence; the passage heading counts as a strong cue. */
export function classifyFacet(sentence: string, sectionPath: string[] = []): FacetScores {
  const scores: Partial<Record<Facet, number>> = {};
  for (const facet of FACETS) {
    let s = 0;
    for (const [pattern, weight] of CUES[facet]) if (pattern.test(sentence)) s += weight;
    if (s > 0) scores[facet] = s;
  }
  const fromHeading = headingFacet(sectionPath);
  if (fromHeading) scores[fromHeading] = (scores[fromHeading] ?? 0) + 2.5;
  let best: Facet = "background";
  let bestScore = 0;
  for (const facet of FACETS) {
    const s = scores[facet] ?? 0;
    if (s > bestScore) {
      best = facet;
      bestScore = s;
    }
  }
  return { facet: best, scores };
}

export interface SectionSpec {
  facet: Facet;
  title: string;
}

const S = (facet: Facet, title: string): SectionSpec => ({ facet, title });

const TREATMENT: SectionSpec[] = [
  S("recommended", "Recommended approach"),
  S("alternatives", "Alternatives"),
  S("dosing", "Dosing and administration"),
  S("monitoring", "Monitoring"),
  S("special_populations", "Special populations"),
  S("cautions", "Cautions and contraindications"),
  S("duration", "Duration and follow-up"),
  S("evidence", "Key evidence"),
];

/** Ordered sections for each question type; facets not listed are not shown for that type. */
export const SECTIONS: Record<QuestionType, SectionSpec[]> = {
  treatment: TREATMENT,
  comparison: [S("recommended", "What the guidance prefers"), ...TREATMENT.slice(1)],
  prevention: [S("recommended", "Recommended prevention"), ...TREATMENT.slice(1)],
  dosing: [
    S("dosing", "Dosing and administration"),
    S("special_populations", "Dose adjustment in special populations"),
    S("monitoring", "Monitoring"),
    S("recommended", "Indications and place in therapy"),
    S("cautions", "Cautions and contraindications"),
    S("duration", "Duration"),
    S("evidence", "Key evidence"),
  ],
  drug_info: [
    S("cautions", "Adverse effects, interactions and cautions"),
    S("special_populations", "Special populations"),
    S("monitoring", "Monitoring"),
    S("dosing", "Dosing and administration"),
    S("mechanism", "How it works"),
    S("recommended", "Place in therapy"),
    S("evidence", "Key evidence"),
  ],
  monitoring: [
    S("monitoring", "What to monitor"),
    S("duration", "Frequency, duration and follow-up"),
    S("cautions", "Warning signs and cautions"),
    S("special_populations", "Special populations"),
    S("recommended", "Related recommendations"),
    S("evidence", "Key evidence"),
  ],
  diagnosis: [
    S("diagnosis", "Diagnostic approach"),
    S("recommended", "Recommendations"),
    S("monitoring", "Further assessment"),
    S("special_populations", "Special populations"),
    S("cautions", "Pitfalls and cautions"),
    S("background", "Background"),
    S("evidence", "Key evidence"),
  ],
  prognosis: [
    S("prognosis", "Outlook"),
    S("evidence", "Evidence on outcomes"),
    S("duration", "Course and follow-up"),
    S("recommended", "What improves outcomes"),
    S("background", "Background"),
  ],
  mechanism: [
    S("mechanism", "Mechanism"),
    S("background", "Background"),
    S("recommended", "Clinical implications"),
    S("evidence", "Key evidence"),
  ],
  definition: [
    S("background", "Overview"),
    S("diagnosis", "Presentation and diagnosis"),
    S("recommended", "Management"),
    S("prognosis", "Outlook"),
    S("cautions", "Cautions"),
    S("evidence", "Key evidence"),
  ],
  other: [
    S("background", "Overview"),
    S("recommended", "Recommendations"),
    S("dosing", "Dosing and administration"),
    S("diagnosis", "Diagnosis"),
    S("monitoring", "Monitoring"),
    S("cautions", "Cautions"),
    S("evidence", "Key evidence"),
  ],
};

/** Words added to a retrieval query to pull passages for the question type's main facets. */
export const FACET_QUERY_TERMS: Record<QuestionType, string> = {
  treatment: "recommended first-line treatment management",
  comparison: "compared versus recommended",
  prevention: "prevention prophylaxis recommended",
  dosing: "dose dosing administration",
  drug_info: "adverse effects interactions contraindications",
  monitoring: "monitoring follow-up",
  diagnosis: "diagnosis criteria tests",
  prognosis: "prognosis outcome survival",
  mechanism: "mechanism pathophysiology",
  definition: "overview definition",
  other: "",
};
