/**
 * Flesch–Kincaid grade level with a syllable-counting heuristic (vowel groups, silent final "e",
 * "-le" endings). Used to report how readable an answer is and to check patient answers.
 */

/** Approximate syllables in one word; numbers count as one. */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return /\d/.test(word) ? 1 : 0;
  if (w.length <= 3) return 1;
  let core = w.replace(/(?:[^laeiouysxzcgh]es|[^laeiouydt]ed|[^aeiouy]e)$/, (m) => m.charAt(0)); // silent endings
  core = core.replace(/^y/, "");
  const groups = core.match(/[aeiouy]+/g)?.length ?? 0;
  // "-le" after a consonant is its own syllable (table, simple).
  const le = /[^aeiouy]le$/.test(w) ? 1 : 0;
  return Math.max(1, groups + le);
}

export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
}

export function textStats(text: string): TextStats {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s)).length;
  const tokens = text.match(/[A-Za-z0-9][A-Za-z0-9'’-]*/g) ?? [];
  let syllables = 0;
  for (const t of tokens) syllables += countSyllables(t);
  return { sentences: Math.max(1, sentences), words: tokens.length, syllables };
}

/** Flesch–Kincaid grade, rounded to one decimal; 0 for empty text. */
export function fleschKincaidGrade(text: string): number {
  const { sentences, words, syllables } = textStats(text);
  if (words === 0) return 0;
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  return Math.round(grade * 10) / 10;
}
