// The index is never broken by two Sitreps at once, and an index that cannot be used is one clear line:
// the file, the settings that move it, and that deleting it rebuilds it; never a stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import type { CommandContext } from '../commands/types.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { SqliteStore } from '../src/store/sqlite.ts';
import { IndexBusyError, takeWriterLock } from '../src/store/writer-lock.ts';
import { SAMPLES_DIR } from './helpers/sitrep.ts';

const ROOT = join(import.meta.dirname, '..');
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sitrep-safety-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

describe('two Sitreps on one index', () => {
  it('lets one index at a time and tells the other plainly', () => {
    const db = join(temp(), 'index.db');
    const release = takeWriterLock(db);
    try {
      expect(() => takeWriterLock(db)).toThrow(IndexBusyError);
      expect(() => takeWriterLock(db)).toThrow(/another Sitrep \(process \d+\) is indexing this folder/);
    } finally {
      release();
    }
    takeWriterLock(db)();
  });

  it('takes over a lock left by a process that is gone', () => {
    const db = join(temp(), 'index.db');
    writeFileSync(`${db}.lock`, '999999999');
    const release = takeWriterLock(db);
    release();
  });

  it('answers from the index while another Sitrep is indexing it, saying so', async () => {
    const dir = temp();
    const db = join(dir, 'index.db');
    const first = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: db });
    await first.sync();
    first.close();
    const release = takeWriterLock(db);
    try {
      const r = cli(['--data', SAMPLES_DIR, '--db', db, 'ask', 'where did the missiles land?']);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/another Sitrep .* is indexing this folder/);
      expect(r.stdout).toMatch(/Iran/);
      const ingest = cli(['--data', SAMPLES_DIR, '--db', db, 'ingest']);
      expect(ingest.status).toBe(1);
      expect(ingest.stderr).not.toMatch(/SqliteError|\n\s+at /);
    } finally {
      release();
    }
  });

  it('reads an index another connection is writing (WAL), with every file whole', async () => {
    const db = join(temp(), 'index.db');
    const writer = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: db });
    const reader = Sitrep.open({ dataDir: null, dbPath: db });
    try {
      await writer.sync();
      expect(reader.store.count()).toBe(2);
      expect(reader.ask('where did the missiles land?')[0].text).toMatch(/Iran/);
    } finally {
      writer.close();
      reader.close();
    }
  });
});

describe('an index that cannot be used', () => {
  it('is one line naming a corrupt file, the settings that move it, and that deleting it rebuilds it', () => {
    const db = join(temp(), 'index.db');
    writeFileSync(db, 'this is not a database, just some text that happens to be here'.repeat(100));
    expect(() => new SqliteStore(db)).toThrow(/the index .*index\.db is not a Sitrep index .*SITREP_STATE_DIR, SITREP_DB or --db; deleting the file rebuilds/);
    const r = cli(['--data', SAMPLES_DIR, '--db', db, 'stories']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a state folder that cannot be written', () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file where the folder should be stands in for an unwritable one
      const parent = temp();
      writeFileSync(join(parent, 'state'), 'not a folder');
      const r = cli(['--data', SAMPLES_DIR, 'stories'], { SITREP_STATE_DIR: join(parent, 'state'), SITREP_DB: '' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/the index .*state.* cannot be opened.*SITREP_STATE_DIR/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      return;
    }
    const parent = temp();
    mkdirSync(join(parent, 'state'));
    chmodSync(join(parent, 'state'), 0o500);
    const r = cli(['--data', SAMPLES_DIR, 'stories'], { SITREP_STATE_DIR: join(parent, 'state'), SITREP_DB: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SITREP_STATE_DIR/);
  });

  it('names a retention setting it cannot read', () => {
    const r = cli(['--data', SAMPLES_DIR, '--db', join(temp(), 'index.db'), 'stories'], { SITREP_RETENTION_DAYS: 'a month' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SITREP_RETENTION_DAYS must be a whole number of days .*"a month"/);
  });

  it('answers read-only commands from an index it may not write', async () => {
    const dir = temp();
    const db = join(dir, 'index.db');
    const s = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: db });
    await s.sync();
    s.close();
    const ro = Sitrep.open({ dataDir: null, dbPath: db, readonly: true });
    try {
      expect(ro.ask('where did the missiles land?')[0].text).toMatch(/Iran/);
      expect(ro.stories().length).toBe(1);
    } finally {
      ro.close();
    }
  });

  it('answers /sources and /digest on a read-only index that never had sources or digests, and refuses changes saying why', async () => {
    const dir = temp();
    const db = join(dir, 'index.db');
    // An index written only by sync (as `sitrep ask` writes it): no source or digest tables yet.
    const writer = new SqliteStore(db);
    writer.close();
    const s = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: db });
    await s.sync();
    s.close();
    const ro = Sitrep.open({ dataDir: null, dbPath: db, readonly: true });
    const ctx: CommandContext = { sitrep: ro, platform: 'cli', channelId: 'desk', canManage: true };
    try {
      const list = await runCommand(ctx, 'sources', { subcommand: 'list', options: {} });
      expect(list.reply.kind).not.toBe('error');
      const digest = await runCommand(ctx, 'digest', { subcommand: 'now', options: {} });
      expect(JSON.stringify(digest.reply)).toMatch(/Russian Missiles/);
      const status = await runCommand(ctx, 'digest', { subcommand: 'status', options: {} });
      expect(status.reply.kind).not.toBe('error');
      expect(() => ro.store.schedule().subscribe({ platform: 'cli', place: 'console', channelId: 'desk', time: '08:00', timezone: 'UTC', createdAt: new Date().toISOString(), createdBy: 'me' })).toThrow(/read-only/);
      expect(ro.store.sources().list()).toEqual([]);
      expect(ro.store.installations().list()).toEqual([]);
      expect(ro.store.places().get('console')).toBeNull();
      expect(() => ro.store.places().set('console', { timezone: 'Europe/London' }, 'me')).toThrow(/read-only/);
    } finally {
      ro.close();
    }
  });
});
