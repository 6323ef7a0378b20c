/**
 * Clause splits for patient sentences that need no new words beyond a short carrier:
 *
 * - purpose: "Repeat blood gases after starting NIV to confirm a better pH" → "Repeat blood gases
 *   after starting NIV. This is to confirm a better pH." Never after a negation: in "Do not use
 *   bicarbonate to improve blood flow" the "not" covers the purpose too.
 * - who: "Give stress ulcer prevention to adults with sepsis who have risk factors for bleeding" →
 *   "Give stress ulcer prevention to adults with sepsis. This is only for those who have risk factors
 *   for bleeding." The "only" keeps the limit on who the advice is for.
 * - label: "Septic shock, a threshold of 7 g/dL gave …" → "This is about septic shock. A threshold
 *   of 7 g/dL gave …" (a short label before the first comma, then a whole clause).
 */
import { capitalFirst, depthAt, hasFiniteVerb, NEGATION, topLevelSplit, wordCount } from "./text.js";

const PURPOSE_VERBS =
  "reduce|prevent|confirm|check|lower|raise|improve|keep|control|avoid|treat|rule out|balance|correct|decide|guide|find|detect|protect|restore|limit|relieve|ease|speed up|shorten|lessen|stop|reverse|maintain|achieve|reach|assess|monitor|confirm";
const PURPOSE = new RegExp(`\\s+(?:in order )?to (?=(?:${PURPOSE_VERBS})\\s)`, "g");
// "used to treat", "need to reduce", "able to keep": the "to" belongs to the word before it.
const NOT_PURPOSE =
  /\b(?:used|need|needs|needed|able|unable|try|tries|aim|aims|want|wants|likely|unlikely|going|has|have|had|ought|is|are|was|were|be|been|seem|seems|appear|appears|help|helps|helped|enough|how|what|shown|found|thought|known|expected|started|start|begin|continue|fail|failed|failure|way|ways|effort|efforts|chosen|choose|decide|plan|planned|intended|designed|aimed|sufficient|not|fair|reasonable|safe|important|best|better|possible|advisable|useful|helpful|appropriate|suitable|needing|enough)$/i;
// Only advice has a purpose of its own: an instruction ("Add potassium to IV fluids to keep …") or
// a statement that something is advised. "Septic shock is sepsis needing vasopressors to keep MAP
// at 65 mmHg" is a definition, and its "to" belongs to "needing vasopressors".
const ADVICE = /\b(?:advised|suggested|recommended|should|preferred)\b/i;
export const SETTING =
  /^(?:(?:In|For|After|During|Before|When|If|Once)\b[^,]*|[A-Z][\w/-]*(?:\s+[\w/-]+){0,3}),\s+/;

export function purposeSplit(p: string, shortest = 14): string[] {
  if (wordCount(p) < shortest) return [p];
  for (const m of p.matchAll(PURPOSE)) {
    if (m.index === undefined || depthAt(p, m.index) > 0) continue;
    const head = p.slice(0, m.index).replace(/,$/, "");
    const tail = p.slice(m.index + m[0].length);
    if (wordCount(head) < 6 || wordCount(tail) < 3 || NOT_PURPOSE.test(head)) return [p];
    // A negation before the purpose covers it; an open bracket or a condition after it stays joined.
    if (new RegExp(NEGATION.source, "i").test(head)) return [p];
    if (/^[^,]*,\s*(?:and|or|but|which)\b/.test(tail)) return [p];
    if (!CLAUSE_START.test(head.replace(SETTING, "")) && !ADVICE.test(head)) return [p];
    return [head, `This is to ${tail}`];
  }
  return [p];
}

const JOINING = /^(?:and|or|but|which|who|whose|that|then|with|without|than|as|so)\b/i;

// A label is a short noun phrase: no verb, no number, no joining word.
const LABEL = /^([A-Z][\w/-]*(?:\s+[\w/-]+){0,3}),\s+(.+)$/;
const LABEL_NOT =
  /\b(?:is|are|was|were|be|has|have|had|should|must|can|may|will|do|does|did|not|no|if|when|and|or|but|then|with|without|after|before|during|in|for|of|to|at|on|by|the|this|that|these|those|for example|as|through|via|from|into|like|unlike|despite|among|between|within|under|over|because|since|so|thus|therefore|however|today|now|currently|recently|sometimes|occasionally|overall|finally|first|second|third|next|later|meanwhile|otherwise|similarly|also|still|yet|instead|again|together|here|there)\b|\d|^(?:In|For|If|When|Once|After|Before|During|Although|While|Since|However|Also|Then|Here|Ideally|Usually|Often|Unless|Until|Whether|Even|Though)\b/i;
// An adverb is not a label: "Very rarely, shingles can …", "Interestingly, …", "Less commonly, …".
const ADVERB_LABEL = /^(?:(?:very|most|more|less|quite|so|too|rather|fairly|much|far)\s+)*[A-Za-z]+ly$/i;
const NOT_ADVERB =
  /^(?:family|early|elderly|daily|weekly|monthly|yearly|belly|jelly|italy|lily|ally|supply|reply|anomaly|assembly|monopoly|holy|ugly)$/i;
// The rest is a whole clause: an instruction, or a subject with a verb soon after.
export const CLAUSE_START =
  /^(?:give|start|stop|use|continue|keep|check|repeat|add|treat|prefer|refer|think about|consider|measure|monitor|switch|reduce|increase|dose|aim|offer|avoid|do not|don't|test|target|choose|restart|resume|delay|omit|hold|follow|adjust|titrate|confirm|ensure|arrange|admit|limit|restrict|replace|correct|recheck|review|watch|pause|combine|pair|ventilate|screen|assess|calculate|estimate|plan|perform|get|take|make|set)\b/i;
const VERB_SOON =
  /^(?:\S+\s+){0,7}?(?:is|are|was|were|gave|had|has|have|reduced|increased|lowered|improved|should|must|can|may|will|did|does|showed|needs?|includes?|means)\b/i;

export function labelSplit(p: string, shortest = 12): string[] {
  if (wordCount(p) < shortest) return [p];
  const m = LABEL.exec(p);
  if (!m) return [p];
  const [, label = "", rest = ""] = m;
  if (LABEL_NOT.test(label) || CLAUSE_START.test(label) || depthAt(p, label.length) > 0) return [p];
  if (ADVERB_LABEL.test(label) && !NOT_ADVERB.test(label.split(/\s+/).pop() ?? "")) return [p];
  // "Early-onset, autosomal dominant Alzheimer disease is …": one describing word before another.
  if (!/\s/.test(label) && /-|(?:ic|al|ive|ous|ed|ing|ary|ful|less|able|ible|ant|ent)$/i.test(label))
    return [p];
  if (wordCount(rest) < 7 || JOINING.test(rest)) return [p];
  if (!CLAUSE_START.test(rest) && !VERB_SOON.test(rest)) return [p];
  // "Apixaban, rivaroxaban or edoxaban, …" is a list of names, not a label.
  if (/^[^,]*,/.test(rest) && !CLAUSE_START.test(rest) && !VERB_SOON.test(rest.split(",")[0] ?? ""))
    return [p];
  const plainLabel = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return [`This is about ${plainLabel}`, capitalFirst(rest)];
}

const WHO =
  /\b(people|patients|adults|children|women|men|infants|persons|survivors|users)\b((?:\s+(?:with|on|in|at|after|taking|having|aged)\s+[^,;()]*?)?)\s+(who|whose)\s+/g;

export function whoSplit(p: string, shortest = 14): string[] {
  if (wordCount(p) < shortest) return [p];
  for (const m of p.matchAll(WHO)) {
    if (m.index === undefined || depthAt(p, m.index) > 0) continue;
    const cut = m.index + m[0].length - (m[3]?.length ?? 0) - 1;
    const head = p.slice(0, cut).trimEnd();
    const tail = p.slice(cut).trim();
    if (wordCount(head) < 7 || wordCount(tail) < 5) return [p];
    // A negation before the clause would read as covering everyone in the first sentence.
    if (new RegExp(NEGATION.source, "i").test(head)) return [p];
    // "…, who" (a comment, not a limit) and clauses that continue after a comma stay joined.
    if (/,$/.test(head) || /,\s/.test(tail)) return [p];
    // "… women and men with osteoporosis who …", "children 10 years and older and/or children who
    // …": the limit is on the last of two groups only. And in "…, but children who had chickenpox
    // may also get shingles" the people are the subject of a verb that is still to come.
    const before = p.slice(0, m.index);
    if (/\b(?:and|or|and\/or|nor)\s+(?:(?:the|all|some|most|many|other|older|younger)\s+)?$/i.test(before))
      return [p];
    const clause = topLevelSplit(before, /,\s+|\s+(?:but|while|whereas)\s+/g).pop() ?? "";
    if (
      !hasFiniteVerb(clause) &&
      !/^(?:give|start|stop|use|offer|treat|consider|avoid|screen|test|check|refer|prescribe|vaccinate)\b/i.test(
        clause.trim(),
      )
    )
      return [p];
    return [head, `This is only for those ${tail}`];
  }
  return [p];
}

// "… with a third-generation cephalosporin such as cefotaxime or ceftriaxone" at the end of a long
// sentence → "… with a third-generation cephalosporin. Examples are cefotaxime or ceftriaxone." Only
// when the examples close the sentence: in "drugs such as NSAIDs should be avoided" they are part of
// the subject and stay.
export function suchAsSplit(p: string, shortest = 14): string[] {
  if (wordCount(p) < shortest) return [p];
  const m = /,?\s+such as\s+/.exec(p);
  if (!m || depthAt(p, m.index) > 0) return [p];
  const head = p.slice(0, m.index);
  const tail = p.slice(m.index + m[0].length);
  if (wordCount(head) < 6 || wordCount(tail) < 1 || wordCount(tail) > 10) return [p];
  if (
    /\b(?:is|are|was|were|be|should|must|can|may|will|do|does|did|has|have|had|until|when|if|while|unless|because|to|once)\b|[;:]/.test(
      tail,
    )
  )
    return [p];
  // The examples may end the sentence with a short tail of their own ("…, in adults"): keep those.
  if (/,\s/.test(tail)) return [p];
  return [head, `Examples are ${tail}`];
}

// "Do not use haloperidol, an atypical antipsychotic, dexmedetomidine, a statin or ketamine to prevent
// delirium" → "Do not use any of these to prevent delirium. Haloperidol. An atypical antipsychotic. …":
// the instruction, its negation and its purpose stay in the first sentence; each option follows.
const LIST_VERB =
  /^((?:Do not|Don't|Never)\s+(?:routinely\s+|as a rule\s+)?(?:use|give|start|offer|add|prescribe|take)|Avoid|Use|Give|Offer|Consider)\s+/;
const LIST_TAIL = /\s+(to|for|in|during|after|before|when|if|with|unless|because of)\s+/;

export function optionListSplit(p: string, shortest = 14): string[] {
  if (wordCount(p) < shortest) return [p];
  const lead = LIST_VERB.exec(p);
  if (!lead) return [p];
  const body = p.slice(lead[0].length);
  const parts = body.split(/,\s+/);
  if (parts.length < 3 || /[()]/.test(body)) return [p];
  const last = parts[parts.length - 1] ?? "";
  const or = /^(.+?)\s+or\s+(.+)$/.exec(last);
  if (!or) return [p];
  const tailAt = LIST_TAIL.exec(or[2] ?? "");
  const lastItem = tailAt ? (or[2] ?? "").slice(0, tailAt.index) : (or[2] ?? "");
  const tail = tailAt ? (or[2] ?? "").slice(tailAt.index).trim() : "";
  const items = [...parts.slice(0, -1), or[1] ?? "", lastItem].map((x) => x.trim());
  // Options are short names of things: no verb, no number, no joining word.
  const verb =
    /\b(?:is|are|was|were|be|has|have|had|should|must|can|may|will|if|when|and|then|which|that)\b|\d/i;
  if (items.some((x) => wordCount(x) < 1 || wordCount(x) > 4 || verb.test(x))) return [p];
  return [`${lead[1]} any of these${tail ? ` ${tail}` : ""}`, ...items.map((x) => capitalFirst(x))];
}
