/**
 * Clean-up of sentences from imported consumer-health pages (MedQuAD and similar), whose text was
 * flattened from HTML: web-page furniture ("Watch the video…", "click the brackets…"), list items
 * written twice (once after dashes, once run together), and section headings glued to the first
 * sentence ("Pain Shingles can be quite painful"). Only words are removed or re-punctuated; no
 * word is added, so a cleaned sentence is still supported by its passage.
 */

/** Page furniture that says nothing clinical. */
const FURNITURE =
  /\b(?:watch the video|the video|click (?:on |the |here)|press the|escape \(esc\)|to enlarge|to reduce the video|this page|see the (?:picture|image|figure)|scroll down|print this|see the chapter|learn more about|for more information|these resources|resources from medlineplus|genetic testing registry|gene ?review|medlineplus (?:offers|encyclopedia)|national library of medicine)\b/i;

/** Words that commonly open a sentence after a glued-on heading. */
const SENTENCE_STARTERS = new Set(
  "A An The It Its This These Those That Most Many Some Several If When At In For Most People You Your There Doctors Treatment Symptoms Signs Anyone Children Adults Women Men Patients Each Every Other Others After Before During".split(
    " ",
  ),
);
const FUNCTION_WORDS = new Set("a an and or of the to in for with then on at by from".split(" "));

/**
 * "… also - reports pain - has had chickenpox - is elderly. reports pain has had chickenpox is
 * elderly." → "… also: reports pain; has had chickenpox; is elderly."
 */
function undoDoubledList(text: string): string {
  const first = text.indexOf(" - ");
  if (first < 0) return text;
  const head = text.slice(0, first);
  const rest = text.slice(first + 3);
  const stop = rest.indexOf(". ");
  const listPart = stop >= 0 ? rest.slice(0, stop) : rest.replace(/\.\s*$/, "");
  const items = listPart.split(/\s+-\s+/).map((s) => s.trim());
  if (items.length < 2 || items.some((s) => s.length === 0)) return text;
  const after = stop >= 0 ? rest.slice(stop + 2).trim() : "";
  const repeated = items.join(" ");
  const tail = after.startsWith(repeated) ? after.slice(repeated.length).replace(/^[.\s]+/, "") : after;
  const list = `${head.replace(/[\s:,-]+$/, "")}: ${items.join("; ")}.`;
  return tail ? `${list} ${tail}` : list;
}

/** "Burning, Itching, Tingling, Then a Rash An outbreak of shingles…" → "An outbreak of shingles…". */
function dropGluedHeading(text: string): string {
  const words = text.split(/\s+/);
  let i = 0;
  let capitals = 0;
  while (i < words.length) {
    const w = (words[i] as string).replace(/[,:;]$/, "");
    if (/^[A-Z][a-z'’-]*$/.test(w)) capitals++;
    // A small word inside a heading ("Then a Rash", "Antivirals and Other") is followed by a
    // capitalised one; otherwise the sentence has begun.
    else if (!(FUNCTION_WORDS.has(w) && capitals > 0 && /^[A-Z]/.test(words[i + 1] ?? ""))) break;
    i++;
  }
  // The run must end with a sentence opener and leave at least two heading words before it.
  const opener = words[i - 1];
  if (capitals < 3 || !opener || !SENTENCE_STARTERS.has(opener) || i >= words.length) return text;
  const next = words[i] as string;
  if (!/^(?:[a-z]|\d)/.test(next)) return text;
  return words.slice(i - 1).join(" ");
}

/** A cleaned sentence, or null when nothing clinical is left. */
export function cleanImportedSentence(text: string): string | null {
  if (FURNITURE.test(text)) return null;
  // "…of the rash.Treatment with…": a sentence boundary that lost its space.
  let out = undoDoubledList(text.trim().replace(/([a-z]{2})\.([A-Z][a-z])/g, "$1. $2"));
  out = dropGluedHeading(out);
  // A bracket opened and never closed (the rest of the aside was cut away).
  if ((out.match(/\(/g)?.length ?? 0) > (out.match(/\)/g)?.length ?? 0)) out = out.replace(/^\(/, "");
  out = out.trim();
  return out.length >= 15 ? out : null;
}
