// What the Discord handlers need from the rest of Sitrep, passed in so tests can slow a command down.
import type { Sitrep } from '../../service/sitrep.ts';
import type { CommandRunner } from '../inbound.ts';
import type { ChatRateLimiter } from '../rate-limit.ts';
import type { InFlight } from '../in-flight.ts';
import type { AllowedGuilds } from './guilds.ts';

export type { CommandRunner } from '../inbound.ts';

export interface HandlerDeps {
  sitrep: Sitrep;
  run: CommandRunner;
  /** Defer a quick command that has not answered within this many ms anyway (Discord allows 3 s). */
  deferAfterMs: number;
  /** Per-user and per-channel limits (none when absent). */
  limiter?: ChatRateLimiter;
  /** Answers being sent, so stop() can wait for them (a few seconds at most). */
  inFlight?: InFlight;
  /** Extra services for commands (the digest scheduler, for example). */
  services?: Record<string, unknown>;
  log: (message: string) => void;
  /** The servers served (DISCORD_ALLOWED_GUILDS); null or absent: every server. */
  allowedGuilds?: AllowedGuilds;
}
