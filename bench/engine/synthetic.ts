/**
 * A seeded synthetic corpus for the engine benchmark: passages made by recombining real sentences
 * from MedQuAD answers and PubMedQA abstracts (read at run time from shared/data, never written to
 * the repo), so term statistics look like clinical text without shipping a million passages.
 * Queries come from TREC LiveQA 2017 (NLM summaries and NIST paraphrases) and MedQuAD questions.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IndexDoc } from "../../src/search/index/types.js";

export interface SourceText {
  sentences: string[];
  titles: string[];
  sections: string[];
  questions: string[];
}

/** mulberry32: tiny, fast, good enough to make the corpus reproducible from a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&apos;": "'",
};
function decode(s: string): string {
  return s
    .replace(/&(?:quot|amp|lt|gt|apos);/g, (e) => ENTITIES[e] ?? e)
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9(])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 20 && s.length <= 600);
}

/** Read the real sentences, titles (MedQuAD foci) and questions the generator recombines. */
export function loadSourceText(dataDir: string): SourceText {
  const sentences: string[] = [];
  const titles = new Set<string>();
  const sections = new Set<string>();
  const questions: string[] = [];
  const medquad = join(dataDir, "medquad");
  for (const dir of readdirSync(medquad, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(medquad, dir.name))) {
      if (!file.endsWith(".xml")) continue;
      const xml = readFileSync(join(medquad, dir.name, file), "utf8");
      const focus = /<Focus>([^<]*)<\/Focus>/.exec(xml)?.[1];
      if (focus) titles.add(decode(focus.trim()));
      for (const m of xml.matchAll(/<Question qid="[^"]*" qtype="([^"]*)">([^<]*)<\/Question>/g)) {
        sections.add(m[1]);
        questions.push(decode(m[2].trim()));
      }
      for (const m of xml.matchAll(/<Answer>([\s\S]*?)<\/Answer>/g))
        sentences.push(...splitSentences(decode(m[1])));
    }
  }
  const pubmedqa = JSON.parse(readFileSync(join(dataDir, "pubmedqa", "ori_pqal.json"), "utf8")) as Record<
    string,
    { CONTEXTS: string[]; LABELS?: string[] }
  >;
  for (const entry of Object.values(pubmedqa)) {
    for (const c of entry.CONTEXTS) sentences.push(...splitSentences(c));
    for (const label of entry.LABELS ?? []) sections.add(label.toLowerCase());
  }
  return { sentences, titles: [...titles], sections: [...sections], questions };
}

/** LiveQA consumer questions: NLM summaries and NIST paraphrases, deduplicated. */
export function loadLiveQaQueries(dataDir: string): string[] {
  const xml = readFileSync(
    join(dataDir, "liveqa", "TREC-2017-LiveQA-Medical-Test-Questions-w-summaries.dev.xml"),
    "utf8",
  );
  const out = new Set<string>();
  for (const m of xml.matchAll(/<(NLM-Summary|NIST-PARAPHRASE)>([\s\S]*?)<\/\1>/g))
    out.add(decode(m[2].trim()));
  return [...out].filter((q) => q.length > 0);
}

/**
 * Stream `count` passages: a MedQuAD focus as title, a section heading, and 2–8 sentences drawn
 * with a skew towards a "topic" neighbourhood so passages are not uniform bags of sentences.
 */
export function* syntheticPassages(src: SourceText, count: number, seed: number): Generator<IndexDoc> {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const ns = src.sentences.length;
  for (let i = 0; i < count; i++) {
    const topic = Math.floor(r() * ns);
    const n = 2 + Math.floor(r() * 7);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) {
      const near = r() < 0.7;
      parts.push(src.sentences[near ? (topic + Math.floor(r() * 40)) % ns : Math.floor(r() * ns)]);
    }
    yield {
      id: `syn:${i}`,
      fields: { title: pick(src.titles), section: pick(src.sections), text: parts.join(" ") },
      attrs: {
        kind: 1 + Math.floor(r() * 9),
        year: r() < 0.1 ? 0 : 1990 + Math.floor(r() * 35),
        specialty: Math.floor(r() * 20),
        collection: 1 + Math.floor(r() * 4),
      },
    };
  }
}
