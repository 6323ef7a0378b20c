/** `osler serve`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerServe(_program: Command): void {}
