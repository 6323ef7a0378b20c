/**
 * The lexicon as a matcher: finds known phrases (abbreviations, synonyms, brand names, disease
 * foci) in analysed text and returns their equivalent forms for query expansion and focus
 * detection. Phrases are compared in analysed form (stemmed tokens), so "low-molecular-weight
 * heparins" and "low molecular weight heparin" meet.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { invalidInput } from "../core/errors.js";
import type { LexiconEntry } from "../corpus/model.js";
import { analyze } from "./analyzer.js";

export interface LexiconGroup {
  /** Preferred term as written. */
  term: string;
  origin: string;
  conceptId: string | null;
  layTerm: string | null;
  /** Every variant (term, synonyms, abbreviations) in analysed form. */
  variants: string[][];
}

export interface PhraseMatch {
  start: number;
  end: number;
  groups: LexiconGroup[];
}

const MAX_PHRASE = 8;

/** Lower-cased short tokens that are units, routes or everyday words far more often than acronyms. */
const AMBIGUOUS_SHORT = new Set(
  (
    "mg ml kg g l dl mcg ug iu mm cm hr h min sec day wk mo yr mol mmol meq " +
    "iv im sc po pr bid tid qid prn od bd am pm ok us uk eu it its as at or on in an a i me my we he she " +
    "can may has had was per pt pts dr mr ms mrs no yes not all any new old big bad day way ago age due"
  ).split(" "),
);

export class LexiconMatcher {
  private readonly byKey = new Map<string, LexiconGroup[]>();
  readonly size: number;

  constructor(entries: LexiconEntry[]) {
    for (const entry of entries) {
      const forms = [entry.term, ...entry.synonyms, ...entry.abbreviations];
      const variants: string[][] = [];
      const seen = new Set<string>();
      for (const form of forms) {
        const tokens = analyze(form);
        const key = tokens.join(" ");
        if (!key || tokens.length > MAX_PHRASE || seen.has(key)) continue;
        // A form that needs its stop words to mean anything ("the change", "the pill") would
        // otherwise match the bare everyday word; the preferred term itself is always kept.
        if (form !== entry.term && tokens.length === 1 && form.trim().split(/\s+/).length > 1) continue;
        // Short acronyms from imported vocabularies ("MG", "IV") collide with units and common
        // words once lower-cased; only the curated lexicon may map those.
        if (entry.origin !== "osler" && tokens.length === 1 && AMBIGUOUS_SHORT.has(tokens[0] as string))
          continue;
        seen.add(key);
        variants.push(tokens);
      }
      if (variants.length === 0) continue;
      const group: LexiconGroup = {
        term: entry.term,
        origin: entry.origin,
        conceptId: entry.conceptId,
        layTerm: entry.layTerm,
        variants,
      };
      for (const v of variants) {
        const key = v.join(" ");
        const list = this.byKey.get(key);
        if (list) list.push(group);
        else this.byKey.set(key, [group]);
      }
    }
    this.size = this.byKey.size;
  }

  /** Longest-first, non-overlapping phrase matches over an analysed token sequence. */
  match(tokens: string[], accept: (g: LexiconGroup) => boolean = () => true): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    let i = 0;
    while (i < tokens.length) {
      let found: PhraseMatch | null = null;
      for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1; n--) {
        const groups = this.byKey.get(tokens.slice(i, i + n).join(" "))?.filter(accept);
        if (groups && groups.length > 0) {
          found = { start: i, end: i + n, groups };
          break;
        }
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Every known way of writing the concept a phrase names (analysed tokens), or [] when unknown. */
  variantsOf(phrase: string): string[][] {
    const key = analyze(phrase).join(" ");
    return (this.byKey.get(key) ?? []).flatMap((g) => g.variants);
  }

  /**
   * Canonical term for a phrase, if the lexicon knows it. A one-word synonym from an imported
   * vocabulary ("Oil" for MedQuAD's "Diesel oil") is too loose to name a medical concept, so it
   * only counts when the curated lexicon agrees or the word is the entry's own term.
   */
  lookup(phrase: string): string | null {
    const tokens = analyze(phrase);
    const key = tokens.join(" ");
    const groups = this.byKey.get(key) ?? [];
    const trusted = groups.find(
      (g) => g.origin === "osler" || tokens.length > 1 || analyze(g.term).join(" ") === key,
    );
    return trusted?.term ?? null;
  }
}

const curatedSchema = (value: unknown, file: string): LexiconEntry[] => {
  if (!Array.isArray(value)) throw invalidInput(`${file}: expected a YAML list of lexicon entries`);
  return value.map((raw, i) => {
    const e = raw as Record<string, unknown>;
    if (!e || typeof e.term !== "string" || !e.term.trim()) {
      throw invalidInput(`${file}: entry ${i + 1} has no term`);
    }
    const list = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
    return {
      term: e.term.trim(),
      synonyms: list(e.synonyms),
      abbreviations: list(e.abbreviations),
      conceptId: typeof e.conceptId === "string" ? e.conceptId : null,
      layTerm: typeof e.lay === "string" ? e.lay : null,
      origin: "osler",
    };
  });
};

/** Reads the curated clinical lexicon shipped in resources/lexicon.yaml. */
export function loadCuratedLexicon(path: string): LexiconEntry[] {
  return curatedSchema(parse(readFileSync(path, "utf8")), path);
}
