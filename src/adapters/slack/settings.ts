// Slack settings from the environment. Tokens and secrets stay in this object: nothing here prints them,
// and `describeSettings` names only what is set and how Sitrep will connect.

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_PORT = 3000;
export const EVENTS_PATH = '/slack/events';

export interface SlackSettings {
  botToken: string;
  /** Socket Mode when an app-level token (xapp-...) is set; HTTP events otherwise. */
  mode: 'socket' | 'http';
  appToken?: string;
  signingSecret?: string;
  /** HTTP mode: the port to listen on (PORT, default 3000; 0 picks a free one). */
  port: number;
  /** The Web API base URL, ending in `/` (SLACK_API_URL; GovSlack, proxies and tests). */
  apiUrl: string;
  /** User ids that may manage digests besides workspace admins and owners (SLACK_ADMIN_USERS). */
  adminUsers: ReadonlySet<string>;
}

/** A setting that is missing or malformed; the message names the variable, never its value. */
export class SlackSettingsError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new SlackSettingsError(`PORT must be a whole number from 0 to 65535 (got "${raw}").`);
  return n;
}

function parseApiUrl(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_SLACK_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SlackSettingsError('SLACK_API_URL must be an http(s) URL such as https://slack.com/api/.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SlackSettingsError('SLACK_API_URL must start with https:// or http://.');
  return value.endsWith('/') ? value : `${value}/`;
}

export function parseAdminUsers(raw: string | undefined): Set<string> {
  return new Set(
    (raw ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function readSlackSettings(env: NodeJS.ProcessEnv): SlackSettings {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!botToken) throw new SlackSettingsError('SLACK_BOT_TOKEN is not set (the xoxb-... token from OAuth & Permissions).');
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  if (!appToken && !signingSecret)
    throw new SlackSettingsError('Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP events at /slack/events).');
  return {
    botToken,
    mode: appToken ? 'socket' : 'http',
    appToken,
    signingSecret,
    port: parsePort(env.PORT),
    apiUrl: parseApiUrl(env.SLACK_API_URL),
    adminUsers: parseAdminUsers(env.SLACK_ADMIN_USERS),
  };
}

/** One line for the log: how Sitrep connects, without any secret. */
export function describeSettings(s: SlackSettings): string {
  const how = s.mode === 'socket' ? 'Socket Mode' : `HTTP events on port ${s.port} at ${EVENTS_PATH}`;
  const api = s.apiUrl === DEFAULT_SLACK_API_URL ? '' : `, Web API at ${new URL(s.apiUrl).origin}`;
  const admins = s.adminUsers.size ? `, ${s.adminUsers.size} extra digest admin${s.adminUsers.size === 1 ? '' : 's'}` : '';
  return `Slack: ${how}${api}${admins}.`;
}
