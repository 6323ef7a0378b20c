/**
 * The lay glossary (`resources/lay-glossary.yaml`: a list of { term, plain, explain? }), loaded
 * lazily and tolerant of absence, plus a small built-in fallback so patient answers read plainly
 * even before the file exists. Entries from the file override built-in ones with the same term.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

export interface GlossaryEntry {
  term: string;
  plain: string;
  explain?: string;
}

const entrySchema = z.object({
  term: z.string().min(1),
  plain: z.string().min(1),
  explain: z.string().optional(),
});

/** A few clinical words every patient answer needs simplified, whatever the file holds. */
export const BUILTIN_GLOSSARY: GlossaryEntry[] = [
  { term: "administer", plain: "give" },
  { term: "administered", plain: "given" },
  { term: "initiate", plain: "start" },
  { term: "initiated", plain: "started" },
  { term: "discontinue", plain: "stop" },
  { term: "discontinued", plain: "stopped" },
  { term: "approximately", plain: "about" },
  { term: "prior to", plain: "before" },
  { term: "utilize", plain: "use" },
  { term: "patients", plain: "people" },
  { term: "adverse effects", plain: "side effects" },
  { term: "intravenous", plain: "into a vein" },
  { term: "intravenously", plain: "into a vein" },
  { term: "subcutaneous", plain: "under the skin" },
  { term: "renal", plain: "kidney" },
  { term: "hepatic", plain: "liver" },
  { term: "cardiac", plain: "heart" },
  { term: "pulmonary", plain: "lung" },
  { term: "haemorrhage", plain: "bleeding" },
  { term: "hemorrhage", plain: "bleeding" },
  { term: "hypotension", plain: "low blood pressure" },
  { term: "hypertension", plain: "high blood pressure" },
  { term: "contraindicated", plain: "not safe to use" },
  { term: "mortality", plain: "risk of death" },
  { term: "efficacy", plain: "how well it works" },
  { term: "prophylaxis", plain: "prevention" },
  { term: "thromboprophylaxis", plain: "medicine to prevent blood clots" },
  { term: "anticoagulation", plain: "blood-thinning treatment" },
  { term: "anticoagulant", plain: "blood thinner" },
  { term: "venous thromboembolism", plain: "blood clots in the veins" },
  { term: "thrombosis", plain: "a blood clot" },
  { term: "vasopressor", plain: "medicine to raise blood pressure" },
  { term: "vasopressors", plain: "medicines to raise blood pressure" },
  { term: "sepsis", plain: "sepsis (a severe reaction to infection)" },
  { term: "concomitant", plain: "added" },
  { term: "concurrent", plain: "added" },
  { term: "titrate", plain: "adjust" },
  { term: "titrated", plain: "adjusted" },
  { term: "randomized", plain: "fairly compared" },
  { term: "randomised", plain: "fairly compared" },
  { term: "clinicians", plain: "doctors and nurses" },
  { term: "clinician", plain: "doctor or nurse" },
];

const cache = new Map<string, GlossaryEntry[]>();

/** Reads the glossary file once; a missing or malformed file yields the built-in list only. */
export function loadLayGlossary(
  path = resolve(process.cwd(), "resources/lay-glossary.yaml"),
): GlossaryEntry[] {
  const hit = cache.get(path);
  if (hit) return hit;
  let fromFile: GlossaryEntry[] = [];
  if (existsSync(path)) {
    try {
      const data = parse(readFileSync(path, "utf8"));
      if (Array.isArray(data)) {
        fromFile = data.flatMap((item) => {
          const parsed = entrySchema.safeParse(item);
          return parsed.success ? [parsed.data] : [];
        });
      }
    } catch {
      fromFile = []; // a broken glossary must not break answers; patient text stays clinical-ish
    }
  }
  const merged = mergeGlossary(BUILTIN_GLOSSARY, fromFile);
  cache.set(path, merged);
  return merged;
}

export function mergeGlossary(base: GlossaryEntry[], over: GlossaryEntry[]): GlossaryEntry[] {
  const byTerm = new Map<string, GlossaryEntry>();
  for (const e of [...base, ...over]) byTerm.set(e.term.toLowerCase(), e);
  return [...byTerm.values()];
}

// Units and dose words are facts; the rewrite must never touch them.
const PROTECTED = /^(?:mg|mcg|g|kg|ml|l|iu|units?|mmol|mmhg|%|h|min|\d.*)$/i;

export interface LayRewriter {
  rewrite(text: string): string;
  /** Entries whose term occurs in the text (for student explanations). */
  termsIn(text: string): GlossaryEntry[];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function insideParentheses(text: string, index: number): boolean {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** An abbreviation ("PE", "DOACs", "eGFR"): two or more capitals and no two lower-case letters in a row. */
export function isAbbreviation(term: string): boolean {
  return (term.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/[a-z]{2}/.test(term);
}

/**
 * A word or phrase (up to three words) said twice in a row because a replacement repeated the word
 * before it ("severe anaphylaxis" → "severe severe allergic reaction", "chronic CKD" → "long-term
 * long-term kidney disease") is said once. Repeats already in the source text are left alone.
 */
// A repeat holding a negation or a number is never collapsed: dropping it could change a fact.
const FACT_WORD = /\d|\b(?:no|not|never|without|avoid|nor|neither|except|unless|cannot)\b/i;

export function collapseRepeats(source: string, rewritten: string): string {
  const lower = source.toLowerCase();
  return dropEchoedAsides(lower, rewritten)
    .replace(
      /(?<![A-Za-z-])([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})\s+\1(?![A-Za-z-])/gi,
      (m: string, first: string) => (lower.includes(m.toLowerCase()) || FACT_WORD.test(m) ? m : first),
    )
    .replace(
      // "first-line choice" → "first-choice choice" → "first-choice".
      /(?<=[A-Za-z]-)([A-Za-z]+)\s+\1(?![A-Za-z-])/gi,
      (m: string, first: string) => (lower.includes(m.toLowerCase()) ? m : first),
    );
}

/**
 * An adjective replaced by a noun phrase ("antiviral" → "antiviral medicine") before a noun of
 * its own ("antiviral drugs") says the noun twice: "antiviral medicine drugs" → "antiviral
 * medicines", "… medicine pills" → "… pills", "… medicine therapy" → "… medicine".
 */
export function mergeMedicineNouns(source: string, rewritten: string): string {
  const lower = source.toLowerCase();
  return rewritten.replace(
    /\b(medicines?)\s+(medicines?|medications?|drugs?|agents?|pills?|tablets?|therapy|therapies|treatments?)\b/gi,
    (m: string, medicine: string, noun: string) => {
      if (lower.includes(m.toLowerCase())) return m;
      if (/^(?:pills?|tablets?)$/i.test(noun)) return noun;
      const plural = /s$/i.test(noun) && !/^therapy$/i.test(noun);
      return plural ? `${medicine.charAt(0)}edicines` : medicine;
    },
  );
}

/**
 * "haematuria (blood in the urine)" → "blood in the urine (blood in the urine)": an aside that only
 * repeats the words just before it is dropped.
 */
function dropEchoedAsides(lowerSource: string, rewritten: string): string {
  return rewritten.replace(/\s*\(([^()\d]{3,80})\)/g, (m: string, inner: string, offset: number) => {
    const before = rewritten.slice(0, offset).trimEnd().toLowerCase();
    const echo = inner.trim().toLowerCase();
    return before.endsWith(echo) && !lowerSource.includes(`${echo} (${echo})`) ? "" : m;
  });
}

export function layRewriter(glossary: GlossaryEntry[]): LayRewriter {
  const entries = glossary.filter((e) => !PROTECTED.test(e.term.trim()));
  entries.sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
  const byTerm = new Map(entries.map((e) => [e.term.toLowerCase(), e]));
  const escaped = entries.map((e) => e.term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const terms = escaped.length > 0 ? `(?<![A-Za-z0-9-])(?:${escaped.join("|")})(?![A-Za-z0-9-])` : null;
  const pattern = terms ? new RegExp(terms, "gi") : null;
  // The same, with the indefinite article before it, so "an analgesic" becomes "a painkiller".
  const withArticle = terms ? new RegExp(`(?:\\b(a|an)\\s+)?(${terms})`, "gi") : null;
  // A plain form with an aside ("septic shock (very low blood pressure …)") is explained once per
  // rewriter (one answer); later occurrences keep only the part before the aside.
  const explained = new Set<string>();
  return {
    rewrite(text) {
      if (!withArticle) return text;
      const pattern = withArticle;
      return mergeMedicineNouns(
        text,
        collapseRepeats(
          text,
          text.replace(pattern, (...args: unknown[]) => {
            const article = args[1] as string | undefined;
            const match = args[2] as string;
            // Inside parentheses an aside would nest ("(septic shock (…) …)"): use the short form.
            const offset = args[args.length - 2] as number;
            const before = text.slice(0, offset);
            const after = text.slice(offset + (args[0] as string).length);
            // "mg PE/kg" is a unit (phenytoin equivalents), not a clot in the lung.
            if (/[/]$/.test(before) || /^[/]/.test(after)) return args[0] as string;
            // "deep vein thrombosis (DVT)": an abbreviation introduced in brackets stays as
            // written, so the reader learns the letters they will hear.
            if (isAbbreviation(match) && !article && /\($/.test(before) && /^\)/.test(after))
              return args[0] as string;
            let plain = replace(match, insideParentheses(text, offset));
            if (plain !== match && isAbbreviation(match) && !article && /(?:^|[.!?:]\s+)$/.test(before))
              plain = capitalise(plain);
            if (!article || plain === match) return `${article ? `${article} ` : ""}${plain}`;
            // The plain form may bring its own article ("a blood clot"); otherwise fit a/an to it.
            if (/^(?:a|an|the)\s/i.test(plain)) return /^[A-Z]/.test(article) ? capitalise(plain) : plain;
            // "a usual", "a urine test", "a one-off": vowel letters that sound like a consonant.
            // An initialism is read letter by letter: "an SGLT2 blocker", "an MRI", but "a GP".
            const fitted =
              (/^[aeiou]/i.test(plain) && !/^(?:uni|use|usu|ure|uri|uti|eu|one)/i.test(plain)) ||
              /^[AEFHILMNORSX][A-Z0-9]+\b/.test(plain)
                ? "an"
                : "a";
            return `${/^[A-Z]/.test(article) ? capitalise(fitted) : fitted} ${plain}`;
          }),
        ),
      );
      function replace(match: string, nested: boolean): string {
        const key = match.toLowerCase();
        const entry = byTerm.get(key);
        // Abbreviations match only as written: "PE" is a clot in the lung, "pe" is not.
        if (!entry || (isAbbreviation(entry.term) && entry.term !== match)) return match;
        // A word in capitals is a name ("EMPA-REG OUTCOME"), not the everyday word.
        if (!isAbbreviation(entry.term) && /^[^a-z]*[A-Z][^a-z]*[A-Z][^a-z]*$/.test(match)) return match;
        let plain = entry.plain;
        if (plain.includes(" (")) {
          if (explained.has(key) || nested) plain = plain.slice(0, plain.indexOf(" (")).trim();
          else explained.add(key);
        }
        // Case-aware: keep a capital at the start of a sentence, never shout an acronym's expansion.
        // ("HbA1c", "SpO2" start with a capital but are abbreviations, not a capitalised word.)
        return /^[A-Z][a-z]/.test(match) && !isAbbreviation(match) ? capitalise(plain) : plain;
      }
    },
    termsIn(text) {
      if (!pattern) return [];
      const found: GlossaryEntry[] = [];
      for (const m of text.matchAll(pattern)) {
        const e = byTerm.get(m[0].toLowerCase());
        if (e && !found.includes(e) && (!isAbbreviation(e.term) || e.term === m[0])) found.push(e);
      }
      return found;
    },
  };
}
