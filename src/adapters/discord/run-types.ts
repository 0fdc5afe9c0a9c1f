// What the Discord handlers need from the rest of Sitrep, passed in so tests can slow a command down.
import type { CommandContext, CommandInput, CommandResult } from '../../../commands/types.ts';
import type { Sitrep } from '../../service/sitrep.ts';

/** Runs a command by name; commands/run.ts's runCommand, which turns every failure into a reply. */
export type CommandRunner = (ctx: CommandContext, name: string, input: CommandInput | string) => Promise<CommandResult>;

export interface HandlerDeps {
  sitrep: Sitrep;
  run: CommandRunner;
  /** Defer the interaction when a command has not answered within this many ms (Discord allows 3 s). */
  deferAfterMs: number;
  /** Extra services for commands (the digest scheduler, for example). */
  services?: Record<string, unknown>;
  log: (message: string) => void;
}
