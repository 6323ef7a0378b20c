/**
 * Builds the in-memory inverted index. Documents stream in through `add`; per-field term counts
 * are appended to flat typed arrays (no object per posting), and `finish` computes BM25F once the
 * corpus-wide average field lengths are known, turning every (term, doc) pair into a single
 * precomputed, quantised impact. Query time is then just adding impacts.
 */
import { invalidInput } from "../../core/errors.js";
import { forEachToken, termOfToken } from "../analyzer.js";
import { Growable } from "./growable.js";
import { InvertedIndex } from "./inverted-index.js";
import { type CollectedPostings, layoutIndex } from "./layout.js";
import type { IndexBuilderOptions, IndexDoc, IndexParams } from "./types.js";

const MAX_TF = 255; // per field; BM25 saturates long before this
const RAW_CACHE_LIMIT = 1 << 22;

export class IndexBuilder {
  readonly params: IndexParams;
  private readonly fieldNames: string[];
  private readonly nFields: number;

  // Dictionary: term → id in insertion order (sorted in `finish`), and a raw-token shortcut.
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly tokenIds = new Map<string, number>(); // raw token → term id, -1 = stop word
  private df = new Uint32Array(1024);

  // Postings in doc order: term id + nFields term counts each; docStart marks doc boundaries.
  private readonly postTerm = new Growable(Uint32Array, 1 << 16);
  private readonly postTf = new Growable(Uint8Array, 1 << 16);
  private readonly docStart = new Growable(Uint32Array, 1 << 12);
  private readonly fieldLen: Growable<Uint32Array>[];
  private readonly docIds: string[] = [];
  private readonly kinds = new Growable(Uint8Array, 1 << 12);
  private readonly years = new Growable(Uint16Array, 1 << 12);
  private readonly specialties = new Growable(Uint16Array, 1 << 12);
  private readonly collections = new Growable(Uint16Array, 1 << 12);

  // Per-document scratch: slot[termId] is the term's row in docTerms/docTf, or -1.
  private slot = new Int32Array(1024).fill(-1);
  private docTerms = new Int32Array(256);
  private docTf = new Uint8Array(256);
  private nDocTerms = 0;
  private field = 0;
  private fieldTokens = 0;
  private finished = false;

  constructor(options: IndexBuilderOptions) {
    this.fieldNames = Object.keys(options.fields);
    if (this.fieldNames.length === 0) throw invalidInput("IndexBuilder needs at least one field");
    const b: Record<string, number> = {};
    for (const name of this.fieldNames) {
      const w = options.fields[name];
      if (!(Number.isFinite(w) && w > 0)) throw invalidInput(`field weight for ${name} must be > 0`);
      const bf = typeof options.b === "number" ? options.b : (options.b?.[name] ?? 0.75);
      if (!(bf >= 0 && bf <= 1)) throw invalidInput(`b for ${name} must be within [0, 1]`);
      b[name] = bf;
    }
    const k1 = options.k1 ?? 1.2;
    if (!(Number.isFinite(k1) && k1 > 0)) throw invalidInput("k1 must be > 0");
    const blockSize = options.blockSize ?? 128;
    if (!(Number.isInteger(blockSize) && blockSize >= 8)) throw invalidInput("blockSize must be ≥ 8");
    this.params = { fields: { ...options.fields }, k1, b, blockSize };
    this.nFields = this.fieldNames.length;
    this.fieldLen = this.fieldNames.map(() => new Growable(Uint32Array, 1 << 12));
    this.docStart.push(0);
  }

  get docCount(): number {
    return this.docIds.length;
  }

  add(doc: IndexDoc): number {
    if (this.finished) throw invalidInput("IndexBuilder.add called after finish()");
    if (typeof doc.id !== "string" || doc.id.length === 0 || doc.id.includes("\0")) {
      throw invalidInput(`document id must be a non-empty string without NUL: ${JSON.stringify(doc.id)}`);
    }
    for (const name in doc.fields) {
      if (!(name in this.params.fields)) throw invalidInput(`unknown field ${JSON.stringify(name)}`);
    }
    const a = doc.attrs;
    checkCode("kind", a.kind, 0xff);
    checkCode("year", a.year, 0xffff);
    checkCode("specialty", a.specialty, 0xffff);
    checkCode("collection", a.collection, 0xffff);

    for (let f = 0; f < this.nFields; f++) {
      const text = doc.fields[this.fieldNames[f]];
      this.field = f;
      this.fieldTokens = 0;
      if (typeof text === "string" && text.length > 0) forEachToken(text, this.onToken);
      this.fieldLen[f].push(this.fieldTokens);
    }
    this.flushDoc();
    this.docIds.push(doc.id);
    this.kinds.push(a.kind);
    this.years.push(a.year);
    this.specialties.push(a.specialty);
    this.collections.push(a.collection);
    return this.docIds.length - 1;
  }

  /** Hot path: one call per token; a Map lookup in the common case, no allocation. */
  private readonly onToken = (token: string): void => {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      const term = termOfToken(token);
      id = term === "" ? -1 : this.intern(term);
      if (this.tokenIds.size < RAW_CACHE_LIMIT) this.tokenIds.set(token, id);
    }
    if (id < 0) return;
    this.fieldTokens++;
    let s = this.slot[id];
    if (s < 0) {
      s = this.nDocTerms++;
      if (s === this.docTerms.length) this.growDocScratch();
      this.slot[id] = s;
      this.docTerms[s] = id;
      this.docTf.fill(0, s * this.nFields, (s + 1) * this.nFields);
    }
    const cell = s * this.nFields + this.field;
    if (this.docTf[cell] < MAX_TF) this.docTf[cell]++;
  };

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(term);
    this.termIds.set(term, id);
    if (id === this.slot.length) {
      const slot = new Int32Array(id * 2).fill(-1);
      slot.set(this.slot);
      this.slot = slot;
      const df = new Uint32Array(id * 2);
      df.set(this.df);
      this.df = df;
    }
    return id;
  }

  private growDocScratch(): void {
    const terms = new Int32Array(this.docTerms.length * 2);
    terms.set(this.docTerms);
    this.docTerms = terms;
    const tf = new Uint8Array(terms.length * this.nFields);
    tf.set(this.docTf);
    this.docTf = tf;
  }

  private flushDoc(): void {
    const n = this.nDocTerms;
    const nf = this.nFields;
    this.postTerm.reserve(n);
    this.postTf.reserve(n * nf);
    const pt = this.postTerm.array;
    const ptf = this.postTf.array;
    let p = this.postTerm.length;
    for (let s = 0; s < n; s++) {
      const id = this.docTerms[s];
      pt[p] = id;
      for (let f = 0; f < nf; f++) ptf[p * nf + f] = this.docTf[s * nf + f];
      p++;
      this.df[id]++;
      this.slot[id] = -1;
    }
    this.postTerm.length = p;
    this.postTf.length = p * nf;
    this.docStart.push(p);
    this.nDocTerms = 0;
  }

  /** Compute impacts and lay postings out term by term. The builder cannot be used afterwards. */
  finish(): InvertedIndex {
    if (this.finished) throw invalidInput("IndexBuilder.finish called twice");
    this.finished = true;
    return new InvertedIndex(layoutIndex(this.collected()));
  }

  private collected(): CollectedPostings {
    return {
      params: this.params,
      nFields: this.nFields,
      fieldNames: this.fieldNames,
      terms: this.terms,
      df: this.df,
      postTerm: this.postTerm.array,
      postTf: this.postTf.array,
      docStart: this.docStart.array,
      fieldLen: this.fieldLen.map((g) => g.array),
      docIds: this.docIds,
      kinds: this.kinds.trimmed(),
      years: this.years.trimmed(),
      specialties: this.specialties.trimmed(),
      collections: this.collections.trimmed(),
    };
  }
}

function checkCode(name: string, value: number, max: number): void {
  if (!(Number.isInteger(value) && value >= 0 && value <= max)) {
    throw invalidInput(`attrs.${name} must be an integer code in [0, ${max}], got ${value}`);
  }
}
