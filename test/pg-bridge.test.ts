import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBridge, PgQueryError, PgUnavailableError } from '../src/store/pg/bridge.ts';
import { PG_URL, pgAdmin, pgUnavailable } from './helpers/pg.ts';
import { TcpProxy } from './helpers/tcp-proxy.ts';

const unavailable = await pgUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL bridge tests: ${unavailable}`);

describe.skipIf(unavailable !== null)('the PostgreSQL bridge', () => {
  const opened: PgBridge[] = [];
  const bridge = (timeoutMs?: number, url = PG_URL) => {
    const b = new PgBridge(url, { timeoutMs });
    opened.push(b);
    return b;
  };
  afterAll(() => opened.forEach((b) => b.close()));

  it('answers a query synchronously, with its rows and parameters', () => {
    const r = bridge().query<{ n: number; word: string }>('SELECT $1::int + 1 AS n, $2::text AS word', [41, 'ferry']);
    expect(r.rows).toEqual([{ n: 42, word: 'ferry' }]);
  });

  it('runs several statements in one trip, in order', () => {
    const b = bridge();
    const [a, c] = b.run([{ sql: 'SELECT 1 AS one' }, { sql: 'SELECT count(*) AS n FROM generate_series(1, 3)' }]);
    expect(a.rows).toEqual([{ one: 1 }]);
    expect(c.rows).toEqual([{ n: 3 }]);
  });

  it('carries a refused statement back with its message and code, and the connection still works', () => {
    const b = bridge();
    expect(() => b.query('SELECT * FROM no_such_table')).toThrow(PgQueryError);
    try {
      b.query('SELECT * FROM no_such_table');
    } catch (e) {
      expect((e as Error).message).toMatch(/relation "no_such_table" does not exist/);
      expect((e as PgQueryError).code).toBe('42P01');
    }
    expect(b.query('SELECT 2 AS two').rows).toEqual([{ two: 2 }]);
  });

  it('gives up with "try again" when the server does not answer in time, and the next call works', () => {
    const b = bridge(500);
    b.query('SELECT 1');
    const started = Date.now();
    expect(() => b.query('SELECT pg_sleep(5)')).toThrow(/the database is not answering; try again/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(b.query('SELECT 3 AS three').rows).toEqual([{ three: 3 }]);
  });

  describe('against a server that accepts connections and never answers', () => {
    let silent: Server;
    let port = 0;
    beforeAll(async () => {
      silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      port = (silent.address() as { port: number }).port;
    });
    afterAll(() => silent.close());

    it('fails the call with "try again" instead of hanging', () => {
      const b = bridge(700, `postgres://postgres@127.0.0.1:${port}/test`);
      expect(() => b.query("SELECT 1")).toThrow(/the database is not answering; try again/);
    }, 40_000);
  });

  it('works again once a database that stopped answering, even while being connected to, answers again', async () => {
    const proxy = await TcpProxy.start(PG_URL);
    try {
      const b = bridge(500, proxy.via(PG_URL));
      expect(b.query('SELECT 1 AS one').rows).toEqual([{ one: 1 }]);
      await proxy.hang();
      // The first call waits on its open connection; the next ones on new connections the server never greets.
      for (let i = 0; i < 3; i++) expect(() => b.query('SELECT 1')).toThrow(/no answer within 500 ms/);
      await proxy.restore();
      expect(b.query('SELECT 2 AS two').rows).toEqual([{ two: 2 }]);
      await proxy.cut();
      // Refused, or (when the call comes before the bridge has seen its open connection closed) cut off.
      expect(() => b.query('SELECT 1')).toThrow(/ECONNREFUSED|Connection terminated/);
      await proxy.restore();
      expect(b.query('SELECT 3 AS three').rows).toEqual([{ three: 3 }]);
    } finally {
      await proxy.close();
    }
  }, 30_000);

  it('reconnects after its connection is terminated by the server', async () => {
    const b = bridge();
    const pid = b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').rows[0].pid;
    await pgAdmin('SELECT pg_terminate_backend($1)', [pid]);
    // The worker sees the connection end while idle; the next call opens a new one.
    await new Promise((r) => setTimeout(r, 200));
    const again = b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').rows[0].pid;
    expect(again).not.toBe(pid);
  });

  it('reports a connection killed under a call as "try again", and the call after it works', () => {
    const b = bridge();
    expect(() => b.query('SELECT pg_terminate_backend(pg_backend_pid())')).toThrow(PgUnavailableError);
    expect(b.query('SELECT 4 AS four').rows).toEqual([{ four: 4 }]);
  });

  it('keeps nothing of a transaction whose connection was lost, and refuses its statements until rolled back', async () => {
    const b = bridge();
    b.query('CREATE TEMP TABLE t (x int)');
    b.begin();
    const pid = b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').rows[0].pid;
    await pgAdmin('SELECT pg_terminate_backend($1)', [pid]);
    await new Promise((r) => setTimeout(r, 200));
    expect(() => b.query('SELECT 1')).toThrow(/lost inside a transaction/);
    b.rollback();
    expect(b.query('SELECT 5 AS five').rows).toEqual([{ five: 5 }]);
  });
});
