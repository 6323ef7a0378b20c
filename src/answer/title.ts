/**
 * Answer titles: what the question is about, in the words of a contents page ("Management of
 * septic shock: vasopressors", "Andexanet alfa dosing in gastrointestinal hemorrhage"). Built from
 * the question's medical focus phrases: adjacent ones are read as one ("GI bleed" →
 * gastrointestinal hemorrhage), conditions lead, drugs qualify, and settings or measurements
 * ("intensive care unit", "blood pressure") only stand in when nothing else names the topic.
 */
import {
  type AnalyzedQuestion,
  isAsking,
  MODIFIERS,
  modifierLabel,
  modifierTerms,
  negatedAt,
  questionParts,
} from "./question.js";
import { alreadyGivenDrugs, capitalise, drugLikeNames } from "./text.js";

/** A focus phrase that is only a qualifier ("acute", "severe") never makes a title on its own. */
export const QUALIFIER_ONLY =
  /^(?:acute|chronic|severe|major|minor|mild|moderate|new|first|early|late|high|low|septic|episode)$/i;

/** Aims and framing ("kidney protection", "as needed") name neither a condition nor a treatment. */
const NOT_A_TOPIC = /(?:^as needed$|\b(?:protection|control|target|threshold|goal|regimen|strategy)$)/i;

/**
 * What the question asks about a topic rather than a topic ("inherited", "acquired", "always"): a
 * single participle or adverb the lexicon does not name as a condition.
 */
const ASKED_ABOUT = /^(?:[a-z]+(?:ed|ly)|always|never|often|taper|receive|get|take|stop|start)$/i;

/** "rickets inherited" → "rickets", "appendicitis always" → "appendicitis". */
function trimAsked(phrase: string): string {
  const words = phrase.split(/\s+/);
  while (words.length > 1 && ASKED_ABOUT.test(words[words.length - 1] ?? "")) words.pop();
  // In front, a participle often belongs to the name ("disseminated intravascular coagulation").
  while (words.length > 1 && /^(?:[a-z]+ly|always|never|often)$/i.test(words[0] ?? "")) words.shift();
  return words.join(" ");
}

/** Where care happens: context, not topic. */
const SETTING =
  /^(?:intensive care(?: unit)?|icu|emergency department|ed|hospital|rural hospital|ward|clinic|operating (?:room|theatre)|critically ill patients?)$/i;

/** What was measured: context, not topic, unless nothing else is named. */
const MEASURE =
  /^(?:blood pressure|hemoglobin|haemoglobin|potassium|sodium|platelets?|platelet count|international normali[sz]ed ratio|inr|creatinine|creatinine clearance|electrocardiogram|ecg|fraction of inspired oxygen|glucose|ph|heart rate|temperature|oxygen saturation|lactate|troponin|bilirubin|mean arterial pressure|body weight|weight)$/i;

/** Head words of conditions (diseases, syndromes, poisonings, states): what a title is about. */
const CONDITION =
  /(?:itis|[ae]mia|osis|pathy|oma|algia|uria|penia|plasia|syndrome|shock|failure|disease|infarction|embol|thrombo(?!lysis)|fibrillation|flutter|ha?emorrhage|bleed|stroke|pneumonia|sepsis|overdose|poisoning|toxicity|acidosis|alkalosis|injury|storm|crisis|exacerbation|attack|emergency|arrest|delirium|anaphylaxis|bactera?emia|gout|purpura|cancer|malignan\w*|diabetes|tension|seizure|epilepticus|cirrho\w*|hematemesis|varices|asthma|copd|distress|infection|abscess|cellulitis|fracture|dementia|depression|arrhythmia|cardia|angina|diarrh\w*|insufficiency|deficiency|ulcer|o?edema|state|vomiting|nausea|pain|fever|bleeding|confusion|headache|flare|seiz\w*)\b/i;

function isCondition(phrase: string): boolean {
  return CONDITION.test(phrase) && !isDrugPhrase(phrase);
}

/** A care setting or a measurement: context of a question rather than its topic. */
export function isContext(phrase: string): boolean {
  return SETTING.test(phrase) || MEASURE.test(phrase);
}

export function isDrugPhrase(phrase: string): boolean {
  return drugLikeNames(phrase).some((n) => n.length >= 6) && phrase.split(/\s+/).length <= 3;
}

interface Phrase {
  text: string;
  original: string;
  at: number;
  end: number;
}

/** Medical focus phrases in question order, adjacent ones merged, negated mentions ("no AF") dropped. */
function topicPhrases(q: AnalyzedQuestion): Phrase[] {
  const lower = q.text.toLowerCase();
  const detail = (
    q.focusDetail?.filter((f) => f.medical) ?? q.focus.map((f) => ({ text: f, forms: [f] }))
  ).map((f) => ({ text: trimAsked(f.text), forms: f.forms.map(trimAsked) }));
  const found: Phrase[] = [];
  for (const f of detail) {
    if (
      QUALIFIER_ONLY.test(f.text) ||
      NOT_A_TOPIC.test(f.text) ||
      ASKED_ABOUT.test(f.text) ||
      /^(?:no|not|without)\s/i.test(f.text)
    )
      continue;
    // Whole words only: the "af" of AF is not the "af" of "after".
    const located = [...f.forms]
      .reverse()
      .map((form) => ({ form, at: wordIndex(lower, form.toLowerCase()) }));
    const { form: original, at } = located.find((l) => l.at >= 0) ?? { form: f.text, at: -1 };
    if (at >= 0 && negatedAt(lower, at)) continue;
    found.push({
      text: f.text,
      original: original.toLowerCase(),
      at,
      end: at < 0 ? -1 : at + original.length,
    });
  }
  const placed = found.filter((p) => p.at >= 0).sort((a, b) => a.at - b.at);
  const merged: Phrase[] = [];
  for (const p of placed) {
    const prev = merged.at(-1);
    if (
      prev &&
      /^[\s-]*$/.test(lower.slice(prev.end, p.at)) &&
      !isDrugPhrase(p.text) &&
      !isDrugPhrase(prev.text)
    )
      merged[merged.length - 1] = {
        text: `${prev.text} ${p.text}`,
        original: `${prev.original} ${p.original}`,
        at: prev.at,
        end: p.end,
      };
    else merged.push({ ...p });
  }
  return [...merged, ...found.filter((p) => p.at < 0)];
}

function wordIndex(text: string, phrase: string): number {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.search(new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`));
}

/**
 * The intervention a question asks about: the one named in its dosing (or first asking) part,
 * else the first one not already given ("already got lorazepam … what next?").
 */
function askedIntervention(q: AnalyzedQuestion, interventions: Phrase[]): string | undefined {
  const given = new Set(alreadyGivenDrugs(q.text));
  const fresh = interventions.filter((p) => !given.has(p.original) && !given.has(p.text));
  const parts = questionParts(q.text);
  const part = parts.find((p) => p.type === "dosing") ?? parts.find((p) => isAsking(p.text));
  const inPart = part ? fresh.find((p) => part.text.toLowerCase().includes(p.original)) : undefined;
  return (inPart ?? fresh[0] ?? interventions[0])?.text;
}

/** A disease named only as a patient modifier ("How is AKI staged?"): the topic when nothing else is. */
function modifierDisease(q: AnalyzedQuestion): string {
  for (const m of MODIFIERS) {
    if (!q.modifiers.includes(m.key)) continue;
    const hit = q.text.match(m.pattern)?.[0];
    if (
      hit &&
      /\b(?:AKI|CKD|ESRD|ESKD|cirrho\w*|(?:kidney|renal|liver|hepatic) (?:failure|disease|injury))\b/i.test(
        hit,
      )
    )
      return hit;
  }
  return "";
}

export function composeTitle(q: AnalyzedQuestion): string {
  const all = topicPhrases(q);
  const phrases = all.map((p) => p.text);
  const context = phrases.filter(isContext);
  const conditions = phrases.filter((p) => isCondition(p) && !context.includes(p));
  const interventions = all.filter((p) => !conditions.includes(p.text) && !context.includes(p.text));
  const measures = context.filter((p) => MEASURE.test(p));
  // A single phrase the condition list does not know ("shingles") is the topic when it is no drug;
  // a measurement ("blood pressure") stands for the topic only when nothing else does and the
  // question is not about a drug's dose.
  const sole = interventions.length === 1 ? (interventions[0] as Phrase).text : "";
  const topic =
    conditions.slice(0, 2).join(" and ") ||
    (sole && !isDrugPhrase(sole) ? sole : "") ||
    modifierDisease(q) ||
    (q.type === "dosing" ? "" : measures[0]) ||
    "";
  const asked = askedIntervention(q, interventions);
  const drug = asked === topic ? undefined : asked;
  const mods = q.modifiers
    .filter(
      (m) =>
        !MODIFIERS.find((r) => r.key === m)?.pattern.test(topic) &&
        !modifierTerms(m).some((t) => `${topic} ${drug ?? ""}`.toLowerCase().includes(t.toLowerCase())),
    )
    .map(modifierLabel);
  const suffix = mods.length > 0 ? ` in ${mods.join(" and ")}` : "";
  const subject =
    topic || drug || q.focus.find((f) => !QUALIFIER_ONLY.test(f) && !NOT_A_TOPIC.test(f)) || "the question";
  let base: string;
  switch (q.type) {
    case "dosing":
      base = drug ? `${capitalise(drug)} dosing${topic ? ` in ${topic}` : ""}` : `Dosing in ${subject}`;
      break;
    case "drug_info":
      base = `${capitalise(drug ?? subject)}: adverse effects, interactions and cautions`;
      break;
    case "comparison":
      base = `Comparison: ${(interventions.length >= 2 ? interventions.map((p) => p.text) : phrases).slice(0, 2).join(" versus ") || subject}`;
      break;
    case "diagnosis":
      base = `Diagnosis of ${subject}`;
      break;
    case "monitoring":
      base = drug && topic ? `Monitoring of ${drug} in ${topic}` : `Monitoring of ${subject}`;
      break;
    case "prevention":
      base = `Prevention of ${subject}`;
      break;
    case "prognosis":
      base = `Prognosis of ${subject}`;
      break;
    case "mechanism":
      base = `Mechanism of ${subject}`;
      break;
    case "definition":
      base = `${capitalise(subject)}: overview`;
      break;
    case "treatment":
      base = topic
        ? `Management of ${topic}${drug ? `: ${drug}` : ""}`
        : drug
          ? `${capitalise(drug)}: use and cautions`
          : `${capitalise(subject)}: overview`;
      break;
    default:
      // A question of another kind ("How is rickets inherited?", "Does appendicitis always cause
      // fever?") is not about management: its title names what it is about.
      base = topic
        ? drug
          ? `Management of ${topic}: ${drug}`
          : // "Oliguria in renal impairment", "Appendicitis and fever"; a bare topic reads as a heading.
            topic.includes(" and ") || suffix
            ? capitalise(topic)
            : `${capitalise(topic)}: overview`
        : drug
          ? `${capitalise(drug)}: use and cautions`
          : `${capitalise(subject)}: overview`;
  }
  return capitalise(`${base}${suffix}`);
}
