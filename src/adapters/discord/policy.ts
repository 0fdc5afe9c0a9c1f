// Which commands need Manage Server and which are answered without deferring, by command and subcommand. Both the slash-command
// definitions (default_member_permissions) and the run-time checks read this one table.
import { errorReply, type Reply } from '../../reply.ts';

/** true: every subcommand; a list: only those subcommands. */
type Rule = Record<string, true | readonly string[]>;

/** Need the Manage Server (ManageGuild) permission: checked again when run, whatever the server's settings. */
export const MANAGE_GUILD: Rule = { digest: ['subscribe', 'unsubscribe'], sources: ['add', 'remove'] };

/**
 * Known to be quick (no search or analysis: help text, one subscription row): answered straight in the
 * interaction callback. Every other command is deferred before it starts, because it may hold the event
 * loop past Discord's 3-second deadline, where no timer could fire to defer it.
 */
export const ANSWERS_AT_ONCE: Rule = { help: true, digest: ['subscribe', 'unsubscribe', 'status', 'timezone'], sources: ['shared'] };

function matches(rule: Rule, command: string, subcommand?: string | null): boolean {
  const r = rule[command];
  if (r === true) return true;
  return Boolean(r && subcommand && r.includes(subcommand));
}

export const needsManageGuild = (command: string, subcommand?: string | null) => matches(MANAGE_GUILD, command, subcommand);
export const defersUpFront = (command: string, subcommand?: string | null) => !matches(ANSWERS_AT_ONCE, command, subcommand);

/**
 * True when every part of the command needs Manage Server. Discord sets default permissions per top-level
 * command, so only such a command is hidden from members by default; a command where some subcommands are
 * for everyone (/digest now, /digest status) stays visible, and its guarded subcommands are checked when run.
 */
export const allNeedManageGuild = (command: string) => MANAGE_GUILD[command] === true;

/** The private answer to someone without Manage Server who tries a command that needs it. */
export const manageServerRefusal = (command: string, subcommand?: string | null): Reply =>
  errorReply(`/${command}${subcommand ? ` ${subcommand}` : ''} needs the Manage Server permission. Ask someone who manages this server to run it.`);
