/**
 * Adapters for the JavaScript search libraries a TypeScript developer would otherwise pick
 * (MiniSearch, FlexSearch, Orama, Lunr), behind one interface so the benchmark feeds them the
 * same passages and the same raw query text. Each uses its own tokenizer and OR semantics.
 */
import { create, insertMultiple, search as oramaSearch } from "@orama/orama";
import FlexSearch from "flexsearch";
import lunr from "lunr";
import MiniSearch from "minisearch";

export interface BenchDoc {
  id: string;
  title: string;
  section: string;
  text: string;
}

export interface JsEngine {
  name: string;
  build(docs: BenchDoc[]): Promise<void>;
  search(query: string, k: number): Promise<string[]>;
}

export function miniSearchEngine(): JsEngine {
  let ms: MiniSearch<BenchDoc> | null = null;
  return {
    name: "MiniSearch",
    async build(docs) {
      ms = new MiniSearch<BenchDoc>({
        fields: ["title", "section", "text"],
        idField: "id",
        searchOptions: { boost: { title: 2, section: 1.5 }, combineWith: "OR" },
      });
      ms.addAll(docs);
    },
    async search(query, k) {
      return (ms as MiniSearch<BenchDoc>)
        .search(query)
        .slice(0, k)
        .map((r) => String(r.id));
    },
  };
}

export function flexSearchEngine(): JsEngine {
  // biome-ignore lint/suspicious/noExplicitAny: FlexSearch 0.8 ships loose typings
  let index: any = null;
  let ids: string[] = [];
  return {
    name: "FlexSearch",
    async build(docs) {
      // biome-ignore lint/suspicious/noExplicitAny: see above
      const Index = (FlexSearch as any).Index;
      index = new Index({ tokenize: "strict", resolution: 9 });
      ids = docs.map((d) => d.id);
      docs.forEach((d, i) => {
        index.add(i, `${d.title} ${d.title} ${d.section} ${d.text}`);
      });
    },
    async search(query, k) {
      const hits: number[] = index.search(query, { limit: k, suggest: true });
      return hits.map((i) => ids[i] as string);
    },
  };
}

export function oramaEngine(): JsEngine {
  // biome-ignore lint/suspicious/noExplicitAny: Orama's generic schema types are not needed here
  let db: any = null;
  return {
    name: "Orama",
    async build(docs) {
      db = create({ schema: { pid: "string", title: "string", section: "string", text: "string" } as const });
      await insertMultiple(
        db,
        docs.map((d) => ({ pid: d.id, title: d.title, section: d.section, text: d.text })),
        1000,
      );
    },
    async search(query, k) {
      const result = await oramaSearch(db, {
        term: query,
        properties: ["title", "section", "text"],
        boost: { title: 2, section: 1.5 },
        limit: k,
        threshold: 1,
      });
      return result.hits.map((h: { document: { pid: string } }) => h.document.pid);
    },
  };
}

export function lunrEngine(): JsEngine {
  let index: lunr.Index | null = null;
  return {
    name: "Lunr",
    async build(docs) {
      index = lunr(function () {
        this.ref("id");
        this.field("title", { boost: 2 });
        this.field("section", { boost: 1.5 });
        this.field("text");
        for (const d of docs) this.add(d);
      });
    },
    async search(query, k) {
      // Build the query programmatically: Lunr's query-string syntax would treat ":", "~", "^" … as operators.
      const tokens = lunr.tokenizer(query).map((t) => t.toString());
      const results = (index as lunr.Index).query((q) => {
        for (const t of tokens) q.term(t, { usePipeline: true });
      });
      return results.slice(0, k).map((r) => r.ref);
    },
  };
}

export const JS_ENGINES = [miniSearchEngine, flexSearchEngine, oramaEngine, lunrEngine];
