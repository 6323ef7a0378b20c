/**
 * Runs an importer against a store: commits each unit in its own transaction, keeps going past
 * rejected files, shows a progress bar on a terminal and returns a summary of what happened.
 */
import cliProgress from "cli-progress";
import { isOslerError } from "../core/errors.js";
import type { EvidenceStore } from "../store/ports.js";
import type { ImportItem, ImportProgress } from "./importers/types.js";

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: Array<{ file: string; message: string }>;
  passages: number;
  ms: number;
}

export interface ProgressSink {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** A progress bar on an interactive terminal; silence elsewhere (CI logs, pipes). */
export function terminalProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} {unit} | ETA {eta_formatted}`,
      stream,
      hideCursor: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ done, total, unit }) {
      if (!started) {
        bar.start(Math.max(total, 1), done, { unit });
        started = true;
      } else {
        bar.setTotal(Math.max(total, 1));
        bar.update(done, { unit });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function startProgress(sink?: ProgressSink): (p: ImportProgress) => void {
  return (p) => sink?.update(p);
}

export async function runImport(
  store: EvidenceStore,
  items: AsyncIterable<ImportItem>,
  sink?: ProgressSink,
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejected: [],
    passages: 0,
    ms: 0,
  };
  try {
    for await (const item of items) {
      if (item.kind === "skipped") {
        summary.skipped++;
      } else if (item.kind === "rejected") {
        summary.rejected.push({ file: item.file, message: item.error.message });
      } else {
        try {
          const outcome = await store.importUnit(item.unit);
          summary[outcome]++;
          if (outcome !== "unchanged") summary.passages += item.unit.passages.length;
        } catch (error) {
          if (!isOslerError(error)) throw error;
          summary.rejected.push({ file: item.unit.source.id, message: error.message });
        }
      }
    }
  } finally {
    sink?.stop();
  }
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

export function formatSummary(name: string, s: ImportSummary): string {
  const lines = [
    `${name}: ${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.rejected.length} rejected; ${s.passages} passages written in ${(s.ms / 1000).toFixed(1)} s`,
  ];
  for (const r of s.rejected.slice(0, 20)) lines.push(`  rejected ${r.message}`);
  if (s.rejected.length > 20) lines.push(`  … and ${s.rejected.length - 20} more rejected`);
  return lines.join("\n");
}
