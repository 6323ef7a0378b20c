/**
 * Sentence restructuring for patient answers: long clinician sentences become short ones without
 * changing a fact. Every rule only moves words into shorter sentences or adds a short carrier
 * ("Or", "It is", "The most is"); numbers, units, drug names and negations are carried over, and
 * a statement whose numbers or negations would change is left as it was (see `sameFacts`).
 */

import { extractAsides } from "./patient/asides.js";
import {
  CLAUSE_START,
  labelSplit,
  optionListSplit,
  purposeSplit,
  SETTING,
  suchAsSplit,
  whoSplit,
} from "./patient/clauses.js";
import { leadInSplit } from "./patient/lead-in.js";
import {
  capitalFirst,
  DOSE,
  depthAt,
  embeddedAside,
  hasFiniteVerb,
  NEGATION,
  openColon,
  openPair,
  openSubordinate,
  outsideBrackets,
  sameFacts,
  standsAlone,
  topLevelSplit,
  wordCount,
} from "./patient/text.js";

export { extractAsides, moveAsides } from "./patient/asides.js";
export { plainSentences } from "./patient/plain-sentences.js";
export { expandRoutes, plainLabValues } from "./patient/plain-values.js";
export { sameFacts } from "./patient/text.js";

// --- Sentence restructuring for patients -------------------------------------------------------
// Runs on the clinician wording (after grading is dropped, before the glossary), sentence by
// sentence. Each rule only moves words into shorter sentences or adds a short carrier ("Or", "It
// is", "The most is", "This may be repeated"); numbers, units, drug names and negations are carried
// over unchanged, and a statement whose numbers or negations would change is left as it was.
const DOSE_FIRST = /^[<>≤≥~]?\d[\d.,–-]*\s?(?:mg|mcg|µg|g|mL|units?|IU|mmol|mEq)\b/;
// A dose item: a word (drug), at most two more words, then a number ("nicardipine 5 mg/h").
const DOSE_ITEM = /^[A-Za-z][\w/-]*(?:\s+[\w/-]+){0,2}\s+[<>≤≥~]?\d/;
// Words that start a continuation of the same item rather than a new one.
const NOT_AN_ITEM =
  /^(?:then|with|and|but|or|up|to|by|for|in|at|over|every|each|from|until|after|before|during|plus|given|if|when|unless|while|which|including|max|maximum|repeat|may|can|as|on|no|not|without|is|are|was|were|the|a|an|this|that|these|those|both|either|neither)\b|^\w+ed\b/i;
// A participle that continues a dose ("…, increased by 2.5 mg/h", "…, given as 50 mg"); the word after
// it must be a preposition or adverb so that adjectives ("reduced intake") are not taken for it.
const PARTICIPLE =
  /^(?:increased|decreased|reduced|adjusted|titrated|repeated|doubled|halved|given|followed|extended|continued|tapered|weaned)\s+(?:by|as|to|in|if|until|every|over|with|while|at|for|when|after|before|once|twice|daily|slowly|up|down)\b/i;
// "2 or more of A, B, C" — the items are counted together, so they must stay in one sentence.
const COUNTED = /\b(?:\d+|one|two|three|four|all|any|both|either|at least \w+)\s+(?:or more\s+)?of:?\s/i;
/** Splits long statements into short sentences; see the rules above. */
export function restructure(text: string): string {
  const result = topLevelSplit(text.trim(), /(?<=[.!?])\s+(?=[A-Z(])/g)
    // Semicolons end clauses, except in a list opened by an unfinished clause ("You may have ED
    // if you: can get …; are unable …"), whose items lean on the words before the colon.
    .flatMap((s) => (openColon(topLevelSplit(s, /;\s+/g)[0] ?? "") ? [s] : semicolonClauses(s)))
    // Such a list is left whole: every rule would cut an item off from the words it leans on.
    .flatMap((s) => (openColon(s) ? [s.trim()] : restructureSentence(s.trim())))
    .filter((s) => /[A-Za-z0-9]/.test(s))
    .map((s) => {
      const t = s.trim().replace(/[.;,]+$/, "");
      // "(The body dissolves most clots with time.)" already ends its sentence.
      return `${capitalFirst(t)}${/[!?]$|[.!?]["')\]]+$/.test(t) ? "" : "."}`;
    })
    .join(" ");
  return sameFacts(text, result) ? result : text;
}
/** Clauses between semicolons; "…; and/or a nerve block" closes the list before it and stays with it. */
function semicolonClauses(s: string): string[] {
  const out: string[] = [];
  for (const piece of topLevelSplit(s, /;\s+/g)) {
    if (out.length > 0 && /^and\/or\s/i.test(piece)) out[out.length - 1] += `; ${piece}`;
    else out.push(piece);
  }
  return out;
}

function restructureSentence(sentence: string): string[] {
  const s = sentence.replace(/\.$/, "");
  const trial = trialSentence(s);
  if (trial) return trial.flatMap((t) => splitDoses(t)).flatMap(pieceRules);
  return splitDoses(s).flatMap(pieceRules);
}

// "STREAM (2013), in early STEMI without PCI, tenecteplase gave …" → "The STREAM study (2013)
// looked at early STEMI without PCI. Tenecteplase gave …"; without an "in" clause the name is
// introduced as a study ("In the VASST study (2008), …").
const TRIAL = /^([A-Z][A-Za-z0-9]*(?:[- ][A-Z0-9][A-Za-z0-9]*)*) \(((?:19|20)\d\d)\)[,:]\s+(.+)$/;

function trialSentence(s: string): string[] | null {
  const m = TRIAL.exec(s);
  if (!m) return null;
  const [, name = "", year = "", rest = ""] = m;
  if ((name.match(/[A-Z]/g)?.length ?? 0) < 2 || /\bstudy\b|\btrial\b/i.test(name)) return null;
  if (/^in\s/i.test(rest)) {
    const [clause, ...more] = topLevelSplit(rest, /,\s+/g);
    const remainder = more.join(", ");
    if (clause && wordCount(clause) <= 16 && wordCount(remainder) >= 4) {
      return [`The ${name} study (${year}) looked at ${clause.replace(/^in\s+/i, "")}`, remainder];
    }
  }
  return leadInSplit(`In the ${name} study (${year}), ${rest}`);
}

// "Labetalol 10 mg IV, or nicardipine 5 mg/h IV, or clevidipine 1 mg/h" → one sentence per drug,
// each after the first starting with "Or" when the list is a list of options.
function splitDoses(s: string): string[] {
  if (COUNTED.test(s)) return [s];
  const parts = topLevelSplit(s, /,\s+(?:or\s+)?/g, true);
  const items: Array<{ text: string; or: boolean }> = [];
  for (let i = 0; i < parts.length; i += 2) {
    const text = parts[i] ?? "";
    const sep = parts[i - 1] ?? "";
    const prev = items[items.length - 1];
    const startsWithDose = DOSE_FIRST.test(text);
    const isItem =
      prev !== undefined &&
      DOSE.test(prev.text) &&
      (startsWithDose ||
        (DOSE_ITEM.test(text) &&
          DOSE.test(text.split(/\s+/).slice(0, 6).join(" ")) &&
          !NOT_AN_ITEM.test(text)));
    if (prev && !isItem) prev.text += `${sep}${text}`;
    else items.push({ text, or: /or/.test(sep) });
  }
  if (items.length < 2) return [s];
  const last = items[items.length - 1]?.text ?? "";
  // "A 5 mg, B 10 mg or C 2 mg are advised for …": the list is the subject; keep it whole.
  if (/\b(?:is|are|should|must|can|may)\b/.test(last)) return [s];
  const options = items.some((x) => x.or) || /\sor\s/.test(last);
  // Dose bands ("30 mg if below 60 kg, 35 mg if 60-69 kg") are not options; drugs are.
  return items.map((x, i) =>
    i > 0 && options && !DOSE_FIRST.test(x.text) ? `Or ${x.text.replace(/^or\s+/i, "")}` : x.text,
  );
}

// "Do not give alteplase with A, B within 3 months, C, or D" → "Do not give alteplase with any of
// these. A. B within 3 months. C. D." — a long list of alternatives becomes one short sentence per
// item after a lead-in that keeps the verb, the negation and the preposition.
const LIST_LEAD = /\b(?:with|for|of|differ(?:ed)? in|include|includes|including|if|when|(?<!such )as)\s+/gi;
// In "bloating and swelling of the abdomen, changes in appetite, or weight loss" the "of" belongs
// to the second of two joined words; the list does not start after it.
const OF_COORDINATED = /\b(?:and|or)\s+[a-z-]+\s+of\s+$/i;
// Words that introduce examples: a list after them is the examples, not the lead's objects.
const EXAMPLE_WORD =
  /\b(?:such as|(?<!\b(?:look|looks|looked|looking|feel|feels|felt|seem|seems|sound|sounds|act|acts|more|much|something|nothing)\s)like|including|for example|e\.g\.)\s/i;
// A verb at the end of the last item applies to each: "… if A, B or C develops" → "if any of these develops".
const ITEM_VERB = /\s+(develops?|occurs?|appears?|persists?|recurs?|worsens?|is present|are present)$/i;

const COUNTED_LEAD =
  /^(.*\b(?:\d+|one|two|three|four|all|any|both|either|at least \w+)\s+(?:or more\s+)?of)\s+(?!these\b)(.+)$/i;

function splitList(p: string): string[] {
  const parts = topLevelSplit(p, /,\s+/g);
  if (parts.length < 3) return [p];
  const first = parts[0] ?? "";
  let lead: string;
  let rest: string;
  let longest = 14;
  const colon = topLevelSplit(first, /:\s+/g);
  const counted = COUNTED_LEAD.exec(first);
  if (/^(?:for example|e\.g\.?|such as)$/i.test(first.trim()) && parts.length >= 4 && wordCount(p) >= 14) {
    // "For example, A, B, C, D" → "Here are some examples. A. B. C. D."
    lead = "Here are some examples";
    const items = parts.slice(1).map((x) => x.trim());
    // Each example is a thing: not a clause ("people can be taught …") nor a joined phrase ("such as …").
    if (items.some((x) => wordCount(x) > 10 || hasFiniteVerb(x) || EXAMPLE_WORD.test(`${x} `))) return [p];
    return [lead, ...items.map((x) => x.replace(/^(?:or|and)\s+/i, ""))];
  } else if (
    counted &&
    depthAt(first, counted.index) === 0 &&
    wordCount(p) >= 20 &&
    wordCount(counted[1] ?? "") >= 2
  ) {
    // "Lab TLS: 2 or more of A, B, C" → "Lab TLS: 2 or more of these. A. B. C." (the count stays).
    lead = `${counted[1]} these`;
    rest = counted[2] ?? "";
    longest = 18;
    // A closing time frame applies to the whole count: "…, from 3 days before to 7 days after".
    const tail = parts[parts.length - 1] ?? "";
    if (parts.length >= 4 && /^(?:from|within|over|during)\s/i.test(tail)) {
      lead = `${lead}, ${tail}`;
      parts.pop();
    }
  } else if (colon.length === 2 && wordCount(colon[0] ?? "") >= 2 && wordCount(p) >= 14) {
    // "…in several ways: it helps you lose weight, controls …, and improves …": the items are
    // what one subject does; without it they would not be sentences.
    const after = parts.slice(1).map((x) => x.replace(/^(?:and|or)\s+/i, "").trim());
    if (
      /^(?:it|they|he|she|we|you|this|these)\s/i.test((colon[1] ?? "").trim()) ||
      after.some((x) => /^[a-z]+s\s+[a-z]/.test(x) && hasFiniteVerb(x.split(/\s+/).slice(0, 2).join(" ")))
    )
      return [p];
    // "Requires all of: A, B and C" → "Requires all of these. A. B. C."
    lead = (colon[0] ?? "").replace(
      /\b((?:all|any|one|two|three|both|either|\d+)(?: or more)? of)$/i,
      "$1 these",
    );
    // A plural label ("Severe features: A, B, or C") names the items: "Severe features are any of
    // these. A. B. C." ("are these" for a list joined by "and").
    const last = parts[parts.length - 1] ?? "";
    // A counted list ("2 or more of A, B or C") keeps its count; it is never "any of these".
    const orList = /^or\s/i.test(last.trim()) && !COUNTED.test(p);
    if (wordCount(lead) === 2 && /^[A-Za-z][\w-]*\s+[A-Za-z][\w-]*s$/.test(lead.trim()))
      lead = `${lead.trim()} are ${orList ? "any of these" : "these"}`;
    // A longer label keeps what its "or" meant: "Minor criteria for severe CAP: any of these."
    else if (orList && !/\bthese$/i.test(lead.trim())) lead = `${lead.trim()}: any of these`;
    rest = colon[1] ?? "";
  } else {
    if (wordCount(p) < 14) return [p];
    // The lead-in ends at the last list-introducing word before the first comma.
    let cut = -1;
    for (const m of first.matchAll(LIST_LEAD)) {
      if (m.index !== undefined && depthAt(first, m.index) === 0) cut = m.index + m[0].length;
    }
    if (cut < 0) return [p];
    if (OF_COORDINATED.test(first.slice(0, cut))) return [p];
    const last = parts[parts.length - 1] ?? "";
    const orList = /^or\s/i.test(last) || (/\sor\s/.test(last) && !/^and\s|\sand\s/i.test(last));
    // "Causes include A, B, C and D" names all of them: "Causes include these. A. B. C. D."
    const includes = /\binclud(?:e|es|ing)\s+$/i.test(first.slice(0, cut));
    if ((!orList && !includes) || wordCount(first.slice(0, cut)) < 3) return [p];
    lead = `${first.slice(0, cut)}${includes ? "these" : "any of these"}`;
    rest = first.slice(cut);
  }
  const items = [rest, ...parts.slice(1)].map((x) => x.trim());
  // "Get CT if severe headache, nausea or worsening develops": the closing verb goes with the lead.
  const itemVerb = ITEM_VERB.exec(items[items.length - 1] ?? "");
  if (
    itemVerb &&
    /\b(?:if|when|these)\b/i.test(lead) &&
    !hasFiniteVerb((items[items.length - 1] ?? "").slice(0, itemVerb.index))
  ) {
    items[items.length - 1] = (items[items.length - 1] ?? "").slice(0, itemVerb.index);
    lead = `${lead} ${itemVerb[1]}`;
  }
  // What an item says in brackets ("anoxia (conditions in which …)") is part of it, not a clause.
  if (
    wordCount(lead) < 3 ||
    items.some((x) => wordCount(outsideBrackets(x)) < 1 || wordCount(outsideBrackets(x)) > longest)
  )
    return [p];
  // "… memory aids, such as A, B or C", "other diseases like A, B or C": the items are examples of
  // something named in the lead or the first item, and would lose what they are examples of.
  if (items.some((x) => EXAMPLE_WORD.test(`${x} `))) return [p];
  // "sPESI scores 1 point each for age over 80, cancer, …": the list begins inside the first
  // item, after its own "for"; the lead would take the wrong words.
  const others = Math.max(...items.slice(1).map((x) => wordCount(outsideBrackets(x))));
  for (const inner of (items[0] ?? "").matchAll(LIST_LEAD)) {
    if (inner.index === undefined || depthAt(items[0] ?? "", inner.index) > 0) continue;
    const before = (items[0] ?? "").slice(0, inner.index);
    const after = (items[0] ?? "").slice(inner.index + inner[0].length);
    if (wordCount(before) >= 3 && wordCount(outsideBrackets(after)) <= others + 2) return [p];
  }
  // Items are noun phrases: no clause of their own, no joining word in front (except the last "or").
  const clause = /\b(?:is|are|was|were|did|does|has|have|had)\b/;
  const joined =
    /^(?:but|which|who|whose|that|then|with|without|if|when|and|or|to|in|for|by|through|into|from|at|on|as|via|under|over|called)\b/i;
  // One-word items ("papilloedema") are fine in a long list of mostly longer ones; a list of mostly
  // single words may be adjectives ("mild, moderate or severe pain") and stays whole.
  const bare = items.map((x) => x.replace(/^(?:or|and)\s+/i, ""));
  // Items after "with", "for", "if" … are things: a bare number or an instruction ("consider a
  // higher target") is not one. After a colon, steps may be instructions ("Manage in five steps:
  // protect the heart, shift potassium into cells, …").
  const steps = colon.length === 2 && rest === (colon[1] ?? "");
  if (bare.some((x) => !/[A-Za-z]{3}/.test(x) || (!steps && IMPERATIVE.test(x)))) return [p];
  const single = bare.filter((x) => wordCount(x) < 2).length;
  if (single > 0 && (items.length < 4 || single * 2 > items.length || wordCount(items.at(-1) ?? "") < 2))
    return [p];
  if (items.some((x, i) => clause.test(outsideBrackets(x)) || (i < items.length - 1 && joined.test(x))))
    return [p];
  const lastItem = (items[items.length - 1] ?? "").replace(/^(?:or|and)\s+/i, "");
  if (
    /^(?:but|which|who|whose|that|then|with|without|if|when|to|in|for|by|through|into|from|at|on|as|via)\b/i.test(
      lastItem,
    )
  )
    return [p];
  return [lead, ...items.map((x) => x.replace(/^(?:or|and)\s+/i, ""))];
}

function pieceRules(piece: string): string[] {
  const out: string[] = [];
  // ", increased by 2.5 mg/h …" after a dose → "It is increased by 2.5 mg/h …".
  const clauses = /\d/.test(piece) ? topLevelSplit(piece, /,\s+/g, true) : [piece];
  let current = clauses[0] ?? "";
  for (let i = 1; i < clauses.length; i += 2) {
    const next = clauses[i + 1] ?? "";
    if (PARTICIPLE.test(next) && standsAlone(current) && wordCount(next) >= 3) {
      out.push(current);
      current = `It is ${next}`;
    } else current += `${clauses[i]}${next}`;
  }
  out.push(current);
  return out
    .flatMap((p) => leadInSplit(p))
    .flatMap((p) => labelSplit(p))
    .flatMap((p) => optionListSplit(p))
    .flatMap((p) => thenSplit(p))
    .flatMap(maximumSplit)
    .flatMap(resultListSplit)
    .flatMap(resultSplit)
    .flatMap(clauseAndSplit)
    .flatMap(joinSplit)
    .flatMap(conditionSplit)
    .flatMap((p) => purposeSplit(p))
    .flatMap((p) => whoSplit(p))
    .flatMap((p) => suchAsSplit(p))
    .flatMap(extractAsides)
    .flatMap(splitList)
    .flatMap(orSplit);
}

// Clause joins that become a sentence break with a short carrier; the matched words are replaced by
// the carrier and the rest of the clause is kept word for word.
const NOT_VERB = /\b(?:not|never)\b|n't\b/;
const JOINS: Array<{
  re: RegExp;
  carrier: string;
  when?: RegExp;
  unlessLeft?: RegExp;
  /** Only after an instruction: "Continue aspirin and restart …", not "… help increase X and reduce Y". */
  instruction?: boolean;
  /** A sentence of its own for the piece, when the carrier alone would not fit it (else null). */
  rewrite?: (part: string) => string | null;
}> = [
  // "…, mainly for heart attack" → "… This is mainly for heart attack"; before a noun phrase,
  // "…, especially the types that …" → "… This applies especially to the types that …".
  {
    re: /,\s+(?=(?:mainly|mostly|usually|often|ideally|preferably|typically|especially|particularly|generally)\s)/g,
    carrier: "This is ",
    rewrite: (part) => {
      const m =
        /^(especially|particularly|mainly|mostly)\s+(?=(?:the|a|an|those|these|people|patients|adults|children|women|men|older|younger|anyone|some|many)\b)/i.exec(
          part,
        );
      return m ? `This applies ${m[1]} to ${part.slice(m[0].length)}` : null;
    },
  },
  // "…, in adults with septic shock" → "… This applies in adults with septic shock".
  {
    re: /,\s+(?=in (?:adults|children|people|patients|women|men|those|older|pregnant|infants|newborns|anyone)\b)/g,
    carrier: "This applies ",
  },
  { re: /,?\s+(?:e\.g\.|for example),?\s+/g, carrier: "For example, " },
  { re: /,\s+meaning\s+/g, carrier: "This means " },
  // "…, in line with the trial thresholds" / "…, whether or not …" / "…, driven by …": the tail
  // becomes its own sentence with a short carrier; its words stay as they were.
  { re: /,\s+(?=in line with\s)/g, carrier: "This is " },
  { re: /,\s+(?=whether or not\s)/g, carrier: "This is true " },
  { re: /,\s+(?=driven by\s)/g, carrier: "This was " },
  { re: /,\s+as well as\s+(?=(?:when|if|in|for)\s)/g, carrier: "This also applies " },
  { re: /,\s+(?=even\s+(?:without|if|when|in)\s)/g, carrier: "This is true " },
  // ", because …" gives the reason for the whole instruction; a bare "because" after "not" may be
  // the thing negated ("Do not stop the drip because glucose has normalised"), so it stays.
  { re: /,\s+because\s+(?!of\b)/g, carrier: "This is because " },
  { re: /(?<!,)\s+because\s+(?!of\b)/g, carrier: "This is because ", unlessLeft: NOT_VERB },
  // "…, weighing stent clotting against bleeding risk" → "… This means weighing stent clotting …":
  // a participle of a known verb with its object, closing the sentence (not a list of nouns such as
  // "vomiting, bleeding", nor a clause in commas before the verb, nor options ", adding A, or B").
  {
    re: /,\s+(?=(?:weighing|comparing|keeping|using|accepting|aiming|allowing|balancing|ensuring|targeting|taking|making|leaving|giving|adding|checking|reducing|increasing|switching|repeating|tapering|reassessing|considering)\s+(?!and\b|or\b)[^,()]*$)/g,
    carrier: "This means ",
    unlessLeft: NEGATION,
  },
  // "Stop SGLT2 blockers before surgery because of the risk of …" → "… This is because of the risk …"
  // ("due to" is left alone: "death due to bleeding" names the kind of death, not a reason).
  // Never after a negation: in "Do not stop X because of mild side effects" the "not" covers the reason.
  {
    re: /(?<!\b(?:not|is|are|was|were|be))\s*,?\s+(?=because of\s)/g,
    carrier: "This is ",
    unlessLeft: NEGATION,
  },
  { re: /,?\s+whereas\s+/g, carrier: "But " },
  // "Continue aspirin if possible and restart the P2Y12 blocker …" → two instructions (not "to
  // identify and correct X", where both verbs share the object).
  {
    re: /(?<!\bto\s+[a-z]+),?\s+and\s+(?=(?:give|start|stop|check|use|continue|restart|avoid|repeat|add|keep|monitor|consider|switch|treat|reduce|increase|arrange|review|measure|look|seek|take|obtain|send|refer|explain|protect|examine|replace|correct|aim|discuss|offer|tell|ask|follow|recheck|reassess)\s)/g,
    carrier: "",
    unlessLeft: NEGATION,
    instruction: true,
  },
  // "…, guided by local resistance" closing a sentence → "… This is guided by local resistance".
  {
    re: /,\s+(?=(?:guided|chosen|based|tailored|informed|driven|adjusted|dosed|timed|limited|followed)\s+(?:by|on|to|with|according)\s[^,()]*$)/g,
    carrier: "This is ",
    unlessLeft: NEGATION,
  },
  // Combined doses: "…, with azithromycin 500 mg daily" → "… This is given with azithromycin 500 mg daily".
  {
    re: /,\s+with\s+(?=(?!(?:the|a|an|each|every|this|that|one|any)\b)[A-Za-z][\w-]*(?:\s+[\w-]+)?\s+[<>≤≥~]?\d[\d.,–-]*\s?(?:mg|mcg|µg|g|mL|units?|IU|mmol)\b)/g,
    carrier: "This is given with ",
    unlessLeft: NEGATION,
  },
  // Trial results: "…, with far fewer side effects" → "… This came with far fewer side effects".
  {
    re: /,\s+with\s+(?!or\b)/g,
    carrier: "This came with ",
    when: /\bvs\b|\bversus\b|\bRR\b|\bHR\b|\bP\s?[=<]/,
  },
];

// A long sentence with a condition at its end ("Check liver tests and a white-cell count if fever,
// sore throat or yellowing develop") → "… This applies if fever, …".
const CONDITION =
  /(?<!\b(?:even|as|and|or|but|only|not|what|that|and\/or))\s+(if|when|unless|once|until|while|as soon as)\s+(?!the\s+(?:above|below)\b)/g;
const CONDITION_CARRIER: Record<string, string> = {
  if: "This applies if",
  when: "This applies when",
  unless: "This applies unless",
  once: "Do this once",
  until: "Keep this up until",
  while: "This applies while",
  "as soon as": "Do this as soon as",
};

// Verbs after which "if" means "whether": "examine if …", "to see if …", "find out if …".
const WHETHER_VERB =
  /\b(?:see|seeing|know|knowing|ask|asks|asked|asking|determine|determines|determined|determining|examine|examined|examining|check|checks|checked|checking|test|tested|testing|assess|assessed|assessing|evaluate|evaluated|evaluating|investigate|investigated|investigating|find out|found out|finding out|decide|decided|wonder|wondered|tell|learn|explore|explored|establish|established|confirm|show|showed|unclear|unknown|sure|whether|influence|influences|affect|affects|predict|predicts|understand|explain|explains|depend on|depends on|about)$/i;

const IMPERATIVE =
  /^(?:give|start|stop|use|continue|keep|check|repeat|add|treat|prefer|refer|think about|consider|measure|monitor|switch|reduce|increase|draw|test|aim|offer|perform|suspect|restart|resume|replace|correct)\b/i;

function conditionSplit(p: string): string[] {
  if (wordCount(p) < 13) return [p];
  for (const m of p.matchAll(CONDITION)) {
    if (m.index === undefined || depthAt(p, m.index) > 0) continue;
    const head = p.slice(0, m.index).replace(/,$/, "");
    const tail = p.slice(m.index + m[0].length);
    // "to see if the airway is open", "to find out if …": this "if" means "whether".
    // "few, if any, symptoms": a two-word aside, not a condition.
    if (
      /^if$/i.test(m[1] ?? "") &&
      /^(?:any|ever|so|not|possible|needed|necessary|present|available|anything)\s*,/i.test(tail)
    )
      continue;
    if (WHETHER_VERB.test(head) || /\b(?:ask|asks|asked|asking)\s+(?:\S+\s+){0,4}\S+$/i.test(head))
      return [p];
    // Inside a clause opened by "If" or "When" the main clause has not begun yet.
    if (openSubordinate(head)) return [p];
    // "a condition that occurs when …", "A stroke occurs if …": the condition says what it is.
    if (
      /\b(?:occurs?|occurred|happens?|happened|arises?|develops?|results?|begins?|starts?|is present|are present)$/i.test(
        head,
      )
    )
      return [p];
    // Only the first condition, and never after a negation: "X should not be used. This applies
    // when …" would read as a rule of its own.
    // An instruction ("Add dextrose to IV fluids when …") may be short: "… Do this when …".
    const instruction = IMPERATIVE.test(head);
    if (wordCount(tail) < 5 || new RegExp(NEGATION.source, "i").test(head)) return [p];
    // Too early to split ("Switch to X once …"): a later condition may still be the place.
    if (wordCount(head) < (instruction ? 4 : 8)) continue;
    const word = (m[1] ?? "").toLowerCase();
    // ", while B advises against it" contrasts two things; only "while" without a comma is a time.
    if (word === "while" && /,\s*$/.test(p.slice(0, m.index + 1))) continue;
    if (instruction && (word === "if" || word === "when" || word === "unless" || word === "while"))
      return [head, `Do this ${word} ${tail}`];
    if (
      (word === "once" || word === "until" || word === "as soon as") &&
      !/^(?:give|start|stop|use|continue|keep|check|repeat|add|treat)\b/i.test(head)
    )
      continue;
    return [head, `${CONDITION_CARRIER[word] ?? ""} ${tail}`];
  }
  return [p];
}

// A long sentence whose options follow ", or" → "… Or … Or …" (not when the options are counted
// together, "2 or more of", or are the subject of what follows).
function orSplit(p: string): string[] {
  if (wordCount(p) < 14 || COUNTED.test(p)) return [p];
  const parts = topLevelSplit(p, /,\s+or\s+/g);
  if (parts.length < 2) return [p];
  const [head = "", ...tails] = parts;
  if (wordCount(head) < (tails.length > 1 ? 5 : 8)) return [p];
  // "… improve quality of life, ease the burden on caregivers, or delay admission": the "or" ends a
  // list whose earlier items are joined by commas; splitting there would leave the list half split.
  // Options that each have their own "or" ("Stage 3, A, or B, or C") may follow a label.
  if (tails.length === 1 && topLevelSplit(head, /,\s+/g).length > 1) return [p];
  // ", or T cells, which …" renames the thing before it, and "…, or tingling on the back, chest, or
  // …" is a list in a list: neither is an option of its own.
  if (tails.some((t) => topLevelSplit(t, /,\s+/g).length > 1)) return [p];
  // "Do not give X with A, or B": the option would lose the negation; "…, or with B" is a fragment.
  if (new RegExp(NEGATION.source, "i").test(head)) return [p];
  for (const tail of tails) {
    if (wordCount(tail) < (tails.length > 1 ? 3 : 5) || /\b(?:is|are|should|must|can|may)\b/.test(tail))
      return [p];
    if (/^(?:with|without|in|for|at|on|by|to|from|after|before|during|if|when)\b/i.test(tail)) return [p];
  }
  return [head, ...tails.map((t) => `Or ${t}`)];
}

// An infinitive still open at the end: "use X to slow Y" (and "… and reduce Z" belongs to it).
const PURPOSE_OPEN =
  /\bto\s+(?!(?:a|an|the|this|that|these|those|each|every|all|any|some|his|her|their|its|your|our|them|people|patients|adults|children|women|men|be)\b)[a-z]+\b[^,;()]*$/i;

// A condition or time limit that may reach back over an earlier instruction.
const SCOPED = /\b(?<!even )(?:until|unless|if|when|while|once|as soon as)\b/i;
// An instruction with a time of its own ("Measure on arrival and repeat … until …", "Treat for at
// least 5 days and continue until …"): the later condition belongs to the later instruction.
const LOCAL_TIME =
  /\b(?:for (?:at least |up to )?\d|on arrival|on admission|every|within|daily|twice|at \d|at once|now|first|immediately)\b/i;

// Carriers that begin a clause with a subject of its own (not a phrase hung on the sentence).
const CLAUSE_CARRIER = /^(?:This is because|But|This is true|This also applies)\b/;

/**
 * An instruction, possibly after a label or an opening setting: "Give …", "Potassium below 3.5
 * mmol/L: hold …", "In stable adults, including very ill people, use …".
 */
const MORE_INSTRUCTIONS =
  /^(?:prescribe|teach|reverse|restrict|wean|deliver|hold|seek|tell|ask|explain|encourage|advise|educate|document|record|send|obtain|order|call|go|see|wash|wear|eat|drink|rest|stay|talk|try|get|learn|remove|apply|inject|transfuse|infuse|discontinue|withhold|insert|place|drain|elevate|immobilise|immobilize|warm|cool)\b/i;
function isInstruction(s: string): boolean {
  const t = s.trim().replace(/^(?:[^:]{1,80}:\s+)+/, "");
  // "Follow-up should include …" is a noun, not "follow".
  const starts = (x: string) =>
    !/^[A-Za-z]+-/.test(x) && (IMPERATIVE.test(x) || CLAUSE_START.test(x) || MORE_INSTRUCTIONS.test(x));
  return (
    starts(t) || starts(t.replace(SETTING, "")) || topLevelSplit(t, /,\s+/g).some((x) => starts(x.trim()))
  );
}

function joinSplit(p: string): string[] {
  let pieces = [p];
  for (const { re, carrier, when, unlessLeft, instruction, rewrite } of JOINS) {
    if (when && !when.test(p)) continue;
    const negated = unlessLeft ? new RegExp(unlessLeft.source, "i") : null;
    pieces = pieces.flatMap((piece) => {
      const parts = topLevelSplit(piece, re, true);
      if (parts.length < 3) return [piece];
      const out = [parts[0] ?? ""];
      for (let i = 1; i < parts.length; i += 2) {
        const sep = parts[i] ?? "";
        const part = parts[i + 1] ?? "";
        const prev = out[out.length - 1] ?? "";
        // The rest of the sentence from here: an aside in the subject ("Many people with dementia,
        // especially those in the early stages, may benefit …") stays where it is, and so does
        // anything inside a clause opened by "If" or "When" that has not reached its main clause.
        const rest = parts.slice(i + 1).join("");
        if (
          wordCount(prev) < 4 ||
          wordCount(part) < 3 ||
          negated?.test(prev) ||
          // "use X to slow Y and reduce Z": both verbs belong to the purpose, not to the instruction.
          (instruction && (!isInstruction(prev) || PURPOSE_OPEN.test(prev))) ||
          // "hold insulin and replace potassium until it is 3.5 or more": a condition or time at the
          // end may cover both instructions; only one with a condition of its own stands apart.
          (instruction && SCOPED.test(part) && !SCOPED.test(prev) && !LOCAL_TIME.test(prev)) ||
          openSubordinate(prev) ||
          openPair(prev) ||
          /\b(?:and|or|but)$/i.test(prev.trim()) ||
          (carrier !== "" && embeddedAside(prev, rest, CLAUSE_CARRIER.test(carrier) ? "clause" : "phrase"))
        ) {
          out[out.length - 1] = `${prev}${sep}${part}`;
        } else out.push(rewrite?.(part) ?? `${carrier}${part}`);
      }
      return out;
    });
  }
  return pieces;
}

// "80 mg IV bolus then 8 mg/h" → "80 mg IV bolus. Then 8 mg/h".
function thenSplit(p: string): string[] {
  const parts = topLevelSplit(p, /,?\s+then\s+(?=[<>≤≥~]?\d)/g);
  if (parts.length < 2 || parts.some((x) => wordCount(x) < 2)) return [p];
  return parts.map((x, i) => (i > 0 ? `Then ${x}` : x));
}

// "… every 5–15 minutes to a maximum of 15 mg/h" → "… every 5–15 minutes. The most is 15 mg/h".
function maximumSplit(p: string): string[] {
  // "…, up to 20 mg/day" (a dose ceiling, not a duration) → "… The most is 20 mg/day".
  const upTo = /,\s+up to\s+(?=[<≤]?\d)/i.exec(p);
  if (upTo && depthAt(p, upTo.index) === 0) {
    const tail = p.slice(upTo.index + upTo[0].length);
    const head = p.slice(0, upTo.index);
    if (DOSE_FIRST.test(tail) && wordCount(head) >= 4) return [head, `The most is ${tail}`];
  }
  const alone = /^max(?:imum)?:?\s+(?=[<≤]?\d)/i.exec(p);
  if (alone) return [`The most is ${p.slice(alone[0].length)}`];
  const m =
    /,?\s+(?:up\s+)?to a maximum of\s+|,\s+max(?:imum)?(?:\s+(single|daily|total))?(?:\s+dose)?(?:\s+of)?\s+(?=[<≤]?\d)/i.exec(
      p,
    );
  if (!m || depthAt(p, m.index) > 0) return [p];
  const head = p.slice(0, m.index);
  const tail = p.slice(m.index + m[0].length);
  if (wordCount(head) < 3 || !/^[<≤]?\d/.test(tail)) return [p];
  const kind = m[1] ? `${m[1].toLowerCase()} ` : "";
  return [head, kind ? `The highest ${kind}dose is ${tail}` : `The most is ${tail}`];
}

// "X did not reduce A (43.9% vs 43.7%) and increased B (10.4% vs 6.0%)" → "… It also increased B".
// Only in result statements (a percentage or "vs"), where the subject is the treatment studied.
function resultSplit(p: string): string[] {
  if (!/%|\bvs\b|\bversus\b/.test(p) || wordCount(p) < 16) return [p];
  const parts = topLevelSplit(
    p,
    /,?\s+and\s+(?=(?:increased|reduced|decreased|improved|lowered|raised|caused|shortened|prolonged|halved|doubled)\s)/g,
  );
  if (parts.length !== 2 || wordCount(parts[0] ?? "") < 8 || wordCount(parts[1] ?? "") < 3) return [p];
  if (
    !/\b(?:did|was|were|had|reduced|increased|improved|lowered|gave|caused|decreased)\b/.test(parts[0] ?? "")
  )
    return [p];
  return [parts[0] ?? "", `It also ${parts[1]}`];
}

// "Apixaban reduced A (1.3% vs 1.6%), B (2.1% vs 3.1%) and C (3.5% vs 3.9%) versus warfarin" →
// "Apixaban reduced A (1.3% vs 1.6%) versus warfarin. It also reduced B (…). It also reduced C (…)."
// Each result keeps its own figures; the comparison at the end stays with the first result.
const RESULT_VERB =
  /\b(reduced|increased|lowered|improved|decreased|raised|cut|shortened|prolonged|halved|doubled)\s+/g;

export function resultListSplit(p: string): string[] {
  if (!/%|\bvs\b|\bversus\b|\bHR\b|\bRR\b/.test(p) || wordCount(p) < 18) return [p];
  const verbMatch = [...p.matchAll(RESULT_VERB)].find(
    (m) => m.index !== undefined && depthAt(p, m.index) === 0,
  );
  if (!verbMatch || verbMatch.index === undefined) return [p];
  const head = p.slice(0, verbMatch.index);
  if (new RegExp(NEGATION.source, "i").test(head) || wordCount(head) < 1) return [p];
  const verb = verbMatch[1] ?? "";
  const after = p.slice(verbMatch.index + verbMatch[0].length);
  // Items end at a closing bracket followed by ", " / ", and " / " and ".
  const items = topLevelSplit(after, /(?<=\))(?:,\s+(?:and\s+)?|\s+and\s+)/g);
  if (items.length < 2) return [p];
  const last = items[items.length - 1] ?? "";
  const lastParen = last.lastIndexOf(")");
  const tail = lastParen >= 0 ? last.slice(lastParen + 1).trim() : "";
  if (tail && (wordCount(tail) > 4 || !/^(?:versus|vs\.?|compared with|with|than|over)\s/i.test(tail)))
    return [p];
  const bodies = [...items.slice(0, -1), tail ? last.slice(0, lastParen + 1) : last];
  // Every item is a short noun phrase with its own figures in brackets at its end.
  if (
    bodies.some(
      (b) =>
        !/\)$/.test(b.trim()) ||
        !/\d/.test(b) ||
        wordCount(b) > 16 ||
        /\b(?:is|are|was|were|did|does|has|have|had)\b/.test(b.replace(/\([^()]*\)/g, "")),
    )
  )
    return [p];
  return bodies.map((b, i) =>
    i === 0 ? `${head}${verbMatch[0]}${b}${tail ? ` ${tail}` : ""}` : `It also ${verb} ${b}`,
  );
}

// "Sudden kidney damage is present and creatinine is above 3 mg/dL …": two full clauses joined by
// "and" become two sentences. Both halves need a verb of their own and the second its own subject;
// a condition ("if", "when" …) or a negation that could reach across the "and" keeps them joined.
const FINITE =
  /\b(?:is|are|was|were|has|have|had|should|must|can|may|will|did|does|reduced|increased|showed)\b/i;

export function clauseAndSplit(p: string): string[] {
  if (wordCount(p) < 15 || COUNTED.test(p)) return [p];
  for (const m of p.matchAll(/,?\s+and\s+/g)) {
    if (m.index === undefined || depthAt(p, m.index) > 0) continue;
    const left = p.slice(0, m.index);
    const right = p.slice(m.index + m[0].length);
    if (wordCount(left) < 6 || wordCount(right) < 5) continue;
    if (
      /\b(?:if|when|unless|while|whether|where|both|either|neither|nor|between|until|once|after|before)\b/i.test(
        left,
      )
    )
      return [p];
    if (!FINITE.test(left)) continue;
    // "A diet that includes fruits and is low in fat and added sugar can …": the verbs so far belong
    // to a clause inside the subject; the main verb is still to come.
    const relative = /\b(?:that|which|who|whose|where)\b/i.exec(left);
    if (relative && !FINITE.test(left.slice(0, relative.index))) return [p];
    // "… showed that modest weight loss and moderate activity were effective": the clause after
    // "that" has no verb yet, so both nouns are its subject.
    const lastThat = [...left.matchAll(/\b(?:that|whether|if)\b/gi)].pop();
    if (lastThat?.index !== undefined && !FINITE.test(left.slice(lastThat.index + lastThat[0].length)))
      return [p];
    // "…, restoring lost function, and even preventing the disease are …": the end of a list.
    if (/^,/.test(m[0])) {
      const segs = topLevelSplit(left, /,\s+/g);
      const lastSeg = segs[segs.length - 1] ?? "";
      if (segs.length > 1 && wordCount(lastSeg) <= 6 && !FINITE.test(lastSeg)) return [p];
    }
    // The right half starts with its subject (not a verb, preposition or number) and has a verb soon.
    const rightWords = right
      .replace(/\([^()]*\)/g, "")
      .split(/\s+/)
      .filter(Boolean);
    const verbAt = rightWords.slice(0, 6).findIndex((w) => FINITE.test(w));
    if (verbAt < 1) continue;
    // Before that verb only a subject: not adverbs alone ("and usually have …"), not a clause inside
    // a noun phrase ("and disorders that can cause …", "and the long-term pain it can cause"), and
    // not the end of one clause and the start of another ("and conduct a physical exam, and may …").
    const subject = rightWords.slice(0, verbAt);
    if (
      subject.every((w) =>
        /^(?:[a-z]+ly|also|then|still|often|never|always|sometimes|only|even|just|now|later|so)$/i.test(w),
      )
    )
      continue;
    if (
      subject.some(
        (w, i) =>
          /^(?:that|which|who|whom|whose|where|and|or|but|because|if|when|although|while|since|unless|whether|as)$/i.test(
            w,
          ) ||
          /,$/.test(w) ||
          (i > 0 && /^(?:it|they|we|you|he|she|I)$/.test(w)),
      )
    )
      continue;
    if (
      /^(?:is|are|was|were|has|have|had|should|must|can|may|will|to|in|on|at|by|for|with|without|of|from|then|also|[<>≤≥~]?\d)/i.test(
        rightWords[0] ?? "",
      )
    )
      continue;
    return [left, right];
  }
  return [p];
}
