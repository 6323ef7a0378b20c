/** `osler bench`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerBench(_program: Command): void {}
