// A fake Slack Web API on 127.0.0.1: auth.test, chat.postMessage, chat.postEphemeral, users.info, file uploads (files.ts),
// apps.connections.open, and a response_url sink at /response/<id>. It records every call so tests can wait
// for one and look at what Sitrep sent.
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

export interface FakeSlackOptions {
  botToken: string;
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

  constructor(private readonly opts: FakeSlackOptions) {
    this.socketUrl = opts.socketUrl;
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
    if (token !== this.opts.botToken) return this.reply(res, { ok: false, error: 'invalid_auth' });
    switch (method) {
      case 'auth.test':
        return this.reply(res, { ok: true, url: 'https://sitrep-test.slack.com/', team: 'Sitrep Test', user: 'sitrep', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false });
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
