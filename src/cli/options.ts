/** Parsers for command-line option values, with messages that name the bad value. */
import { InvalidArgumentError } from "commander";
import { EVIDENCE_KINDS, type EvidenceKind, isEvidenceKind } from "../corpus/model.js";

export function positiveInt(max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
    return n;
  };
}

export function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1800 || n > 2200)
    throw new InvalidArgumentError("expected a year such as 2021");
  return n;
}

export function kinds(value: string, previous: EvidenceKind[] = []): EvidenceKind[] {
  const out = [...previous];
  for (const part of value.split(",")) {
    const kind = part.trim();
    if (!isEvidenceKind(kind))
      throw new InvalidArgumentError(`unknown kind "${kind}" (one of ${EVIDENCE_KINDS.join(", ")})`);
    out.push(kind);
  }
  return out;
}
