// The data folder and the index: a folder that cannot be read, or that suddenly holds far fewer files,
// never empties the index; links never lead the index out of the folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prunePlan, MAX_PRUNE_SHARE } from '../src/service/prune.ts';
import { syncFolder, summarizeIngest } from '../src/service/ingest.ts';
import { FolderUnreadableError, scanDataFolder } from '../src/service/scan.ts';
import type { FileRecord } from '../src/store/store.ts';
import { SAMPLES_DIR, SAMPLE_CLEAN, SAMPLE_SLOPPY, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const ROOT = join(import.meta.dirname, '..');
let t: TempSitrep;
const extra: string[] = [];
afterEach(() => {
  t?.cleanup();
  for (const d of extra.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cli(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SITREP_STATE_DIR: join(t.dataDir, '..', 'state') } });
}

const record = (path: string, origin: FileRecord['origin'] = 'data'): FileRecord => ({ path, size: 1, mtimeMs: 1, hash: path, origin });

describe('a data folder that cannot be read', () => {
  it('is an error naming the folder, and the index keeps every article', async () => {
    t = tempSitrep(SAMPLES_DIR);
    expect(await t.sitrep.sync()).toMatchObject({ total: 2 });
    renameSync(t.dataDir, `${t.dataDir}-moved`);
    await expect(t.sitrep.sync()).rejects.toThrow(FolderUnreadableError);
    await expect(t.sitrep.sync()).rejects.toThrow(`cannot read the data folder ${t.dataDir} (it does not exist)`);
    expect(t.sitrep.store.count()).toBe(2);
    expect(t.sitrep.ask('Where did the Russian missiles crash?')[0].text).toMatch(/Iran/);
  });

  it('makes `sitrep ingest` fail saying so, while other commands still answer from the index', () => {
    t = tempSitrep(SAMPLES_DIR);
    const db = t.dbPath;
    expect(cli(['--data', t.dataDir, '--db', db, 'ingest']).status).toBe(0);
    renameSync(t.dataDir, `${t.dataDir}-typo`);
    const ingest = cli(['--data', t.dataDir, '--db', db, 'ingest']);
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).toContain(`cannot read the data folder ${t.dataDir}`);
    expect(ingest.stderr).not.toMatch(/removed|0 in the index|\n\s+at /);
    const stories = cli(['--data', t.dataDir, '--db', db, 'stories', '--json']);
    expect(stories.status).toBe(0);
    expect(JSON.parse(stories.stdout).stories[0].articles).toHaveLength(2);
  });
});

describe('a sync that would drop most of the index', () => {
  it(`keeps the files when more than ${MAX_PRUNE_SHARE * 100}% of them vanish at once, and says how to drop them`, async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    rmSync(join(t.dataDir, SAMPLE_CLEAN));
    rmSync(join(t.dataDir, SAMPLE_SLOPPY));
    const report = (await t.sitrep.sync())!;
    expect(report).toMatchObject({ removed: 0, total: 2 });
    expect(report.pruneRefused).toMatch(/2 of the 2 indexed files \(100%\) are no longer in the data folder/);
    expect(summarizeIngest(report)).toMatch(/sitrep ingest --prune/);
  });

  it('drops them when the run is told to prune (`--prune`)', async () => {
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    rmSync(join(t.dataDir, SAMPLE_CLEAN));
    rmSync(join(t.dataDir, SAMPLE_SLOPPY));
    expect(await syncFolder(t.sitrep.store, t.dataDir, { prune: true })).toMatchObject({ removed: 2, total: 0, pruneRefused: null });
  });

  it('drops them from the command line with --prune, and refuses without it', () => {
    t = tempSitrep(SAMPLES_DIR);
    cli(['--data', t.dataDir, '--db', t.dbPath, 'ingest']);
    rmSync(join(t.dataDir, SAMPLE_CLEAN));
    rmSync(join(t.dataDir, SAMPLE_SLOPPY));
    const refused = cli(['--data', t.dataDir, '--db', t.dbPath, 'ingest']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/2 in the index\. Not removed: 2 of the 2 indexed files/);
    const pruned = cli(['--data', t.dataDir, '--db', t.dbPath, 'ingest', '--prune']);
    expect(pruned.stderr).toMatch(/removed 2 deleted files; 0 in the index/);
    expect(pruned.status).toBe(0);
  });

  it('still drops a few deleted files without being asked', () => {
    const known = new Map(['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((p) => [p, record(p)]));
    expect(prunePlan(known, new Set(['a.txt', 'b.txt', 'c.txt']))).toEqual({ remove: ['d.txt'], refused: null });
  });

  it('never drops files named on the command line, nor those of a subfolder that could not be read', () => {
    const known = new Map([record('a.txt'), record('/elsewhere/x.txt', 'named'), record('locked/b.txt'), record('locked/c.txt'), record('d.txt')].map((r) => [r.path, r]));
    expect(prunePlan(known, new Set(['a.txt', 'd.txt']), { keepUnder: ['locked'] })).toEqual({ remove: [], refused: null });
  });
});

describe('links in the data folder', () => {
  it('are never followed out of the folder: a link to a secret elsewhere is skipped and reported', async () => {
    t = tempSitrep(SAMPLES_DIR);
    const outside = mkdtempSync(join(tmpdir(), 'sitrep-outside-'));
    extra.push(outside);
    writeFileSync(join(outside, 'env.txt'), 'Settings for the bot\n\nThe slack bot token is xoxb-123-SECRET and must never be shared.');
    symlinkSync(join(outside, 'env.txt'), join(t.dataDir, 'notes.txt'));
    mkdirSync(join(outside, 'more'));
    writeFileSync(join(outside, 'more', 'keys.txt'), 'Keys\n\nThe deploy key is xoxb-456-SECRET, kept here.');
    symlinkSync(join(outside, 'more'), join(t.dataDir, 'archive'));
    const report = (await t.sitrep.sync())!;
    expect(report.total).toBe(2);
    expect(report.skipped).toEqual([
      { file: 'archive/', reason: 'is a link to a folder outside the data folder; not followed' },
      { file: 'notes.txt', reason: 'is a link to a file outside the data folder; not followed' },
    ]);
    expect(summarizeIngest(report)).toMatch(/notes\.txt is a link to a file outside the data folder/);
    expect(t.sitrep.ask('slack bot token').map((a) => a.text).join(' ')).not.toMatch(/SECRET/);
  });

  it('are followed when they stay inside the folder', () => {
    t = tempSitrep(SAMPLES_DIR);
    mkdirSync(join(t.dataDir, 'today'));
    symlinkSync(join(t.dataDir, SAMPLE_CLEAN), join(t.dataDir, 'today', 'lead.txt'));
    const scan = scanDataFolder(t.dataDir);
    expect(scan.files.map((f) => f.path)).toEqual([SAMPLE_SLOPPY, SAMPLE_CLEAN, 'today/lead.txt'].sort((a, b) => a.localeCompare(b)));
    expect(scan.skipped).toEqual([]);
  });
});

describe('a digest composed while the data folder cannot be read', () => {
  it('is composed from the index as it is', async () => {
    const { composeFor } = await import('../src/service/digest.ts');
    t = tempSitrep(SAMPLES_DIR);
    await t.sitrep.sync();
    renameSync(t.dataDir, `${t.dataDir}-unmounted`);
    const sub = { platform: 'cli', channelId: 'cli', time: '08:00', timezone: 'UTC', createdAt: '2026-01-01T00:00:00Z', createdBy: null };
    // The background indexer keeps the index up to date; composing reads it as it is.
    const composed = composeFor(t.sitrep)(sub, { now: new Date(), previous: null });
    expect(composed.stories).toBe(1);
  });
});
