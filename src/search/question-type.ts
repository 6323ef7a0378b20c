/**
 * Classifies a (possibly rambling, consumer-written) question into the question types used by
 * question banks such as MedQuAD, so retrieval can prefer passages that answer that kind of
 * question. Rules over wording; the first matching rule with the most cue hits wins.
 */

export type QuestionType =
  | "treatment"
  | "symptoms"
  | "causes"
  | "diagnosis"
  | "outlook"
  | "inheritance"
  | "susceptibility"
  | "prevention"
  | "frequency"
  | "complications"
  | "side_effects"
  | "interactions"
  | "dosage"
  | "usage"
  | "storage"
  | "ingredients"
  | "information";

const CUES: Array<[QuestionType, RegExp]> = [
  [
    "interactions",
    /\b(interact\w*|drug reaction between|(take|taking|mix\w*|combin\w*) .{0,40}\b(with|and|together)\b|together with|contraindicat\w*)/g,
  ],
  [
    "side_effects",
    /\b(side[- ]?effects?|adverse|reactions?|make me|making me|caus\w* (me|my)|after taking|since taking|since starting|when i take)\b/g,
  ],
  [
    "dosage",
    /\b(dose|doses|dosage|dosing|how much|how many (mg|milligrams|pills|tablets)|mg\b|overdose|maximum)/g,
  ],
  [
    "storage",
    /\b(expir\w*|shelf life|stabilit\w*|stor(e|ed|age|ing)|refrigerat\w*|once (it has been )?opened)\b/g,
  ],
  ["ingredients", /\b(ingredients?|contain\w*|gluten|lactose|made of|made from|what is in)\b/g],
  [
    "usage",
    /\b(how (do|should|to) (i |you )?(use|take|apply|inject)|how long (should|can|do) (i|you) (take|use|be on)|stop (taking|using)|come off|taper\w*|wean\w*|used for|use of)\b/g,
  ],
  [
    "inheritance",
    /\b(inherit\w*|hereditary|genetic\w*|passed down|pass (it )?(on|down)|runs? in (the |my )?family|genes?)\b/g,
  ],
  [
    "susceptibility",
    /\b(who (gets|is at risk)|at risk|risk of (getting|developing)|more likely|susceptib\w*|could anyone get)\b/g,
  ],
  ["prevention", /\b(prevent\w*|avoid (getting|catching)|reduce (the |my )?risk|vaccin\w*|protect\w*)\b/g],
  ["frequency", /\b(how common|how rare|how many people|prevalen\w*|inciden\w*)\b/g],
  ["complications", /\b(complications?|lead to|long[- ]term effects?|damage|worsen\w*)\b/g],
  [
    "outlook",
    /\b(prognos\w*|outlook|life expectancy|surviv\w*|cur(e|ed|able)|go away|recover\w*|how long (will|does|until)|fatal|die)\b/g,
  ],
  [
    "diagnosis",
    /\b(diagnos\w*|test(s|ing|ed)?|detect\w*|screen\w*|find out if|how (do|can) (i|you|we) (know|tell)|differentiat\w*|difference between|what kind of doctor|specialist|scan|x-?ray|mri|blood work)\b/g,
  ],
  [
    "causes",
    /\b(caus\w*|why (do|does|am|is|would)|reason|trigger\w*|due to|because of|contribut\w*|result(s|ed)? in|relationship between|related to|link\w* (between|to))\b/g,
  ],
  [
    "symptoms",
    /\b(symptoms?|signs?|feel\w*|pain|hurts?|swell\w*|rash|itch\w*|dizz\w*|numb\w*|tired|fatigue)\b/g,
  ],
  [
    "treatment",
    /\b(treat\w*|therap\w*|cure|remed\w*|manag\w*|medication for|medicine for|what can (i|be) (take|done)|get rid of|help (with|for)|surgery|options?|relie\w*)\b/g,
  ],
  [
    "information",
    /\b(what is|what are|information|learn (more|about)|tell me about|know (more )?about|research|references?)\b/g,
  ],
];

/** Ordered so that specific types beat generic ones when counts tie. */
const PRIORITY: QuestionType[] = CUES.map(([type]) => type);

export function classifyQuestionType(text: string): {
  type: QuestionType;
  scores: Partial<Record<QuestionType, number>>;
} {
  const lower = text.toLowerCase();
  const scores: Partial<Record<QuestionType, number>> = {};
  for (const [type, pattern] of CUES) {
    const hits = lower.match(pattern)?.length ?? 0;
    if (hits > 0) scores[type] = hits;
  }
  let best: QuestionType = "information";
  let bestScore = 0;
  for (const type of PRIORITY) {
    const score = scores[type] ?? 0;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return { type: best, scores };
}

/** MedQuAD qtypes that answer each question type (for reranking question-bank passages). */
export const MEDQUAD_QTYPES: Record<QuestionType, string[]> = {
  treatment: ["treatment", "indication", "usage"],
  symptoms: ["symptoms", "when to contact a medical professional"],
  causes: ["causes", "genetic changes", "susceptibility"],
  diagnosis: ["exams and tests", "symptoms"],
  outlook: ["outlook", "complications", "stages"],
  inheritance: ["inheritance", "genetic changes"],
  susceptibility: ["susceptibility", "causes", "frequency"],
  prevention: ["prevention"],
  frequency: ["frequency"],
  complications: ["complications", "outlook"],
  side_effects: ["side effects", "important warning", "severe reaction"],
  interactions: ["precautions", "interactions with medications", "important warning", "other information"],
  dosage: ["usage", "dose", "emergency or overdose", "forget a dose"],
  usage: ["usage", "precautions", "other information", "indication"],
  storage: ["storage and disposal", "other information"],
  ingredients: ["other information", "brand names", "dietary", "precautions"],
  information: ["information", "considerations", "other information"],
};

/** Words that name the question type itself; added to the query to match templated questions. */
export const TYPE_QUERY_WORDS: Record<QuestionType, string> = {
  treatment: "treatment",
  symptoms: "symptoms",
  causes: "causes",
  diagnosis: "diagnosis tests",
  outlook: "outlook",
  inheritance: "inherited genetic",
  susceptibility: "risk",
  prevention: "prevent",
  frequency: "common",
  complications: "complications",
  side_effects: "side effects",
  interactions: "interact",
  dosage: "dose",
  usage: "use",
  storage: "storage",
  ingredients: "ingredients",
  information: "information",
};
