import { describe, expect, it } from "vitest";
import { parseLiveqaQuestions, parseQrels } from "./liveqa-data.js";
import { formatTrecRun, scoreRun } from "./metrics.js";

const qrels = parseQrels(
  [
    "1 4-Excellent A_1_Sec1.txt",
    "1 2-Related A_1_Sec2.txt",
    "1 3-Incomplete A_1_Sec3.txt",
    "2 1-Incorrect B_1_Sec1.txt",
    "2 3-Incomplete B_2_Sec1.txt",
    "2 2-Related B_2_Sec1.txt",
  ].join("\n"),
);

describe("LiveQA measures", () => {
  it("keeps the maximum of duplicate judgments and strips .txt", () => {
    expect(qrels.get(2)?.get("B_2_Sec1")).toBe(3);
  });

  it("scores the top answer's grade minus one, averaged over judged questions", () => {
    const run = new Map([
      [1, ["A_1_Sec1", "A_1_Sec3"]],
      [2, ["B_1_Sec1", "B_2_Sec1"]],
    ]);
    const m = scoreRun(run, qrels);
    expect(m.avgScore).toBe(1.5); // (4-1 + 1-1) / 2
    expect(m.succ["2+"]).toBe(0.5);
    expect(m.succ["4+"]).toBe(0.5);
    expect(m.mrr10).toBe(0.75); // 1/1 and 1/2
    expect(m.map10).toBe(0.75); // q1: (1 + 2/2)/2 = 1, q2: (1/2)/1 = 0.5
    expect(m.judged10).toBe(0.2);
  });

  it("counts unanswered questions in succ but not in prec", () => {
    const m = scoreRun(new Map([[1, ["A_1_Sec2"]]]), qrels);
    expect(m.answered).toBe(1);
    expect(m.succ["2+"]).toBe(0.5);
    expect(m.prec["2+"]).toBe(1);
  });

  it("gives a perfect ranking nDCG 1", () => {
    expect(
      scoreRun(
        new Map([[1, ["A_1_Sec1", "A_1_Sec3", "A_1_Sec2"]]]),
        new Map([[1, qrels.get(1) as Map<string, number>]]),
      ).ndcg10,
    ).toBe(1);
  });

  it("rejects a malformed qrels line with its line number", () => {
    expect(() => parseQrels("1 4-Excellent X\nnonsense", "q.txt")).toThrow(/q\.txt:2/);
  });

  it("writes TREC run lines", () => {
    expect(formatTrecRun([{ qid: "1", ranked: [{ id: "A", score: 2 }] }], "osler")).toBe(
      "1 Q0 A 1 2.0000 osler\n",
    );
  });

  it("reads subject, message and summary of LiveQA questions", () => {
    const xml = `<Set><NLM-QUESTION qid="TQ7"><Original-Question qfile="1.txt"><SUBJECT>DVT</SUBJECT><MESSAGE>Can &amp; pills cause it?</MESSAGE></Original-Question><NLM-Summary>Can pills cause DVT?</NLM-Summary></NLM-QUESTION></Set>`;
    expect(parseLiveqaQuestions(xml)).toEqual([
      { qid: "TQ7", n: 7, subject: "DVT", message: "Can & pills cause it?", summary: "Can pills cause DVT?" },
    ]);
  });
});
