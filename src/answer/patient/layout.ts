/**
 * Sets a patient statement out for reading: a label line ("Adults older than 50 years:"), prose,
 * and list items one per line, the way a patient leaflet would print them. Only line breaks are
 * chosen here: the lines are the statement's own words, in order, so that joining them with
 * spaces gives back the statement exactly (property-tested) — apart from the dashes a
 * consumer-health page used as bullet marks, which become the list itself. The statement text is
 * not changed, so verification, citations and the other audiences are untouched.
 */
import type { BulletLine } from "../types.js";
import { capitalFirst, depthAt, outsideBrackets, topLevelSplit, wordCount } from "./text.js";

// A label is a short noun phrase before a colon at the start: no verb, no clause.
const LABEL = /^([A-Z][^:]{1,160}?):\s+(?=\S)/;
const LABEL_VERB =
  /\b(?:is|are|was|were|be|been|has|have|had|should|must|can|may|might|will|would|do|does|did|give|use|start|stop|take|check|keep|treat|avoid|not|these)\b/i;
const MAX_LABEL_WORDS = 7;

// A list is worth setting out only in a long sentence with at least three items.
const MIN_LIST_SENTENCE_WORDS = 14;
const MAX_ITEM_WORDS = 8;
const MAX_LAST_SPLIT_WORDS = 3;
const CONJUNCTION = /^(?:and|or|and\/or)\s/i;
// Words after which a list begins ("with A, B and C", "checking A, B and C").
const LIST_LEAD =
  /\b(?:with|for|include|includes|including|such as|like|checking|check|measure|monitor|between|if|when|any|all|either|both|these|based on|depending on|according to|stop|give|start|avoid|hold|continue)\s+/gi;
// An instruction verb opens a list only when no other word does ("stop ticagrelor 3-5 days, …"
// but "do not give alteplase with A, B or C").
const VERB_LEAD = /^(?:stop|give|start|avoid|hold|continue)\s+$/i;
// A part that starts a clause of its own is not a list item.
const NOT_ITEM =
  /^(?:which|who|whose|that|but|then|if|when|unless|because|although|though|while|whereas|so|this|it|they|and|or|with|without|to|by|than|whatever|whether)\b|\b(?:is|are|was|were|has|have|had|should|must|can|may|will|did|does|include|includes)\b/i;

// "… any of these." ends a lead-in; the short sentences after it are the items.
const LIST_INTRO =
  /\b(?:(?:any|all|one|both|either|\d+)(?:\s+or more)?\s+of\s+these|include\s+these|are\s+these|examples)\.$/i;
const ITEM_SENTENCE_VERB =
  /\b(?:is|are|was|were|has|have|had|should|must|can|may|will|did|does|do|give|take|use|means|needs|shows|includes|gives|gave|stop|start|check|keep|continue|avoid|treat|reduces|increases|lowers|raises|causes|occurs|helps|works|lasts)\b/i;
const MAX_ITEM_SENTENCE_WORDS = 16;

/** The statement as lines, or null when it reads best as one paragraph. */
export function layOutStatement(text: string): BulletLine[] | null {
  const lines: BulletLine[] = [];
  let rest = text.trim();
  const label = labelOf(rest);
  if (label) {
    lines.push({ kind: "label", text: label });
    // "Dabigatran: Idarucizumab …" — what follows a label starts a line, so it starts with a capital.
    rest = capitalFirst(rest.slice(label.length).trim());
  }
  const sentences = splitSentences(rest);
  let inList = false;
  for (const sentence of sentences) {
    if (inList && isListSentence(sentence)) {
      lines.push({ kind: "item", text: sentence });
      continue;
    }
    inList = false;
    const list = markedList(sentence) ?? listIn(sentence);
    if (list) {
      if (list.lead) pushText(lines, list.lead);
      for (const item of list.items) lines.push({ kind: "item", text: item });
      continue;
    }
    pushText(lines, sentence);
    inList = LIST_INTRO.test(sentence);
  }
  return lines.length > 1 ? lines : null;
}

/** Lines in the order a reader meets them, as separate sentences (for the reading grade). */
export function layoutText(lines: BulletLine[]): string[] {
  return lines.map((l) => l.text.replace(/[,;:]$/, ""));
}

function pushText(lines: BulletLine[], text: string): void {
  const last = lines[lines.length - 1];
  if (last?.kind === "text") last.text = `${last.text} ${text}`;
  else lines.push({ kind: "text", text });
}

/** "Anti-clotting treatment: Long-term: " — one or more short labels, colons included. */
function labelOf(text: string): string | null {
  let at = 0;
  for (;;) {
    const m = LABEL.exec(text.slice(at));
    if (!m) break;
    if (!isLabel(m[1] ?? "")) break;
    at += m[0].length;
  }
  if (at === 0) return null;
  const label = text.slice(0, at).trim();
  // The label needs something to label: at least a few words after it.
  return wordCount(text.slice(at)) >= 2 ? label : null;
}

/** A short noun phrase that can head a statement: "Adults older than 50 years", "Pregnancy". */
export function isLabel(words: string): boolean {
  // What a label says in brackets ("TRISS (2014; 1,005 people)") and "et al." are part of its name.
  const bare = outsideBrackets(words).replace(/\bet al\./g, "et al");
  return (
    /^[A-Z]/.test(words) &&
    wordCount(bare) <= MAX_LABEL_WORDS &&
    !LABEL_VERB.test(bare) &&
    !/[.!?:;,]/.test(bare)
  );
}

function splitSentences(text: string): string[] {
  return topLevelSplit(text, /(?<=[.!?])\s+(?=[A-Z0-9"(])/g)
    .map((s) => s.trim())
    .filter(Boolean);
}

function isListSentence(s: string): boolean {
  return (
    itemWords(s) <= MAX_ITEM_SENTENCE_WORDS &&
    !ITEM_SENTENCE_VERB.test(s) &&
    topLevelSplit(s, /[,;:]\s/g).length === 1
  );
}

/**
 * A list the source already marked as one: items after a colon, separated by semicolons ("Do not
 * get the vaccine if you: have active shingles; have had a severe allergic reaction …") or set
 * out with dashes, as consumer-health pages print bullets ("because of: -- HIV/AIDS -- cancer
 * treatment"). The dashes are list marks, not words: they are not kept in the items.
 */
function markedList(sentence: string): { lead: string; items: string[] } | null {
  const colon = topLevelSplit(sentence, /:\s*/g);
  if (colon.length < 2) return null;
  const head = colon[0] ?? "";
  const rest = sentence.slice(sentence.indexOf(":", head.length) + 1).trim();
  const lead = `${head.trim()}:`;
  const dashed = rest
    .split(/(?:^|\s+)--\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (/^--\s/.test(rest) && dashed.length >= 2) return { lead, items: dashed };
  const semis = topLevelSplit(rest, /;\s+/g).map((x) => x.trim());
  if (semis.length < 2 || semis.some((x) => wordCount(x) === 0 || wordCount(x) > 25)) return null;
  return { lead, items: semis.map((x, i) => (i < semis.length - 1 ? `${x};` : x)) };
}

/**
 * "Suspect salicylate poisoning with ringing in the ears, vomiting, fast breathing, or confusion."
 * → lead "Suspect salicylate poisoning with" and one item per comma, the conjunction kept on the
 * last item (so "any" and "all" keep their meaning). Null when the commas do not make a list.
 */
function listIn(sentence: string): { lead: string; items: string[] } | null {
  if (wordCount(sentence) < MIN_LIST_SENTENCE_WORDS) return null;
  const parts = topLevelSplit(sentence, /,\s+/g).map((p) => p.trim());
  // The list may follow a fronted clause ("When P2Y12 blockers are paused, stop ticagrelor 3-5
  // days, clopidogrel 5 days and prasugrel 7 days"): then the clause joins the lead-in.
  for (let front = 0; front <= 1; front++) {
    const list = listFrom([parts.slice(0, front + 1).join(", "), ...parts.slice(front + 1)]);
    if (list) return list;
  }
  return null;
}

function listFrom(parts: string[]): { lead: string; items: string[] } | null {
  if (parts.length < 2) return null;
  const middle = parts.slice(1, -1);
  if (
    middle.some(
      (p) => itemWords(p) > MAX_ITEM_WORDS || NOT_ITEM.test(outsideBrackets(p)) || CONJUNCTION.test(p),
    )
  )
    return null;
  // The last part holds the last item (and whatever follows it in the sentence); without a
  // conjunction of its own it ends with one ("potassium and glucose every 1-2 hours").
  const lastPart = parts[parts.length - 1] ?? "";
  const tail = lastItems(lastPart);
  // At least three items: "A, B and C" when the last part holds two of them.
  if (!tail || middle.length + tail.length < 2) return null;
  const others = tail.length === 2 ? [...middle, tail[0] ?? ""] : middle;
  const longest = Math.max(...others.map(itemWords));
  const first = leadAndFirstItem(parts[0] ?? "", others[0] ?? "", longest);
  if (!first) return null;
  const items = [first.item, ...middle, ...tail].map((x, i, all) => (i < all.length - 1 ? `${x},` : x));
  // Only the last item's own comma is dropped when the conjunction came without one.
  if (tail.length === 2) items[items.length - 2] = (items[items.length - 2] ?? "").replace(/,$/, "");
  return { lead: first.lead, items };
}

function lastItems(part: string): string[] | null {
  // "…, or when the gut cannot be used": a condition may close a list of conditions.
  if (/^(?:and|or)\s+(?:when|if)\s/i.test(part)) return [part];
  if (NOT_ITEM.test(outsideBrackets(part).replace(CONJUNCTION, ""))) return null;
  if (CONJUNCTION.test(part)) return [part];
  // Only a short item before the conjunction: in "echo or CT and a raised marker" the "or" joins
  // two words of one item, and splitting there would change what goes with what.
  for (const m of part.matchAll(/\s(?=(?:and|or)\s)/g)) {
    if (m.index === undefined || depthAt(part, m.index) > 0) continue;
    const before = part.slice(0, m.index).trim();
    if (itemWords(before) > MAX_LAST_SPLIT_WORDS) return null;
    return [before, part.slice(m.index).trim()];
  }
  return null;
}

/** Where the list begins in the first part: after its last list-introducing word. */
function leadAndFirstItem(
  part: string,
  second: string,
  longest: number,
): { lead: string; item: string } | null {
  // The earliest lead-in whose first item is no longer than the others allow: in "This includes
  // reminders of time and place, better sleep, …" the list begins after "includes", not "of".
  let byVerb: { lead: string; item: string } | null = null;
  for (const m of part.matchAll(LIST_LEAD)) {
    if (m.index === undefined || depthAt(part, m.index) > 0) continue;
    const cut = m.index + m[0].length;
    const lead = part.slice(0, cut).trim();
    const item = part.slice(cut).trim();
    if (wordCount(lead) < 2 || itemWords(item) > longest + 2 || NOT_ITEM.test(outsideBrackets(item)))
      continue;
    if (wordCount(item) < 1 || !sameKind(item, second)) continue;
    if (!VERB_LEAD.test(m[0])) return { lead, item };
    byVerb ??= { lead, item };
  }
  if (byVerb) return byVerb;
  // A list of values that is the whole sentence ("24/48 hours with CrCl above 80, 36/72 hours …").
  if (NUMERIC.test(part) && NUMERIC.test(second) && itemWords(part) <= longest + 4)
    return { lead: "", item: part };
  return null;
}

/** An item's length leaves out what it says in brackets: "(at least 33.3 mmol/L)" is an aside. */
function itemWords(s: string): number {
  return wordCount(outsideBrackets(s));
}

const NUMERIC = /^(?:(?:at least|at most|up to|about|over|under|below|above)\s+)?[<>≤≥~]?\d/i;

/** Items of one list start alike: both with a number, or both with a word. */
function sameKind(a: string, b: string): boolean {
  return NUMERIC.test(a.trim()) === NUMERIC.test(b.trim());
}
