// A running Sitrep whose PostgreSQL stops answering, goes down and comes back, played by a TCP proxy in
// front of the test server (the server itself is never stopped: other tests share it). The thread that
// answers chat waits at most CHAT_WAIT_MS per call, so Discord's 3-second deadline is met with a short
// "try again"; commands answer again once the database is back, without a restart; and a batch being
// stored when the connection is lost is kept whole or not at all.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../commands/run.ts';
import type { CommandContext } from '../commands/types.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../src/adapters/discord/index.ts';
import { renderText } from '../src/adapters/console/render.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { TRY_AGAIN } from '../src/store/unavailable.ts';
import { CHAT_WAIT_MS } from '../src/store/waits.ts';
import { IDS } from './fakes/discord/payloads.ts';
import { FakeDiscord } from './fakes/discord/server.ts';
import { pgAdmin, pgUnavailable, PG_URL, tempSchema, urlWithSchema } from './helpers/pg.ts';
import { FakeSlack } from './fakes/slack/web-api.ts';
import { sendSigned, slashBody } from './fakes/slack/requests.ts';
import { SAMPLES_DIR } from './helpers/sitrep.ts';
import { startSitrep, type SitrepProcess } from './helpers/sitrep-process.ts';
import { TcpProxy } from './helpers/tcp-proxy.ts';

const unavailable = await pgUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL outage tests: ${unavailable}`);

const QUESTION = 'where did the missiles land?';
/** What the chat thread may take beyond its wait to answer "try again" (rendering, the fake's round trips). */
const SLACK_MS = 1500;

describe.skipIf(unavailable !== null)('a running Sitrep whose PostgreSQL stops answering, goes down and comes back', () => {
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let url: string;
  let proxy: TcpProxy;
  /** The chat thread's Sitrep, reaching the database through the proxy. */
  let chat: Sitrep;
  const opened: Sitrep[] = [];
  const console$: () => CommandContext = () => ({ sitrep: chat, platform: 'console', channelId: 'console', canManage: true });
  const ask = async () => renderText((await runCommand(console$(), 'ask', QUESTION)).reply);

  beforeAll(async () => {
    schema = await tempSchema();
    url = urlWithSchema(schema.schema);
    // The samples are indexed directly (the indexer's long waits); chat reads them through the proxy.
    const writer = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: ':memory:', databaseUrl: url });
    opened.push(writer);
    await writer.sync();
    proxy = await TcpProxy.start(PG_URL);
    chat = Sitrep.open({ dataDir: null, dbPath: ':memory:', databaseUrl: proxy.via(url), waitMs: CHAT_WAIT_MS });
    opened.push(chat);
  });

  afterAll(async () => {
    await proxy?.restore();
    for (const s of opened) s.close();
    await proxy?.close();
    await schema?.drop();
  });

  it('answers through the proxy while the database is up', async () => {
    expect(await ask()).toMatch(/Iran/);
  });

  describe('on Discord, when the database accepts connections and never answers', () => {
    let fake: FakeDiscord;
    let adapter: DiscordAdapter;
    beforeAll(async () => {
      fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000 });
      const env = { DISCORD_TOKEN: 'fake-bot-token-not-a-secret', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl };
      adapter = (await createDiscordAdapter(chat, env, { limiter: null, log: () => undefined })) as DiscordAdapter;
      await adapter.start();
    });
    afterAll(async () => {
      await proxy.restore();
      await adapter?.stop();
      await fake?.close();
    });

    it('tells each command to try again within the chat thread\'s short wait, inside Discord\'s 3-second deadline', async () => {
      await proxy.hang();
      const began = Date.now();
      const first = fake.invoke({ name: 'ask', options: { question: QUESTION } });
      const second = fake.invoke({ name: 'ask', options: { question: 'who said the ferry was late?' } });
      // The reply after a deferral: the private follow-up an error is (the deferred message is deleted).
      const triedAgain = (token: string) => fake.forInteraction(token).find((r) => JSON.stringify(r.body ?? {}).includes(TRY_AGAIN));
      await fake.waitFor(() => triedAgain(first.token), 'the first answer', 20_000);
      await fake.waitFor(() => triedAgain(second.token), 'the second answer', 20_000);
      const took = Date.now() - began;
      // Each command waited once (its first call), one after the other on the one chat thread.
      expect(took).toBeLessThan(2 * CHAT_WAIT_MS + 2 * SLACK_MS);
      // Every acknowledgement came inside the deadline: none was refused as an unknown interaction (10062).
      for (const t of [first.token, second.token]) expect(fake.forInteraction(t).every((r) => r.status < 400)).toBe(true);
    }, 30_000);
  });

  it('tells a command to try again at once while the database is down, and answers again when it is back, without a restart', async () => {
    await proxy.cut();
    const began = Date.now();
    expect(await ask()).toContain(TRY_AGAIN);
    expect(Date.now() - began).toBeLessThan(CHAT_WAIT_MS + SLACK_MS);
    expect(await ask()).toContain(TRY_AGAIN);
    await proxy.restore();
    expect(await ask()).toMatch(/Iran/);
  }, 30_000);

  describe('`sitrep start` (the real command line) on Slack, when the database stops answering', () => {
    const BOT_TOKEN = 'xoxb-outage-bot-token';
    const SECRET = 'outage-signing-secret';
    let slack: FakeSlack;
    let instance: SitrepProcess;
    let state: string;
    const slash = (id: string) =>
      sendSigned(`http://127.0.0.1:${instance.port}/slack/events`, slashBody({ command: '/ask', text: QUESTION, response_url: slack.responseUrl(id) }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
    const answerTo = async (id: string) => (await slack.waitFor((c) => c.some((x) => x.responseId === id), 30_000, `the answer ${id}`)).find((x) => x.responseId === id)!;
    beforeAll(async () => {
      await proxy.restore();
      slack = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: 'U0000USER' }] });
      await slack.start();
      state = mkdtempSync(join(tmpdir(), 'sitrep-outage-start-'));
      instance = await startSitrep(SAMPLES_DIR, state, { SITREP_DATABASE_URL: proxy.via(url), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
    }, 90_000);
    afterAll(async () => {
      await proxy.restore();
      await instance?.stop();
      await slack?.stop();
      if (state) rmSync(state, { recursive: true, force: true });
    });

    it('tells a command to try again within the chat thread\'s short wait, and answers it again once the database is back', async () => {
      expect((await slash('before')).status).toBe(200);
      expect(JSON.stringify((await answerTo('before')).args)).toMatch(/missiles/i);
      await proxy.hang();
      const began = Date.now();
      expect((await slash('hung')).status).toBe(200);
      const hung = await answerTo('hung');
      // At most two waits (a digest tick of the chat thread may be waiting already), far below the writer's 15 s.
      expect(Date.now() - began).toBeLessThan(2 * CHAT_WAIT_MS + 2 * SLACK_MS);
      expect(JSON.stringify(hung.args)).toContain(TRY_AGAIN);
      await proxy.restore();
      expect((await slash('back')).status).toBe(200);
      expect(JSON.stringify((await answerTo('back')).args)).toMatch(/missiles/i);
      expect(instance.stderr()).not.toContain(BOT_TOKEN);
    }, 60_000);
  });

  describe('ingest when the connection is lost in the middle of a batch', () => {
    let dir: string;
    const articlesIn = async () => Number((await pgAdmin<{ n: string }>(`SELECT count(*) AS n FROM ${schema.schema}.articles`))[0].n);
    /** Articles stored without their sentences, and sentences without their article: parts of an article. */
    const halves = async () =>
      Number((await pgAdmin<{ n: string }>(
        `SELECT (SELECT count(*) FROM ${schema.schema}.articles a WHERE NOT EXISTS (SELECT 1 FROM ${schema.schema}.sentences s WHERE s.article_n = a.n))
              + (SELECT count(*) FROM ${schema.schema}.sentences s WHERE NOT EXISTS (SELECT 1 FROM ${schema.schema}.articles a WHERE a.n = s.article_n)) AS n`,
      ))[0].n);
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'sitrep-outage-'));
      const articles = Array.from({ length: 6 }, (_, i) => ({
        title: `Harbour ferry ${i} delayed by storm`,
        source: 'Coast Wire',
        published: '2026-11-30',
        body: `The ferry number ${i} left the harbour two hours late on Monday.\n\n"We waited for the wind to drop," said captain Mara Lind ${i}. About ${120 + i} passengers were on board.\n\nThe port authority said the crossing would run normally on Tuesday.`,
      }));
      writeFileSync(join(dir, 'ferries.json'), JSON.stringify({ articles }));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps nothing of the batch, and all of it when ingested again after the database is back', async () => {
      const writer = Sitrep.open({ dataDir: null, dbPath: ':memory:', databaseUrl: proxy.via(url) });
      opened.push(writer);
      const before = await articlesIn();
      // The articles' row is sent; the connection is lost as their sentences go out, inside the transaction.
      const cut = await proxy.cutWhen('INSERT INTO sentences');
      const failed = await writer.ingest([join(dir, 'ferries.json')]).then(() => null, (e: Error) => e);
      await cut.happened;
      expect(failed?.message ?? '').toMatch(/not answering|lost|terminated|ECONNREFUSED/i);
      expect(await articlesIn()).toBe(before);
      expect(await halves()).toBe(0);
      await proxy.restore();
      const report = await writer.ingest([join(dir, 'ferries.json')]);
      expect(report.articlesIndexed).toBe(6);
      expect(await articlesIn()).toBe(before + 6);
      expect(await halves()).toBe(0);
    }, 60_000);
  });
});
