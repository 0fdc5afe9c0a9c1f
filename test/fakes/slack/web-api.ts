// A fake Slack Web API on 127.0.0.1: auth.test, auth.revoke, chat.postMessage, chat.postEphemeral, users.info,
// file uploads (files.ts), apps.connections.open, oauth.v2.access (the "Add to Slack" exchange), and a
// response_url sink at /response/<id>. Several workspaces, each with its own bot token: a call is answered
// as the workspace whose token it carries, a revoked token gets token_revoked, an unknown one invalid_auth,
// a code used twice or never issued invalid_code. It records every call so tests can wait for one and look
// at what Sitrep sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackFiles } from './files.ts';

export interface FakeCall {
  /** Web API method ("chat.postMessage") or "response_url". */
  method: string;
  /** The bearer token the call carried (checked, never printed). */
  token: string | null;
  args: Record<string, any>;
  /** For response_url posts: the id in /response/<id>. */
  responseId?: string;
}

export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

/** A workspace with Sitrep installed in it. */
export interface FakeTeam {
  id: string;
  name: string;
  botToken: string;
}

/** The app's OAuth credentials (Basic Information > App Credentials). */
export interface FakeOAuthApp {
  clientId: string;
  clientSecret: string;
}

export interface FakeSlackOptions {
  /** The bot token of the default workspace (TEAM_ID). */
  botToken: string;
  /** Further workspaces with their own tokens. */
  teams?: FakeTeam[];
  oauth?: FakeOAuthApp;
  appToken?: string;
  users?: FakeUser[];
  /** What apps.connections.open returns as the WebSocket URL (set later for Socket Mode tests). */
  socketUrl?: string;
}

export const BOT_USER_ID = 'UBOT00001';
export const BOT_ID = 'BBOT00001';
export const TEAM_ID = 'T0000TEST';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The WebClient sends form bodies with nested values (blocks) as JSON strings; JSON bodies are taken as they are. */
function parseArgs(req: IncomingMessage, raw: string): Record<string, any> {
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw);
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* plain text that happens to start with a bracket */
      }
    }
    out[k] = v;
  }
  return out;
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  /** Files uploaded with files.uploadV2's three steps. */
  readonly files = new FakeSlackFiles();
  private server: Server | null = null;
  private waiters: Array<() => void> = [];
  private ts = 1_700_000_000;
  socketUrl?: string;
  /** Workspace of each live bot token. */
  private readonly tokens = new Map<string, FakeTeam>();
  /** Tokens revoked (uninstalled, or auth.revoke): calls with them get token_revoked. */
  private readonly revoked = new Set<string>();
  /** OAuth codes issued and not yet exchanged, with the workspace each installs into. */
  private readonly codes = new Map<string, FakeTeam>();
  private issued = 0;

  constructor(private readonly opts: FakeSlackOptions) {
    this.socketUrl = opts.socketUrl;
    this.tokens.set(opts.botToken, { id: TEAM_ID, name: 'Sitrep Test', botToken: opts.botToken });
    for (const t of opts.teams ?? []) this.tokens.set(t.botToken, t);
  }

  /** A code as Slack's authorize page gives after someone in `team` chose Allow (used once by oauth.v2.access). */
  issueCode(team: { id: string; name: string }): string {
    const code = `code-${team.id}-${++this.issued}`;
    this.codes.set(code, { ...team, botToken: `xoxb-${team.id}-${this.issued}-fake` });
    return code;
  }

  /** The workspace uninstalled the app, or an admin revoked its token: every call with it fails from now on. */
  revokeTeam(teamId: string): void {
    for (const [token, t] of this.tokens) if (t.id === teamId) this.revoked.add(token);
  }

  /** The live bot token of a workspace, if it has one. */
  tokenOf(teamId: string): string | undefined {
    return [...this.tokens].find(([token, t]) => t.id === teamId && !this.revoked.has(token))?.[0];
  }

  /** oauth.v2.access: the app's credentials are checked, the code is used once, a bot token is made. */
  private exchange(args: Record<string, any>, basic: string | undefined): unknown {
    const oauth = this.opts.oauth;
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [args.client_id, args.client_secret];
    if (!oauth || id !== oauth.clientId) return { ok: false, error: 'invalid_client_id' };
    if (secret !== oauth.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const team = this.codes.get(String(args.code ?? ''));
    if (!team) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(args.code));
    this.tokens.set(team.botToken, team);
    return {
      ok: true, app_id: 'A0000SITREP', authed_user: { id: 'U0000ADMIN' }, scope: 'commands,app_mentions:read,chat:write,chat:write.public,files:write,users:read',
      token_type: 'bot', access_token: team.botToken, bot_user_id: BOT_USER_ID, team: { id: team.id, name: team.name }, enterprise: null, is_enterprise_install: false,
    };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  callsOf(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the calls once `predicate` holds (checked on every call), or rejects after `timeoutMs`. */
  async waitFor(predicate: (calls: FakeCall[]) => boolean, timeoutMs = 10_000, what = 'the expected Slack calls'): Promise<FakeCall[]> {
    if (predicate(this.calls)) return this.calls;
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(this.calls)) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(this.calls);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'}`));
      }, timeoutMs);
      this.waiters.push(check);
    });
  }

  private record(call: FakeCall): void {
    this.calls.push(call);
    for (const w of [...this.waiters]) w();
  }

  private reply(res: ServerResponse, body: unknown, status = 200): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // the bytes of a file, POSTed to the upload URL files.getUploadURLExternal gave (files.ts)
    const upload = path.match(/^\/upload\/(\w+)$/);
    if (upload && req.method === 'POST') {
      const answer = this.files.receive(upload[1], bytes, req.headers['content-type'] ?? '');
      this.record({ method: 'upload', token: null, args: { file_id: upload[1], bytes: bytes.length, status: answer.status } });
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.text);
      return;
    }
    const raw = bytes.toString('utf8');
    const args = parseArgs(req, raw);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : (args.token ?? null);
    const response = path.match(/^\/response\/([\w-]+)$/);
    if (response && req.method === 'POST') {
      this.record({ method: 'response_url', token: null, args, responseId: response[1] });
      return this.reply(res, { ok: true });
    }
    const api = path.match(/^\/api\/([\w.]+)$/);
    if (!api) return this.reply(res, { ok: false, error: 'not_found' }, 404);
    const method = api[1];
    this.record({ method, token, args });
    if (method === 'apps.connections.open') {
      if (!this.opts.appToken || token !== this.opts.appToken) return this.reply(res, { ok: false, error: 'invalid_auth' });
      if (!this.socketUrl) return this.reply(res, { ok: false, error: 'no_socket_server' });
      return this.reply(res, { ok: true, url: this.socketUrl });
    }
    if (method === 'oauth.v2.access') {
      const basic = auth?.startsWith('Basic ') ? auth.slice(6) : undefined;
      return this.reply(res, this.exchange(args, basic));
    }
    if (token && this.revoked.has(token)) return this.reply(res, { ok: false, error: 'token_revoked' });
    const team = token ? this.tokens.get(token) : undefined;
    if (!team) return this.reply(res, { ok: false, error: token ? 'invalid_auth' : 'not_authed' });
    switch (method) {
      case 'auth.test':
        return this.reply(res, { ok: true, url: `https://${team.id.toLowerCase()}.slack.com/`, team: team.name, user: 'sitrep', team_id: team.id, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false });
      case 'auth.revoke':
        this.revoked.add(token!);
        return this.reply(res, { ok: true, revoked: true });
      case 'chat.postMessage': {
        if (!args.channel) return this.reply(res, { ok: false, error: 'channel_not_found' });
        const ts = `${this.ts++}.000100`;
        return this.reply(res, { ok: true, channel: args.channel, ts, message: { text: args.text, ts, bot_id: BOT_ID } });
      }
      case 'files.getUploadURLExternal': {
        const a = this.files.getUploadURL(args, this.url);
        return this.reply(res, a.body, a.status);
      }
      case 'files.completeUploadExternal': {
        const a = this.files.complete(args);
        for (const w of [...this.waiters]) w(); // the files are shared now: let waiters see it
        return this.reply(res, a.body, a.status);
      }
      case 'chat.postEphemeral':
        return this.reply(res, { ok: true, message_ts: `${this.ts++}.000200` });
      case 'users.info': {
        const user = this.opts.users?.find((u) => u.id === args.user);
        if (!user) return this.reply(res, { ok: false, error: 'user_not_found' });
        return this.reply(res, { ok: true, user: { name: user.id.toLowerCase(), is_admin: false, is_owner: false, is_primary_owner: false, ...user } });
      }
      default:
        return this.reply(res, { ok: false, error: 'unknown_method' });
    }
  }
}
