// The fake Discord's gateway: HELLO, IDENTIFY -> READY then GUILD_CREATE, heartbeats answered with
// HEARTBEAT_ACK, RESUME -> RESUMED, and dispatches pushed by the tests. Frames are plain JSON text, as
// Discord sends them to a client that asked for no compression (discord.js without zlib-sync).
// Sharding as Discord does it: IDENTIFY's `shard` is [shard_id, num_shards] (default [0, 1]); a shard id
// outside 0 .. num_shards - 1 closes the session with 4010 (Invalid shard); each session is told of, and
// sent the events of, only the servers whose (guild_id >> 22) % num_shards is its shard; events with no
// server (DMs) go to shard 0. Each session counts its own sequence numbers.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { shardOf } from '../../../src/adapters/discord/shards.ts';
import { DEFAULT_GUILD, guildCreate, ready, snowflake, type GuildSpec } from './payloads.ts';

/** Discord's close code for an IDENTIFY with a shard that cannot be. */
export const INVALID_SHARD = 4010;

/** A session after IDENTIFY: its shard, and its own sequence numbers. */
interface Session {
  shard: [number, number];
  seq: number;
}

/** The server an event is about: its guild_id, or the id of a GUILD_* event's guild itself. */
function guildOfEvent(t: string, d: unknown): string | undefined {
  const o = (d ?? {}) as { guild_id?: string; id?: string };
  if (o.guild_id) return o.guild_id;
  return /^GUILD_(CREATE|UPDATE|DELETE)$/.test(t) ? o.id : undefined;
}

export interface GatewayFrame {
  op: number;
  d?: any;
  s?: number | null;
  t?: string | null;
}

export class FakeGateway {
  readonly wss: WebSocketServer;
  readonly received: GatewayFrame[] = [];
  private readonly sockets = new Set<WebSocket>();
  /** Identified sessions, by socket: only they are sent events. */
  private readonly sessions = new Map<WebSocket, Session>();
  /** Every session's shard by its session_id, so a RESUME goes on with the shard it had. */
  private readonly shardOfSession = new Map<string, [number, number]>();

  constructor(
    server: Server,
    private readonly url: () => string,
    private readonly heartbeatIntervalMs: number,
    private readonly onFrame: () => void = () => undefined,
    /** The servers the bot is in (READY lists them; a GUILD_CREATE follows for each). */
    readonly guilds: GuildSpec[] = [DEFAULT_GUILD],
  ) {
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  private send(socket: WebSocket, frame: GatewayFrame): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  }

  private dispatchTo(socket: WebSocket, t: string, d: unknown): void {
    const session = this.sessions.get(socket);
    if (!session) return;
    this.send(socket, { op: 0, t, s: ++session.seq, d });
  }

  /** Whether a session's shard is the one a server's events go to (no server: shard 0). */
  private serves(session: Session, guildId: string | undefined): boolean {
    const [id, count] = session.shard;
    return guildId === undefined ? id === 0 : shardOf(guildId, count) === id;
  }

  private identify(socket: WebSocket, d: { shard?: unknown }): void {
    const shard = d?.shard ?? [0, 1];
    const valid = Array.isArray(shard) && shard.length === 2 && shard.every((n) => Number.isInteger(n)) && shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1];
    if (!valid) return void socket.close(INVALID_SHARD, 'Invalid shard');
    const session: Session = { shard: [shard[0], shard[1]], seq: 0 };
    this.sessions.set(socket, session);
    const own = this.guilds.filter((g) => this.serves(session, g.id));
    const sessionId = snowflake();
    this.shardOfSession.set(sessionId, session.shard);
    this.dispatchTo(socket, 'READY', { ...ready(this.url(), sessionId, own), shard: session.shard });
    for (const g of own) this.dispatchTo(socket, 'GUILD_CREATE', guildCreate(g));
  }

  /** The shards identified now, as [shard_id, num_shards]. */
  get shards(): [number, number][] {
    return [...this.sessions.values()].map((s) => s.shard);
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.sessions.delete(socket);
    });
    this.send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as GatewayFrame;
      this.received.push(frame);
      this.onFrame();
      switch (frame.op) {
        case 1: // HEARTBEAT
          this.send(socket, { op: 11, s: null, t: null });
          break;
        case 2: // IDENTIFY
          this.identify(socket, frame.d);
          break;
        case 6: { // RESUME: the session goes on, with its shard; one never started is an INVALID_SESSION
          const shard = this.shardOfSession.get(frame.d?.session_id);
          if (!shard) this.send(socket, { op: 9, d: false, s: null, t: null });
          else {
            this.sessions.set(socket, { shard, seq: Number(frame.d?.seq) || 0 });
            this.dispatchTo(socket, 'RESUMED', null);
          }
          break;
        }
      }
    });
  }

  /** Sends a dispatch (INTERACTION_CREATE, MESSAGE_CREATE, ...) to the sessions of its server's shard. */
  dispatch(t: string, d: unknown): void {
    const guildId = guildOfEvent(t, d);
    for (const [socket, session] of this.sessions) if (this.serves(session, guildId)) this.dispatchTo(socket, t, d);
  }

  get connections(): number {
    return this.sockets.size;
  }

  close(): void {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
  }
}
