/**
 * Turns a `SearchFilter` into one predicate on doc numbers, checked against the attribute arrays
 * before a candidate is scored. Sets become lookup tables so the check costs a few array reads.
 */
import { invalidInput } from "../../core/errors.js";
import type { IndexData, SearchFilter } from "./types.js";

export type DocPredicate = (doc: number) => boolean;

function mask(size: number, codes: number[], name: string): Uint8Array {
  const m = new Uint8Array(size);
  for (const c of codes) {
    if (!(Number.isInteger(c) && c >= 0 && c < size)) throw invalidInput(`filter.${name}: bad code ${c}`);
    m[c] = 1;
  }
  return m;
}

/**
 * Null when the filter lets everything through. A year range excludes documents whose year is
 * unknown (0): someone asking for evidence since 2015 wants evidence known to be from then.
 */
export function compileFilter(ix: IndexData, filter: SearchFilter | undefined): DocPredicate | null {
  if (filter === undefined) return null;
  const checks: DocPredicate[] = [];
  if (filter.kinds !== undefined) {
    const m = mask(256, filter.kinds, "kinds");
    const kinds = ix.kinds;
    checks.push((d) => m[kinds[d]] === 1);
  }
  if (filter.collections !== undefined) {
    const m = mask(65536, filter.collections, "collections");
    const cols = ix.collections;
    checks.push((d) => m[cols[d]] === 1);
  }
  if (filter.specialty !== undefined) {
    const s = filter.specialty;
    const specs = ix.specialties;
    checks.push((d) => specs[d] === s);
  }
  if (filter.yearFrom !== undefined || filter.yearTo !== undefined) {
    const from = filter.yearFrom ?? 1;
    const to = filter.yearTo ?? 65535;
    const years = ix.years;
    checks.push((d) => {
      const y = years[d];
      return y !== 0 && y >= from && y <= to;
    });
  }
  if (filter.allow !== undefined) checks.push(filter.allow);
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0];
  return (d) => {
    for (const check of checks) if (!check(d)) return false;
    return true;
  };
}
