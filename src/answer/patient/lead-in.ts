/**
 * A long opening phrase before the main clause becomes its own short sentence:
 *
 * - "In the CHANCE study (2013), clopidogrel-aspirin reduced …" → "Here is what the CHANCE study
 *   (2013) found. Clopidogrel-aspirin reduced …"
 * - "For septic shock with heart problems and lasting low blood flow, add dobutamine …" → "This is
 *   about septic shock with heart problems and lasting low blood flow. In this case, add dobutamine …"
 * - "In people who cannot report pain themselves, the BPS and CPOT are …" → "This is about people who
 *   cannot report pain themselves. For them, the BPS and CPOT are …"
 *
 * Every word of the sentence is kept; only the comma after the opening phrase becomes a full stop
 * with a short carrier, so numbers, negations and who the advice is for stay as they were.
 */
import { capitalFirst, depthAt, hasFiniteVerb, topLevelSplit, wordCount } from "./text.js";

const STUDY =
  /^In the ((?:[A-Z0-9][\w/-]*)(?: [A-Z0-9][\w/-]*)*) (study|trial)((?: \((?:19|20)\d\d\))?),\s+(.+)$/;
const PEOPLE =
  /^(?:all |most |some |many |older |younger |pregnant |critically ill |very ill )?(?:people|patients|adults|children|women|men|infants|newborns|neonates|those|anyone|persons)\b/i;
// Openings that are a connective, not a setting: "In addition, …", "For example, …".
const CONNECTIVE =
  /^(?:addition|general|practice|summary|particular|short|contrast|brief|most cases|some cases|this case|example|instance|now|these|this|the hope|hope|an effort|an attempt|order|other words|the past|the future|the meantime|the end|the same way|the long run|the long term|the short term|the first place|fact|turn|return|theory|total|time|part|doing so|this way|that way|a way|some ways|many ways|the meantime|the case of|more details|more information|details|information|further information)\b/i;
// A share of cases ("In about 85 percent of cases, …") says how often, not who the advice is for.
const PROPORTION =
  /^(?:(?:about|around|up to|nearly|almost|over|under|roughly|approximately|fewer than|more than|less than|at least)\s+)?(?:\d+|a few|few|many|some|most|rare|half|one|two|three|a third|a quarter)\b.*\b(?:cases|percent|per cent|%|instances|families|patients|people)\b/i;
// The main clause starts with its subject or an instruction, never with a joining word.
const JOINING = /^(?:and|or|but|which|who|whose|that|then|with|without|than|as|to|in|on|at|by|of|from)\b/i;

export function leadInSplit(p: string, shortest = 14): string[] {
  const study = STUDY.exec(p);
  if (study) {
    const [, name = "", kind = "", year = "", rest = ""] = study;
    if (wordCount(rest) < 6 || JOINING.test(rest)) return [p];
    return [`Here is what the ${name} ${kind}${year} found`, capitalFirst(rest)];
  }
  if (wordCount(p) < shortest) return [p];
  const m = /^(In|For|Among)\s+([^,;:]+?),\s+/.exec(p);
  if (!m || depthAt(p, m[0].length) > 0 || (m[2] ?? "").includes("(") !== (m[2] ?? "").includes(")"))
    return [p];
  const setting = m[2] ?? "";
  const rest = p.slice(m[0].length);
  if (wordCount(setting) < 5 || wordCount(rest) < 5 || CONNECTIVE.test(setting) || JOINING.test(rest))
    return [p];
  if (PROPORTION.test(setting)) return [p];
  // "In the DPP, a landmark study by …, researchers found …": the phrase after the comma still
  // names the setting; the main clause has not begun.
  const restParts = topLevelSplit(rest, /,\s+/g);
  if (
    restParts.length > 1 &&
    !hasFiniteVerb(restParts[0] ?? "") &&
    !/^(?:give|use|start|stop|check|do|avoid|consider|treat|add|keep)\b/i.test(rest)
  )
    return [p];
  // A study name as the setting ("In STARRT-AKI, …") is a result, not advice for a group.
  if (/^(?:the\s+)?[A-Z0-9-]{3,}\b/.test(setting) && !/\s/.test(setting.trim())) return [p];
  const carrier = PEOPLE.test(setting) ? "For them" : "In this case";
  return [`This is about ${setting}`, `${carrier}, ${rest}`];
}
