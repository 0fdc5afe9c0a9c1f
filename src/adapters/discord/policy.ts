// Which commands need Manage Server and which defer at once, by command and subcommand. Both the slash-command
// definitions (default_member_permissions) and the run-time checks read this one table.
import { errorReply, type Reply } from '../../reply.ts';

/** true: every subcommand; a list: only those subcommands. */
type Rule = Record<string, true | readonly string[]>;

/** Need the Manage Server (ManageGuild) permission: checked again when run, whatever the server's settings. */
export const MANAGE_GUILD: Rule = { digest: ['subscribe', 'unsubscribe'], sources: ['add', 'remove'] };

/** Known to be slow: defer before running rather than waiting to see. */
export const DEFER_UP_FRONT: Rule = { digest: ['now'] };

function matches(rule: Rule, command: string, subcommand?: string | null): boolean {
  const r = rule[command];
  if (r === true) return true;
  return Boolean(r && subcommand && r.includes(subcommand));
}

export const needsManageGuild = (command: string, subcommand?: string | null) => matches(MANAGE_GUILD, command, subcommand);
export const defersUpFront = (command: string, subcommand?: string | null) => matches(DEFER_UP_FRONT, command, subcommand);

/** True when any part of the command needs Manage Server (Discord sets permissions per top-level command). */
export const anyNeedsManageGuild = (command: string) => command in MANAGE_GUILD;

/** The private answer to someone without Manage Server who tries a command that needs it. */
export const manageServerRefusal = (command: string, subcommand?: string | null): Reply =>
  errorReply(`/${command}${subcommand ? ` ${subcommand}` : ''} needs the Manage Server permission. Ask someone who manages this server to run it.`);
