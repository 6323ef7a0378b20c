/**
 * Question analysis: what kind of question it is (by rules over the wording), which patient
 * modifiers it mentions (renal impairment, pregnancy, …, as normalised keys), what it is about
 * (focus phrases), and warning signals (off-topic, nonsense, prompt injection) for abstention.
 * Works for clinician wording ("CrCl <30") and consumer wording ("my kidneys are failing").
 */
import { isStopWord } from "../search/analyzer.js";
import { capitalise, contentWords, GENERIC_WORDS, STOP_WORDS, stem, words } from "./text.js";

export const QUESTION_TYPES = [
  "treatment",
  "dosing",
  "diagnosis",
  "prognosis",
  "mechanism",
  "drug_info",
  "prevention",
  "monitoring",
  "definition",
  "comparison",
  "other",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface FocusPhrase {
  text: string;
  /** Every way of writing it: the canonical form first, then the question's own wording. */
  forms: string[];
  /** True when a word of it is medical vocabulary or the lexicon knows the phrase. */
  medical: boolean;
}

/** Maps a phrase to its canonical lexicon term, or null when the lexicon does not know it. */
export type LexiconLookup = (phrase: string) => string | null;

export interface QuestionSignals {
  injection: boolean;
  nonsense: boolean;
  /** True when no medical vocabulary was recognised at all. */
  offTopic: boolean;
  medicalTerms: string[];
}

export interface AnalyzedQuestion {
  text: string;
  /** Lower-cased, whitespace-collapsed, trailing punctuation removed: the identity of a question. */
  normalised: string;
  type: QuestionType;
  /** Normalised modifier keys, e.g. `renal_impairment`, `pregnancy`, `allergy:penicillin`. */
  modifiers: string[];
  /** What the question is about, most specific first: noun phrases or canonical lexicon terms. */
  focus: string[];
  /**
   * The focus phrases with their alternative forms (the canonical lexicon term and the words the
   * question actually used, e.g. "hematemesis" ← "vomiting blood") and whether each names
   * something medical; aligned with `focus`. Optional so hand-built questions stay valid.
   */
  focusDetail?: FocusPhrase[];
  /** All content words of the question (for relevance scoring). */
  terms: string[];
  signals: QuestionSignals;
}

// Order matters: the first matching rule wins, so specific kinds come before broad ones.
const TYPE_RULES: Array<[QuestionType, RegExp]> = [
  [
    "comparison",
    /\b(?:vs\.?|versus|compared (?:to|with)|comparison|difference between|better than|which is better)\b/i,
  ],
  [
    "dosing",
    /\b(?:dose|doses|dosing|dosage|how much|how many (?:mg|units|tablets)|titrat\w*|loading dose|mg\/kg|max(?:imum)? dose)\b/i,
  ],
  [
    "drug_info",
    /\b(?:can (?:i|you|we|she|he) (?:take|use|give|have)|is it safe|side[- ]effects?|adverse (?:effects?|events?|reactions?)|interact\w*|safe to (?:take|use|combine)|toxicity|contraindicat\w*)\b/i,
  ],
  [
    "monitoring",
    /\b(?:monitor\w*|follow[- ]up|how often (?:should|do|to) (?:i |we |you )?(?:check|test|measure)|target (?:level|range)|levels? (?:check|monitoring)|how (?:do|will|can|would) (?:i|we|you) (?:know|tell) (?:if|whether)|(?:response|it) is (?:adequate|working))\b/i,
  ],
  [
    "diagnosis",
    /\b(?:diagnos\w*|test(?:s|ing)? for|work[- ]?up|criteria|differential|how (?:do|to|can) (?:i |you |we )?(?:confirm|detect|tell)|symptoms? of|signs? of|screen\w*|investigat\w*)\b/i,
  ],
  [
    "prognosis",
    /\b(?:prognos\w*|outlook|survival|life expectancy|mortality|chances? of|recover\w*|how long (?:will|does|do))\b/i,
  ],
  [
    "mechanism",
    /\b(?:mechanism|how does .{1,40} work|patho\w*|why does|what causes|causes? of|etiology|aetiology)\b/i,
  ],
  [
    "treatment",
    /\b(?:(?:what|which) (?:antibiotics?|drugs?|medications?|medicines?)|(?:what|which)(?: \w+){0,2} (?:do|should|can|would) (?:i|we|you) (?:start|give|use|prescribe|switch to)|(?:when|how) should (?:i|we|they|it|each|these|this)\b.{0,30}\b(?:stop(?:ped)?|start(?:ed)?|held|restart(?:ed)?)|treat\w*|manag\w*|therap\w*|course of action|first[- ]line|drug of choice|what should (?:i|we|be) (?:do|give|done)|approach|cure|medications? for|remed\w*|revers\w*|antidote)\b/i,
  ],
  ["prevention", /\b(?:prevent\w*|prophyla\w*|reduce (?:the |my )?risk|avoid getting|vaccin\w*)\b/i],
  ["definition", /^(?:what (?:is|are)|what's|whats|define|definition of|meaning of|explain)\b/i],
];

export function questionType(text: string): QuestionType {
  for (const [type, pattern] of TYPE_RULES) if (pattern.test(text)) return type;
  return "other";
}

// Each modifier: key, detection pattern, and the phrases that find matching evidence.
export interface ModifierRule {
  key: string;
  label: string;
  pattern: RegExp;
  terms: string[];
  /** Whether the matched words are removed from the focus ("shock" or "bleeding" often are the topic). */
  keepInFocus?: boolean;
}

export const MODIFIERS: ModifierRule[] = [
  {
    key: "renal_impairment",
    label: "renal impairment",
    pattern:
      /\b(?:renal (?:failure|impairment|insufficiency|disease|dysfunction)|kidney (?:failure|disease|injury|impairment|problems?)|kidneys? (?:are |is )?(?:failing|not working)|ckd|aki|acute kidney injury|dialysis|ha?emodialysis|crcl|egfr|gfr|creatinine clearance|esrd|eskd)\b/i,
    terms: ["renal", "kidney", "creatinine clearance", "CrCl", "eGFR", "dialysis"],
  },
  {
    key: "hepatic_impairment",
    label: "hepatic impairment",
    pattern:
      /\b(?:hepatic (?:impairment|failure|insufficiency|dysfunction)|liver (?:failure|disease|impairment|problems?|damage)|cirrho\w*|child[- ]pugh)\b/i,
    terms: ["hepatic", "liver", "cirrhosis", "Child-Pugh"],
  },
  {
    key: "pregnancy",
    label: "pregnancy",
    pattern: /\b(?:pregnan\w*|trimester|gestation\w*|antenatal|expecting a baby)\b/i,
    terms: ["pregnancy", "pregnant"],
  },
  {
    key: "breastfeeding",
    label: "breastfeeding",
    pattern: /\b(?:breast[- ]?feed\w*|lactat\w*|nursing mother)\b/i,
    terms: ["breastfeeding", "lactation"],
  },
  {
    key: "older_adults",
    label: "older adults",
    pattern:
      /\b(?:elderly|older (?:adults?|patients?|people|persons?|women|men)|geriatric|frail|aged? (?:6[5-9]|[7-9]\d|1[01]\d)|(?:6[5-9]|[7-9]\d|1[01]\d)[- ]?(?:years?|yrs?|y)[- ]?old|over (?:65|70|75|80))\b/i,
    terms: ["older adults", "elderly", "age"],
  },
  {
    key: "neonates",
    label: "neonates",
    pattern: /\b(?:neonat\w*|newborns?|preterm|premature infants?)\b/i,
    terms: ["neonates", "newborn"],
  },
  {
    key: "children",
    label: "children",
    pattern:
      /\b(?:child(?![- ]?pugh)|children|childhood|p(?:a)?ediatric\w*|infants?|toddlers?|adolescents?|kids?|my (?:son|daughter)|(?:[1-9]|1[0-7])[- ](?:years?|months?|yrs?)[- ]old)\b/i,
    terms: ["children", "paediatric", "pediatric"],
  },
  {
    key: "critically_ill",
    label: "critically ill patients",
    pattern:
      /\b(?:shock|critically ill|critical illness|icu|intensive care|mechanically ventilated|vasopressors?)\b/i,
    terms: ["critically ill", "intensive care", "shock"],
    keepInFocus: true,
  },
  {
    key: "obesity",
    label: "obesity",
    pattern: /\b(?:obes\w*|bmi|overweight|bariatric)\b/i,
    terms: ["obesity", "body weight", "BMI"],
  },
  {
    key: "bleeding_risk",
    label: "bleeding risk",
    pattern: /\b(?:bleed\w*|ha?emorrhag\w*|thrombocytop\w*|coagulopath\w*|low platelets?)\b/i,
    terms: ["bleeding", "haemorrhage", "platelets"],
    keepInFocus: true,
  },
];

const ALLERGY = /\b([a-z][a-z-]{2,})[- ]allerg\w*|\ballergic to ([a-z][a-z-]{2,})/gi;

/** A kidney-function measurement with its value ("CrCl 60", "eGFR of 25 mL/min"). */
const KIDNEY_VALUE =
  /\b(?:crcl|egfr|gfr|creatinine clearance)\b\s*(?:of|is|was|=|:)?\s*([<>≤≥]=?)?\s*(\d+(?:\.\d+)?)/gi;

/**
 * Naming a kidney-function test is not renal impairment: "CrCl 60" is normal for dosing. When
 * every value given is 60 mL/min or more and nothing else says the kidneys are impaired, the
 * modifier does not apply.
 */
function kidneyFunctionNormal(text: string): boolean {
  const values = [...text.matchAll(KIDNEY_VALUE)].map((m) => ({ op: m[1] ?? "", value: Number(m[2]) }));
  if (values.length === 0) return false;
  const allNormal = values.every((v) => v.value >= 60 && !v.op.startsWith("<") && !v.op.startsWith("≤"));
  const withoutTests = text.replace(/\b(?:crcl|egfr|gfr|creatinine clearance)\b/gi, " ");
  const otherCue = MODIFIERS.find((m) => m.key === "renal_impairment")?.pattern.test(withoutTests) ?? false;
  return allNormal && !otherCue;
}

/** "non-pregnant", "not pregnant", "no kidney disease", "without renal impairment". */
const NEGATED_BEFORE = /(?:\bnon-?|\bnot\s+|\bno\s+|\bwithout\s+|\bnever\s+|\bnor\s+)$/i;

/** Whether the words at `index` of `text` are negated by what comes just before them. */
export function negatedAt(text: string, index: number): boolean {
  return NEGATED_BEFORE.test(text.slice(Math.max(0, index - 10), index));
}

/** Whether the modifier is mentioned other than as negated ("a non-pregnant woman" is not pregnancy). */
function mentionedAffirmed(pattern: RegExp, text: string): boolean {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`,
  );
  for (const m of text.matchAll(global)) if (!negatedAt(text, m.index ?? 0)) return true;
  return false;
}

export function detectModifiers(text: string): string[] {
  const keys = MODIFIERS.filter((m) => mentionedAffirmed(m.pattern, text))
    .map((m) => m.key)
    .filter((key) => key !== "renal_impairment" || !kidneyFunctionNormal(text));
  for (const m of text.matchAll(ALLERGY)) {
    const drug = (m[1] ?? m[2] ?? "").toLowerCase();
    if (drug && !["drug", "food", "an", "any", "severe", "known", "is", "are"].includes(drug)) {
      keys.push(`allergy:${drug}`);
    }
  }
  return [...new Set(keys)];
}

export function modifierLabel(key: string): string {
  if (key.startsWith("allergy:")) return `${key.slice(8)} allergy`;
  return MODIFIERS.find((m) => m.key === key)?.label ?? key.replace(/_/g, " ");
}

export function modifierTerms(key: string): string[] {
  if (key.startsWith("allergy:")) return [key.slice(8), "allergy", "hypersensitivity"];
  return MODIFIERS.find((m) => m.key === key)?.terms ?? [];
}

const INJECTION =
  /\b(?:ignore|disregard|forget|override)\b.{0,30}\b(?:instructions?|prompts?|rules|guidelines|above|previous|prior)\b|\bsystem prompt\b|\bdeveloper mode\b|\bjailbreak\b|\byou are now\b|\bact as (?:an? )?(?!clinician|doctor)|\b(?:reveal|print|show|repeat) (?:your|the) (?:instructions|prompt|rules|configuration)\b|<\/?(?:system|assistant)>|\bDAN\b/i;

// Medical vocabulary: common words plus morphology, so "capital of France" is off-topic but
// "nephrotic syndrome" or "apixaban" are not. The lexicon, when plugged in, recognises the rest.
const MEDICAL_WORDS = new Set(
  (
    "pain ache fever infection infections disease disorder syndrome blood heart lung lungs kidney kidneys liver " +
    "brain skin bone bones joint joints muscle stomach bowel bladder eye eyes ear throat chest breath " +
    "breathing cough cancer tumour tumor diabetes insulin pressure pregnancy pregnant baby drug drugs " +
    "medicine medication medications pill pills tablet dose dosing treatment therapy surgery vaccine vaccines " +
    "virus viral bacteria bacterial antibiotic antibiotics allergy allergic asthma stroke attack seizure " +
    "epilepsy migraine headache depression anxiety dementia shock sepsis septic clot clots thrombosis " +
    "embolism fracture injury wound rash itch nausea vomiting diarrhea diarrhoea constipation fatigue " +
    "symptom symptoms diagnosis prognosis hospital doctor nurse clinic patient patients health medical " +
    "clinical chronic acute dose mg vitamin hormone thyroid cholesterol obesity weight anemia anaemia " +
    "bleeding bleed platelet platelets heparin aspirin warfarin hiv hepatitis covid influenza flu " +
    "pneumonia arthritis lupus gout eczema psoriasis acne ulcer ulcers hernia angina arrhythmia " +
    "fibrillation hypertension hypotension hypoglycemia hypoglycaemia potassium sodium calcium " +
    "magnesium electrolyte dialysis transplant chemotherapy radiation immune immunity inflammation " +
    "swelling edema oedema urine urinary prostate breast ovarian cervical colon rectal renal hepatic " +
    "cardiac pulmonary neonatal pediatric paediatric child children elderly mental sleep insomnia " +
    "opioid overdose poisoning toxicity sting bite burn burns dehydration nutrition diet exercise " +
    "smoking alcohol addiction pregnancy contraception contraceptive menopause period menstrual " +
    "fertility birth labour labor delivery vaccination screening mri ct scan x-ray ecg biopsy " +
    "anticoagulation anticoagulant antiplatelet steroid steroids corticosteroid antibody antibodies " +
    "genetic gene mutation inherited rare tremor parkinson alzheimer autism adhd schizophrenia " +
    "bipolar icu ventilation oxygen intubation resuscitation cpr mortality survival outcome outcomes"
  ).split(/\s+/),
);
const MEDICAL_PHRASES =
  /\b(?:side[- ]effects?|adverse|dos(?:e|age|ing)|symptoms?|prescri\w*|interactions?|treat\w*|diagnos\w*|medic\w*)\b/i;
const MEDICAL_MORPHOLOGY =
  /(?:formin|zepam|oxetine|pram|tadine|lamide|pine|itis|emia|aemia|osis|pathy|ectomy|otomy|ostomy|algia|oma|plasia|trophy|uria|penia|cytosis|sclerosis|cardi|neur|nephr|hepat|gastr|derm|pulmon|thromb|embol|vascul|coagul|glyc|lipid|ology|ologist|iatric|genic|mab|nib|pril|sartan|olol|azole|cillin|mycin|floxacin|cycline|parin|statin|prazole|dipine|xaban|gatran|vir|triptan|profen|sone|solone|ephrine|pressin|amine|caine|tidine|gliflozin|glutide|gliptin)/;

function isMedicalWord(w: string, lookup?: LexiconLookup): boolean {
  if (MEDICAL_WORDS.has(w) || MEDICAL_WORDS.has(w.replace(/s$/, ""))) return true;
  if (w.length >= 5 && MEDICAL_MORPHOLOGY.test(w)) return true;
  return lookup ? lookup(w) !== null : false;
}

/** A token that looks like keyboard mashing: no vowel, or a run of 5+ consonants. */
function looksGibberish(w: string): boolean {
  if (/\d/.test(w) || w.length <= 2) return false;
  return !/[aeiouy]/.test(w) || /[bcdfghjklmnpqrstvwxz]{5,}/.test(w);
}

export function questionSignals(text: string, terms: string[], lookup?: LexiconLookup): QuestionSignals {
  const medicalTerms = terms.filter((w) => isMedicalWord(w, lookup));
  const phrase = text.match(MEDICAL_PHRASES)?.[0];
  if (phrase) medicalTerms.push(phrase.toLowerCase());
  const tokens = words(text).filter((w) => /[a-z]/.test(w));
  const gibberish = tokens.filter(looksGibberish).length;
  const nonsense = tokens.length === 0 || gibberish / tokens.length >= 0.34;
  return {
    injection: INJECTION.test(text),
    nonsense,
    offTopic: medicalTerms.length === 0,
    medicalTerms,
  };
}

// Wording that frames a question but is not its subject ("what is the best course of action for").
const FRAMING =
  /\b(?:what|which|how|when|why|who|is|are|does|do|can|should|could|would|best|recommended|course of action|first[- ]line|management|treatment|options?|approach)\b/gi;

/**
 * Focus phrases: runs of content words between stop words, with generic and modifier words
 * removed; a lexicon (when given) canonicalises phrases and their sub-phrases.
 */
export function focusTerms(text: string, lookup?: LexiconLookup): string[] {
  return focusPhrases(text, lookup).map((f) => f.text);
}

/**
 * Focus phrases with their forms. Medical phrases come first (in question order), so
 * conversational leftovers ("came", "known") never lead the focus or the title.
 */
export function focusPhrases(text: string, lookup?: LexiconLookup): FocusPhrase[] {
  const raw = focusCandidates(text, lookup);
  const medical = raw.filter((f) => f.medical);
  return [...medical, ...raw.filter((f) => !f.medical)].slice(0, 6);
}

function focusCandidates(text: string, lookup?: LexiconLookup): FocusPhrase[] {
  let stripped = text.replace(FRAMING, " , ");
  for (const m of MODIFIERS) {
    if (m.keepInFocus) continue;
    // A named chronic disease ("patient with CKD … what protects the kidneys?") can be the topic
    // itself, so it stays a focus candidate; the modifier still records it as patient context.
    stripped = stripped.replace(new RegExp(m.pattern.source, "gi"), (match) =>
      NAMED_DISEASE.test(match) ? match : " , ",
    );
  }
  stripped = stripped.replace(new RegExp(ALLERGY.source, "gi"), " , ");
  // Parenthetical asides ("(LMWH)") usually restate the topic, so they rank after the main phrases.
  const aside = [...stripped.matchAll(/\(([^()]*(?:\([^()]*\))?[^()]*)\)/g)].map((m) => m[1]).join(" , ");
  const main = stripped.replace(/\([^()]*(?:\([^()]*\))?[^()]*\)/g, " , ");
  const focus = mergePhrases([...phrasesOf(main, lookup), ...phrasesOf(aside, lookup)]);
  // A question that is only about a modifier ("what is dialysis?") keeps it as its focus.
  return focus.length > 0 ? focus : phrasesOf(text.replace(FRAMING, " , "), lookup);
}

const NAMED_DISEASE = /^(?:ckd|chronic kidney disease|cirrho\w*|esrd|eskd)$/i;

function mergePhrases(list: FocusPhrase[]): FocusPhrase[] {
  const out: FocusPhrase[] = [];
  for (const f of list) {
    const prev = out.find((o) => o.text === f.text);
    if (!prev) out.push({ ...f, forms: [...f.forms] });
    else {
      for (const form of f.forms) if (!prev.forms.includes(form)) prev.forms.push(form);
      prev.medical ||= f.medical;
    }
  }
  return out;
}

function phrasesOf(stripped: string, lookup?: LexiconLookup): FocusPhrase[] {
  const phrases: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) phrases.push(run.join(" "));
    run = [];
  };
  for (const piece of stripped.split(/([,;:?!()]|\s+)/)) {
    const w = piece.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "");
    if (!w) {
      if (/[,;:?!()]/.test(piece)) flush();
      continue;
    }
    // Readings ("88/50"), plain numbers and one-letter tokens are not topics.
    // Units and schedules ("mg", "once daily") describe a dose, not what the question is about.
    // "pH 7.28" is a lab value, not PH (pulmonary hypertension); "130 ms" is a duration, not MS.
    const labOrUnit = /^(?:pH|ms)$/.test(piece.replace(/[^A-Za-z]/g, ""));
    if (
      labOrUnit ||
      STOP_WORDS.has(w) ||
      GENERIC_WORDS.has(w) ||
      DOSE_WORDS.has(w) ||
      w.split("/").every((part) => DOSE_WORDS.has(part) || part === "min") ||
      CONVERSATIONAL_WORDS.has(w) ||
      w.length < 2 ||
      !/[a-z]/.test(w)
    )
      flush();
    else run.push(w);
  }
  flush();
  const out: FocusPhrase[] = [];
  for (const phrase of phrases) {
    const canonical = lookup
      ? canonicalise(phrase, lookup)
      : [{ text: phrase, original: phrase, known: false }];
    for (const c of canonical) {
      const medical = c.known || words(c.original).some((w) => isMedicalWord(w, lookup));
      out.push({ text: c.text, forms: [...new Set([c.text, c.original])], medical });
    }
  }
  return mergePhrases(out);
}

/**
 * Conversational words that narrate the case or the conversation ("already got", "what next",
 * "anything else besides", "keep going") rather than name its subject; they split focus phrases.
 */
const CONVERSATIONAL_WORDS = new Set(
  (
    "already still yet next else besides anything something everything nothing keep keeping kept going " +
    "go goes gone went got gotten getting added adding now currently today tonight yesterday tomorrow " +
    "ago just really actually basically ok okay thanks thank hi hello anyway instead again " +
    "thing things stuff lot lots bit came come comes coming seems seem"
  ).split(/\s+/),
);

const DOSE_WORDS = new Set(
  "mg mcg g kg ml l dl mmol meq iu units unit daily once twice times weekly hourly day days hour hours min minutes week weeks bd tds qds od iv im po sc".split(
    " ",
  ),
);

/** Greedy longest-match lexicon lookup over the words of a phrase. */
function canonicalise(
  phrase: string,
  lookup: LexiconLookup,
): Array<{ text: string; original: string; known: boolean }> {
  const ws = phrase.split(" ");
  const out: Array<{ text: string; original: string; known: boolean }> = [];
  let i = 0;
  let leftovers: string[] = [];
  const flush = () => {
    if (leftovers.length) {
      const t = leftovers.join(" ");
      out.push({ text: t, original: t, known: false });
    }
    leftovers = [];
  };
  while (i < ws.length) {
    let matched = false;
    for (let j = ws.length; j > i; j--) {
      // A match never starts or ends on a word the lexicon ignores ("DKA whose" is DKA).
      if (j - i > 1 && (isStopWord(ws[j - 1] as string) || isStopWord(ws[i] as string))) continue;
      const original = ws.slice(i, j).join(" ");
      const hit = lookup(original);
      if (hit) {
        flush();
        out.push({ text: hit.toLowerCase(), original, known: true });
        i = j;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const w = ws[i++] as string;
      // An ignored word ("whose") separates phrases rather than joining one.
      if (isStopWord(w)) flush();
      else leftovers.push(w);
    }
  }
  flush();
  return out;
}

/**
 * The type of a question that asks several things is the one most of its parts ask (ties: the
 * earliest): "Which sedative…, how do I screen for delirium, and should I give haloperidol?" is a
 * treatment question with a diagnostic part, not a diagnosis question.
 */
export function overallType(text: string): QuestionType {
  const whole = questionType(text);
  const parts = questionParts(text);
  // Only the parts that ask count: "My mother was diagnosed with shingles. What treatment helps?"
  // is a treatment question.
  const asking = parts.filter((p) => isAsking(p.text));
  const asked = (asking.length > 0 ? asking : parts).map((p) => p.type).filter((t) => t !== "other");
  if (asked.length === 0 || (asking.length === 0 && asked.length < 2)) return whole;
  const counts = new Map<QuestionType, number>();
  for (const t of asked) counts.set(t, (counts.get(t) ?? 0) + 1);
  const most = Math.max(...counts.values());
  if ((counts.get(whole) ?? 0) === most && most > 1) return whole;
  return asked.find((t) => counts.get(t) === most) ?? whole;
}

/** Whether a question part asks something, rather than describing the case. */
export function isAsking(part: string): boolean {
  return ASKING.test(part);
}

const ASKING =
  /^(?:what|which|how|when|why|where|who|whose|should|shall|can|could|do|does|did|is|are|will|would|may|might|must|any|at what|for how|in what)\b/i;

export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?.!]+$/g, "")
    .trim();
}

export function analyseQuestion(text: string, lookup?: LexiconLookup): AnalyzedQuestion {
  const terms = contentWords(text);
  const detail = focusPhrases(text, lookup);
  return {
    text: text.trim(),
    normalised: normaliseQuestion(text),
    type: overallType(text),
    modifiers: detectModifiers(text),
    focus: detail.map((f) => f.text),
    focusDetail: detail,
    terms,
    signals: questionSignals(text, terms, lookup),
  };
}

/** "septic shock" → "Septic shock"; used for titles. */
export function focusLabel(focus: string[]): string {
  return capitalise(focus.slice(0, 2).join(" and ") || "the question");
}

/** Stems of the focus phrases, for coverage checks. */
export function focusStems(focus: string[]): string[][] {
  return focus.map((f) => words(f).map(stem));
}

/** One asked part of a multi-part question ("what dose … and how long …?"). */
export interface QuestionPart {
  text: string;
  type: QuestionType;
  /** Content words of the part (stop, generic and dose-unit words removed). */
  terms: string[];
}

// Where a question turns to its next ask: a sentence end, a semicolon, or "and/also/or" followed
// by a question word ("… dose, and how long?"). Colon-introduced lists ("steroids dose, antibiotics,
// NIV and oxygen target") split on their commas.
const PART_BREAK =
  /[?;]+|\.\s+|,?\s+(?:and|also|or|plus|then)\s+(?=(?:what|which|how|when|should|do|does|did|is|are|can|could|would|will|at what|for how)\b)|,\s+(?=(?:what|which|how|when|should|do|does|is|are|can|could|would|at what|for how|and)\b)/gi;

export function questionParts(text: string): QuestionPart[] {
  const out: QuestionPart[] = [];
  const pieces: string[] = [];
  for (const sentence of text.split(PART_BREAK)) {
    const colon = sentence.indexOf(":");
    const list = colon >= 0 ? sentence.slice(colon + 1) : "";
    // "X: a, b and c" asks a, b and c about X.
    if (list && (list.match(/,/g)?.length ?? 0) >= 1) {
      pieces.push(sentence.slice(0, colon));
      pieces.push(...list.split(/,\s*|\s+and\s+(?=\w+(?:\s+\w+){0,3}\s*$)/i));
    } else pieces.push(sentence);
  }
  for (const piece of pieces) {
    const t = piece.trim();
    const terms = contentWords(t).filter(
      (w) => !GENERIC_WORDS.has(w) && !DOSE_WORDS.has(w) && /[a-z]/.test(w) && w.length > 1,
    );
    if (terms.length === 0 && !/\b(?:dose|dosing|how much|how long|duration)\b/i.test(t)) continue;
    out.push({ text: t, type: questionType(t), terms });
  }
  return out;
}
