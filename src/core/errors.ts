/**
 * One error type for the whole application. Every failure a user can see carries a stable code,
 * the HTTP status it maps to, whether retrying could help, and a hint that says what to do next.
 */
export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "malformed_file"
  | "conflict"
  | "forbidden"
  | "unauthenticated"
  | "rate_limited"
  | "payload_too_large"
  | "upstream_failed"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  malformed_file: 422,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  rate_limited: 429,
  payload_too_large: 413,
  upstream_failed: 502,
  internal: 500,
};

export interface OslerErrorOptions {
  hint?: string;
  retryable?: boolean;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class OslerError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: OslerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "OslerError";
    this.code = code;
    this.status = STATUS[code];
    this.retryable = options.retryable ?? (code === "rate_limited" || code === "upstream_failed");
    this.hint = options.hint;
    this.details = options.details;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** A file that cannot be parsed; the message names the file and, where known, the position. */
export function malformedFile(file: string, reason: string, position?: { line?: number; column?: number }) {
  const where =
    position?.line !== undefined
      ? `:${position.line}${position.column !== undefined ? `:${position.column}` : ""}`
      : "";
  return new OslerError("malformed_file", `${file}${where}: ${reason}`, {
    details: { file, ...position },
    hint: "Fix or remove the file and run the import again; nothing from it was stored.",
  });
}

export function invalidInput(message: string, hint?: string) {
  return new OslerError("invalid_input", message, { hint });
}

export function notFound(what: string, id: string) {
  return new OslerError("not_found", `${what} not found: ${JSON.stringify(id)}`, {
    details: { id },
  });
}

export function isOslerError(error: unknown): error is OslerError {
  return error instanceof OslerError;
}
