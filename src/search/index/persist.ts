/**
 * Binary persistence of the index beside the SQLite database. The database stays the source of
 * truth; this file only saves rebuilding the index at start-up, so it records the corpus version
 * it was built from and callers rebuild when that no longer matches.
 *
 * Layout (little-endian): 8-byte magic, u32 format version, u32 header length, a JSON header
 * (counts, parameters, corpus version, section table), then raw typed-array sections, each 8-byte
 * aligned. Loading reads the file once and wraps sections as typed-array views, without copying
 * or parsing postings; only the term and id strings are decoded.
 */
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { endianness } from "node:os";
import { dirname } from "node:path";
import { malformedFile, OslerError } from "../../core/errors.js";
import { InvertedIndex } from "./inverted-index.js";
import type { IndexData, IndexParams } from "./types.js";

export const INDEX_FORMAT_VERSION = 1;
const MAGIC = "OSLRIDX\n";
const PREAMBLE = 16; // magic + version + header length

export interface IndexFileHeader {
  formatVersion: number;
  corpusVersion: string;
  createdAt: string;
  docCount: number;
  termCount: number;
  postingCount: number;
  impactScale: number;
  params: IndexParams;
  /** Section name → [byte offset, byte length]. */
  sections: Record<string, [number, number]>;
}

type ArraySection = Exclude<keyof IndexData, "params" | "terms" | "docIds" | "impactScale">;
const ARRAY_SECTIONS: Record<ArraySection, { new (b: ArrayBuffer, o: number, n: number): ArrayBufferView }> =
  {
    termOffsets: Uint32Array,
    postingDocs: Uint32Array,
    postingImpacts: Uint16Array,
    termMaxImpact: Uint16Array,
    blockOffsets: Uint32Array,
    blockMaxImpact: Uint16Array,
    blockLastDoc: Uint32Array,
    kinds: Uint8Array,
    years: Uint16Array,
    specialties: Uint16Array,
    collections: Uint16Array,
  };

const align8 = (n: number) => (n + 7) & ~7;

function assertLittleEndian(): void {
  if (endianness() !== "LE") throw new OslerError("internal", "index files are little-endian only");
}

/**
 * Write `index` to `path` atomically: a temp file in the same directory is written, fsynced and
 * renamed over `path`, so a crash leaves either the old file or the new one, never half of one.
 */
export function saveIndex(index: InvertedIndex, path: string, corpusVersion: string): void {
  assertLittleEndian();
  const d = index.data;
  const blobs: Array<[string, Uint8Array]> = [
    ["terms", Buffer.from(d.terms.join("\0"), "utf8")],
    ["docIds", Buffer.from(d.docIds.join("\0"), "utf8")],
  ];
  for (const name of Object.keys(ARRAY_SECTIONS) as ArraySection[]) {
    const a = d[name];
    blobs.push([name, new Uint8Array(a.buffer, a.byteOffset, a.byteLength)]);
  }
  const header: IndexFileHeader = {
    formatVersion: INDEX_FORMAT_VERSION,
    corpusVersion,
    createdAt: new Date().toISOString(),
    docCount: index.docCount,
    termCount: index.termCount,
    postingCount: index.postingCount,
    impactScale: d.impactScale,
    params: d.params,
    sections: {},
  };
  // Section offsets depend on the header length, which depends on the offsets: reserve room.
  const sizeHint = Buffer.byteLength(JSON.stringify(header)) + blobs.length * 64 + 64;
  let offset = align8(PREAMBLE + sizeHint);
  for (const [name, bytes] of blobs) {
    header.sections[name] = [offset, bytes.byteLength];
    offset = align8(offset + bytes.byteLength);
  }
  const headerJson = JSON.stringify(header);
  if (Buffer.byteLength(headerJson) > sizeHint) throw new OslerError("internal", "index header overflow");
  const json = Buffer.from(headerJson.padEnd(sizeHint, " "), "utf8");
  const pre = Buffer.alloc(PREAMBLE);
  pre.write(MAGIC, 0, "latin1");
  pre.writeUInt32LE(INDEX_FORMAT_VERSION, 8);
  pre.writeUInt32LE(json.byteLength, 12);

  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(tmp, "w");
  try {
    let at = 0;
    const put = (bytes: Uint8Array) => {
      for (let done = 0; done < bytes.byteLength; )
        done += writeSync(fd, bytes, done, bytes.byteLength - done, at + done);
      at += bytes.byteLength;
    };
    put(pre);
    put(json);
    for (const [name, bytes] of blobs) {
      put(new Uint8Array(header.sections[name][0] - at));
      put(bytes);
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {}
    rmSync(tmp, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename itself is still atomic.
  }
}

function parseHeader(path: string, bytes: Uint8Array, fileSize: number): IndexFileHeader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.byteLength < PREAMBLE || buf.toString("latin1", 0, 8) !== MAGIC) {
    throw malformedFile(path, "not an Osler index file (bad magic)");
  }
  const version = buf.readUInt32LE(8);
  if (version !== INDEX_FORMAT_VERSION) {
    throw malformedFile(
      path,
      `unsupported index format version ${version}; this build reads version ${INDEX_FORMAT_VERSION} (rebuild the index)`,
    );
  }
  const len = buf.readUInt32LE(12);
  if (PREAMBLE + len > buf.byteLength) throw malformedFile(path, "truncated header");
  let header: IndexFileHeader;
  try {
    header = JSON.parse(buf.toString("utf8", PREAMBLE, PREAMBLE + len)) as IndexFileHeader;
  } catch {
    throw malformedFile(path, "header is not valid JSON");
  }
  for (const name of ["terms", "docIds", ...Object.keys(ARRAY_SECTIONS)]) {
    const s = header.sections?.[name];
    if (!Array.isArray(s) || s[0] % 8 !== 0 || s[0] < PREAMBLE + len || s[0] + s[1] > fileSize) {
      throw malformedFile(path, `section ${name} is missing or out of bounds (truncated file?)`);
    }
  }
  return header;
}

/** Read only the header, e.g. to compare its corpus version before paying for a full load. */
export function readIndexHeader(path: string): IndexFileHeader {
  const fd = openSync(path, "r");
  try {
    const pre = Buffer.alloc(PREAMBLE);
    readSync(fd, pre, 0, PREAMBLE, 0);
    const len = pre.toString("latin1", 0, 8) === MAGIC ? pre.readUInt32LE(12) : 0;
    const all = Buffer.alloc(PREAMBLE + Math.min(len, 64 << 20));
    readSync(fd, all, 0, all.byteLength, 0);
    return parseHeader(path, all, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

export interface LoadedIndex {
  index: InvertedIndex;
  /** The corpus version the index was built from, as given to `saveIndex`. */
  corpusVersion: string;
  header: IndexFileHeader;
}

/**
 * Load an index saved by `saveIndex`. With `expectedCorpusVersion`, an index built from another
 * corpus version is rejected with a `conflict` error before its body is read.
 */
export function loadIndex(path: string, expectedCorpusVersion?: string): LoadedIndex {
  assertLittleEndian();
  if (expectedCorpusVersion !== undefined) {
    const h = readIndexHeader(path);
    if (h.corpusVersion !== expectedCorpusVersion) {
      throw new OslerError(
        "conflict",
        `${path}: index was built for corpus version ${JSON.stringify(h.corpusVersion)}, not ${JSON.stringify(expectedCorpusVersion)}`,
        { hint: "Rebuild the search index from the database.", details: { file: path } },
      );
    }
  }
  let file: Uint8Array = readFileSync(path);
  // Typed-array views need aligned offsets; small reads may come from Node's shared pool.
  if (file.byteOffset % 8 !== 0) file = new Uint8Array(file);
  const h = parseHeader(path, file, file.byteLength);
  const base = file.byteOffset;
  const arrays = {} as Record<ArraySection, ArrayBufferView>;
  for (const [name, Ctor] of Object.entries(ARRAY_SECTIONS) as Array<
    [ArraySection, (typeof ARRAY_SECTIONS)[ArraySection]]
  >) {
    const [off, bytes] = h.sections[name];
    const per = (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    arrays[name] = new Ctor(file.buffer as ArrayBuffer, base + off, bytes / per);
  }
  const text = (name: string, count: number): string[] => {
    const [off, bytes] = h.sections[name];
    if (count === 0) return [];
    const list = Buffer.from(file.buffer, base + off, bytes)
      .toString("utf8")
      .split("\0");
    if (list.length !== count)
      throw malformedFile(path, `section ${name} has ${list.length} entries, expected ${count}`);
    return list;
  };
  const data: IndexData = {
    params: h.params,
    impactScale: h.impactScale,
    terms: text("terms", h.termCount),
    docIds: text("docIds", h.docCount),
    ...(arrays as unknown as Pick<IndexData, ArraySection>),
  };
  if (
    data.termOffsets.length !== h.termCount + 1 ||
    data.termOffsets[h.termCount] !== data.postingDocs.length ||
    data.postingImpacts.length !== data.postingDocs.length ||
    data.blockOffsets[h.termCount] !== data.blockLastDoc.length ||
    data.kinds.length !== h.docCount
  ) {
    throw malformedFile(path, "section sizes disagree with the header");
  }
  return { index: new InvertedIndex(data), corpusVersion: h.corpusVersion, header: h };
}
