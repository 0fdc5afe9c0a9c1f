// The Slack adapter end to end: the real Bolt app on 127.0.0.1 receives signed slash commands and
// app_mention events (HTTP) or envelopes (Socket Mode), and talks to a fake Slack Web API on 127.0.0.1.
// Plus unit tests for what must hold on every message: escaping, Slack's limits, no word cut in half.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from '../commands/index.ts';
import type { Command } from '../commands/types.ts';
import { ChatRateLimiter } from '../src/adapters/rate-limit.ts';
import { AdminCheck } from '../src/adapters/slack/admins.ts';
import { EventDeduper } from '../src/adapters/slack/dedupe.ts';
import { SqliteEventClaims } from '../src/store/dedupe-sqlite.ts';
import { escapeMrkdwn, link } from '../src/adapters/slack/escape.ts';
import { plainFromSlack, stripMention } from '../src/adapters/slack/incoming.ts';
import { routeText as routeMention } from '../commands/route.ts';
import { createSlackAdapter, type SlackAdapter } from '../src/adapters/slack/index.ts';
import { LIMITS, renderReply, type SlackBlock, type SlackMessage } from '../src/adapters/slack/render.ts';

const MAX_MESSAGES = LIMITS.messagesPerReply;
import { readSlackSettings, SlackSettingsError } from '../src/adapters/slack/settings.ts';
import { MAX_RESPONSES, respondWithReply } from '../src/adapters/slack/send.ts';
import { splitWords } from '../src/adapters/slack/split.ts';
import type { Reply } from '../src/reply.ts';
import { DigestScheduler } from '../src/scheduler/scheduler.ts';
import { composeFor, scheduleStoreOf } from '../src/service/digest.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { mentionPayload, sendSigned, slashBody, slashPayload } from './fakes/slack/requests.ts';
import { FakeSocketMode } from './fakes/slack/socket-mode.ts';
import { BOT_USER_ID, FakeSlack, TEAM_ID, type FakeCall } from './fakes/slack/web-api.ts';

const BOT_TOKEN = 'xoxb-test-bot-token';
const APP_TOKEN = 'xapp-test-app-token';
const SECRET = 'test-signing-secret';
const ADMIN = 'U0000ADMIN';
const LISTED = 'U000LISTED';
const READER = 'U0000USER';
const quiet = { warn: () => {}, error: () => {} };
const HOSTILE = '<!channel> & <@U123> <!here>';

let tmp: string;
let sitrep: Sitrep;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-slack-'));
  sitrep = Sitrep.open({ dataDir: join(import.meta.dirname, 'fixtures', 'samples'), dbPath: join(tmp, 'index.db') });
  await sitrep.sync();
});

afterAll(() => {
  sitrep?.close();
  rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------
// What every message must satisfy.

function allText(m: SlackMessage): string[] {
  const out = [m.text];
  for (const b of m.blocks) {
    if (b.type === 'header') out.push(b.text.text);
    if (b.type === 'section') out.push(...[b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)]);
    if (b.type === 'context') out.push(...b.elements.map((e) => e.text));
  }
  return out;
}

function expectWithinLimits(messages: SlackMessage[]): void {
  for (const m of messages) {
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(m.text.length).toBeLessThanOrEqual(40_000);
    for (const b of m.blocks as SlackBlock[]) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      if (b.type === 'section') {
        expect((b.text?.text ?? '').length).toBeLessThanOrEqual(LIMITS.sectionText);
        for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      }
      if (b.type === 'context') for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
    }
  }
}

/** Nothing in what was sent can notify a channel or mention anyone. */
function expectNoPings(payload: unknown): void {
  const json = JSON.stringify(payload);
  expect(json).not.toMatch(/<!(channel|here|everyone)/);
  expect(json).not.toMatch(/<@U/);
  expect(json).not.toMatch(/<#C/);
  expect(json).not.toMatch(/(^|[^\u2060])@(channel|here|everyone)\b/);
}

const article = (over: Partial<{ title: string; url: string | null; source: string | null }> = {}) => ({
  id: 'a1',
  file: 'a1.txt',
  title: over.title ?? 'Missiles fall short',
  source: over.source === undefined ? 'VOA News' : over.source,
  url: over.url === undefined ? 'https://www.voanews.com/a/missiles?x=1&y=2' : over.url,
  published: '2015-10-08',
});

describe('Slack rendering', () => {
  it('escapes &, < and > so article text can never ping or mention', () => {
    expect(escapeMrkdwn('<!channel> & <@U123>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(escapeMrkdwn('hi @here')).toBe('hi @\u2060here');
    expect(link('https://example.com/?a=1&b=<2>|x', 'A <b> | c')).toBe('<https://example.com/?a=1&amp;b=%3C2%3E%7Cx|A &lt;b&gt; \u2223 c>');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link(null, '<!here>')).toBe('&lt;!here&gt;');
  });

  it('renders hostile article text, titles, notes and fields escaped, with sources as links', () => {
    const reply: Reply = {
      title: `Digest ${HOSTILE}`,
      intro: HOSTILE,
      sections: [{ heading: HOSTILE, items: [{ text: `Officials said ${HOSTILE}`, note: HOSTILE, cite: { article: article({ title: HOSTILE, source: null }) } }] }],
      fields: [{ name: HOSTILE, value: HOSTILE }],
      footer: HOSTILE,
    };
    const messages = renderReply(reply);
    expectNoPings(messages);
    const text = messages.flatMap(allText).join('\n');
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(text).toContain('<https://www.voanews.com/a/missiles?x=1&amp;y=2|&lt;!channel&gt;');
  });

  it('shows *bold*, _italic_, ~strike~ and `code` from article text as written, not as formatting', () => {
    const quote = 'He said *never* and _maybe_, ~not~ `rm -rf`; snake_case stays.';
    const [m] = renderReply({ sections: [{ items: [{ text: quote, note: '*loud*', cite: { article: article() } }] }] });
    const line = (m.blocks[0] as { text: { text: string } }).text.text;
    expect(line).toContain('He said \u2217never\u2217 and \u02cdmaybe\u02cd, \u223cnot\u223c \u02cbrm -rf\u02cb; snake_case stays.');
    // Sitrep's own formatting is kept: the note in italics, the source as a link.
    expect(line).toContain('_\u2217loud\u2217_ (<https://www.voanews.com/');
    expect(line.replace(/_\u2217loud\u2217_/, '')).not.toMatch(/[*~`]|(^|\s)_/);
  });

  it('uses a header for a plain title and a bold section for one that needs escaping or is too long', () => {
    const [plain] = renderReply({ title: 'Stories (3)', sections: [] });
    expect(plain.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Stories (3)' } });
    const long = 'word '.repeat(60).trim();
    const [m] = renderReply({ title: long, sections: [] });
    expect(m.blocks[0].type).toBe('section');
    expectWithinLimits([m]);
  });

  it('splits a long answer into a few messages within Slack limits, never mid-word, and cuts an endless line', () => {
    const words = Array.from({ length: 900 }, (_, i) => `word${i}`);
    const long = words.join(' ');
    const items = Array.from({ length: 30 }, (_, i) => ({ text: `Item ${i}: ${long.slice(0, 100 + (i % 7) * 40)}`, cite: { article: article() } }));
    items.push({ text: long, cite: { article: article() } });
    items.push({ text: 'A line with a very long note and title', note: long, cite: { article: article({ title: long, source: null }) } } as (typeof items)[number]);
    const messages = renderReply({ title: 'A very long answer', sections: [{ items }], footer: 'end' });
    expectWithinLimits(messages);
    expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
    // The 6,000-character line is cut at a word with an ellipsis, and still links its source.
    const out = messages.flatMap((m) => m.blocks).map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join('\n');
    const line = out.split('\n').find((l) => l.startsWith('31. '))!;
    expect(line.length).toBeLessThan(700);
    expect(line).toMatch(/word\d+… \(<https:\/\/www\.voanews\.com/);
    expect(line.match(/word\d+/g)).toEqual(words.slice(0, line.match(/word\d+/g)!.length));
    expect(messages[0].blocks[0].type).toBe('header');
  });

  it('never spans more than a few messages, and says when an answer was cut', async () => {
    const items = Array.from({ length: 400 }, (_, i) => ({ text: `Item ${i} ${'lorem ipsum dolor '.repeat(20)}` }));
    const reply: Reply = { title: 'Huge', sections: [{ items }] };
    const sent: Array<Record<string, any>> = [];
    await respondWithReply(async (m) => {
      sent.push(m as Record<string, any>);
      return {};
    }, reply);
    expect(sent).toHaveLength(MAX_MESSAGES);
    expect(MAX_MESSAGES).toBeLessThanOrEqual(MAX_RESPONSES);
    expect(sent.at(-1)!.text).toMatch(/cut short/);
    expect(sent[1].text).toContain(`*Huge* (continued, 2/${MAX_MESSAGES})`);
    expectWithinLimits(sent.map((m) => ({ text: m.text, blocks: m.blocks })));
    expect(sent.every((m) => m.response_type === 'in_channel')).toBe(true);
  });

  it('splitWords breaks only at whitespace and respects the measured limit', () => {
    const text = 'alpha beta & gamma delta <epsilon> zeta eta theta iota kappa';
    const pieces = splitWords(text, 16, (s) => escapeMrkdwn(s).length);
    for (const p of pieces) expect(escapeMrkdwn(p).length).toBeLessThanOrEqual(16);
    expect(pieces.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
    expect(splitWords('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('Slack input and settings', () => {
  it('reads Slack markup back into plain words', () => {
    expect(plainFromSlack('&lt;b&gt; &amp; <@U123> <#C1|news> <https://x.org|site> <!here>')).toBe('<b> & @U123 #news site @here');
    expect(plainFromSlack('<!subteam^S1|@editors> <!date^1392734382^{date}|Feb 18>')).toBe('@editors Feb 18');
    expect(stripMention(`<@${BOT_USER_ID}> how many troops?`, BOT_USER_ID)).toBe('how many troops?');
  });

  it('routes mentions to commands or to /ask', () => {
    expect(routeMention('how many troops?')).toEqual({ name: 'ask', text: 'how many troops?' });
    expect(routeMention('stories')).toEqual({ name: 'stories', text: '' });
    expect(routeMention('help me with the missiles')).toEqual({ name: 'ask', text: 'help me with the missiles' });
    expect(routeMention('/bogus thing')).toEqual({ name: 'bogus', text: 'thing' });
  });

  it('chooses Socket Mode or HTTP from the settings and reports what is missing by name only', () => {
    expect(readSlackSettings({ SLACK_BOT_TOKEN: 'b', SLACK_APP_TOKEN: 'a' }).mode).toBe('socket');
    const http = readSlackSettings({ SLACK_BOT_TOKEN: 'b', SLACK_SIGNING_SECRET: 's', PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9/api', SLACK_ADMIN_USERS: 'U1, U2' });
    expect(http).toMatchObject({ mode: 'http', port: 8080, apiUrl: 'http://127.0.0.1:9/api/' });
    expect([...http.adminUsers]).toEqual(['U1', 'U2']);
    expect(() => readSlackSettings({ SLACK_SIGNING_SECRET: 'very-secret' })).toThrow(SlackSettingsError);
    expect(() => readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' })).toThrow(/PORT/);
    try {
      readSlackSettings({ SLACK_BOT_TOKEN: 'xoxb-secret' });
    } catch (e) {
      expect((e as Error).message).not.toContain('xoxb-secret');
    }
  });

  it('dedupes event ids and forgets them after the TTL', () => {
    let now = 0;
    const d = new EventDeduper({ ttlMs: 1000, now: () => now });
    expect(d.claim('E1')).toBe(true);
    expect(d.claim('E1')).toBe(false);
    now = 2000;
    expect(d.claim('E1')).toBe(true);
  });

  it('keeps answered event ids in SQLite across a reopen, forgets them after the TTL, and names a file it cannot open', () => {
    const file = join(tmp, 'claims', 'events.db');
    let now = 1_000_000;
    const first = new SqliteEventClaims(file, { ttlMs: 60_000, now: () => now });
    expect(first.claim('Ev1')).toBe(true);
    expect(first.claim('Ev1')).toBe(false);
    first.close();
    const reopened = new SqliteEventClaims(file, { ttlMs: 60_000, now: () => now });
    expect(reopened.claim('Ev1')).toBe(false);
    now += 120_000;
    expect(reopened.claim('Ev1')).toBe(true);
    reopened.close();
    expect(() => new SqliteEventClaims(join(tmp, 'claims'))).toThrow(/cannot open the event ledger .*claims/);
  });

  it('lets admins, owners and SLACK_ADMIN_USERS manage digests, and nobody else', async () => {
    const flags: Record<string, object> = { UA: { is_admin: true }, UO: { is_owner: true }, UR: {} };
    const check = new AdminCheck({ extraAdmins: new Set(['UL']), lookup: async (u) => flags[u], warn: () => {} });
    expect(await check.canManage('UA')).toBe(true);
    expect(await check.canManage('UO')).toBe(true);
    expect(await check.canManage('UL')).toBe(true);
    expect(await check.canManage('UR')).toBe(false);
    expect(await check.canManage(undefined)).toBe(false);
    const failing = new AdminCheck({ extraAdmins: new Set(), lookup: async () => Promise.reject(new Error('boom')), warn: () => {} });
    expect(await failing.canManage('UA')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// End to end over HTTP.

/** Sample text for each command: its first example, else nothing. */
function sampleText(cmd: Command): string {
  if (cmd.name === 'digest') return 'status';
  const ex = cmd.examples?.find((e) => e.startsWith(`/${cmd.name} `));
  return ex ? ex.slice(cmd.name.length + 2) : '';
}

/** A test-only command that shows what the adapter told it (used while commands/digest.ts is not merged). */
const probe: Command = {
  name: 'slack-probe',
  description: 'Shows the command context (tests only).',
  usage: '/slack-probe',
  options: [],
  run: (ctx) => ({ reply: { title: 'probe', sections: [], fields: [{ name: 'canManage', value: String(ctx.canManage) }, { name: 'channel', value: String(ctx.channelId) }] }, json: { canManage: ctx.canManage } }),
};

describe('Slack over HTTP (signed requests, fake Web API)', () => {
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let eventsUrl: string;
  let n = 0;

  beforeAll(async () => {
    fake = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: ADMIN, is_admin: true }, { id: READER }, { id: LISTED }] });
    await fake.start();
    adapter = await createSlackAdapter(
      sitrep,
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', SLACK_ADMIN_USERS: LISTED },
      { host: '127.0.0.1', logLevel: 'error', retryConfig: { retries: 0 }, log: quiet, limiter: null, eventLedger: join(tmp, 'events-http.db') },
    );
    await adapter.start();
    eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
    if (!findCommand(probe.name)) (COMMANDS as Command[]).push(probe);
  });

  afterAll(async () => {
    const i = COMMANDS.indexOf(probe);
    if (i >= 0) (COMMANDS as Command[]).splice(i, 1);
    await adapter?.stop();
    await fake?.stop();
  });

  const slash = (command: string, text: string, extra: { user?: string; channel?: string; signWith?: string } = {}) => {
    const id = `r${++n}`;
    const body = slashBody({ command, text, response_url: fake.responseUrl(id), user_id: extra.user, channel_id: extra.channel });
    return { id, send: () => sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded', signWith: extra.signWith }) };
  };

  const answersTo = (id: string) => fake.calls.filter((c) => c.method === 'response_url' && c.responseId === id);
  const waitAnswer = async (id: string): Promise<FakeCall[]> => {
    await fake.waitFor(() => answersTo(id).length > 0, 15_000, `an answer through response_url ${id}`);
    return answersTo(id);
  };

  it('answers Slack\'s url_verification challenge when the events URL is saved', async () => {
    const res = await sendSigned(eventsUrl, JSON.stringify({ token: 'x', challenge: 'challenge-123', type: 'url_verification' }), { secret: SECRET, contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('challenge-123');
  });

  it('refuses to start with a bot token Slack rejects, without printing the token', async () => {
    const bad = await createSlackAdapter(
      sitrep,
      { SLACK_BOT_TOKEN: 'xoxb-wrong-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' },
      { host: '127.0.0.1', logLevel: 'error', retryConfig: { retries: 0 }, log: quiet, eventLedger: ':memory:' },
    );
    const err = await bad.start().then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect(err?.message).not.toContain('xoxb-wrong-token');
    await bad.stop();
  });

  it('is registered for `sitrep start`', async () => {
    const { ADAPTER_FACTORIES } = await import('../src/start.ts');
    const made = await ADAPTER_FACTORIES.slack!(sitrep, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' });
    expect(made.platform).toBe('slack');
    await made.stop();
  });

  it('verified the bot token with auth.test at start, with the bot token as a bearer token', () => {
    const auth = fake.callsOf('auth.test');
    expect(auth.length).toBeGreaterThan(0);
    expect(auth[0].token).toBe(BOT_TOKEN);
  });

  it('answers every command in COMMANDS: ack at once, then the answer through response_url', async () => {
    for (const cmd of COMMANDS) {
      const s = slash(`/${cmd.name}`, sampleText(cmd));
      const res = await s.send();
      expect(res.status, `/${cmd.name} ack`).toBe(200);
      if (res.body) {
        // Read as a usage reply straight in the ack: still an answer.
        const ack = JSON.parse(res.body);
        expect(ack.text, `/${cmd.name}`).toBeTruthy();
        continue;
      }
      const [answer] = await waitAnswer(s.id);
      expect(answer.args.blocks.length, `/${cmd.name} blocks`).toBeGreaterThan(0);
      expect(answer.args.text, `/${cmd.name} text`).toBeTruthy();
      expectWithinLimits([{ text: answer.args.text, blocks: answer.args.blocks }]);
    }
  });

  it('/ask answers in the channel with the best sentences and their sources', async () => {
    const s = slash('/ask', 'where did the missiles land?');
    expect((await s.send()).body).toBe('');
    const [answer] = await waitAnswer(s.id);
    expect(answer.args.response_type).toBe('in_channel');
    expect(answer.args.text).toMatch(/missiles/i);
    expect(answer.args.text).toMatch(/Iran/);
    expect(answer.args.text).toContain('VOA News, 2015-10-08');
  });

  it('/sitrep is an umbrella for every command', async () => {
    const s = slash('/sitrep', 'stories');
    await s.send();
    const [answer] = await waitAnswer(s.id);
    expect(answer.args.text).toMatch(/Stories/);
  });

  it('gives a short private usage reply, in the ack, to text it cannot read', async () => {
    for (const [command, text, pattern] of [
      ['/ask', '', /Usage: \/ask/],
      ['/stories', 'extra words here', /no more words/],
      ['/bogus', 'x', /no \/bogus command/],
    ] as const) {
      const res = await slash(command, text).send();
      expect(res.status).toBe(200);
      const ack = JSON.parse(res.body);
      expect(ack.response_type).toBe('ephemeral');
      expect(ack.text).toMatch(pattern);
      expect(ack.blocks.length).toBeGreaterThan(0);
    }
  });

  it('rejects a bad signature with 401 and never answers it', async () => {
    const forged = slash('/stories', '', { signWith: 'not-the-secret' });
    const res = await forged.send();
    expect(res.status).toBe(401);
    // A good request sent after it is answered; the forged one still has no answer.
    const good = slash('/stories', '');
    await good.send();
    await waitAnswer(good.id);
    expect(answersTo(forged.id)).toEqual([]);
    const unsigned = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
  });

  it('refuses a correctly signed request whose timestamp is more than five minutes old', async () => {
    const old = slash('/stories', '');
    const body = slashBody({ command: '/stories', text: '', response_url: fake.responseUrl(old.id) });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded', timestamp: sixMinutesAgo });
    expect(res.status).toBe(401);
    const fresh = slash('/stories', '');
    await fresh.send();
    await waitAnswer(fresh.id);
    expect(answersTo(old.id)).toEqual([]);
  });

  it('answers a mention in the channel, and in the thread when it was in one', async () => {
    const channel = 'C0MENTION1';
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-mention-1', channel, text: `<@${BOT_USER_ID}> where did the missiles land?` }));
    const res = await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/json' });
    expect(res.status).toBe(200);
    const [post] = (await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel))).filter(
      (x) => x.method === 'chat.postMessage' && x.args.channel === channel,
    );
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.args.text).toMatch(/missiles/i);
    expect(post.args.thread_ts).toBeUndefined();
    const threaded = JSON.stringify(mentionPayload({ eventId: 'Ev-mention-2', channel: 'C0MENTION2', threadTs: '1700000000.000001', ts: '1700000001.000001', text: `<@${BOT_USER_ID}> stories` }));
    await sendSigned(eventsUrl, threaded, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'C0MENTION2'));
    expect(fake.callsOf('chat.postMessage').find((x) => x.args.channel === 'C0MENTION2')!.args.thread_ts).toBe('1700000000.000001');
  });

  it('runs `@Sitrep who-said Carter` as /who-said, as on every platform', async () => {
    const channel = 'C0WHOSAID1';
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-who-said', channel, text: `<@${BOT_USER_ID}> who-said Carter` }));
    await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel));
    const post = fake.callsOf('chat.postMessage').find((x) => x.args.channel === channel)!;
    expect(post.args.blocks[0].text.text).toMatch(/Carter/);
    expect(post.args.text).toMatch(/“/);
  });

  it('answers a retried event (X-Slack-Retry-Num) only once', async () => {
    const channel = 'C0000RETRY';
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-retry-1', channel, text: `<@${BOT_USER_ID}> how many troops?` }));
    expect((await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/json' })).status).toBe(200);
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel));
    for (const retryNum of [1, 2]) expect((await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/json', retryNum })).status).toBe(200);
    // A later event is answered, so the retries had every chance to be answered too.
    const marker = JSON.stringify(mentionPayload({ eventId: 'Ev-retry-marker', channel: 'C000MARKER', text: `<@${BOT_USER_ID}> stories` }));
    await sendSigned(eventsUrl, marker, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'C000MARKER'));
    expect(fake.callsOf('chat.postMessage').filter((x) => x.args.channel === channel)).toHaveLength(1);
  });

  it('sends hostile text escaped, in slash answers and mentions', async () => {
    const s = slash('/ask', `${HOSTILE} missiles`);
    await s.send();
    const answers = await waitAnswer(s.id);
    expectNoPings(answers.map((a) => a.args));
    const channel = 'C00HOSTILE';
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-hostile', channel, text: `<@${BOT_USER_ID}> ${HOSTILE} where did the missiles land?` }));
    await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel));
    expectNoPings(fake.callsOf('chat.postMessage').filter((x) => x.args.channel === channel).map((x) => x.args));
  });

  it('posts a digest to a subscribed channel with chat.postMessage', async () => {
    const digest: Reply = {
      title: 'Morning digest',
      intro: `Top stories ${HOSTILE}`,
      sections: [{ heading: 'Syria', items: [{ text: 'Four Russian cruise missiles crashed in Iran.', cite: { article: article() } }] }],
      footer: 'Sitrep digest',
    };
    await adapter.post('C00DIGEST1', digest);
    const post = fake.callsOf('chat.postMessage').find((x) => x.args.channel === 'C00DIGEST1')!;
    expect(post).toBeDefined();
    expect(post.args.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Morning digest' } });
    expect(post.args.text).toContain('<https://www.voanews.com/a/missiles?x=1&amp;y=2|VOA News, 2015-10-08>');
    expect(String(post.args.unfurl_links)).toBe('false');
    expectNoPings(post.args);
    // A retry of a digest whose only part was delivered sends nothing; a first try reports the message ts.
    const before = fake.callsOf('chat.postMessage').length;
    await adapter.post('C00DIGEST1', digest, { sent: ['1.0'], delivered: () => {} });
    expect(fake.callsOf('chat.postMessage').length).toBe(before);
    const ids: string[] = [];
    await adapter.post('C00DIGEST1', digest, { sent: [], delivered: (_i, id) => ids.push(id) });
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^\d+\.\d+$/);
  });

  it('posts article text with formatting marks, terminal escapes and invisible characters shown as written', async () => {
    const quote = '“We will *never* accept _this_,” said Re\u200dyes\x1b[2J, ~twice~ — `final`.';
    await adapter.post('C0FORMAT01', { title: 'Quotes', sections: [{ items: [{ text: quote, cite: { article: article() } }] }] });
    const post = fake.callsOf('chat.postMessage').find((x) => x.args.channel === 'C0FORMAT01')!;
    const line = post.args.blocks[1].text.text as string;
    expect(line).toContain('“We will \u2217never\u2217 accept \u02cdthis\u02cd,” said Reyes, \u223ctwice\u223c — \u02cbfinal\u02cb.');
    expect(JSON.stringify(post.args)).not.toMatch(/\\u001b|\u200d/);
  });

  it('tells commands who may manage digests: admins and SLACK_ADMIN_USERS yes, others no', async () => {
    const run = async (user: string) => {
      const s = slash('/slack-probe', '', { user });
      await s.send();
      const [answer] = await waitAnswer(s.id);
      return answer.args.text as string;
    };
    expect(await run(ADMIN)).toMatch(/canManage\*\ntrue/);
    expect(await run(LISTED)).toMatch(/canManage\*\ntrue/);
    expect(await run(READER)).toMatch(/canManage\*\nfalse/);
    expect(fake.callsOf('users.info').some((c) => c.args.user === READER)).toBe(true);
  });

  it('a non-admin cannot subscribe a channel to the digest; an admin can, and the digest lands there once', async () => {
    const channel = 'C0SUBSCRIB';
    const denied = slash('/digest', 'subscribe 08:00 Europe/London', { user: READER, channel });
    const res = await denied.send();
    const answer = res.body ? JSON.parse(res.body) : (await waitAnswer(denied.id))[0].args;
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toMatch(/Only people who can manage/);
    expect(scheduleStoreOf(sitrep).subscription('slack', channel, `slack:${TEAM_ID}`)).toBeNull();

    const allowed = slash('/digest', 'subscribe 08:00 Europe/London', { user: ADMIN, channel });
    expect((await allowed.send()).body).toBe('');
    const [ok] = await waitAnswer(allowed.id);
    expect(ok.args.text).toMatch(/Subscribed to the daily digest/);
    expect(scheduleStoreOf(sitrep).subscription('slack', channel, `slack:${TEAM_ID}`)).toMatchObject({ time: '08:00', timezone: 'Europe/London', createdBy: ADMIN });

    // The scheduler, five minutes after tomorrow's 08:00 in London, posts through the adapter.
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    const at = new Date(`${tomorrow.toISOString().slice(0, 10)}T08:05:00Z`);
    const londonOffset = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', hourCycle: 'h23' }).format(at)) - 8;
    const now = new Date(at.getTime() - londonOffset * 3_600_000);
    const scheduler = new DigestScheduler({
      store: scheduleStoreOf(sitrep),
      compose: composeFor(sitrep),
      post: (platform, channelId, reply) => (platform === 'slack' ? adapter.post(channelId, reply) : Promise.reject(new Error(`no ${platform} adapter`))),
      now: () => now,
      log: () => {},
    });
    const report = await scheduler.tick();
    expect(report.posted).toContainEqual(expect.objectContaining({ platform: 'slack', channelId: channel }));
    const posts = fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts[0].token).toBe(BOT_TOKEN);
    expectWithinLimits(posts.map((p) => ({ text: p.args.text, blocks: p.args.blocks })));
    expectNoPings(posts.map((p) => p.args));
    // Exactly once: another tick posts nothing more.
    const count = posts.length;
    await scheduler.tick();
    expect(fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel)).toHaveLength(count);
    await scheduler.stop();
  });

  it('refuses a digest subscription asked by mention from a non-admin, privately', async () => {
    const channel = 'C0MENTSUB1';
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-mention-subscribe', channel, user: READER, text: `<@${BOT_USER_ID}> digest subscribe 09:00 UTC` }));
    await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postEphemeral' && x.args.channel === channel), 10_000, 'a private refusal');
    const refusal = fake.callsOf('chat.postEphemeral').find((x) => x.args.channel === channel)!;
    expect(refusal.args.user).toBe(READER);
    expect(refusal.args.text).toMatch(/Only people who can manage/);
    expect(fake.callsOf('chat.postMessage').filter((x) => x.args.channel === channel)).toEqual([]);
    expect(scheduleStoreOf(sitrep).subscription('slack', channel, `slack:${TEAM_ID}`)).toBeNull();
  });

  it('reads /digest status and /digest now in Slack', async () => {
    for (const text of ['status', 'now', '']) {
      const s = slash('/digest', text, { channel: 'C0SUBSCRIB' });
      expect((await s.send()).body).toBe('');
      const [answer] = await waitAnswer(s.id);
      expect(answer.args.blocks.length).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Across a restart, and under load.

describe('Slack across a restart and under load', () => {
  let fake: FakeSlack;
  const env = () => ({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' });
  const options = (extra: Partial<Parameters<typeof createSlackAdapter>[2]> = {}) => ({ host: '127.0.0.1', logLevel: 'error' as const, retryConfig: { retries: 0 }, log: quiet, eventLedger: join(tmp, 'events-restart.db'), ...extra });

  beforeAll(async () => {
    fake = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: READER }] });
    await fake.start();
  });

  afterAll(async () => {
    await fake?.stop();
  });

  it('answers an event once even when Slack retries it after Sitrep restarted', async () => {
    const channel = 'C0RESTART1';
    const body = JSON.stringify(mentionPayload({ eventId: 'Ev-restart-1', channel, text: `<@${BOT_USER_ID}> how many troops?` }));
    const first = await createSlackAdapter(sitrep, env(), options({ limiter: null }));
    await first.start();
    await sendSigned(`http://127.0.0.1:${first.port}/slack/events`, body, { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel));
    await first.stop();

    const second = await createSlackAdapter(sitrep, env(), options({ limiter: null }));
    await second.start();
    try {
      const url = `http://127.0.0.1:${second.port}/slack/events`;
      expect((await sendSigned(url, body, { secret: SECRET, contentType: 'application/json', retryNum: 1 })).status).toBe(200);
      const marker = JSON.stringify(mentionPayload({ eventId: 'Ev-restart-marker', channel: 'C0RESTART2', text: `<@${BOT_USER_ID}> stories` }));
      await sendSigned(url, marker, { secret: SECRET, contentType: 'application/json' });
      await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'C0RESTART2'));
      expect(fake.callsOf('chat.postMessage').filter((x) => x.args.channel === channel)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('answers one person at most N commands in a window, with a polite private reply after that', async () => {
    const adapter = await createSlackAdapter(sitrep, env(), options({ limiter: new ChatRateLimiter({ points: 2, seconds: 60 }, { points: 100, seconds: 60 }), eventLedger: ':memory:' }));
    await adapter.start();
    try {
      const url = `http://127.0.0.1:${adapter.port}/slack/events`;
      const send = (id: string, user = READER) => sendSigned(url, slashBody({ command: '/numbers', text: '', user_id: user, response_url: fake.responseUrl(id) }), { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
      expect((await send('rl-1')).body).toBe('');
      expect((await send('rl-2')).body).toBe('');
      const third = await send('rl-3');
      const ack = JSON.parse(third.body);
      expect(ack.response_type).toBe('ephemeral');
      expect(ack.text).toMatch(/up to 2 commands every 60 seconds.*try again in \d+ seconds?/s);
      // Someone else in the channel is still answered.
      expect((await send('rl-4', ADMIN)).body).toBe('');
      await fake.waitFor((c) => c.some((x) => x.responseId === 'rl-4'), 15_000, 'the other person\'s answer');
      expect(fake.calls.filter((x) => x.responseId === 'rl-3')).toEqual([]);
    } finally {
      await adapter.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// `sitrep start` with Slack settings serves a Slack-compatible endpoint.

describe('sitrep start with Slack settings', () => {
  it('serves signed slash commands on PORT and answers through SLACK_API_URL', async () => {
    const fake = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: READER }] });
    await fake.start();
    const root = join(import.meta.dirname, '..');
    const child = spawn(process.execPath, [join(root, 'bin', 'sitrep.js'), '--data', join(root, 'test', 'fixtures', 'samples'), '--db', join(tmp, 'start.db'), 'start'], {
      cwd: tmp,
      env: { PATH: process.env.PATH, HOME: tmp, SITREP_STATE_DIR: tmp, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sitrep start did not listen: ${stderr}`)), 20_000);
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          const m = stderr.match(/Listening on port (\d+)/);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.once('exit', () => reject(new Error(`sitrep start exited: ${stderr}`)));
      });
      const body = slashBody({ command: '/ask', text: 'where did the missiles land?', response_url: fake.responseUrl('cli-ask') });
      const res = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(200);
      await fake.waitFor((c) => c.some((x) => x.responseId === 'cli-ask'), 15_000, 'the answer from sitrep start');
      expect(fake.calls.find((x) => x.responseId === 'cli-ask')!.args.text).toMatch(/missiles/i);
      expect(stderr).not.toContain(BOT_TOKEN);
      expect(stderr).not.toContain(SECRET);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fake.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// End to end over Socket Mode.

describe('Slack in Socket Mode (fake socket-mode server)', () => {
  let fake: FakeSlack;
  let socket: FakeSocketMode;
  let adapter: SlackAdapter;

  beforeAll(async () => {
    socket = new FakeSocketMode();
    await socket.start();
    fake = new FakeSlack({ botToken: BOT_TOKEN, appToken: APP_TOKEN, users: [{ id: READER }], socketUrl: socket.url });
    await fake.start();
    adapter = await createSlackAdapter(
      sitrep,
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl },
      { logLevel: 'error', retryConfig: { retries: 0 }, autoReconnect: false, log: quiet, limiter: null, eventLedger: ':memory:' },
    );
    await adapter.start();
    await socket.waitForConnection();
  });

  afterAll(async () => {
    await adapter?.stop();
    await socket?.stop();
    await fake?.stop();
  });

  it('opened the connection with the app-level token', () => {
    expect(adapter.mode).toBe('socket');
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0].token).toBe(APP_TOKEN);
  });

  it('acks a slash_commands envelope by its envelope_id and answers through response_url', async () => {
    socket.send({
      envelope_id: 'env-slash-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashPayload({ command: '/ask', text: 'where did the missiles land?', response_url: fake.responseUrl('sm-ask') }),
    });
    const ack = await socket.waitForAck('env-slash-1');
    expect(ack.envelope_id).toBe('env-slash-1');
    await fake.waitFor((c) => c.some((x) => x.method === 'response_url' && x.responseId === 'sm-ask'));
    expect(fake.calls.find((x) => x.responseId === 'sm-ask')!.args.text).toMatch(/missiles/i);
  });

  it('puts a usage reply in the ack payload', async () => {
    socket.send({ envelope_id: 'env-slash-2', type: 'slash_commands', accepts_response_payload: true, payload: slashPayload({ command: '/ask', text: '', response_url: fake.responseUrl('sm-usage') }) });
    const ack = await socket.waitForAck('env-slash-2');
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(String(ack.payload?.text)).toMatch(/Usage: \/ask/);
  });

  it('acks an events_api envelope, answers the mention once, and ignores its retry', async () => {
    const payload = mentionPayload({ eventId: 'Ev-socket-1', channel: 'C0000SOCK1', text: `<@${BOT_USER_ID}> where did the missiles land?` });
    socket.send({ envelope_id: 'env-event-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    await socket.waitForAck('env-event-1');
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'C0000SOCK1'));
    socket.send({ envelope_id: 'env-event-1-retry', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    await socket.waitForAck('env-event-1-retry');
    const marker = mentionPayload({ eventId: 'Ev-socket-marker', channel: 'C0000SOCK2', text: `<@${BOT_USER_ID}> stories` });
    socket.send({ envelope_id: 'env-event-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: marker });
    await fake.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === 'C0000SOCK2'));
    expect(fake.callsOf('chat.postMessage').filter((x) => x.args.channel === 'C0000SOCK1')).toHaveLength(1);
  });
});

describe('Slack Socket Mode when Slack asks to reconnect', () => {
  it('opens a new connection on a `disconnect` message and answers over it', async () => {
    const socket = new FakeSocketMode();
    await socket.start();
    const fake = new FakeSlack({ botToken: BOT_TOKEN, appToken: APP_TOKEN, users: [{ id: READER }], socketUrl: socket.url });
    await fake.start();
    const adapter = await createSlackAdapter(sitrep, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl }, { logLevel: 'error', retryConfig: { retries: 0 }, log: quiet, limiter: null, eventLedger: ':memory:' });
    try {
      await adapter.start();
      await socket.waitForConnections(1);
      socket.askToReconnect();
      await socket.waitForConnections(2, 15_000);
      expect(fake.callsOf('apps.connections.open')).toHaveLength(2);
      socket.send({ envelope_id: 'env-after-reconnect', type: 'slash_commands', accepts_response_payload: true, payload: slashPayload({ command: '/stories', text: '', response_url: fake.responseUrl('sm-reconnected') }) });
      await socket.waitForAck('env-after-reconnect');
      await fake.waitFor((c) => c.some((x) => x.responseId === 'sm-reconnected'), 15_000, 'the answer after reconnecting');
    } finally {
      await adapter.stop();
      await socket.stop();
      await fake.stop();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// The manifest matches what the adapter serves.

describe('slack-manifest.yaml', () => {
  const manifest = readFileSync(join(import.meta.dirname, '..', 'slack-manifest.yaml'), 'utf8');

  it('declares a slash command for every command in COMMANDS (help through /sitrep)', () => {
    const declared = [...manifest.matchAll(/^\s*- command: \/([\w-]+)\s*$/gm)].map((m) => m[1]);
    for (const cmd of COMMANDS.filter((c) => c.name !== 'help' && c.name !== probe.name)) expect(declared, `/${cmd.name}`).toContain(cmd.name);
    for (const name of ['ask', 'who-said', 'numbers', 'stories', 'digest', 'sitrep']) expect(declared).toContain(name);
  });

  it('asks for the scopes and events the adapter uses', () => {
    for (const scope of ['commands', 'app_mentions:read', 'chat:write', 'users:read']) expect(manifest).toMatch(new RegExp(`^\\s*- ${scope}\\s*$`, 'm'));
    expect(manifest).toMatch(/bot_events:\s*\n\s*- app_mention/);
    expect(manifest).toMatch(/^\s*socket_mode_enabled: (true|false)\s*$/m);
    expect(manifest).toContain('/slack/events');
  });
});
