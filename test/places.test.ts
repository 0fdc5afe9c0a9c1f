// Each place (a Discord server, a Slack workspace, the console) answers from the shared data folder and its
// own sources only: another place's articles never reach its answers, its stories or its digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { indexedArticle } from '../src/service/analysis-task.ts';
import { storeFile, writeBatch } from '../src/service/ingest.ts';
import { SAMPLES_DIR, tempSitrep, type TempSitrep } from './helpers/sitrep.ts';

const HARBOUR = `Harbour cranes idle as dockworkers strike over pay

Source: Port Gazette

More than 1,900 dockworkers walked out at the harbour on Monday, leaving cranes idle and ships waiting offshore.

"We will stay out until the port authority makes a fair offer," said union leader Maria Okafor.`;

let t: TempSitrep;
beforeAll(async () => {
  t = tempSitrep(SAMPLES_DIR);
  await t.sitrep.sync();
  // An article followed by one Discord server only, as a source item is stored.
  const [article] = parseArticles('source:s1/harbour', HARBOUR).map(indexedArticle);
  writeBatch(t.sitrep.store, () => storeFile(t.sitrep.store, { path: 'source:s1/harbour', size: 1, mtimeMs: 1, hash: 'h1', origin: 'source', scope: 'discord:G1' }, [article]));
});
afterAll(() => t.cleanup());

const run = (place: string | undefined, name: string, text: string) => runCommand({ sitrep: t.sitrep, platform: place ? 'discord' : 'cli', place }, name, text);
const plain = (x: unknown) => JSON.stringify(x);

describe('places', () => {
  it('answers a server from its own source, and every place from the shared data folder', async () => {
    const own = await run('discord:G1', 'ask', 'how many dockworkers walked out?');
    expect(plain(own.reply)).toMatch(/1,900/);
    const shared = await run('discord:G1', 'ask', 'where did the missiles land?');
    expect(plain(shared.reply)).toMatch(/Iran/);
  });

  it('never shows one place the articles another place follows', async () => {
    for (const place of ['discord:G2', 'slack:T1', undefined]) {
      expect(plain((await run(place, 'ask', 'how many dockworkers walked out?')).reply.sections)).not.toMatch(/dockworkers/);
      expect(plain((await run(place, 'stories', '')).json)).not.toMatch(/Harbour cranes/);
      expect(plain((await run(place, 'who-said', 'Okafor')).reply)).not.toMatch(/fair offer/);
      expect(plain((await run(place, 'numbers', '')).json)).not.toMatch(/1900|dockworkers/);
      expect(plain((await run(place, 'digest', 'now')).json)).not.toMatch(/Harbour/);
    }
  });

  it('shows the server its own article in its stories, quotes and digest', async () => {
    expect(plain((await run('discord:G1', 'stories', '')).json)).toMatch(/Harbour cranes/);
    expect(plain((await run('discord:G1', 'who-said', 'Okafor')).reply)).toMatch(/fair offer/);
  });
});
