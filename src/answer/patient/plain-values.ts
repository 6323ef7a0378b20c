/** Lab values and routes in words for patients; numbers and units are never touched. */

// Lab-value conditions in words: "K+ <3.5 mmol/L" → "potassium below 3.5 mmol/L", "pH ≤7.2" → "pH
// at most 7.2". Only a comparison sign directly before a number changes; the number and unit stay.
const ION_NAMES: Record<string, string> = {
  "K+": "potassium",
  "K⁺": "potassium",
  "Na+": "sodium",
  "Na⁺": "sodium",
  "Ca2+": "calcium",
  "Ca²⁺": "calcium",
  "Mg2+": "magnesium",
  "Mg²⁺": "magnesium",
};
const COMPARISONS: Record<string, string> = {
  "<": "below",
  ">": "above",
  "≤": "at most",
  "<=": "at most",
  "≥": "at least",
  ">=": "at least",
};

export function plainLabValues(text: string): string {
  return text
    .replace(
      /(?<![A-Za-z0-9])(K\+|K⁺|Na\+|Na⁺|Ca2\+|Ca²⁺|Mg2\+|Mg²⁺)(?=\s*(?:[<>≤≥]|of\s|level|was|is|\d))/g,
      (m) => ION_NAMES[m] ?? m,
    )
    .replace(
      /(^|[\s(])(<=|>=|[<>≤≥])\s?(?=\d)/g,
      (_m, pre: string, sign: string) => `${pre}${COMPARISONS[sign]} `,
    )
    .replace(
      /\b(if|when|unless|while|until|once) (potassium|sodium|calcium|magnesium|phosphate|glucose|pH|creatinine|bicarbonate|INR|haemoglobin|hemoglobin|blood sugar|platelets?|temperature|eGFR|CrCl) (?=below |above |at most |at least )/gi,
      "$1 $2 is ",
    );
}

/** Expands route abbreviations after a dose, where a plain phrase reads as the same thing. */
export function expandRoutes(text: string): string {
  const ROUTES: Record<string, string> = { IM: "into a muscle", SC: "under the skin", PO: "by mouth" };
  return text.replace(
    /(?<![A-Za-z0-9/-])(IM|SC|PO)(?![A-Za-z0-9/-])(?=\s*$|[.,;:)]|\s+(?:over|every|once|twice|daily|as|for|then|and|or|at|in|on|with|until|single|bolus|injection|[<>≤≥~]?\d))/g,
    (m) => ROUTES[m] ?? m,
  );
}
