// A fake Discord on 127.0.0.1 (random port): REST under /api/v10 and a WebSocket gateway at /gateway,
// enough for the real discord.js client to log in, receive interactions and messages, and answer them.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.ts';
import { chatInput, DEFAULT_GUILD, guildCreate, messageCreate, autocomplete, type GuildSpec, type InvokeOptions } from './payloads.ts';
import { createRoutes, serveRest, type IssuedInteraction, type RecordedRequest } from './rest.ts';

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Interactions dispatched, by token: when, and whether acknowledged (the REST routes enforce Discord's rules). */
  readonly interactions = new Map<string, IssuedInteraction>();
  private server!: Server;
  gateway!: FakeGateway;
  private port = 0;
  private waiters: Array<() => void> = [];

  /** e.g. http://127.0.0.1:PORT/api, for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Channels of every server the bot is in, by id. */
  private readonly channels = new Map<string, unknown>();

  /** The servers the bot is in now (a server it left is gone, as it is from Discord). */
  readonly guilds = new Set<string>();

  private addGuild(spec: GuildSpec): void {
    const g = guildCreate(spec);
    for (const c of [...g.channels, ...g.threads]) this.channels.set(c.id, { ...c, guild_id: g.id });
    this.guilds.add(spec.id);
  }

  /** A server's admin removes the bot (a kick): as a leave, without the bot asking. */
  removeBot(guildId: string): boolean {
    return this.leave(guildId);
  }

  /** The bot leaves a server (DELETE /users/@me/guilds/ID): it is gone, and GUILD_DELETE is dispatched. */
  private leave(guildId: string): boolean {
    if (!this.guilds.delete(guildId)) return false;
    for (const [id, c] of this.channels) if ((c as { guild_id: string }).guild_id === guildId) this.channels.delete(id);
    setImmediate(() => this.gateway.dispatch('GUILD_DELETE', { id: guildId }));
    return true;
  }

  static async start(opts: { heartbeatIntervalMs?: number; /** Answer 401 to any other bot token. */ acceptToken?: string; /** The servers the bot is in (default: one test server). */ guilds?: GuildSpec[] } = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    const guilds = opts.guilds ?? [DEFAULT_GUILD];
    for (const g of guilds) fake.addGuild(g);
    const routes = createRoutes(() => fake.gatewayUrl, () => fake.channels, opts.acceptToken, fake.interactions, (id) => fake.leave(id));
    fake.server = createServer((req, res) => {
      void serveRest(req, res, routes, (r) => {
        fake.requests.push(r);
        fake.wake();
      });
    });
    fake.gateway = new FakeGateway(fake.server, () => fake.gatewayUrl, opts.heartbeatIntervalMs ?? 2000, () => fake.wake(), guilds);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the value once `check` returns one (checked on every request and gateway frame). */
  async waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`fake Discord: timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 250);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Requests matching a method and path pattern, in order. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Every request for one interaction (its callback and its webhook messages), in order. */
  forInteraction(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}`));
  }

  /** Dispatches a slash command and returns the interaction (its id and token identify the answer). */
  invoke(o: InvokeOptions) {
    const interaction = chatInput(o);
    this.interactions.set(interaction.token, { at: Date.now(), acked: false });
    this.gateway.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  autocomplete(o: InvokeOptions & { focused: string }) {
    const interaction = autocomplete(o);
    this.interactions.set(interaction.token, { at: Date.now(), acked: false });
    this.gateway.dispatch('INTERACTION_CREATE', interaction);
    return interaction;
  }

  /** The bot is added to a server while running (GUILD_CREATE). */
  join(spec: GuildSpec): void {
    this.addGuild(spec);
    this.gateway.dispatch('GUILD_CREATE', guildCreate(spec));
  }

  say(o: Parameters<typeof messageCreate>[0]) {
    const message = messageCreate(o);
    this.gateway.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close').catch(() => undefined);
  }
}
