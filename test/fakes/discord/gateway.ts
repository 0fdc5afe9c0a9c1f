// The fake Discord's gateway: HELLO, IDENTIFY -> READY then GUILD_CREATE, heartbeats answered with
// HEARTBEAT_ACK, RESUME -> RESUMED, and dispatches pushed by the tests. Frames are plain JSON text, as
// Discord sends them to a client that asked for no compression (discord.js without zlib-sync).
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_GUILD, guildCreate, ready, snowflake, type GuildSpec } from './payloads.ts';

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
  private seq = 0;

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
    this.send(socket, { op: 0, t, s: ++this.seq, d });
  }

  private onConnection(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
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
          this.dispatchTo(socket, 'READY', ready(this.url(), snowflake(), this.guilds));
          for (const g of this.guilds) this.dispatchTo(socket, 'GUILD_CREATE', guildCreate(g));
          break;
        case 6: // RESUME
          this.dispatchTo(socket, 'RESUMED', null);
          break;
      }
    });
  }

  /** Sends a dispatch (INTERACTION_CREATE, MESSAGE_CREATE, ...) to every connected client. */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sockets) this.dispatchTo(s, t, d);
  }

  get connections(): number {
    return this.sockets.size;
  }

  close(): void {
    for (const s of this.sockets) s.terminate();
    this.wss.close();
  }
}
