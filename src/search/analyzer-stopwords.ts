/**
 * The English stop words dropped by `analyze`. Written for Osler rather than copied from a search
 * engine: the usual lists drop words that carry clinical meaning, so this one keeps negation
 * ("not", "no", "without", "against"), routes ("iv", "im", "po", "sc"), comparisons ("over",
 * "under", "before", "after", "more", "less") and everything with a digit.
 */

const WORDS = `
a about above again all also am an and any are as at be been being both but by can could did do
does doing done during each either else etc for from further had has have having he her here hers
herself him himself his how i if in into is it its itself just let may me might must my myself
nor of off on once only or other ought our ours ourselves own per same shall she should so some
such than that the their theirs them themselves then there these they this those though through
thus to too until upon us very via was we were what when where whether which while who whom whose
why will with within would yet you your yours yourself yourselves s t
`;

/** Lowercase stop words; the analyzer checks tokens after lowercasing, before stemming. */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
