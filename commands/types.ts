// The shape of a chat command, declared once and shared by every adapter: Discord builds its slash-command
// definition from it, Slack and the console parse free text against it, the CLI maps flags onto it.
import type { Reply } from '../src/reply.ts';
import type { Sitrep } from '../src/service/sitrep.ts';

export interface OptionSpec {
  name: string;
  description: string;
  required?: boolean;
  /** In free text, the word that introduces this option ("about" in `/who-said Carter about casualties`). */
  keyword?: string;
  /** Where suggestions come from, for platforms with autocomplete. */
  autocomplete?: 'speakers' | 'timezones' | 'sources';
  maxLength?: number;
}

export interface SubcommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
}

/** Who is asking, and where. Platform details stay in the adapters; this is what commands may know. */
export interface CommandContext {
  sitrep: Sitrep;
  platform: 'console' | 'cli' | 'discord' | 'slack';
  /** The channel the command came from (for digests and subscriptions). */
  channelId?: string;
  /** The place (server or workspace) asking: 'discord:GUILD', 'slack:TEAM'; absent for the console and CLI. */
  place?: string;
  userId?: string;
  /** True when the user may manage the server/workspace (subscribe and unsubscribe digests). */
  canManage?: boolean;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** What the command line's --since and --limit ask of long JSON lists. */
  range?: { since?: number; limit?: number };
  /** Extra services adapters hand to commands (the digest scheduler, for example). */
  services?: Record<string, unknown>;
}

export interface CommandInput {
  subcommand?: string;
  options: Record<string, string | undefined>;
}

export interface CommandResult {
  reply: Reply;
  /** The machine-readable answer printed by `--json` (shapes in ../shared/eval/README.md). */
  json?: unknown;
}

export interface Command {
  name: string;
  description: string;
  options?: OptionSpec[];
  subcommands?: SubcommandSpec[];
  /** One-line usage, e.g. "/ask QUESTION". */
  usage: string;
  examples?: string[];
  run(ctx: CommandContext, input: CommandInput): Promise<CommandResult> | CommandResult;
}

/** A problem with what the user typed: shown to them as a helpful reply, never as a stack trace. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}
