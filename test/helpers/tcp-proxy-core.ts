// The proxy itself (see tcp-proxy.ts): it runs in a thread of its own, since the PostgreSQL store's calls
// block the thread that makes them, and a proxy on that thread would never forward their answers.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type ProxyState = 'up' | 'down' | 'hung';

interface Pair {
  client: Socket;
  server: Socket | null;
}

export class ProxyCore {
  private listener: Server | null = null;
  private readonly pairs = new Set<Pair>();
  private cutOn: string | null = null;
  private cutSeen: (() => void) | null = null;
  state: ProxyState = 'up';

  private constructor(
    private readonly target: { host: string; port: number },
    /** The port the proxy listens on (kept across a cut and a restore, as a restarted server's). */
    readonly port: number,
  ) {}

  /** A proxy to `targetUrl`'s host and port, listening on a free port of 127.0.0.1. */
  static async start(targetUrl: string): Promise<ProxyCore> {
    const u = new URL(targetUrl);
    const proxy = new ProxyCore({ host: u.hostname, port: Number(u.port || 5432) }, 0);
    const port = await proxy.listen(0);
    (proxy as { port: number }).port = port;
    return proxy;
  }

  /** The server goes down: every connection is closed and new ones are refused (nothing listens on the port). */
  async cut(): Promise<void> {
    this.state = 'down';
    for (const p of this.pairs) this.end(p);
    await this.stopListening();
  }

  /** The server stops answering: connections stay open (and new ones are accepted), but nothing is forwarded. */
  async hang(): Promise<void> {
    if (!this.listener) await this.listen(this.port);
    this.state = 'hung';
    for (const p of this.pairs) {
      p.client.pause();
      p.server?.pause();
    }
  }

  /** Cuts (as `cut()`) the moment a client sends a message holding `text` (before the server sees it). */
  cutWhen(text: string): Promise<void> {
    this.cutOn = text;
    return new Promise((resolve) => (this.cutSeen = resolve));
  }

  /** The server is back: new connections are forwarded again (connections cut stay closed, as after a restart). */
  async restore(): Promise<void> {
    const wasHung = this.state === 'hung';
    this.state = 'up';
    if (!this.listener) await this.listen(this.port);
    // A stall that ends lets its connections go on (a restart would not: the client has dropped them anyway).
    if (wasHung) for (const p of this.pairs) {
      p.client.resume();
      p.server?.resume();
    }
  }

  /** Connections open through the proxy now. */
  get connections(): number {
    return this.pairs.size;
  }

  async close(): Promise<void> {
    for (const p of this.pairs) this.end(p);
    await this.stopListening();
  }

  private listen(port: number): Promise<number> {
    const listener = createServer((client) => this.accept(client));
    this.listener = listener;
    return new Promise((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, '127.0.0.1', () => resolve((listener.address() as { port: number }).port));
    });
  }

  private stopListening(): Promise<void> {
    const l = this.listener;
    this.listener = null;
    return new Promise((resolve) => (l ? l.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    const pair: Pair = { client, server: null };
    this.pairs.add(pair);
    client.on('error', () => this.end(pair));
    client.on('close', () => this.end(pair));
    // Accepted and never answered: the client waits on its own timeout.
    if (this.state === 'hung') return void client.pause();
    const server = createConnection(this.target);
    pair.server = server;
    server.on('error', () => this.end(pair));
    server.on('close', () => this.end(pair));
    server.on('data', (chunk) => {
      if (this.state === 'up') client.write(chunk);
    });
    client.on('data', (chunk) => {
      if (this.cutOn !== null && chunk.includes(this.cutOn)) {
        this.cutOn = null;
        const seen = this.cutSeen;
        this.cutSeen = null;
        void this.cut().then(() => seen?.());
        return;
      }
      if (this.state === 'up') server.write(chunk);
    });
  }

  private end(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.destroy();
    pair.server?.destroy();
  }
}
