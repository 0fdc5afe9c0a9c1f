// A TCP proxy on 127.0.0.1 in front of the test's PostgreSQL server, to play the faults of a deployment
// without touching the server (other tests share it): `cut()` is the server going down (every connection
// closed, new ones refused until `restore()`, on the same port), `hang()` a server or network that stops
// answering (connections accepted, nothing forwarded), and `cutWhen(text)` a connection lost at a chosen
// moment (when a client sends a message holding that text, before the server sees it). The proxy runs in
// a thread of its own: the store's calls block the test's thread while they wait.
import { Worker } from 'node:worker_threads';

export type ProxyRequest = { id: number; op: 'cut' | 'hang' | 'restore' | 'close' } | { id: number; op: 'cutWhen'; text: string };
export type ProxyReply = { kind: 'ready'; port: number } | { kind: 'done'; id: number } | { kind: 'cut-seen'; id: number };

export class TcpProxy {
  private next = 1;
  private readonly waiting = new Map<number, () => void>();
  private readonly cuts = new Map<number, () => void>();

  private constructor(
    private readonly worker: Worker,
    /** The port the proxy listens on (the same after a cut and a restore, as a restarted server's). */
    readonly port: number,
  ) {
    worker.on('message', (m: ProxyReply) => {
      if (m.kind === 'done') this.waiting.get(m.id)?.();
      if (m.kind === 'cut-seen') this.cuts.get(m.id)?.();
    });
  }

  /** A proxy to `targetUrl`'s host and port. */
  static async start(targetUrl: string): Promise<TcpProxy> {
    const worker = new Worker(new URL('./tcp-proxy-thread.mjs', import.meta.url), { workerData: { target: targetUrl } });
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m: ProxyReply) => (m.kind === 'ready' ? resolve(m.port) : reject(new Error('the proxy did not start'))));
    });
    return new TcpProxy(worker, port);
  }

  /** `url` (a postgres:// address, with its path and parameters) pointed at the proxy instead. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** The database goes down: every connection closed, new ones refused until restore(). */
  cut(): Promise<void> {
    return this.ask({ id: 0, op: 'cut' });
  }

  /** The database stops answering: connections are accepted and kept, nothing is forwarded. */
  hang(): Promise<void> {
    return this.ask({ id: 0, op: 'hang' });
  }

  /** The database is back on the same port. */
  restore(): Promise<void> {
    return this.ask({ id: 0, op: 'restore' });
  }

  /** Arms a cut for the moment a client sends `text`; resolves (after armed) with the cut's own promise. */
  async cutWhen(text: string): Promise<{ happened: Promise<void> }> {
    const id = this.next;
    const happened = new Promise<void>((resolve) => this.cuts.set(id, resolve));
    await this.ask({ id: 0, op: 'cutWhen', text });
    return { happened };
  }

  async close(): Promise<void> {
    await this.ask({ id: 0, op: 'close' }).catch(() => {});
    await this.worker.terminate();
  }

  private ask(request: ProxyRequest): Promise<void> {
    const id = this.next++;
    return new Promise<void>((resolve) => {
      this.waiting.set(id, () => {
        this.waiting.delete(id);
        resolve();
      });
      this.worker.postMessage({ ...request, id });
    });
  }
}
