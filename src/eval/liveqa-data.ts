/**
 * Reads the TREC 2017 LiveQA medical question files: the question XML (subject, message, NLM
 * summary) and the qrels (`QNUM JUDGMENT ANSWERID`). Question number n in the qrels is TQn.
 */
import { readFileSync } from "node:fs";
import { invalidInput, malformedFile } from "../core/errors.js";
import {
  childElements,
  firstChild,
  parseXmlDocument,
  textOf,
  XmlSyntaxError,
} from "../corpus/importers/xml.js";

export interface LiveqaQuestion {
  qid: string;
  n: number;
  subject: string;
  message: string;
  summary: string;
}

export function parseLiveqaQuestions(xml: string, file = "<questions>"): LiveqaQuestion[] {
  let root: ReturnType<typeof parseXmlDocument>;
  try {
    root = parseXmlDocument(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw malformedFile(file, error.reason, error.position);
    throw error;
  }
  const out: LiveqaQuestion[] = [];
  for (const q of childElements(root, "NLM-QUESTION")) {
    const qid = q.attrs.qid ?? "";
    const match = /^TQ(\d+)$/.exec(qid);
    if (!match) throw malformedFile(file, `question id ${JSON.stringify(qid)} is not TQ<n>`);
    const original = firstChild(q, "Original-Question");
    out.push({
      qid,
      n: Number(match[1]),
      subject: textOf(firstChild(original, "SUBJECT")).trim(),
      message: textOf(firstChild(original, "MESSAGE")).trim(),
      summary: textOf(firstChild(q, "NLM-Summary")).trim(),
    });
  }
  if (out.length === 0) throw malformedFile(file, "no <NLM-QUESTION> elements found");
  return out;
}

/** Judgments per question number: answer id (without `.txt`) → grade 1..4, keeping the maximum. */
export type Qrels = Map<number, Map<string, number>>;

export function parseQrels(text: string, file = "<qrels>"): Qrels {
  const qrels: Qrels = new Map();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parts = line.trim().split(/\s+/);
    const grade = Number.parseInt(parts[1] ?? "", 10);
    const n = Number.parseInt(parts[0] ?? "", 10);
    if (parts.length !== 3 || !Number.isFinite(n) || !(grade >= 1 && grade <= 4)) {
      throw malformedFile(
        file,
        `expected "QNUM GRADE-Label ANSWERID", got ${JSON.stringify(line.slice(0, 80))}`,
        {
          line: i + 1,
        },
      );
    }
    const id = (parts[2] as string).replace(/\.txt$/, "");
    let judged = qrels.get(n);
    if (!judged) {
      judged = new Map();
      qrels.set(n, judged);
    }
    judged.set(id, Math.max(judged.get(id) ?? 0, grade));
  });
  return qrels;
}

export function readLiveqa(questionsPath: string, qrelsPath: string) {
  let questionsXml: string;
  let qrelsText: string;
  try {
    questionsXml = readFileSync(questionsPath, "utf8");
    qrelsText = readFileSync(qrelsPath, "utf8");
  } catch (error) {
    throw invalidInput(`cannot read evaluation files: ${(error as Error).message}`);
  }
  return {
    questions: parseLiveqaQuestions(questionsXml, questionsPath),
    qrels: parseQrels(qrelsText, qrelsPath),
  };
}
