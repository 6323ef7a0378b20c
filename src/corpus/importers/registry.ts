/**
 * The guideline registry (`library/registry/*.yaml`): guideline editions and what superseded
 * what, so answers can warn when a cited edition is out of date. Validated with zod; a malformed
 * file or an id defined twice throws an OslerError naming the file (and line where known).
 */
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { malformedFile } from "../../core/errors.js";
import { listFiles } from "./common.js";

const optionalId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .nullish()
  .transform((v) => v ?? null);

export const RegistryEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lowercase letters, digits and hyphens"),
  organisation: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  supersedes: optionalId,
  supersededBy: optionalId,
});
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

/** Line (1-based) of the YAML node at `path`, or of its nearest existing ancestor. */
export function lineOfPath(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly PropertyKey[],
): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as
      | { range?: number[] }
      | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/** Parses one registry file. */
export function parseRegistry(file: string, text: string): RegistryEntry[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = yamlError.linePos?.[0];
    throw malformedFile(file, yamlError.message.split("\n")[0], { line: at?.line, column: at?.col });
  }
  const parsed = z.array(RegistryEntrySchema).safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join(".");
    throw malformedFile(file, `${where ? `${where}: ` : ""}${issue.message}`, {
      line: lineOfPath(doc, counter, issue.path),
    });
  }
  return parsed.data;
}

/** All entries of `<dir>/*.yaml` (and `.yml`); an absent directory is an empty registry. */
export async function readRegistry(dir: string): Promise<RegistryEntry[]> {
  let files: string[];
  try {
    files = await listFiles(dir, (p) => /\.ya?ml$/i.test(p));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const entries = new Map<string, { entry: RegistryEntry; file: string }>();
  for (const file of files) {
    for (const entry of parseRegistry(file, await readFile(file, "utf8"))) {
      // Registry files are written per specialty, so a shared guideline may be listed twice. The
      // same edition is merged; two different editions under one id would be ambiguous.
      const first = entries.get(entry.id);
      if (!first) {
        entries.set(entry.id, { entry, file });
        continue;
      }
      if (first.entry.year !== entry.year || first.entry.title.toLowerCase() !== entry.title.toLowerCase()) {
        throw malformedFile(file, `registry id ${entry.id} is defined differently in ${first.file}`);
      }
      first.entry = {
        ...first.entry,
        supersedes: first.entry.supersedes ?? entry.supersedes,
        supersededBy: first.entry.supersededBy ?? entry.supersededBy,
      };
    }
  }
  return [...entries.values()].map((e) => e.entry);
}
