// The Slack adapter: `createSlackAdapter(sitrep, env)` reads the settings, builds the Bolt app and returns a
// ChatAdapter. start() verifies the bot token (auth.test) and connects; post() is chat.postMessage (the
// digest scheduler uses it); stop() disconnects. Only this folder imports @slack/*.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, SocketModeReceiver } from '@slack/bolt';
import type { Reply } from '../../reply.ts';
import type { Sitrep } from '../../service/sitrep.ts';
import type { ChatAdapter } from '../types.ts';
import { AdminCheck } from './admins.ts';
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
}

export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  private readonly app: App;
  private readonly socket?: SocketModeReceiver;
  private server: Server | null = null;
  private running = false;

  constructor(
    private readonly settings: SlackSettings,
    deps: SlackHandlerDeps,
    private readonly opts: SlackAdapterOptions = {},
  ) {
    ({ app: this.app, socket: this.socket } = buildApp(settings, deps, opts));
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
    // auth.test: a wrong token fails here, loudly, rather than on the first command.
    try {
      await this.app.init();
    } catch (e) {
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

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.socket) {
      await this.socket.client.disconnect();
      return;
    }
    const server = this.server;
    this.server = null;
    server?.closeAllConnections?.();
    await this.app.stop();
  }

  async post(channelId: string, reply: Reply): Promise<void> {
    await postReply(this.app.client, channelId, reply);
    await uploadAttachments(this.app.client, channelId, reply);
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
  adapter = new SlackAdapter(settings, { sitrep, admins, services: opts.services, now: opts.now, log }, { ...opts, log });
  return adapter;
}
