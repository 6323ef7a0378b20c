/**
 * Editorial checks over the starter library: the rules of library/README.md that a parser alone
 * does not enforce (every bullet cited, every declared source used, doses with units, sections in
 * order and non-empty, guidelines present in the registry), plus a readability and length report.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { fleschKincaidGrade } from "../answer/readability.js";
import { parseMarker } from "../corpus/importers/inline-refs.js";
import { type LibraryDoc, parseLibraryDoc } from "../corpus/importers/library-doc.js";

export const SECTION_ORDER = [
  "Recommendations",
  "Dosing and administration",
  "Monitoring",
  "Special populations",
  "Contraindications and cautions",
  "Duration and follow-up",
  "Key evidence",
];

/**
 * A dose written without its unit: a bare number followed straight by a route, or a frequency
 * ("40 IV daily", "morphine 2 IV"). Numbers with units, scores, pH and INR
 * values never match because a unit or a non-route word follows them.
 */
const DOSE_WITHOUT_UNIT =
  /(?<![\w.\-/])\d+(?:\.\d+)?\s+(?:IV\b|IM\b|PO\b|SC\b|SQ\b|orally\b|intravenously\b|subcutaneously\b|intramuscularly\b|daily\b|once\b|twice\b|bid\b|tid\b|qid\b)/i;

export interface DocReport {
  file: string;
  id: string;
  specialty: string;
  bullets: number;
  words: number;
  grade: number;
  sources: number;
  guidelines: number;
}

export interface LibraryCheck {
  docs: LibraryDoc[];
  problems: string[];
  reports: DocReport[];
}

export function libraryFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (!entry.isDirectory() || entry.name === "registry") continue;
    for (const f of readdirSync(join(dir, entry.name)).sort()) {
      if (f.endsWith(".md")) files.push(join(dir, entry.name, f));
    }
  }
  return files;
}

function bodyOf(raw: string): string[] {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const end = lines.indexOf("---", 1);
  return lines.slice(end + 1);
}

export function checkDocument(file: string, raw: string): { doc: LibraryDoc | null; problems: string[] } {
  const problems: string[] = [];
  const expectedId = `${basename(join(file, ".."))}/${basename(file, ".md")}`;
  let doc: LibraryDoc;
  try {
    doc = parseLibraryDoc(file, raw, expectedId);
  } catch (error) {
    return { doc: null, problems: [(error as Error).message] };
  }
  const used = new Set<string>();
  let section = "";
  let sectionIndex = -1;
  let sectionLines = 0;
  const closeSection = (line: number) => {
    if (section && sectionLines === 0) problems.push(`${file}:${line}: section "${section}" is empty`);
  };
  bodyOf(raw).forEach((line, i) => {
    const lineNo = i + 1;
    const h2 = /^## (.+)$/.exec(line);
    if (h2) {
      closeSection(lineNo);
      section = (h2[1] as string).trim();
      sectionLines = 0;
      const at = SECTION_ORDER.indexOf(section);
      if (at < 0) problems.push(`${file}: unknown section "${section}"`);
      else if (at < sectionIndex) problems.push(`${file}: section "${section}" is out of order`);
      else sectionIndex = at;
      return;
    }
    if (/^###? /.test(line) || !line.trim()) return;
    sectionLines++;
    const markers = [...line.matchAll(/\[([^\]]+)\]/g)]
      .map((m) => parseMarker(m[1] as string))
      .filter(Boolean);
    for (const cites of markers) for (const c of cites ?? []) used.add(c.id);
    if (/^\s*[-*] /.test(line) && markers.length === 0) {
      problems.push(`${file}: bullet without a reference: ${line.trim().slice(0, 70)}`);
    }
    if (section === "Dosing and administration" && /^\s*[-*] /.test(line)) {
      const text = line.replace(/\[[^\]]+\]/g, "");
      if (DOSE_WITHOUT_UNIT.test(text))
        problems.push(`${file}: dose without a unit: ${line.trim().slice(0, 70)}`);
    }
  });
  closeSection(0);
  for (const s of doc.sources)
    if (!used.has(s.id)) problems.push(`${file}: declared source ${s.id} is never cited`);
  return { doc, problems };
}

export function checkLibrary(dir: string): LibraryCheck {
  const docs: LibraryDoc[] = [];
  const problems: string[] = [];
  const reports: DocReport[] = [];
  const ids = new Map<string, string>();
  const declared = new Map<string, { title: string; year: number; file: string }>();
  for (const file of libraryFiles(dir)) {
    const raw = readFileSync(file, "utf8");
    const result = checkDocument(file, raw);
    problems.push(...result.problems);
    const doc = result.doc;
    if (!doc) continue;
    docs.push(doc);
    if (ids.has(doc.front.id))
      problems.push(`${file}: duplicate id ${doc.front.id} (also ${ids.get(doc.front.id)})`);
    ids.set(doc.front.id, file);
    for (const s of doc.sources) {
      const prev = declared.get(s.id);
      if (prev && (prev.year !== s.year || prev.title.toLowerCase() !== s.title.toLowerCase())) {
        problems.push(`${file}: source ${s.id} is declared differently in ${prev.file}`);
      }
      declared.set(s.id, { title: s.title, year: s.year, file });
    }
    const text = doc.passages.map((p) => p.text).join("\n");
    reports.push({
      file,
      id: doc.front.id,
      specialty: doc.front.specialty,
      bullets: bodyOf(raw).filter((l) => /^\s*[-*] /.test(l)).length,
      words: text.split(/\s+/).filter(Boolean).length,
      grade: Math.round(fleschKincaidGrade(text) * 10) / 10,
      sources: doc.sources.length,
      guidelines: doc.sources.filter((s) => s.kind === "guideline").length,
    });
  }
  const registry = readRegistryIds(join(dir, "registry"));
  for (const doc of docs) {
    for (const s of doc.sources) {
      if (s.kind === "guideline" && !registry.has(s.id))
        problems.push(`${doc.file}: guideline ${s.id} is not in the registry`);
    }
  }
  return { docs, problems, reports };
}

/** Registry ids, with their `supersededBy` targets, from library/registry/*.yaml. */
export function readRegistryIds(dir: string): Map<string, { year: number; supersededBy?: string }> {
  const out = new Map<string, { year: number; supersededBy?: string }>();
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    const entries = parse(readFileSync(join(dir, f), "utf8")) as Array<{
      id: string;
      year: number;
      supersededBy?: string;
    }>;
    for (const e of entries ?? []) out.set(e.id, { year: e.year, supersededBy: e.supersededBy });
  }
  return out;
}
