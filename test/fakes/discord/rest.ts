// The fake Discord's REST routes, under /api/v10: gateway discovery, interaction callbacks, webhook
// (interaction) messages, channel messages, typing, channels and command registration. Every request is
// recorded for the tests to inspect.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIEmbed } from 'discord.js';
import { InvalidFormBody, readDiscordForm } from './multipart.ts';
import { IDS, sentMessage, snowflake } from './payloads.ts';

export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
}

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. "/channels/123/messages". */
  path: string;
  query: URLSearchParams;
  body: any;
  authorization?: string;
  status: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  handle(match: RegExpMatchArray, body: any, req: IncomingMessage): { status: number; json?: unknown };
}

/** Discord's deadline for the first response to an interaction. */
export const INTERACTION_DEADLINE_MS = 3000;

/** An interaction the fake dispatched: when, and whether it has been acknowledged (as Discord tracks it). */
export interface IssuedInteraction {
  at: number;
  acked: boolean;
}

const UNKNOWN_INTERACTION = { status: 404, json: { message: 'Unknown interaction', code: 10062 } };
const ALREADY_ACKNOWLEDGED = { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } };
const UNKNOWN_WEBHOOK = { status: 404, json: { message: 'Unknown Webhook', code: 10015 } };

/**
 * As strict as Discord: the first callback must come within 3 s of the interaction (else 404, 10062),
 * an interaction is acknowledged once (a second callback: 400, 40060), and its webhook (edits, follow-ups)
 * exists only once it has been acknowledged (else 404, 10015).
 */
function callback(interactions: Map<string, IssuedInteraction>, token: string): { status: number; json?: unknown } {
  const i = interactions.get(token);
  if (!i || Date.now() - i.at > INTERACTION_DEADLINE_MS) return UNKNOWN_INTERACTION;
  if (i.acked) return ALREADY_ACKNOWLEDGED;
  i.acked = true;
  return { status: 204 };
}

function webhook(interactions: Map<string, IssuedInteraction>, token: string, ok: () => { status: number; json?: unknown }) {
  return interactions.get(token)?.acked ? ok() : UNKNOWN_WEBHOOK;
}

export function createRoutes(
  gatewayUrl: () => string,
  channelsById: () => Map<string, unknown>,
  acceptToken?: string,
  interactions: Map<string, IssuedInteraction> = new Map(),
  /** The bot leaves a server: false when it is not in it. */
  leaveGuild: (guildId: string) => boolean = () => false,
): Route[] {
  return [
    // Leave Guild: 204, or 404 (Unknown Guild, 10004) when the bot is not in it.
    { method: 'DELETE', pattern: /^\/users\/@me\/guilds\/(\d+)$/, handle: (m) => (leaveGuild(m[1]) ? { status: 204 } : { status: 404, json: { message: 'Unknown Guild', code: 10004 } }) },
    {
      method: 'GET',
      pattern: /^\/gateway\/bot$/,
      handle: (_m, _b, req) =>
        acceptToken && req.headers.authorization !== `Bot ${acceptToken}`
          ? { status: 401, json: { message: '401: Unauthorized', code: 0 } }
          : { status: 200, json: { url: gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } },
    },
    { method: 'GET', pattern: /^\/gateway$/, handle: () => ({ status: 200, json: { url: gatewayUrl() } }) },
    // Interaction responses: 204 and no body (unless with_response=true, which Sitrep does not ask for).
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, handle: (m) => callback(interactions, m[2]) },
    {
      method: 'PATCH',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      handle: (m, body) => webhook(interactions, m[2], () => ({ status: 200, json: sentMessage(IDS.general, body, { webhook_id: IDS.application, application_id: IDS.application }) })),
    },
    {
      method: 'GET',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/,
      handle: (m) => webhook(interactions, m[2], () => ({ status: 200, json: sentMessage(IDS.general, {}, { webhook_id: IDS.application }) })),
    },
    { method: 'DELETE', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/, handle: (m) => webhook(interactions, m[2], () => ({ status: 204 })) },
    // Follow-up messages (wait=true answers with the message).
    {
      method: 'POST',
      pattern: /^\/webhooks\/(\d+)\/([^/]+)$/,
      handle: (m, body) => webhook(interactions, m[2], () => ({ status: 200, json: sentMessage(IDS.general, body, { webhook_id: IDS.application, application_id: IDS.application }) })),
    },
    { method: 'POST', pattern: /^\/channels\/(\d+)\/typing$/, handle: () => ({ status: 204 }) },
    {
      method: 'POST',
      pattern: /^\/channels\/(\d+)\/messages$/,
      handle: (m, body) => (channelsById().has(m[1]) ? { status: 200, json: sentMessage(m[1], body) } : { status: 404, json: { message: 'Unknown Channel', code: 10003 } }),
    },
    {
      method: 'GET',
      pattern: /^\/channels\/(\d+)$/,
      handle: (m) => (channelsById().has(m[1]) ? { status: 200, json: channelsById().get(m[1]) } : { status: 404, json: { message: 'Unknown Channel', code: 10003 } }),
    },
    {
      method: 'PUT',
      pattern: /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/,
      handle: (m, body) => ({
        status: 200,
        json: (body as Array<Record<string, unknown>>).map((c) => ({ ...c, id: snowflake(), application_id: m[1], ...(m[2] ? { guild_id: m[2] } : {}), version: snowflake() })),
      }),
    },
  ];
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const type = req.headers['content-type'] ?? '';
  // a message with files: payload_json and files[n] parts, checked strictly (multipart.ts)
  if (type.startsWith('multipart/form-data')) return readDiscordForm(Buffer.concat(chunks), type);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  if (!(req.headers['content-type'] ?? '').includes('json')) return text;
  return JSON.parse(text);
}

/** Answers one HTTP request and records it. */
export async function serveRest(req: IncomingMessage, res: ServerResponse, routes: Route[], record: (r: RecordedRequest) => void): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const prefix = '/api/v10';
  let invalid: string | null = null;
  const body = await readBody(req).catch((e: Error) => {
    if (e instanceof InvalidFormBody) invalid = e.message;
    return undefined;
  });
  const pathname = decodeURIComponent(url.pathname);
  const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname;
  let result: { status: number; json?: unknown } = { status: 404, json: { message: '404: Not Found', code: 0 } };
  if (invalid) result = { status: 400, json: { message: 'Invalid Form Body', code: 50035, errors: { files: { _errors: [{ code: 'BASE_TYPE_INVALID', message: invalid }] } } } };
  else if (pathname.startsWith(prefix)) {
    for (const route of routes) {
      const m = route.method === req.method ? path.match(route.pattern) : null;
      if (m) {
        result = route.handle(m, body, req);
        break;
      }
    }
  }
  if (result.json === undefined) res.writeHead(result.status).end();
  else res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.json));
  record({ method: req.method ?? 'GET', path, query: url.searchParams, body, authorization: req.headers.authorization, status: result.status });
}
