// Slack installed in many workspaces, end to end: the real Bolt app (OAuth, HTTP) on 127.0.0.1 against the
// fake Slack Web API, two workspaces installing Sitrep with "Add to Slack", each following its own feed
// served on 127.0.0.1. Each asks and gets only its own articles, sees only its own speakers, and gets a
// digest of only its own stories with its own token; an uninstall ends one workspace's digests while the
// other's still post, and a revoked token stops a workspace's digests with the reason recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../src/adapters/slack/index.ts';
import { DigestScheduler } from '../src/scheduler/scheduler.ts';
import { composeFor, scheduleStoreOf } from '../src/service/digest.ts';
import { placeView } from '../src/service/places.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { createSources } from '../src/sources/registry.ts';
import type { SourcesService } from '../src/sources/service.ts';
import { sourceSettings } from '../src/sources/settings.ts';
import { FeedServer, rss } from './fakes/feeds/server.ts';
import { sendSigned, slashBody, uninstallPayload } from './fakes/slack/requests.ts';
import { FakeSlack, type FakeCall } from './fakes/slack/web-api.ts';
import { html, STORIES } from './fixtures/sources/stories.ts';
import { SAMPLES_DIR } from './helpers/sitrep.ts';

const SECRET = 'test-signing-secret';
const OAUTH = { clientId: '1111.2222', clientSecret: 'test-client-secret' };
const ADMIN = 'U0000ADMIN';
const HARBOUR = { id: 'T0HARBOUR', name: 'Harbour Desk' };
const FLOODS = { id: 'T00FLOODS', name: 'Floods Desk' };
/** The same channel id in both workspaces: their subscriptions must not collide. */
const CHANNEL = 'C0000NEWS';
const DAY_MS = 86_400_000;
const quiet = { warn: () => {}, error: () => {} };

let dir: string;
let sitrep: Sitrep;
let sources: SourcesService;
let feeds: FeedServer;
let fake: FakeSlack;
let adapter: SlackAdapter;
let base: string;
let n = 0;

beforeAll(async () => {
  feeds = new FeedServer();
  await feeds.start();
  feeds.serve('/harbour.xml', rss('Harbour Wire', [{ title: STORIES[1].title, link: feeds.url('/news/strike'), guid: 'strike-1', date: '2026-11-30T09:00:00Z', content: html(STORIES[1]) }]));
  feeds.serve('/floods.xml', rss('River Times', [{ title: STORIES[0].title, link: feeds.url('/news/floods'), guid: 'floods-1', date: '2026-11-30T09:00:00Z', content: html(STORIES[0]) }]));
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ws-slack-'));
  sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: join(dir, 'index.db') });
  await sitrep.sync();
  const settings = sourceSettings({ SITREP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  settings.hostSpacingMs = 0;
  settings.fetch.totalTimeoutMs = 2000;
  sources = createSources(sitrep, settings, { log: () => {} });
  fake = new FakeSlack({ botToken: 'xoxb-single-workspace-unused', oauth: OAUTH, users: [{ id: ADMIN, is_admin: true }] });
  await fake.start();
  const env = { SLACK_CLIENT_ID: OAUTH.clientId, SLACK_CLIENT_SECRET: OAUTH.clientSecret, SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' };
  adapter = await createSlackAdapter(sitrep, env, { host: '127.0.0.1', limiter: null, eventLedger: ':memory:', log: quiet, logLevel: 'error', retryConfig: { retries: 0 } });
  await adapter.start();
  base = `http://127.0.0.1:${adapter.port}`;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  await sources?.close();
  sitrep?.close();
  await feeds?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** "Add to Slack" as a browser does it: the install page sets the state cookie, Slack returns with a code. */
async function install(team: { id: string; name: string }): Promise<Response> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0];
  return fetch(`${base}/slack/oauth_redirect?code=${fake.issueCode(team)}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
}

/** A slash command from a workspace; resolves with its answers through response_url. */
async function slash(team: string, command: string, text: string, user = ADMIN): Promise<FakeCall[]> {
  const id = `ws${++n}`;
  const body = slashBody({ command, text, response_url: fake.responseUrl(id), user_id: user, channel_id: CHANNEL, team_id: team });
  const res = await sendSigned(`${base}/slack/events`, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
  expect(res.status).toBe(200);
  if (res.body) return [{ method: 'response_url', token: null, args: JSON.parse(res.body), responseId: id }];
  await fake.waitFor((c) => c.some((x) => x.responseId === id), 15_000, `the answer to ${command} ${text} in ${team}`);
  return fake.calls.filter((c) => c.responseId === id);
}

const text = (calls: FakeCall[]) => calls.map((c) => JSON.stringify(c.args)).join('\n');

/** A scheduler posting through the adapter, at 08:05 UTC `days` days from now. */
function schedulerAt(days: number) {
  const now = new Date(`${new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10)}T08:05:00Z`);
  return new DigestScheduler({
    store: scheduleStoreOf(sitrep),
    compose: composeFor(sitrep),
    post: (platform, channelId, reply, delivery, place) => adapter.post(channelId, reply, delivery, place),
    now: () => now,
    log: () => {},
  });
}

const digestPosts = (token: string | undefined) => fake.callsOf('chat.postMessage').filter((c) => c.args.channel === CHANNEL && c.token === token);

describe('Slack in two workspaces', () => {
  it('stores each workspace\'s install in Sitrep\'s database, with its own bot token', async () => {
    for (const team of [HARBOUR, FLOODS]) expect((await install(team)).status).toBe(200);
    const installs = sitrep.store.installations();
    expect(installs.list().map((i) => i.key)).toEqual([FLOODS.id, HARBOUR.id]);
    expect(installs.get(HARBOUR.id)!.botToken).toBe(fake.tokenOf(HARBOUR.id));
    expect(installs.get(FLOODS.id)!.botToken).not.toBe(installs.get(HARBOUR.id)!.botToken);
  });

  it('refuses a code Slack did not issue, storing nothing', async () => {
    const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = start.headers.get('set-cookie')!.split(';')[0];
    const res = await fetch(`${base}/slack/oauth_redirect?code=forged-code&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(fake.calls.some((c) => c.method === 'oauth.v2.access' && c.args.code === 'forged-code')).toBe(true);
    expect(sitrep.store.installations().list()).toHaveLength(2);
  });

  it('each workspace follows its own feed and its answers cite only its own articles', async () => {
    expect(text(await slash(HARBOUR.id, '/sources', `add ${feeds.url('/harbour.xml')}`))).toMatch(/Harbour Wire: 1 item/);
    expect(text(await slash(FLOODS.id, '/sources', `add ${feeds.url('/floods.xml')}`))).toMatch(/River Times: 1 item/);
    expect(text(await slash(HARBOUR.id, '/ask', 'how many dockworkers voted to strike?'))).toMatch(/1,900\*? dockworkers/);
    expect(text(await slash(FLOODS.id, '/ask', 'how many dockworkers voted to strike?'))).not.toMatch(/1,900|Felixstowe|Harbour Wire/);
    const flood = text(await slash(FLOODS.id, '/ask', 'how high did the River Severn peak in Shrewsbury?'));
    expect(flood).toMatch(/4\.9\*? metres/);
    expect(text(await slash(HARBOUR.id, '/ask', 'how high did the River Severn peak in Shrewsbury?'))).not.toMatch(/4\.9\*? metres|River Times/);
    expect(text(await slash(HARBOUR.id, '/sources', 'list'))).not.toMatch(/floods\.xml/);
  });

  it('suggests only the speakers quoted in what each workspace may read', () => {
    const harbour = placeView(sitrep, `slack:${HARBOUR.id}`).speakerSuggestions('', 100);
    const floods = placeView(sitrep, `slack:${FLOODS.id}`).speakerSuggestions('', 100);
    expect(harbour).toContain('Sharon Graham');
    expect(harbour).not.toContain('Helen Marsh');
    expect(floods).toContain('Helen Marsh');
    expect(floods).not.toContain('Sharon Graham');
    expect(placeView(sitrep, `slack:${FLOODS.id}`).speakerSuggestions('graham', 25)).toEqual([]);
  });

  it('posts each workspace the digest of its own stories, with its own token, in channels with the same id', async () => {
    expect(text(await slash(HARBOUR.id, '/digest', 'subscribe 08:00 UTC'))).toMatch(/Subscribed/);
    expect(text(await slash(FLOODS.id, '/digest', 'subscribe 08:00 UTC'))).toMatch(/Subscribed/);
    const report = await schedulerAt(1).tick();
    expect(report.posted.map((k) => k.place).sort()).toEqual([`slack:${FLOODS.id}`, `slack:${HARBOUR.id}`]);
    const harbour = digestPosts(fake.tokenOf(HARBOUR.id)).map((c) => JSON.stringify(c.args)).join('\n');
    const floods = digestPosts(fake.tokenOf(FLOODS.id)).map((c) => JSON.stringify(c.args)).join('\n');
    expect(harbour).toMatch(/Felixstowe/);
    expect(harbour).not.toMatch(/Shrewsbury/);
    expect(floods).toMatch(/Shrewsbury/);
    expect(floods).not.toMatch(/Felixstowe/);
  });

  it('an uninstall deletes that workspace\'s tokens and ends its digests; the other\'s still post', async () => {
    fake.revokeTeam(HARBOUR.id);
    const body = JSON.stringify(uninstallPayload('app_uninstalled', HARBOUR.id, 'Ev-uninstall-harbour'));
    expect((await sendSigned(`${base}/slack/events`, body, { secret: SECRET, contentType: 'application/json' })).status).toBe(200);
    const installs = sitrep.store.installations();
    await fake.waitFor(() => installs.get(HARBOUR.id) === null, 5000, 'the uninstall to be recorded');
    expect(installs.removal(HARBOUR.id)).toMatchObject({ reason: 'Sitrep was uninstalled from the workspace' });
    expect(scheduleStoreOf(sitrep).subscription('slack', CHANNEL, `slack:${HARBOUR.id}`)).toMatchObject({ stoppedReason: 'Sitrep was uninstalled from the workspace' });
    expect(installs.get(FLOODS.id)).not.toBeNull();

    const before = fake.callsOf('chat.postMessage').length;
    const report = await schedulerAt(2).tick();
    expect(report.posted.map((k) => k.place)).toEqual([`slack:${FLOODS.id}`]);
    expect(report.failed).toEqual([]);
    const sent = fake.callsOf('chat.postMessage').slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((c) => c.token === fake.tokenOf(FLOODS.id))).toBe(true);
  });

  it('refuses, in words, a command from a workspace that uninstalled Sitrep or never installed it', async () => {
    expect(text(await slash(HARBOUR.id, '/ask', 'how many dockworkers?'))).toMatch(/no longer installed in this workspace \(removed \d{4}-\d\d-\d\d: Sitrep was uninstalled/);
    expect(text(await slash('T0STRANGER', '/ask', 'how many dockworkers?'))).toMatch(/not installed in this workspace/);
  });

  it('a token revoked without an event stops that workspace\'s digests at the next post, saying why', async () => {
    fake.revokeTeam(FLOODS.id);
    const report = await schedulerAt(3).tick();
    expect(report.posted).toEqual([]);
    expect(report.failed.map((k) => k.place)).toEqual([`slack:${FLOODS.id}`]);
    const run = scheduleStoreOf(sitrep).lastRun('slack', CHANNEL, `slack:${FLOODS.id}`)!;
    expect(run).toMatchObject({ status: 'failed' });
    expect(run.error).toMatch(/token_revoked/);
    expect(scheduleStoreOf(sitrep).subscription('slack', CHANNEL, `slack:${FLOODS.id}`)!.stoppedReason).toMatch(/token_revoked/);
    expect(sitrep.store.installations().get(FLOODS.id)).toBeNull();
  });

  it('a workspace that installs again gets its digests back', async () => {
    expect((await install(HARBOUR)).status).toBe(200);
    expect(scheduleStoreOf(sitrep).subscription('slack', CHANNEL, `slack:${HARBOUR.id}`)).toMatchObject({ stoppedAt: null });
    const report = await schedulerAt(4).tick();
    expect(report.posted.map((k) => k.place)).toEqual([`slack:${HARBOUR.id}`]);
  });
});

describe('SLACK_ALLOWED_TEAMS', () => {
  it('refuses an install by a workspace not on the list: its new token is revoked and nothing is stored', async () => {
    const other = await createSlackAdapter(
      sitrep,
      { SLACK_CLIENT_ID: OAUTH.clientId, SLACK_CLIENT_SECRET: OAUTH.clientSecret, SLACK_STATE_SECRET: 'another-state-secret', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', SLACK_ALLOWED_TEAMS: HARBOUR.id },
      { host: '127.0.0.1', limiter: null, eventLedger: ':memory:', log: quiet, logLevel: 'error', retryConfig: { retries: 0 } },
    );
    await other.start();
    try {
      const url = `http://127.0.0.1:${other.port}`;
      const start = await fetch(`${url}/slack/install`, { redirect: 'manual' });
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const cookie = start.headers.get('set-cookie')!.split(';')[0];
      const res = await fetch(`${url}/slack/oauth_redirect?code=${fake.issueCode({ id: 'T0OUTSIDE', name: 'Outside' })}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/not available for this workspace/);
      expect(sitrep.store.installations().get('T0OUTSIDE')).toBeNull();
      expect(fake.tokenOf('T0OUTSIDE')).toBeUndefined();
      // A command from a workspace off the list is refused too.
      const id = 'ws-outside';
      const body = slashBody({ command: '/ask', text: 'anything', response_url: fake.responseUrl(id), user_id: ADMIN, channel_id: CHANNEL, team_id: 'T0OUTSIDE' });
      await sendSigned(`${url}/slack/events`, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
      await fake.waitFor((c) => c.some((x) => x.responseId === id), 10_000, 'the refusal');
      expect(JSON.stringify(fake.calls.find((x) => x.responseId === id)!.args)).toMatch(/does not serve this workspace/);
    } finally {
      await other.stop();
    }
  });
});
