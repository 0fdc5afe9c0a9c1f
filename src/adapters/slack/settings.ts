// Slack settings from the environment. Tokens and secrets stay in this object: nothing here prints them,
// and `describeSettings` names only what is set and how Sitrep will connect.

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_PORT = 3000;
export const EVENTS_PATH = '/slack/events';
/** OAuth ("Add to Slack"): the page that starts an install, and the redirect URL Slack returns to. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** The bot scopes an OAuth install asks for (the same as slack-manifest.yaml's). */
export const BOT_SCOPES = ['commands', 'app_mentions:read', 'chat:write', 'chat:write.public', 'files:write', 'users:read'];

/** Multi-workspace installs: the app's credentials and the secret that signs the install state. */
export interface SlackOAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** SLACK_REDIRECT_URI: the redirect URL when the app lists several (else the app's only one). */
  redirectUri?: string;
}

export interface SlackSettings {
  /** One workspace: its bot token (SLACK_BOT_TOKEN). Absent with OAuth, where each workspace has its own. */
  botToken?: string;
  /** Many workspaces, each adding Sitrep with "Add to Slack" (SLACK_CLIENT_ID, _SECRET, SLACK_STATE_SECRET). */
  oauth?: SlackOAuthSettings;
  /** The workspaces served (SLACK_ALLOWED_TEAMS); null: every workspace that installs it. */
  allowedTeams: ReadonlySet<string> | null;
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

/** SLACK_ALLOWED_TEAMS: workspace ids (T...) or organisation ids (E...), separated by commas or spaces. */
export function parseAllowedTeams(raw: string | undefined): Set<string> | null {
  const ids = (raw ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) return null;
  const bad = ids.find((id) => !/^[TE][A-Z0-9]{2,20}$/.test(id));
  if (bad) throw new SlackSettingsError(`SLACK_ALLOWED_TEAMS lists workspace ids such as T0123ABCD, separated by commas; "${bad.slice(0, 30)}" is not one.`);
  return new Set(ids);
}

/** The OAuth settings when any is set: all three are needed, and not together with SLACK_BOT_TOKEN. */
function readOAuth(env: NodeJS.ProcessEnv, botToken: string | undefined): SlackOAuthSettings | undefined {
  const clientId = env.SLACK_CLIENT_ID?.trim();
  const clientSecret = env.SLACK_CLIENT_SECRET?.trim();
  const stateSecret = env.SLACK_STATE_SECRET?.trim();
  if (!clientId && !clientSecret && !stateSecret) return undefined;
  const missing = [!clientId && 'SLACK_CLIENT_ID', !clientSecret && 'SLACK_CLIENT_SECRET', !stateSecret && 'SLACK_STATE_SECRET'].filter(Boolean);
  if (missing.length) throw new SlackSettingsError(`Installing in many workspaces (OAuth) needs ${missing.join(', ')} too (Basic Information > App Credentials; the state secret is any long random string).`);
  if (botToken) throw new SlackSettingsError('Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (many workspaces, each installing with "Add to Slack"), not both.');
  return { clientId: clientId!, clientSecret: clientSecret!, stateSecret: stateSecret!, redirectUri: env.SLACK_REDIRECT_URI?.trim() || undefined };
}

export function readSlackSettings(env: NodeJS.ProcessEnv): SlackSettings {
  const botToken = env.SLACK_BOT_TOKEN?.trim() || undefined;
  const oauth = readOAuth(env, botToken);
  if (!botToken && !oauth) throw new SlackSettingsError('SLACK_BOT_TOKEN is not set (the xoxb-... token from OAuth & Permissions), nor SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs in many workspaces.');
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  if (!appToken && !signingSecret)
    throw new SlackSettingsError('Set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP events at /slack/events).');
  if (oauth && (appToken || !signingSecret)) throw new SlackSettingsError('Installs in many workspaces (SLACK_CLIENT_ID) run over HTTP: set SLACK_SIGNING_SECRET and leave SLACK_APP_TOKEN unset.');
  return {
    botToken,
    oauth,
    allowedTeams: parseAllowedTeams(env.SLACK_ALLOWED_TEAMS),
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
  const installs = s.oauth ? `, installs in many workspaces (Add to Slack at ${INSTALL_PATH})` : ', one workspace (SLACK_BOT_TOKEN)';
  const teams = s.allowedTeams ? `, only workspace${s.allowedTeams.size === 1 ? '' : 's'} ${[...s.allowedTeams].join(', ')}` : '';
  return `Slack: ${how}${installs}${teams}${api}${admins}.`;
}
