/**
 * Citation export of an answer's reference list: RIS (reference managers), BibTeX (LaTeX) and
 * CSL-JSON (Zotero, pandoc). Pure functions over the Answer contract.
 */
import type { Answer, Reference, ReferenceType } from "../answer/types.js";

export type CitationFormat = "ris" | "bib" | "json";

export const CITATION_MEDIA: Record<CitationFormat, string> = {
  ris: "application/x-research-info-systems; charset=utf-8",
  bib: "application/x-bibtex; charset=utf-8",
  json: "application/vnd.citationstyles.csl+json; charset=utf-8",
};

const RIS_TYPE: Record<ReferenceType, string> = {
  guideline: "GOVDOC",
  systematic_review: "JOUR",
  trial: "JOUR",
  research: "JOUR",
  patient_info: "ELEC",
  editorial: "ELEC",
  protocol: "GEN",
};

const CSL_TYPE: Record<ReferenceType, string> = {
  guideline: "report",
  systematic_review: "article-journal",
  trial: "article-journal",
  research: "article-journal",
  patient_info: "webpage",
  editorial: "webpage",
  protocol: "report",
};

/** Journal articles name a journal; everything else a publisher. */
const isArticle = (r: Reference) => CSL_TYPE[r.type] === "article-journal";

function citationKey(r: Reference): string {
  const word = (r.title.match(/[A-Za-z]{4,}/)?.[0] ?? "ref").toLowerCase();
  return `osler${r.n}${word}${r.year ?? ""}`;
}

export function toRis(answer: Answer): string {
  const lines: string[] = [];
  for (const r of answer.references) {
    const tag = (t: string, v: string | number | null | undefined) => {
      if (v !== null && v !== undefined && v !== "") lines.push(`${t}  - ${String(v).replace(/\s+/g, " ")}`);
    };
    tag("TY", RIS_TYPE[r.type]);
    tag("TI", r.title);
    tag(isArticle(r) ? "JO" : "PB", r.publisher);
    tag("PY", r.year);
    tag("DO", r.doi);
    tag("UR", r.url);
    if (r.pmid) tag("AN", `PMID:${r.pmid}`);
    tag("N1", `${r.typeLabel}; cited in Osler answer ${answer.id}`);
    lines.push("ER  - ", "");
  }
  return lines.join("\r\n");
}

/** Escapes BibTeX specials so titles such as "C. difficile 50% & more" survive. */
function bibEscape(text: string): string {
  return text.replace(/[\\{}]/g, "").replace(/([&%$#_])/g, "\\$1");
}

export function toBibtex(answer: Answer): string {
  return answer.references
    .map((r) => {
      const fields: Array<[string, string | number | null | undefined]> = [
        ["title", `{${bibEscape(r.title)}}`],
        [isArticle(r) ? "journal" : "publisher", r.publisher ? bibEscape(r.publisher) : null],
        ["year", r.year],
        ["doi", r.doi ? bibEscape(r.doi) : null],
        ["url", r.url],
        ["note", `${r.typeLabel}${r.pmid ? `; PMID ${r.pmid}` : ""}`],
      ];
      const body = fields
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => `  ${k} = {${v}}`)
        .join(",\n");
      return `@${isArticle(r) ? "article" : "misc"}{${citationKey(r)},\n${body}\n}\n`;
    })
    .join("\n");
}

export function toCslJson(answer: Answer): Array<Record<string, unknown>> {
  return answer.references.map((r) => ({
    id: citationKey(r),
    type: CSL_TYPE[r.type],
    title: r.title,
    ...(r.publisher ? (isArticle(r) ? { "container-title": r.publisher } : { publisher: r.publisher }) : {}),
    ...(r.year ? { issued: { "date-parts": [[r.year]] } } : {}),
    ...(r.doi ? { DOI: r.doi } : {}),
    ...(r.pmid ? { PMID: r.pmid } : {}),
    ...(r.url ? { URL: r.url } : {}),
    note: r.typeLabel,
  }));
}

export function exportCitations(answer: Answer, format: CitationFormat): string {
  if (format === "ris") return toRis(answer);
  if (format === "bib") return toBibtex(answer);
  return `${JSON.stringify(toCslJson(answer), null, 2)}\n`;
}
