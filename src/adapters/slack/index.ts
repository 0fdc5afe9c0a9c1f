// The Slack adapter: `createSlackAdapter(sitrep, env)` reads the settings, builds the Bolt app and returns a
// ChatAdapter. start() verifies the bot token (auth.test; with OAuth installs there is none to verify) and
// connects; post() is chat.postMessage with the token of the channel's workspace (the digest scheduler uses
// it; a workspace whose token is gone stops its digests); stop() disconnects. Only this folder imports @slack/*.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { webApi, type App, type SocketModeReceiver } from '@slack/bolt';
import type { Reply } from '../../reply.ts';
import type { Sitrep } from '../../service/sitrep.ts';
import type { EventClaims } from '../../store/dedupe.ts';
import { openEventClaims } from '../../store/event-claims.ts';
import { CHAT_WAIT_MS } from '../../store/waits.ts';
import { DRAIN_MS, InFlight } from '../in-flight.ts';
import { ChatRateLimiter } from '../rate-limit.ts';
import { PlaceUnavailableError, type ChatAdapter, type Delivery } from '../types.ts';
import { endWorkspace, GONE_ERRORS, isTeamAllowed, slackErrorCode, teamRefusal } from './workspaces.ts';
import { AdminCheck } from './admins.ts';
import { EventDeduper } from './dedupe.ts';
import { buildApp, type SlackAppOptions } from './app.ts';
import type { SlackHandlerDeps, SlackLog } from './context.ts';
import { uploadAttachments } from './attachments.ts';
import { postReply } from './send.ts';
import { describeSettings, readSlackSettings, type SlackSettings } from './settings.ts';

export { readSlackSettings, SlackSettingsError, type SlackSettings } from './settings.ts';
export { renderReply, type SlackMessage } from './render.ts';

export interface SlackAdapterOptions extends SlackAppOptions {
  /** HTTP mode: the address to listen on (default: all interfaces). */
  host?: string;
  /** Handed to commands as CommandContext.services (the digest scheduler, for example). */
  services?: Record<string, unknown>;
  now?: () => Date;
  log?: SlackLog;
  /** Per-user and per-channel limits (default: SITREP_RATE_LIMIT_USER / _CHANNEL, else 6 and 20 per 30 s); null for none. */
  limiter?: ChatRateLimiter | null;
  /** The event ledger file (default: slack-events.db in the state folder); ':memory:' keeps it in memory. */
  eventLedger?: string;
  /** How long stop() waits for answers still being sent (default 5 s). */
  drainMs?: number;
}

export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  private readonly app: App;
  private readonly socket?: SocketModeReceiver;
  private server: Server | null = null;
  private running = false;
  private readonly inFlight = new InFlight();
  /** In memory until start() opens the ledger file. */
  private claims: EventClaims = new EventDeduper();
  /** OAuth installs: a Web API client per workspace token. */
  private readonly clients = new Map<string, App['client']>();

  constructor(
    private readonly settings: SlackSettings,
    private readonly deps: SlackHandlerDeps,
    private readonly opts: SlackAdapterOptions = {},
  ) {
    ({ app: this.app, socket: this.socket } = buildApp(settings, deps, opts, { claims: () => this.claims, inFlight: this.inFlight }));
  }

  /** Opens the event ledger, so retries of events answered before a restart are not answered again. */
  private openLedger(): void {
    const path = this.opts.eventLedger;
    if (!path) return;
    try {
      // Claims are made on the chat thread, as each event arrives: they wait briefly, as its store does.
      this.claims = openEventClaims(path, { waitMs: CHAT_WAIT_MS });
    } catch (e) {
      (this.opts.log ?? console).warn(`sitrep: Slack: ${(e as Error).message}; remembering answered events in memory only (a retry after a restart may be answered twice).`);
    }
  }

  /** HTTP mode: the port actually listened on (useful with PORT=0); undefined in Socket Mode or before start. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  /** The Web API client (bot token, SLACK_API_URL). */
  get client(): App['client'] {
    return this.app.client;
  }

  get mode(): SlackSettings['mode'] {
    return this.settings.mode;
  }

  async start(): Promise<void> {
    this.openLedger();
    try {
      await this.connect();
    } catch (e) {
      this.claims.close();
      throw e;
    }
  }

  private async connect(): Promise<void> {
    // auth.test: a wrong token fails here, loudly, rather than on the first command.
    try {
      await this.app.init();
    } catch (e) {
      if (this.settings.oauth) throw new Error(`Slack (installs in many workspaces) could not start: ${(e as Error).message}`);
      throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test at ${new URL(this.settings.apiUrl).origin}: ${(e as Error).message}).`);
    }
    if (this.settings.mode === 'socket') {
      try {
        await this.app.start();
      } catch (e) {
        throw new Error(`Slack Socket Mode did not connect (check SLACK_APP_TOKEN and its connections:write scope): ${(e as Error).message}`);
      }
    } else {
      const listen = this.opts.host ? { port: this.settings.port, host: this.opts.host } : { port: this.settings.port };
      this.server = (await this.app.start(listen)) as unknown as Server;
    }
    this.running = true;
    (this.opts.log ?? console).error(`sitrep: ${describeSettings(this.settings)}${this.port !== undefined ? ` Listening on port ${this.port}.` : ''}`);
  }

  /** Waits for answers still being sent (a few seconds at most), then disconnects and closes the ledger. */
  async stop(): Promise<void> {
    if (!this.running) {
      this.claims.close();
      return;
    }
    this.running = false;
    if (!(await this.inFlight.drain(this.opts.drainMs ?? DRAIN_MS))) (this.opts.log ?? console).warn(`sitrep: Slack: stopping with ${this.inFlight.size} answer(s) still unsent.`);
    try {
      if (this.socket) await this.socket.client.disconnect();
      else {
        const server = this.server;
        this.server = null;
        server?.closeAllConnections?.();
        await this.app.stop();
      }
    } finally {
      this.claims.close();
    }
  }

  /** The client that posts in a workspace: the one bot token, or (OAuth) that workspace's own installation's. */
  private clientFor(place: string | undefined): App['client'] {
    const teamId = place?.startsWith('slack:') ? place.slice('slack:'.length) : undefined;
    if (teamId && !isTeamAllowed(this.settings.allowedTeams, teamId)) throw new PlaceUnavailableError(place!, `workspace ${teamId} is not in SLACK_ALLOWED_TEAMS`);
    if (!this.settings.oauth) return this.app.client;
    if (!teamId) throw new PlaceUnavailableError(place ?? '', 'this subscription was made before Sitrep recorded workspaces, and with installs in many workspaces it cannot tell whose token to use; subscribe the channel again');
    const installs = this.deps.sitrep.root.store.installations();
    const installation = installs.get(teamId);
    if (!installation) throw new PlaceUnavailableError(place!, teamRefusal(installs, null, teamId, true) ?? `Sitrep has no installation for workspace ${teamId}`);
    let client = this.clients.get(installation.botToken);
    if (!client) {
      client = new webApi.WebClient(installation.botToken, { ...this.app.webClientOptions }) as App['client'];
      this.clients.set(installation.botToken, client);
    }
    return client;
  }

  async post(channelId: string, reply: Reply, delivery?: Delivery, place?: string): Promise<void> {
    const client = this.clientFor(place);
    try {
      await postReply(client, channelId, reply, {}, delivery);
    } catch (e) {
      const code = slackErrorCode(e);
      if (!code || !GONE_ERRORS.has(code)) throw e;
      // The workspace's token is gone for good: delete it, stop its digests (only its own), and say why.
      const reason = `Slack refused the workspace's token (${code}): Sitrep was uninstalled or its token revoked`;
      const teamId = place?.startsWith('slack:') ? place.slice('slack:'.length) : null;
      if (teamId && this.settings.oauth) endWorkspace(this.deps.sitrep.root.store.installations(), this.deps.sitrep.root.store.schedule(), teamId, reason);
      throw new PlaceUnavailableError(place ?? '', reason);
    }
    await uploadAttachments(client, channelId, reply);
  }
}

export async function createSlackAdapter(sitrep: Sitrep, env: NodeJS.ProcessEnv = process.env, opts: SlackAdapterOptions = {}): Promise<SlackAdapter> {
  const settings = readSlackSettings(env);
  const log: SlackLog = opts.log ?? { warn: (m) => console.error(m), error: (m) => console.error(m) };
  let adapter: SlackAdapter | undefined;
  const admins = new AdminCheck({
    extraAdmins: settings.adminUsers,
    lookup: async (user) => (await adapter!.client.users.info({ user })).user,
    warn: log.warn,
  });
  const limiter = opts.limiter === null ? undefined : (opts.limiter ?? ChatRateLimiter.fromEnv(env));
  // The ledger of answered events sits beside the index it answers from (one per index, not one per machine);
  // on PostgreSQL it is in the database, shared by every instance.
  const eventLedger = opts.eventLedger ?? sitrep.databaseUrl ?? (sitrep.dbPath === ':memory:' ? ':memory:' : join(dirname(sitrep.dbPath), 'slack-events.db'));
  adapter = new SlackAdapter(settings, { sitrep, admins, limiter, services: opts.services, now: opts.now, log }, { ...opts, log, eventLedger });
  return adapter;
}
