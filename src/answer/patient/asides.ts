/**
 * Asides in brackets for patients: glossary explanations move out of long sentences, and asides
 * that are a maximum, a repeat, an example or a whole clause become a sentence of their own.
 */
import {
  capitalFirst,
  depthAt,
  hasFiniteVerb,
  NEGATION,
  startsWithPredicate,
  topLevelParens,
  wordCount,
} from "./text.js";

/**
 * A glossary explanation in brackets inside a long sentence ("… adults with sepsis (a severe
 * reaction to infection) or septic shock …") moves to a sentence of its own right after it
 * ("Sepsis means a severe reaction to infection."); in a short sentence it stays where it is.
 */
export function moveAsides(
  text: string,
  asides: Array<{ short: string; aside: string }>,
  longest = 12,
): string {
  if (!text.includes("(")) return text;
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  const out: string[] = [];
  // Explanations wait while the next sentence still leans on this one ("This is only for those
  // who …", "Do this when …", "Or …") and until the end after a list lead-in ("… any of these.").
  let pending: string[] = [];
  let listOpen = false;
  for (const sentence of sentences) {
    // A short item without a verb ("Pravastatin 10–20 mg.") goes on the list before it.
    const listItem =
      out.length > 0 &&
      wordCount(sentence) <= 8 &&
      !hasFiniteVerb(sentence) &&
      !/^(?:A|An|The|This|These|That|It|They|We|You|Your|Our|Their)\s/.test(sentence) &&
      (/\d/.test(sentence) || wordCount(sentence) <= 4);
    if (pending.length > 0 && !listOpen && !LEANS_BACK.test(sentence) && !listItem) {
      out.push(...pending);
      pending = [];
    }
    let current = sentence;
    for (const { short, aside } of asides) {
      if (/\d/.test(aside) || wordCount(current) <= longest) continue;
      const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const re = new RegExp(`(?<![A-Za-z-])(${esc(short)}) \\(${esc(aside)}\\)`, "i");
      const m = re.exec(current);
      if (!m || m.index === undefined || depthAt(current, m.index) > 0) continue;
      current = `${current.slice(0, m.index)}${m[1]}${current.slice(m.index + m[0].length)}`;
      pending.push(`${capitalFirst(m[1] ?? short)} means ${aside}.`);
    }
    if (/\b(?:these|examples)[.:]$/.test(current)) listOpen = true;
    out.push(current);
  }
  return [...out, ...pending].join(" ");
}

/** A sentence that only makes sense right after the one before it. */
const LEANS_BACK = /^(?:This|Do this|Keep this|Or|It|They|For them|In this case|Then|But|Otherwise)\b/;

// Asides in parentheses become their own sentence after the one they sit in: "(maximum 90 mg)" →
// "The most is 90 mg.", "(may repeat once)" → "This may be repeated once.", "(e.g. X)" → "For
// example, X.", and a long aside at the end of a sentence → its own sentence.
export function extractAsides(p: string): string[] {
  const extra: string[] = [];
  let text = p;
  // Several maxima in one sentence belong to different doses: moving them would lose which is which.
  if ((p.match(/\((?:max(?:imum)?|up to)\b/gi)?.length ?? 0) > 1) return [p];
  // Lists and clauses in brackets move out only of long sentences, and only one list per sentence
  // (two would both become "This includes …" and lose what each belongs to).
  const parens = topLevelParens(p);
  const long = wordCount(p) >= 13;
  const negated = new RegExp(NEGATION.source, "i");
  let lists = 0;
  for (const { start, end } of parens) if (listAside(p.slice(start + 1, end).trim(), false)) lists++;
  for (const { start, end } of parens.reverse()) {
    const inner = p.slice(start + 1, end).trim();
    const atEnd = p.slice(end + 1).trim() === "";
    const before = p.slice(0, start);
    // An example or list between a subject and its verb ("Treatments for X (such as Y) are
    // generally standard") stays where it is: moved to the end, "For example, Y" or "This
    // includes Y" would seem to be about something else. A clause, or a list that names its noun
    // again, stands on its own and may move.
    const after = p.slice(end + 1);
    // "Lorazepam 0.1 mg/kg (maximum 4 mg), may repeat once" has no subject after all: the aside may move.
    const telegraphic = /^\s*,\s+/.test(after) && startsWithPredicate(after.replace(/^\s*,\s+/, ""));
    const inSubject =
      !atEnd &&
      !telegraphic &&
      (startsWithPredicate(after) ||
        (!hasFiniteVerb(before) &&
          !INSTRUCTION.test(before.replace(/^(?:[^:]{1,80}:\s+)+/, "")) &&
          hasFiniteVerb(after.replace(/\([^()]*\)/g, "").replace(/\bto\s+[a-z]+/gi, ""))));
    const sentence =
      (inSubject ? null : asideSentence(inner, atEnd)) ??
      (long && wordCount(before) >= 3 ? clauseAside(inner) : null) ??
      (long && lists === 1 && wordCount(before) >= 3 ? namedListAside(before, inner) : null) ??
      (long && lists === 1 && wordCount(before) >= 3 && nearEnd(p.slice(end + 1)) && !inSubject
        ? listAside(inner, negated.test(p.replace(inner, "")))
        : null);
    if (!sentence) continue;
    extra.unshift(sentence);
    text = `${text.slice(0, start).replace(/\s+$/, "")}${text.slice(end + 1)}`;
  }
  if (extra.length === 0 || wordCount(text) < 2) return [p];
  return [text, ...extra];
}

// An instruction has its verb first: "Use a plan (A, B, C) to reduce …" has no subject to be in.
const INSTRUCTION =
  /^(?:use|give|start|stop|continue|keep|check|repeat|add|treat|prefer|refer|consider|measure|monitor|switch|reduce|increase|avoid|offer|prescribe|take|aim|target|restart|resume|hold|do not|don't|never)\b/i;

function asideSentence(inner: string, atEnd: boolean): string | null {
  // "(maximum 4 mg/dose)", "(up to 35 breaths/min)"; "(up to 101F)" describes a fever, and "(up to
  // 600)" without its unit would not say what the most is.
  let m = /^(?:max(?:imum)?\.?(?: dose)?|up to)\s*:?\s+([<≤]?\d.*)$/i.exec(inner);
  if (
    m &&
    (!/^up to/i.test(inner) || (/\d\s*[A-Za-zµ/]/.test(inner) && !/\d\s*(?:°|degrees|[FC]\b)/.test(inner)))
  )
    return `The most is ${m[1]}`;
  m = /^may (?:be )?repeat(?:ed)?\b\s*(.*)$/i.exec(inner);
  if (m) return `This may be repeated ${m[1] ?? ""}`.trim();
  m = /^(?:e\.g\.?|eg|for example|such as),?\s+(.+)$/i.exec(inner);
  if (m && wordCount(m[1] ?? "") >= 2) return `For example, ${m[1]}`;
  m = /^(?:i\.e\.?|that is),?\s+(.+)$/i.exec(inner);
  if (m) return `This means ${m[1]}`;
  // Trial figures at the end of a result: "… reduced death (7% vs 15%)" → "… The results were 7% vs 15%."
  if (atEnd && /\bvs\b|\bversus\b/.test(inner) && /\d/.test(inner) && !/[()]/.test(inner))
    return `The results were ${inner}`;
  // "(usually 25–50 units/kg IV)", "(aiming for 4–5 mmol/L)" at the end: a sentence with a carrier.
  if (atEnd && !/[()]/.test(inner) && wordCount(inner) >= 3) {
    if (/^(?:usually|often|typically|ideally|mostly|mainly|preferably|generally)\s/i.test(inner))
      return `This is ${inner}`;
    if (/^(?:aiming|targeting|keeping|using)\s/i.test(inner)) return `This means ${inner}`;
  }
  // Any other aside moves out only from the end of a sentence and only when it holds no number
  // (values and unit conversions stay next to what they qualify).
  if (!atEnd || wordCount(inner) < 4 || /\d/.test(inner)) return null;
  if (/\b(?:vs|versus|RR|HR|OR|CI|P)\b|%/.test(inner) || /[()]/.test(inner)) return null;
  if (/^(?:in|for|with|when|if|after|before|during|unless|while|on)\s/i.test(inner))
    return `This applies ${inner}`;
  // A bare phrase would be a fragment ("Octreotide, somatostatin or terlipressin.", "Triple-positive
  // or arterial events."): it gets a carrier; a whole clause stands as it is.
  const m2 = /^not\s+((?:in|for|with|if|when|during|after|before)\s.*)$/i.exec(inner);
  if (m2) return `This does not apply ${m2[1]}`;
  if (/^(?:adults|children|people|patients|outpatients|inpatients|women|men|infants|those)\b/i.test(inner))
    return `This is for ${inner}`;
  // Ways of giving: "(by mouth, into the joint or into a muscle)" → "This can be given by mouth, …".
  if (/^(?:by mouth|into|under the skin|as a drip|by injection|inhaled|breathed in)\b/i.test(inner))
    return `This can be given ${inner}`;
  if (/^[a-z]+ing\s/.test(inner)) return `This means ${inner}`;
  // A whole clause stands as it is; any other phrase ("the heart's upper chambers", "called
  // intravenous, or IV, injection", "as your doctor advises") stays in its brackets.
  return listAside(inner, false) ?? (wholeClause(inner) ? inner : null);
}

/** At most three words, and no new clause, after a list: "This …" then still points at the list's noun. */
function nearEnd(after: string): boolean {
  return wordCount(after) <= 3 && !/[,;:]/.test(after);
}

// The noun phrase a list in brackets belongs to, named again so the list can stand on its own
// anywhere in the sentence: "For moderately severe symptoms (nausea, confusion, headache), give …"
// → "… Moderately severe symptoms include nausea, confusion, headache." Options ("a vasoactive
// drug (octreotide, somatostatin or terlipressin)") → "A vasoactive drug can be octreotide, …". A
// list of members ("and", or only commas) needs a plural head ("symptoms include"), so that a
// single thing is never said to "include" what are really its causes or kinds.
const NP_STOP =
  /^(?:with|without|for|in|of|to|on|at|by|from|into|after|before|during|over|under|than|as|and|or|but|is|are|was|were|be|use|using|give|giving|treat|start|prefer|add|avoid|stop|consider|think|about|include|includes|including|need|needs|needed|points|shows|suggests|may|can|should|must|do|does|not|no|if|when|while|because|despite|rather|plus|per|via|also|only|all|any|each|every|a|an|the)$/i;

export function namedListAside(before: string, inner: string): string | null {
  if (listAside(inner, false) === null) return null;
  const words = before.trim().split(/\s+/);
  const np: string[] = [];
  for (let i = words.length - 1; i >= 0 && np.length < 4; i--) {
    const w = words[i] ?? "";
    if (/[,;:.()]$/.test(w) || /^[(]/.test(w) || NP_STOP.test(w) || /\d/.test(w)) break;
    np.unshift(w);
  }
  if (np.length === 0) return null;
  const head = np[np.length - 1] ?? "";
  // The head is a word, not a name or abbreviation ("PTH (…)"), and not a drug dose or a verb.
  if (!/^[a-z][a-z-]+$/.test(head) || /(?:ed|ing|ly)$/.test(head)) return null;
  const article = words[words.length - np.length - 1] ?? "";
  const plural = /[^su]s$/.test(head);
  const options = /\sor\s/.test(inner);
  // Only a phrase whose edges are certain: one that starts with "a", "an" or "the", or a plural
  // after "for", "in", "with" or "on" ("for severe symptoms (…)"). After "without" or "of" the list
  // may belong to a larger phrase ("benzodiazepines without active metabolites (lorazepam, …)").
  const articled = /^(?:a|an|the)$/i.test(article);
  if (!articled && !(plural && /^(?:for|in|with|on)$/i.test(article))) return null;
  if (!plural && !options) return null;
  const phrase = articled ? `${article.toLowerCase()} ${np.join(" ")}` : np.join(" ");
  const subject = capitalFirst(
    /^[A-Z][a-z]/.test(phrase) ? phrase : phrase.charAt(0).toUpperCase() + phrase.slice(1),
  );
  return `${subject} ${plural ? "include" : "can be"} ${inner}`;
}

// A whole clause in brackets ("(a loading dose of 0.1 units/kg is optional)") is a sentence of its
// own; it keeps every word, numbers included.
const CLAUSE_VERB = /\b(?:is|are|was|were|has|have|had|should|must|can|may|will|did|does|do)\b/;

/**
 * A clause with its own subject: a verb after at least one word, and no joining word or
 * subordinator before that verb ("conditions in which the supply is reduced" is a noun phrase;
 * "earlier if the mother is unstable" and "may mimic appendicitis" are not sentences).
 */
export function wholeClause(inner: string): boolean {
  const verb = CLAUSE_VERB.exec(inner);
  if (!verb || verb.index === 0) return false;
  const before = inner.slice(0, verb.index);
  if (
    /^(?:which|that|who|whose|and|or|but|as|than|so|see|also|called|known|not|often|usually)\b/i.test(inner)
  )
    return false;
  return !/\b(?:which|that|who|whom|whose|where|when|if|unless|because|although|though|while|since|until|as|than|in which|of which)\b/i.test(
    before,
  );
}

export function clauseAside(inner: string): string | null {
  if (wordCount(inner) < 4 || /[()]/.test(inner) || !CLAUSE_VERB.test(inner)) return null;
  if (
    !wholeClause(inner) &&
    !/^(?:in|for|with|when|if|after|before|during|unless|while|on|once|until)\s/i.test(inner)
  )
    return null;
  if (!/^[A-Za-z]/.test(inner) || /^(?:which|that|who|whose|and|or|but|as|than|so|see)\b/i.test(inner))
    return null;
  if (/\b(?:vs|versus|RR|HR|OR|CI)\b|%/.test(inner)) return null;
  if (/^(?:in|for|with|when|if|after|before|during|unless|while|on|once|until)\s/i.test(inner))
    return `This applies ${inner}`;
  return capitalFirst(inner);
}

// A list in brackets ("(apixaban, dabigatran or edoxaban)", "(vomiting, seizures, confusion)") is
// a sentence of its own after the one it sits in: "This can be A, B or C." for options, "This
// includes A, B and C." for members and for anything a negation covers ("Do not use X. This
// includes A and B."). Only from the end of a long sentence, so that "This" still means the noun
// right before the list; lists with values stay where they are.
export function listAside(inner: string, negated: boolean): string | null {
  // Values stay next to what they qualify.
  if (/[()\d]/.test(inner) || /\b(?:vs|versus|RR|HR|OR|CI|P)\b|%|[=<>≤≥]/.test(inner)) return null;
  if (CLAUSE_VERB.test(inner)) return null;
  // "30 mL/min or less" is one value, not two options.
  const core = inner.replace(/\s+or (?:less|more|above|below|higher|lower|longer|shorter)\b/gi, "");
  const parts = core.split(/,\s+(?:or\s+|and\s+)?/);
  const orParts = parts.length === 1 ? core.split(/\s+or\s+/) : parts;
  const items = parts.length > 1 ? parts : orParts;
  if (items.length < 2 || items.some((x) => wordCount(x) > 6 || !/[A-Za-z]{3}/.test(x))) return null;
  // Items are things, not ways or places: "(by mouth, into a joint)" stays where it is.
  if (
    items.some((x) =>
      /^(?:by|into|in|inside|within|under|over|through|around|on|at|to|from|with|without|for|as|via|per|if|when)\b/i.test(
        x,
      ),
    )
  )
    return null;
  // "(outpatients with comorbidities, combined with a macrolide)": a participle phrase is a note
  // on how the dose is used, not a member of a list.
  if (
    items.some((x) =>
      /^(?:combined|given|taken|used|started|followed|adjusted|guided|repeated)\b|^[a-z]+ed\s+(?:by|with|in|as|from|to|after|before|for|at|on)\b/i.test(
        x,
      ),
    )
  )
    return null;
  // Adjectives ("diabetic, alcoholic, starvation") describe the word before; they stay with it.
  const adjectives = items.filter((x) => /^[a-z-]+(?:ic|al|ous|ive|ed|ing)$/.test(x.trim())).length;
  if (adjectives * 2 >= items.length) return null;
  if (negated) return `This includes ${inner}`;
  return /\sor\s/.test(inner) ? `This can be ${inner}` : `This includes ${inner}`;
}
