// A fake Socket Mode server on 127.0.0.1: apps.connections.open (on the fake Web API) hands out its
// ws:// URL; on connect it says `hello`; tests push envelopes (slash_commands, events_api) and wait for the
// app's ack, which carries the envelope_id.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Ack {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketMode {
  readonly acks: Ack[] = [];
  /** How many times an app has connected. */
  connections = 0;
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  private connectedWaiters: Array<() => void> = [];
  private ackWaiters: Array<() => void> = [];

  async start(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      this.connections++;
      ws.on('message', (data) => {
        try {
          this.acks.push(JSON.parse(data.toString()) as Ack);
        } catch {
          return;
        }
        for (const w of [...this.ackWaiters]) w();
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 }, connection_info: { app_id: 'A0000SITREP' } }));
      for (const w of this.connectedWaiters.splice(0)) w();
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss!.address() as AddressInfo).port}/link/?ticket=fake-ticket`;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  async waitForConnection(timeoutMs = 10_000): Promise<void> {
    if (this.connected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the app never connected to the fake Socket Mode server')), timeoutMs);
      this.connectedWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Waits until the app has connected `n` times in all (a reconnect makes it two). */
  async waitForConnections(n: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.connections >= n && this.connected)) {
      if (Date.now() > deadline) throw new Error(`the app connected ${this.connections} time(s), not ${n}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Slack's request to reconnect (it is recycling the server holding the connection). */
  askToReconnect(reason = 'refresh_requested'): void {
    this.send({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } });
  }

  /** Sends an envelope to the app. */
  send(envelope: Record<string, unknown>): void {
    if (!this.socket) throw new Error('no app is connected');
    this.socket.send(JSON.stringify(envelope));
  }

  async waitForAck(envelopeId: string, timeoutMs = 10_000): Promise<Ack> {
    const find = () => this.acks.find((a) => a.envelope_id === envelopeId);
    const found = find();
    if (found) return found;
    return new Promise((resolve, reject) => {
      const check = () => {
        const a = find();
        if (!a) return;
        clearTimeout(timer);
        this.ackWaiters = this.ackWaiters.filter((w) => w !== check);
        resolve(a);
      };
      const timer = setTimeout(() => {
        this.ackWaiters = this.ackWaiters.filter((w) => w !== check);
        reject(new Error(`no ack for envelope ${envelopeId}`));
      }, timeoutMs);
      this.ackWaiters.push(check);
    });
  }

  async stop(): Promise<void> {
    if (!this.wss) return;
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss!.close(() => resolve()));
    this.wss = null;
  }
}
