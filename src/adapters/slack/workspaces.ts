// Slack in many workspaces: Bolt's installationStore over Sitrep's own store (src/store/installations.ts),
// who may install (SLACK_ALLOWED_TEAMS), what a workspace that cannot be served is told, and what an
// uninstall does (its tokens deleted, its digests stopped with the reason recorded; other workspaces untouched).
import type { Installation, InstallationQuery, InstallationStore as BoltInstallationStore } from '@slack/bolt';
import type { InstallationStore, SlackInstallation } from '../../store/installations.ts';
import type { ScheduleStore } from '../../store/schedule.ts';

/** The place of a Slack workspace, as stored on sources, articles and subscriptions. */
export const slackPlace = (teamId: string) => `slack:${teamId}`;

/** The key an installation is kept under: the workspace, or the organisation for an org-wide install. */
function keyOf(q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
  const key = q.isEnterpriseInstall ? q.enterpriseId : (q.teamId ?? q.enterpriseId);
  if (!key) throw new Error('the request names no Slack workspace');
  return key;
}

export function isTeamAllowed(allowed: ReadonlySet<string> | null, teamId: string | undefined, enterpriseId?: string): boolean {
  return !allowed || Boolean((teamId && allowed.has(teamId)) || (enterpriseId && allowed.has(enterpriseId)));
}

/** Why a workspace is not served, in words for the person asking in it; null when it is. */
export function teamRefusal(store: InstallationStore, allowed: ReadonlySet<string> | null, teamId: string | undefined, oauth: boolean): string | null {
  if (!teamId) return 'Sitrep could not tell which workspace this came from.';
  if (!isTeamAllowed(allowed, teamId)) return 'Sitrep does not serve this workspace: whoever runs it serves only the workspaces on its list (SLACK_ALLOWED_TEAMS). Ask them to add this workspace.';
  if (!oauth) return null;
  if (store.get(teamId)) return null;
  const removed = store.removal(teamId);
  if (removed) return `Sitrep is no longer installed in this workspace (removed ${removed.removedAt.slice(0, 10)}: ${removed.reason}). An admin can add it again with "Add to Slack".`;
  return 'Sitrep is not installed in this workspace. An admin can add it with "Add to Slack".';
}

function toRecord(installation: Installation): SlackInstallation {
  const key = keyOf({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall });
  if (!installation.bot?.token) throw new Error(`the install of ${key} gave no bot token (the app must ask for bot scopes)`);
  return {
    key, teamId: installation.team?.id ?? null, enterpriseId: installation.enterprise?.id ?? null, teamName: installation.team?.name ?? null,
    isEnterpriseInstall: Boolean(installation.isEnterpriseInstall), botToken: installation.bot.token, botUserId: installation.bot.userId ?? null,
    botId: installation.bot.id ?? null, scopes: installation.bot.scopes ?? [], installedBy: installation.user?.id ?? null, installedAt: new Date().toISOString(),
    raw: JSON.stringify(installation),
  };
}

export interface WorkspaceHooks {
  /** A workspace installed Sitrep (again): its stopped digests start again. */
  installed?(teamKey: string): void;
}

/** Bolt's installationStore, kept in Sitrep's database. A workspace not allowed, or without an install, is refused. */
export function boltInstallationStore(store: InstallationStore, allowed: ReadonlySet<string> | null, hooks: WorkspaceHooks = {}): BoltInstallationStore {
  return {
    async storeInstallation(installation) {
      const record = toRecord(installation as Installation);
      store.put(record);
      hooks.installed?.(record.key);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = keyOf(query);
      if (!isTeamAllowed(allowed, query.teamId, query.enterpriseId)) throw new Error(`workspace ${key} is not in SLACK_ALLOWED_TEAMS`);
      const found = store.get(key);
      if (!found) throw new Error(`Sitrep has no installation for workspace ${key}`);
      return JSON.parse(found.raw) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      store.remove(keyOf(query), 'deleted through Bolt');
    },
  };
}

/**
 * A workspace uninstalled Sitrep or revoked its bot token: its tokens go (OAuth installs) and its digests
 * stop, with the reason recorded for /digest status. Returns how many subscriptions were stopped.
 */
export function endWorkspace(installs: InstallationStore, schedule: ScheduleStore, teamId: string, reason: string, at = new Date()): number {
  installs.remove(teamId, reason, at);
  return schedule.stopPlace('slack', slackPlace(teamId), reason, at.toISOString());
}

/** Slack errors that mean the workspace's token is gone for good: retrying will not help. */
export const GONE_ERRORS = new Set(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed', 'team_not_found', 'app_uninstalled', 'team_access_not_granted']);

/** The Slack error code of a failed Web API call, if it is one. */
export function slackErrorCode(e: unknown): string | undefined {
  const data = (e as { data?: { error?: unknown } })?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
