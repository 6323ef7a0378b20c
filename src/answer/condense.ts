/**
 * Light condensation of an extracted sentence WITHOUT adding facts: drop discourse openers that
 * dangle once the sentence stands alone ("In addition,", "However,"), inline citation markers
 * ("(ref 3)", "[12]", "[ssc-2021 §31]", "(Smith et al., 2020)") and stray whitespace. Numbers,
 * units and negations are never touched.
 */

const OPENERS =
  /^(?:in addition|additionally|moreover|furthermore|however|also|thus|therefore|hence|consequently|overall|importantly|notably|similarly|likewise|in contrast|conversely|finally|first|second|third|lastly|meanwhile|of note|in summary|in conclusion|taken together)\s*,\s*/i;

const CITATION_PATTERNS: RegExp[] = [
  /\s*\((?:refs?\.?|references?|see)\s*[\d,\s–-]+\)/gi, // (ref 3), (refs 3, 4)
  /\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*)\]/g, // [3], [3-5], [1, 2]
  /\s*\[[a-z0-9][a-z0-9-]*(?:\s*§\s*[\w.]+)?(?:\s*;\s*[a-z0-9][a-z0-9-]*(?:\s*§\s*[\w.]+)?)*\]/g, // [ssc-2021 §31]
  /\s*\((?:[A-Z][A-Za-z'-]+(?: et al\.?| and [A-Z][A-Za-z'-]+)?),? (?:19|20)\d{2}[a-z]?\)/g, // (Smith et al., 2020)
];

export function stripCitations(text: string): string {
  let out = text;
  for (const pattern of CITATION_PATTERNS) out = out.replace(pattern, "");
  return out;
}

export function condense(sentence: string): string {
  let out = stripCitations(sentence)
    .replace(/^\s*(?:[-*•–]|\d{1,2}[.)])\s+/, "") // list marker
    .replace(/\s+/g, " ")
    .trim();
  // Openers can stack ("However, in addition, …"); strip while they are at the front.
  const before = out;
  for (let i = 0; i < 3 && OPENERS.test(out); i++) out = out.replace(OPENERS, "");
  out = out.replace(/\s+([.,;:])/g, "$1").replace(/[,;:]\s*$/, "");
  // Re-capitalise only a plain word left at the front ("however, heparin" → "Heparin", not "EGFR").
  if (out !== before && /^[a-z]+\b/.test(out)) out = out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}
