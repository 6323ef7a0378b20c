/** `osler ask`: placeholder until its issue lands. */
import type { Command } from "commander";

export function registerAsk(_program: Command): void {}
