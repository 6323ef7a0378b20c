/**
 * Structured JSON logs to stderr, one line per event, filtered by `settings.logLevel`. Request
 * logs carry method, path, status and milliseconds; never bodies (questions may hold patient data).
 */
import type { Settings } from "../config/settings.js";

export type LogLevel = Settings["logLevel"];
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  log(level: Exclude<LogLevel, "silent">, msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const threshold = ORDER[level];
  return {
    log(at, msg, fields = {}) {
      if (ORDER[at] < threshold) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields })}\n`);
    },
  };
}
