// Requests as Slack sends them over HTTP: signed with the signing secret (`v0=` + HMAC-SHA256 of
// `v0:timestamp:body`), slash commands form-encoded, events as JSON.
import { createHmac } from 'node:crypto';
import { TEAM_ID, BOT_USER_ID } from './web-api.ts';

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  /** Sign with this secret instead (a forged request). */
  signWith?: string;
  /** X-Slack-Retry-Num (a redelivery). */
  retryNum?: number;
  /** The request's timestamp in seconds (default now); signed with it, so an old one is a correctly signed stale request. */
  timestamp?: number;
}

export interface SentResponse {
  status: number;
  body: string;
}

export async function sendSigned(url: string, body: string, opts: SendOptions): Promise<SentResponse> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': opts.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(opts.signWith ?? opts.secret, timestamp, body),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

export interface SlashCommandFields {
  command: string;
  text: string;
  user_id?: string;
  channel_id?: string;
  response_url: string;
  /** The workspace it comes from (default TEAM_ID). */
  team_id?: string;
}

/** The fields of a slash command payload (the same object arrives in a Socket Mode envelope). */
export function slashPayload(f: SlashCommandFields): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: f.team_id ?? TEAM_ID,
    team_domain: 'sitrep-test',
    channel_id: f.channel_id ?? 'C0000NEWS',
    channel_name: 'news',
    user_id: f.user_id ?? 'U0000USER',
    user_name: 'reader',
    command: f.command,
    text: f.text,
    api_app_id: 'A0000SITREP',
    is_enterprise_install: 'false',
    response_url: f.response_url,
    trigger_id: '1234.5678.abcdef',
  };
}

export function slashBody(f: SlashCommandFields): string {
  return new URLSearchParams(slashPayload(f)).toString();
}

export interface MentionFields {
  eventId: string;
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  /** The workspace it comes from (default TEAM_ID). */
  teamId?: string;
}

/** An Events API event_callback carrying an app_mention. */
export function mentionPayload(f: MentionFields): Record<string, unknown> {
  const ts = f.ts ?? '1700000000.000100';
  const team = f.teamId ?? TEAM_ID;
  return {
    token: 'legacy-verification-token',
    team_id: team,
    api_app_id: 'A0000SITREP',
    event: {
      type: 'app_mention',
      user: f.user ?? 'U0000USER',
      text: f.text,
      ts,
      ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
      channel: f.channel ?? 'C0000NEWS',
      event_ts: ts,
    },
    type: 'event_callback',
    event_id: f.eventId,
    event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: team, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** The event Slack sends when a workspace uninstalls the app (`app_uninstalled`) or revokes its tokens (`tokens_revoked`). */
export function uninstallPayload(kind: 'app_uninstalled' | 'tokens_revoked', teamId: string, eventId: string): Record<string, unknown> {
  const event = kind === 'app_uninstalled' ? { type: kind, event_ts: '1700000000.000300' } : { type: kind, tokens: { oauth: [], bot: [BOT_USER_ID] }, event_ts: '1700000000.000300' };
  return {
    token: 'legacy-verification-token', team_id: teamId, api_app_id: 'A0000SITREP', event, type: 'event_callback', event_id: eventId, event_time: 1_700_000_000,
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  };
}
