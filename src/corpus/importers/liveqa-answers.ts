/**
 * LiveQA-Med judged answers (the de-duplicated `All-2479-Answers-…csv`): the only public text of
 * the MedQuAD answers that were removed for copyright (A.D.A.M., MedlinePlus Drugs and Herbs).
 *
 * Passage ids are the MedQuAD ids (`ADAM_0003147_Sec1.txt` → `medquad:ADAM_0003147_Sec1`), and
 * the unit for a source is MERGED with its MedQuAD file: the file's metadata, questions and public
 * passages, plus the CSV answers for pairs whose public answer is empty. For sources with public
 * answers the unit therefore equals the MedQuAD unit (same hash: re-import is a no-op); run this
 * importer AFTER `medquad`, or the MedQuAD import will replace the merged units again.
 *
 * MedlinePlus-licensed text (prefixes ADAM, MPlusDrugs, MPlusHerbsSuppls) is evaluation-only:
 * those sources and passages carry meta.evaluationOnly = true, the restrictive license below and
 * collection `liveqa-answers`, so they can be filtered out or purged as a whole.
 */
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parse } from "csv-parse";
import { malformedFile } from "../../core/errors.js";
import { errorMessage, listFiles, makeUnit, type PassageDraft, sourceDefaults, tidy } from "./common.js";
import { loadMedquadFile, type MedquadDoc, medquadUnit, PUBLISHERS, sourceIdOf } from "./medquad.js";
import type { ImportItem, ProgressListener } from "./types.js";

export const EVALUATION_ONLY_LICENSE = "MedlinePlus licensed content: evaluation only, do not redistribute";
const LICENSED_PREFIXES = new Set(["ADAM", "MPlusDrugs", "MPlusHerbsSuppls"]);

export interface CsvAnswer {
  prefix: string;
  stem: string;
  position: number;
  question: string;
  alsoCalled: string | null;
  url: string | null;
  answer: string;
  line: number;
}

const ID = /^([A-Za-z]+)_(.+)_Sec(\d+)(?:\.txt)?$/;
const FIELD = /^Question:[ \t]*(.*)\nURL:[ \t]*(.*)\nAnswer:[ \t]*([\s\S]*)$/;

/** Splits one CSV row; returns an error reason for a row that does not follow the format. */
export function parseCsvAnswer(answerId: string, field: string, line: number): CsvAnswer | string {
  const id = ID.exec(answerId.trim());
  if (!id) return `answer id ${JSON.stringify(answerId)} is not PREFIX_DOCID_SecN`;
  const parts = FIELD.exec(field.replace(/\r\n?/g, "\n"));
  if (!parts) return `answer ${answerId} does not read "Question: …\\nURL: …\\nAnswer: …"`;
  const [, questionLine, url, answer] = parts;
  const alsoCalled = /\s*\(Also called: (.*)\)\s*$/.exec(questionLine);
  return {
    prefix: id[1],
    stem: id[2],
    position: Number(id[3]),
    question: tidy(alsoCalled ? questionLine.slice(0, alsoCalled.index) : questionLine),
    alsoCalled: alsoCalled ? alsoCalled[1] : null,
    url: url.trim() || null,
    answer: tidy(answer),
    line,
  };
}

/** Maps `<prefix>/<stem>` to MedQuAD file paths, learning each folder's prefix from its first file. */
async function indexMedquad(dir: string): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const byFolder = new Map<string, string[]>();
  for (const file of await listFiles(dir, (p) => p.toLowerCase().endsWith(".xml"))) {
    const folder = dirname(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  for (const files of byFolder.values()) {
    let prefix: string | null = null;
    for (const file of files) {
      const doc = await loadMedquadFile(file); // the first readable file names the folder's prefix
      if (!("kind" in doc)) {
        prefix = doc.prefix;
        break;
      }
    }
    if (prefix === null) continue;
    for (const file of files) index.set(`${prefix}/${basename(file).replace(/\.xml$/i, "")}`, file);
  }
  return index;
}

function passageOf(sourceId: string, row: CsvAnswer, qtype: string | null, pid: string | null): PassageDraft {
  const evaluationOnly = LICENSED_PREFIXES.has(row.prefix);
  return {
    id: `${sourceId}_Sec${row.position}`,
    sectionPath: [row.question],
    text: row.answer,
    meta: { question: row.question, qtype, pid, ...(evaluationOnly ? { evaluationOnly: true } : {}) },
  };
}

/** The unit for one source's CSV rows, merged with its MedQuAD file where there is one. */
async function unitFor(
  rows: CsvAnswer[],
  file: string,
  index: Map<string, string> | null,
): Promise<ImportItem> {
  const { prefix, stem } = rows[0];
  const sourceId = sourceIdOf(prefix, stem);
  const evaluationOnly = LICENSED_PREFIXES.has(prefix);
  const overrides = evaluationOnly
    ? { license: EVALUATION_ONLY_LICENSE, collection: "liveqa-answers", evaluationOnly: true }
    : {};
  if (index) {
    const path = index.get(`${prefix}/${stem}`);
    const reject = (reason: string, line = rows[0].line): ImportItem => ({
      kind: "rejected",
      file,
      error: malformedFile(file, `${sourceId}: ${reason}`, { line }),
    });
    if (!path) return reject("no matching MedQuAD file");
    const doc: MedquadDoc | ImportItem = await loadMedquadFile(path);
    if ("kind" in doc) return doc;
    const extraAnswers = new Map<number, PassageDraft>();
    for (const row of rows) {
      const pair = doc.pairs[row.position - 1];
      if (!pair) return reject(`Sec${row.position} but the file has ${doc.pairs.length} pairs`, row.line);
      // Where MedQuAD has the answer publicly, its text wins (they are identical in the release).
      if (pair.answer === "") extraAnswers.set(row.position, passageOf(sourceId, row, pair.qtype, pair.pid));
    }
    return { kind: "unit", unit: medquadUnit(doc, { extraAnswers, ...overrides }) };
  }
  // Without MedQuAD there is no focus: the first question stands in as the title.
  const drafts = rows.map((row) => passageOf(sourceId, row, null, null));
  const questions = rows.map((row) => ({
    id: `${sourceId}_Q${row.position}`,
    question: row.question,
    qtype: null,
    focus: null,
    passageId: `${sourceId}_Sec${row.position}`,
    sourceId,
  }));
  const unit = makeUnit(
    {
      ...sourceDefaults(),
      id: sourceId,
      kind: "patient_info",
      title: rows[0].question,
      publisher: PUBLISHERS[prefix] ?? null,
      url: rows[0].url,
      license: overrides.license ?? "CC BY 4.0 (MedQuAD)",
      collection: overrides.collection ?? "medquad",
      meta: {
        focus: null,
        alsoCalled: rows[0].alsoCalled,
        ...(evaluationOnly ? { evaluationOnly: true } : {}),
      },
    },
    drafts,
    { questions },
  );
  return { kind: "unit", unit };
}

interface CsvRecord {
  record: Record<string, string>;
  /** Line count and bytes read when the record ended. */
  lines: number;
  bytes: number;
}

/**
 * Streams CSV records. Records are taken from csv-parse's `on_record` hook rather than its output
 * stream, so that on a syntax error every record parsed before it is still delivered (the stream
 * would drop its buffered records when it errors); the error is thrown after them.
 */
async function* csvRecords(path: string): AsyncGenerator<CsvRecord> {
  const queue: CsvRecord[] = [];
  let failure: unknown = null;
  const parser = parse({
    columns: true,
    bom: true,
    skip_empty_lines: true,
    on_record: (record: Record<string, string>, context) => {
      queue.push({ record, lines: context.lines, bytes: context.bytes });
      return null; // nothing reaches the output stream
    },
  });
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.resume();
  for await (const chunk of createReadStream(path)) {
    parser.write(chunk);
    yield* queue.splice(0);
    if (failure) throw failure;
  }
  await new Promise<void>((resolve) => {
    parser.once("end", resolve);
    parser.once("error", () => resolve());
    parser.end();
  });
  yield* queue.splice(0);
  if (failure) throw failure;
}

/**
 * Streams the CSV, grouping consecutive rows by source (the file is sorted by prefix, document
 * and N). `medquadDir`: undefined → use `../medquad` beside the CSV when it exists; null → CSV only.
 */
export async function* readLiveqaAnswersCsv(
  csvPath: string,
  medquadDir?: string | null,
  onProgress?: ProgressListener,
): AsyncGenerator<ImportItem> {
  const sibling = join(dirname(csvPath), "..", "medquad");
  const dir = medquadDir === undefined ? (existsSync(sibling) ? sibling : null) : medquadDir;
  const index = dir ? await indexMedquad(dir) : null;
  const total = (await stat(csvPath)).size;
  const emitted = new Set<string>();
  let group: CsvAnswer[] = [];
  let lastLine = 1; // the header; records may span lines, so a record starts after the previous one
  const flush = async function* (): AsyncGenerator<ImportItem> {
    if (group.length === 0) return;
    const key = sourceIdOf(group[0].prefix, group[0].stem);
    const line = group[0].line;
    const rows = group;
    group = [];
    if (emitted.has(key)) {
      const reason = `${key} appears again after other sources; the CSV must be sorted by answer id`;
      yield { kind: "rejected", file: csvPath, error: malformedFile(csvPath, reason, { line }) };
      return;
    }
    emitted.add(key);
    yield await unitFor(rows, csvPath, index);
  };
  try {
    for await (const { record, lines, bytes } of csvRecords(csvPath)) {
      const line = lastLine + 1;
      lastLine = lines;
      const row = parseCsvAnswer(record.AnswerID ?? "", record.Answer ?? "", line);
      if (typeof row === "string") {
        yield { kind: "rejected", file: csvPath, error: malformedFile(csvPath, row, { line }) };
        continue;
      }
      if (group.length > 0 && (group[0].prefix !== row.prefix || group[0].stem !== row.stem)) yield* flush();
      group.push(row);
      onProgress?.({ done: bytes, total, unit: "bytes" });
    }
    yield* flush();
  } catch (error) {
    // A CSV syntax error ends the file: sources already yielded stand; the pending one may be
    // missing rows that sat in the unreadable part, so it is rejected too rather than half-stored.
    if (group.length > 0) {
      const reason = `${sourceIdOf(group[0].prefix, group[0].stem)}: not imported, the file breaks before its rows end`;
      yield {
        kind: "rejected",
        file: csvPath,
        error: malformedFile(csvPath, reason, { line: group[0].line }),
      };
    }
    // Point at the start of the record that could not be read, not where csv-parse gave up.
    const line = lastLine + 1;
    yield { kind: "rejected", file: csvPath, error: malformedFile(csvPath, errorMessage(error), { line }) };
  }
  onProgress?.({ done: total, total, unit: "bytes" });
}
