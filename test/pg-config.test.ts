// SITREP_DATABASE_URL: a postgres:// address selects the PostgreSQL store; anything else is refused with a
// message that names the variable; no message ever repeats the password the address may hold.
import { describe, expect, it } from 'vitest';
import { databaseUrl, SettingError } from '../src/config.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { StoreOpenError } from '../src/store/open-error.ts';
import { describeUrl, parsePgUrl } from '../src/store/pg/url.ts';

describe('SITREP_DATABASE_URL', () => {
  it('is unset by default, so Sitrep keeps its SQLite index', () => {
    expect(databaseUrl({})).toBeNull();
    expect(databaseUrl({ SITREP_DATABASE_URL: '  ' })).toBeNull();
    const sitrep = Sitrep.open({ dataDir: null, dbPath: ':memory:', databaseUrl: databaseUrl({}) });
    expect(sitrep.databaseUrl).toBeNull();
    sitrep.close();
  });

  it('takes a postgres:// address, with an optional schema', () => {
    expect(databaseUrl({ SITREP_DATABASE_URL: 'postgres://sitrep:pw@db:5432/news' })).toBe('postgres://sitrep:pw@db:5432/news');
    expect(parsePgUrl('postgresql://sitrep@db/news?schema=sitrep_one')).toEqual({ url: 'postgresql://sitrep@db/news', schema: 'sitrep_one' });
  });

  it('refuses another kind of address, or a schema that is not a plain name, without repeating the password', () => {
    const messages: string[] = [];
    for (const value of ['mysql://u:hunter2@db/news', 'postgres://u:hunter2@db/news?schema=a;drop']) {
      try {
        databaseUrl({ SITREP_DATABASE_URL: value });
      } catch (e) {
        expect(e).toBeInstanceOf(SettingError);
        messages.push((e as Error).message);
      }
    }
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/SITREP_DATABASE_URL must be a postgres:\/\/ address/);
    expect(messages[1]).toMatch(/plain name/);
    expect(messages.join(' ')).not.toMatch(/hunter2/);
  });

  it('names the database without its password when it cannot be opened', () => {
    expect(describeUrl('postgres://sitrep:hunter2@db.example.org:5432/news?schema=s1')).toBe('postgres://sitrep@db.example.org:5432/news (schema s1)');
    let error: unknown;
    try {
      Sitrep.open({ dataDir: null, dbPath: ':memory:', databaseUrl: 'postgres://sitrep:hunter2@127.0.0.1:1/news' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(/the PostgreSQL database postgres:\/\/sitrep@127\.0\.0\.1:1\/news cannot be opened \(the database is not answering; try again/);
    expect((error as Error).message).not.toMatch(/hunter2/);
  });
});

describe('a command while the database is not answering', () => {
  it('is told to try again, not that something failed, and the error is a store error whatever the store', async () => {
    const { runLine, setErrorLog } = await import('../commands/run.ts');
    const { PgUnavailableError } = await import('../src/store/pg/bridge.ts');
    const { StoreUnavailableError } = await import('../src/store/unavailable.ts');
    expect(new PgUnavailableError('no answer within 15000 ms')).toBeInstanceOf(StoreUnavailableError);
    const real = Sitrep.open({ dataDir: null, dbPath: ':memory:' });
    // A store whose every call finds the database gone, as PgStore's do while the server restarts.
    const down = new Proxy(real.store, {
      get: (target, key) => (typeof (target as never)[key] === 'function' && key !== 'close' ? () => { throw new PgUnavailableError('connect ECONNREFUSED 127.0.0.1:5432'); } : (target as never)[key]),
    });
    const logged: string[] = [];
    const previous = setErrorLog((m) => void logged.push(m));
    try {
      const result = await runLine({ sitrep: new Sitrep(down, null), platform: 'cli' }, '/ask how many troops?');
      expect(result!.reply.kind).toBe('error');
      expect(JSON.stringify(result!.reply)).toMatch(/The database is not answering right now; please try again in a moment\./);
      expect(JSON.stringify(result!.reply)).not.toMatch(/failed on our side/);
      expect(logged.join('\n')).toMatch(/the database is not answering; try again \(connect ECONNREFUSED/);
    } finally {
      setErrorLog(previous);
      real.close();
    }
  });
});
