/**
 * Per-document facts the reranker needs without a database round trip: which source a passage
 * belongs to, the source's analysed title, its evidence kind and year, and the question type the
 * passage answers. Built alongside the inverted index and kept in memory.
 */
import { EVIDENCE_KINDS, type EvidenceKind } from "../corpus/model.js";
import { analyze } from "./analyzer.js";

/** Small integer codes shared with the index's filter attributes (0 = unknown). */
export class Codebook {
  private readonly codes = new Map<string, number>();
  readonly names: string[] = [""];

  code(name: string | null | undefined): number {
    if (!name) return 0;
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codes.set(name, code);
    }
    return code;
  }

  lookup(name: string): number | undefined {
    return this.codes.get(name);
  }

  toJSON(): string[] {
    return this.names;
  }

  static from(names: string[]): Codebook {
    const book = new Codebook();
    for (const name of names.slice(1)) book.code(name);
    return book;
  }
}

export function kindCode(kind: EvidenceKind): number {
  return EVIDENCE_KINDS.indexOf(kind) + 1;
}

export function kindOfCode(code: number): EvidenceKind | null {
  return EVIDENCE_KINDS[code - 1] ?? null;
}

export interface SourceFacts {
  id: string;
  title: string;
  /** Analysed title, in order (focus matching needs contiguous phrases). */
  titleTerms: string[];
  kind: EvidenceKind;
  year: number | null;
}

export class DocTable {
  private count = 0;
  readonly sources: SourceFacts[] = [];
  private readonly sourceIndex = new Map<string, number>();
  docSource = new Uint32Array(1024);
  docQtype = new Uint16Array(1024);
  readonly qtypes = new Codebook();

  get size(): number {
    return this.count;
  }

  /** Adds the next document (doc numbers follow the index's build order). */
  add(
    source: { id: string; title: string; kind: EvidenceKind; year: number | null },
    qtype: string | null,
  ): number {
    let s = this.sourceIndex.get(source.id);
    if (s === undefined) {
      s = this.sources.length;
      this.sources.push({
        id: source.id,
        title: source.title,
        titleTerms: analyze(source.title),
        kind: source.kind,
        year: source.year,
      });
      this.sourceIndex.set(source.id, s);
    }
    const doc = this.count++;
    if (doc >= this.docSource.length) {
      const grow = <T extends Uint32Array | Uint16Array>(a: T, make: (n: number) => T): T => {
        const next = make(a.length * 2);
        next.set(a);
        return next;
      };
      this.docSource = grow(this.docSource, (n) => new Uint32Array(n));
      this.docQtype = grow(this.docQtype, (n) => new Uint16Array(n));
    }
    this.docSource[doc] = s;
    this.docQtype[doc] = this.qtypes.code(qtype);
    return doc;
  }

  source(doc: number): SourceFacts {
    return this.sources[this.docSource[doc] as number] as SourceFacts;
  }

  qtype(doc: number): string | null {
    return this.qtypes.names[this.docQtype[doc] as number] || null;
  }

  toData(): DocTableData {
    return {
      sources: this.sources.map(({ id, title, kind, year }) => ({ id, title, kind, year })),
      qtypes: this.qtypes.names,
      docSource: Array.from(this.docSource.subarray(0, this.count)),
      docQtype: Array.from(this.docQtype.subarray(0, this.count)),
    };
  }

  static fromData(data: DocTableData): DocTable {
    const table = new DocTable();
    for (const name of data.qtypes.slice(1)) table.qtypes.code(name);
    for (const s of data.sources) {
      table.sourceIndex.set(s.id, table.sources.length);
      table.sources.push({ ...s, titleTerms: analyze(s.title) });
    }
    table.docSource = Uint32Array.from(data.docSource);
    table.docQtype = Uint16Array.from(data.docQtype);
    table.count = data.docSource.length;
    return table;
  }
}

export interface DocTableData {
  sources: Array<{ id: string; title: string; kind: EvidenceKind; year: number | null }>;
  qtypes: string[];
  docSource: number[];
  docQtype: number[];
}
