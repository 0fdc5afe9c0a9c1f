// Workspaces without a chat platform: digest keys that carry the workspace (two channels with one id on two
// platforms or Slack workspaces never collide), a ledger from before places moved to the new keys, per-place
// settings (shared sources on or off, the default digest zone), per-place speaker counts kept through
// removals, and the command line acting as a place with --workspace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { indexedArticle } from '../src/service/analysis-task.ts';
import { storeFile, writeBatch } from '../src/service/ingest.ts';
import { placeView } from '../src/service/places.ts';
import { SqliteScheduleStore } from '../src/store/schedule-sqlite.ts';
import type { Subscription } from '../src/store/schedule.ts';
import { parseWorkspace, WorkspaceError } from '../src/workspace.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const ROOT = join(import.meta.dirname, '..');

const HARBOUR = `Dockworkers at Felixstowe vote to strike over pay

Source: Harbour Wire

More than 1,900 dockworkers at the port of Felixstowe have voted to strike for eight days next month after rejecting a pay offer of 7 per cent, the Unite union said.

"Our members keep this port moving and they deserve a fair share," said Sharon Graham, Unite's general secretary.`;

const sub = (over: Partial<Subscription>): Subscription => ({ platform: 'slack', channelId: 'C0000NEWS', time: '08:00', timezone: 'UTC', createdAt: '2026-11-30T00:00:00Z', createdBy: null, ...over });

describe('digest keys carry the workspace', () => {
  it('keeps one channel id in two Slack workspaces and on two platforms apart, each with its own run', () => {
    const store = new SqliteScheduleStore(new Database(':memory:'));
    store.subscribe(sub({ place: 'slack:T0AAAA', time: '08:00' }));
    store.subscribe(sub({ place: 'slack:T0BBBB', time: '09:30' }));
    store.subscribe(sub({ platform: 'discord', place: 'discord:123456', time: '07:00' }));
    expect(store.subscriptions()).toHaveLength(3);
    expect(store.subscription('slack', 'C0000NEWS', 'slack:T0AAAA')!.time).toBe('08:00');
    expect(store.subscription('slack', 'C0000NEWS', 'slack:T0BBBB')!.time).toBe('09:30');
    const claim = (place: string, platform = 'slack') => store.claimRun({ platform, place, channelId: 'C0000NEWS', slotAt: '2026-12-01T08:00:00.000Z', localDate: '2026-12-01', dayStart: '2026-12-01T00:00:00.000Z', dayEnd: '2026-12-02T00:00:00.000Z', claimedBy: 'me', claimedAt: '2026-12-01T08:00:00.000Z' });
    expect(claim('slack:T0AAAA')).toBe(true);
    expect(claim('slack:T0BBBB')).toBe(true);
    expect(claim('discord:123456', 'discord')).toBe(true);
    expect(claim('slack:T0AAAA')).toBe(false);
    expect(store.unsubscribe('slack', 'C0000NEWS', 'slack:T0AAAA')).toBe(true);
    expect(store.subscription('slack', 'C0000NEWS', 'slack:T0BBBB')).not.toBeNull();
  });

  it('stops one workspace\'s digests with a reason, and never another\'s', () => {
    const store = new SqliteScheduleStore(new Database(':memory:'));
    store.subscribe(sub({ place: 'slack:T0AAAA' }));
    store.subscribe(sub({ place: 'slack:T0BBBB' }));
    expect(store.stopPlace('slack', 'slack:T0AAAA', 'Sitrep was uninstalled from the workspace', '2026-12-01T10:00:00Z')).toBe(1);
    expect(store.subscription('slack', 'C0000NEWS', 'slack:T0AAAA')).toMatchObject({ stoppedReason: 'Sitrep was uninstalled from the workspace', stoppedAt: '2026-12-01T10:00:00Z' });
    expect(store.subscription('slack', 'C0000NEWS', 'slack:T0BBBB')!.stoppedAt).toBeNull();
    expect(store.resumePlace('slack', 'slack:T0AAAA')).toBe(1);
  });

  it('moves a ledger from before places to the new keys, keeping every row; the place asking in a channel takes its rows over', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE digest_subscriptions (platform TEXT NOT NULL, channel_id TEXT NOT NULL, time TEXT NOT NULL, timezone TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT, PRIMARY KEY (platform, channel_id));
      INSERT INTO digest_subscriptions VALUES ('discord', '555', '08:00', 'Europe/London', '2026-11-01T00:00:00Z', 'u1'), ('cli', 'cli', '07:00', 'UTC', '2026-11-01T00:00:00Z', NULL);
      CREATE TABLE digest_runs (platform TEXT NOT NULL, channel_id TEXT NOT NULL, local_date TEXT NOT NULL, timezone TEXT NOT NULL DEFAULT '', slot_at TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, claimed_by TEXT NOT NULL, claimed_at TEXT NOT NULL,
        next_attempt_at TEXT, finished_at TEXT, error TEXT, window_since TEXT, window_until TEXT, record TEXT, reply TEXT, stories INTEGER, parts TEXT, PRIMARY KEY (platform, channel_id, slot_at));
      INSERT INTO digest_runs(platform, channel_id, local_date, slot_at, status, attempts, claimed_by, claimed_at, stories) VALUES ('discord', '555', '2026-11-30', '2026-11-30T08:00:00Z', 'posted', 1, 'x', '2026-11-30T08:00:00Z', 4);`);
    const store = new SqliteScheduleStore(db);
    expect(store.subscriptions().map((s) => [s.platform, s.place])).toEqual([['cli', 'console'], ['discord', '']]);
    expect(store.subscription('discord', '555', 'discord:777')).toMatchObject({ place: 'discord:777', timezone: 'Europe/London', createdBy: 'u1' });
    expect(store.lastPosted('discord', '555', 'discord:777')).toMatchObject({ stories: 4, place: 'discord:777' });
  });
});

describe('places and the command line', () => {
  let t: TempSitrep;
  beforeAll(async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    const [article] = parseArticles('source:s1/harbour', HARBOUR).map(indexedArticle);
    writeBatch(t.sitrep.store, () => storeFile(t.sitrep.store, { path: 'source:s1/harbour', size: 1, mtimeMs: 1, hash: 'h1', origin: 'source', scope: 'discord:123456' }, [article]));
  });
  afterAll(() => t.cleanup());

  const run = (place: string, name: string, text: string) => runCommand({ sitrep: t.sitrep, platform: 'discord', channelId: '999', place, canManage: true }, name, text);

  it('counts each speaker per place, and forgets a place\'s counts when its articles go', () => {
    expect(placeView(t.sitrep, 'discord:123456').speakerSuggestions('graham', 10)).toEqual(['Sharon Graham']);
    expect(placeView(t.sitrep, 'discord:654321').speakerSuggestions('graham', 10)).toEqual([]);
    expect(t.sitrep.topSpeakers(100).map((s) => s.speaker)).toContain('Sharon Graham');
    t.sitrep.store.removeFile('source:s1/harbour');
    expect(placeView(t.sitrep, 'discord:123456').speakerSuggestions('graham', 10)).toEqual([]);
    const [article] = parseArticles('source:s1/harbour', HARBOUR).map(indexedArticle);
    writeBatch(t.sitrep.store, () => storeFile(t.sitrep.store, { path: 'source:s1/harbour', size: 1, mtimeMs: 1, hash: 'h1', origin: 'source', scope: 'discord:123456' }, [article]));
    expect(placeView(t.sitrep, 'discord:123456').speakerSuggestions('graham', 10)).toEqual(['Sharon Graham']);
  });

  it('turns the shared sources off for one place only', async () => {
    expect(JSON.stringify((await run('discord:123456', 'ask', 'where did the missiles land?')).reply)).toMatch(/Iran/);
    expect((await run('discord:123456', 'sources', 'shared off')).json).toMatchObject({ shared: false, choice: false });
    expect(JSON.stringify((await run('discord:123456', 'ask', 'where did the missiles land?')).reply.sections)).not.toMatch(/Iran/);
    expect(JSON.stringify((await run('discord:123456', 'ask', 'how many dockworkers voted to strike?')).reply)).toMatch(/1,900/);
    expect(JSON.stringify((await run('discord:654321', 'ask', 'where did the missiles land?')).reply)).toMatch(/Iran/);
    expect((await run('discord:123456', 'sources', 'shared maybe')).reply.kind).toBe('error');
    await run('discord:123456', 'sources', 'shared on');
  });

  it('gives new subscriptions the place\'s default digest zone', async () => {
    expect((await run('discord:123456', 'digest', 'timezone america/new_york')).json).toMatchObject({ timezone: 'America/New_York' });
    expect((await run('discord:123456', 'digest', 'subscribe 07:30')).json).toMatchObject({ subscription: { timezone: 'America/New_York', place: 'discord:123456' } });
    expect((await run('discord:654321', 'digest', 'subscribe 07:30')).json).toMatchObject({ subscription: { timezone: 'UTC' } });
    expect((await run('discord:123456', 'digest', 'timezone EST')).reply.kind).toBe('error');
  });

  it('reads --workspace PLATFORM:ID, naming the expected form when it is malformed', () => {
    expect(parseWorkspace('discord:123456')).toEqual({ place: 'discord:123456', platform: 'discord', id: '123456' });
    expect(parseWorkspace('slack:t0123abcd').place).toBe('slack:T0123ABCD');
    expect(parseWorkspace(undefined).place).toBe('console');
    for (const bad of ['123456', 'discord:general', 'teams:123', 'slack:C0123']) expect(() => parseWorkspace(bad)).toThrow(WorkspaceError);
    expect(() => parseWorkspace('discord:general')).toThrow(/PLATFORM:ID, such as discord:/);
  });

  const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), '--data', t.dataDir, '--db', t.dbPath, '--quiet', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITREP_STATE_DIR: join(t.dbPath, '..') } });

  it('answers on the command line as the place --workspace names, and refuses a malformed one', () => {
    const own = cli(['--workspace', 'discord:123456', 'ask', 'how many dockworkers voted to strike?']);
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/1,900/);
    expect(cli(['ask', 'how many dockworkers voted to strike?']).stdout).not.toMatch(/1,900/);
    const bad = cli(['--workspace', 'discord', 'ask', 'anything']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--workspace takes PLATFORM:ID/);
  });

  it('refuses on the command line a Slack workspace whose installation was removed, saying when and why', () => {
    const installs = t.sitrep.store.installations();
    installs.put({ key: 'T0GONE', teamId: 'T0GONE', enterpriseId: null, teamName: 'Gone', isEnterpriseInstall: false, botToken: 'xoxb-secret', botUserId: 'U1', botId: 'B1', scopes: ['commands'], installedBy: null, installedAt: '2026-11-01T00:00:00Z', raw: '{}' });
    installs.remove('T0GONE', 'Sitrep was uninstalled from the workspace', new Date('2026-11-20T00:00:00Z'));
    const r = cli(['--workspace', 'slack:T0GONE', 'sources', 'list']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no installation for slack:T0GONE: it was removed on 2026-11-20 \(Sitrep was uninstalled from the workspace\)/);
    expect(r.stderr).not.toMatch(/xoxb/);
  });
});
