/**
 * Related questions: a small index over question banks (MedQuAD's questions, PubMedQA's, and the
 * questions of stored answers) queried with the asked question. Near-duplicates of the asked
 * question are left to the caller to filter; here we only rank and de-duplicate.
 */
import type { EvidenceStore } from "../store/ports.js";
import { analyze } from "./analyzer.js";
import { IndexBuilder } from "./index/builder.js";
import type { InvertedIndex } from "./index/inverted-index.js";

export class RelatedQuestions {
  private constructor(
    private readonly index: InvertedIndex,
    private readonly texts: string[],
  ) {}

  static async build(store: Pick<EvidenceStore, "allQuestions" | "listAnswers">): Promise<RelatedQuestions> {
    const builder = new IndexBuilder({ fields: { q: 1 }, k1: 1.2, b: 0.5 });
    const texts: string[] = [];
    const seen = new Set<string>();
    const add = (text: string) => {
      const clean = text
        .replace(/\s+\?$/, "?")
        .replace(/\s+/g, " ")
        .trim();
      const key = clean.toLowerCase();
      if (!clean || seen.has(key)) return;
      seen.add(key);
      builder.add({
        id: String(texts.length),
        fields: { q: clean },
        attrs: { kind: 0, year: 0, specialty: 0, collection: 0 },
      });
      texts.push(clean);
    };
    for (const answer of await store.listAnswers(2000)) add(answer.question);
    for (const q of await store.allQuestions()) add(q.question);
    return new RelatedQuestions(builder.finish(), texts);
  }

  find(question: string, focus: string[], k: number): string[] {
    const weights = new Map<string, number>();
    for (const t of analyze(question)) weights.set(t, 1);
    for (const f of focus) for (const t of analyze(f)) weights.set(t, 2);
    if (weights.size === 0) return [];
    const hits = this.index.search(
      [...weights].map(([term, weight]) => ({ term, weight })),
      k,
    );
    return hits.map((h) => this.texts[h.doc] as string);
  }
}
