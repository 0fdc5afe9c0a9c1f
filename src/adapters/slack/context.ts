// What the Slack handlers share: the service, the admin check, and how a CommandContext is built for a
// user in a channel.
import type { CommandContext } from '../../../commands/types.ts';
import type { Sitrep } from '../../service/sitrep.ts';
import type { ChatRateLimiter } from '../rate-limit.ts';
import type { AdminCheck, SlackUserFlags } from './admins.ts';

export interface SlackLog {
  warn(message: string): void;
  error(message: string): void;
}

export interface SlackHandlerDeps {
  sitrep: Sitrep;
  admins: AdminCheck;
  /** Per-user and per-channel limits (none when absent). */
  limiter?: ChatRateLimiter;
  /** Handed to commands (the digest scheduler, for example). */
  services?: Record<string, unknown>;
  now?: () => Date;
  log: SlackLog;
}

/** The Web API client Bolt gives a handler: authorized as the workspace the request came from. */
type UsersInfoClient = { users: { info(args: { user: string }): Promise<{ user?: SlackUserFlags }> } };

export async function commandContext(deps: SlackHandlerDeps, channelId: string | undefined, userId: string | undefined, teamId?: string, client?: UsersInfoClient): Promise<CommandContext> {
  const lookup = client ? async (user: string) => (await client.users.info({ user })).user : undefined;
  return {
    sitrep: deps.sitrep,
    platform: 'slack',
    channelId,
    place: teamId ? `slack:${teamId}` : undefined,
    userId,
    canManage: await deps.admins.canManage(userId, lookup, teamId),
    now: deps.now,
    services: deps.services,
  };
}
