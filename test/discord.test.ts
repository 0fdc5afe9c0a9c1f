// The Discord adapter end to end: the real discord.js client against a fake Discord on 127.0.0.1 (REST and
// gateway), with a Sitrep over the two sample articles in data/. Nothing here reaches the internet.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from './helpers/sitrep.ts';
import { findCommand } from '../commands/index.ts';
import { runCommand, setErrorLog } from '../commands/run.ts';
import type { Command, CommandContext, CommandInput } from '../commands/types.ts';
import { COMMANDS } from '../commands/index.ts';
import { buildCommandDefinitions } from '../src/adapters/discord/commands-definition.ts';
import { ChatRateLimiter } from '../src/adapters/rate-limit.ts';
import { deployCommands, parseDeployArgs } from '../src/adapters/discord/deploy.ts';
import { createDiscordAdapter, DiscordAdapter } from '../src/adapters/discord/index.ts';
import { LIMITS } from '../src/adapters/discord/limits.ts';
import { textAfterMention } from '../src/adapters/discord/mentions.ts';
import { embedSize, escapeMarkdown, renderReply } from '../src/adapters/discord/render.ts';
import { normalizeApiUrl, readDiscordSettings } from '../src/adapters/discord/settings.ts';
import { clip, splitWords } from '../src/adapters/discord/split.ts';
import { suggest } from '../src/adapters/discord/autocomplete.ts';
import type { Reply } from '../src/reply.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { ALICE, BOB, BOT, IDS } from './fakes/discord/payloads.ts';
import type { MessageBody, RecordedRequest } from './fakes/discord/rest.ts';
import { FakeDiscord } from './fakes/discord/server.ts';

const TOKEN = 'fake-bot-token-not-a-secret';

/** A test-only command that fails the way a locked database would. */
const explode: Command = {
  name: 'explode',
  description: 'Fails on purpose (tests only).',
  usage: '/explode',
  options: [],
  run: () => {
    throw new Error('SQLITE_BUSY: database /var/lib/sitrep/index.db is locked');
  },
};
const EPHEMERAL = 1 << 6;

/** 3,000 numbered words in sentences of 30, each line citing an article with a URL. */
function longReply(words = 3000): { reply: Reply; words: string[] } {
  const all = Array.from({ length: words }, (_, i) => `w${String(i + 1).padStart(4, '0')}`);
  const items = [];
  for (let i = 0; i < all.length; i += 30) {
    items.push({ text: `${all.slice(i, i + 30).join(' ')}.`, cite: { article: { id: `a${i}`, file: null, title: 'Long article', source: 'Wire', url: 'https://example.com/long', published: '2015-10-08' } } });
  }
  return { reply: { title: 'A very long answer', sections: [{ items }], footer: 'The end.' }, words: all };
}

/** Fails when a message body breaks one of Discord's limits. */
function expectWithinLimits(body: MessageBody): void {
  expect((body.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
    expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footer);
    total += embedSize(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
}

const textOf = (bodies: MessageBody[]) => bodies.flatMap((b) => (b.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => f.value), e.footer?.text].filter(Boolean).join('\n'))).join('\n');

describe('Discord adapter against a fake Discord', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let sitrep: Sitrep;
  let dir: string;
  const contexts: CommandContext[] = [];
  const { reply: huge, words: hugeWords } = longReply(1200);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-discord-'));
    sitrep = Sitrep.open({ dataDir: join(import.meta.dirname, 'fixtures', 'samples'), dbPath: join(dir, 'index.db') });
    await sitrep.sync();
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000 });
    // The real runner, with two test hooks: "slowly ..." questions take a while, "long" gets 3,000 words.
    const run = async (ctx: CommandContext, name: string, input: CommandInput | string) => {
      contexts.push(ctx);
      const q = typeof input === 'string' ? input : (input.options.question ?? '');
      if (q === 'long') return { reply: huge };
      if (q === 'endless') return { reply: { title: 'Endless', sections: [{ items: [{ text: 'The council met again, and again it said nothing new, '.repeat(2000), cite: { article: { id: 'e', file: null, title: 'Endless', source: 'Wire', url: 'https://example.com/endless', published: null } } }] }] } };
      if (q === 'block the event loop') {
        // A command that holds the CPU for 3.5 s, longer than Discord's 3-second deadline.
        const until = Date.now() + 3500;
        while (Date.now() < until);
        return runCommand(ctx, name, { options: { question: 'where did the missiles land?' } });
      }
      if (q.startsWith('slowly') && typeof input !== 'string') {
        await new Promise((r) => setTimeout(r, 1500));
        return runCommand(ctx, name, { ...input, options: { ...input.options, question: q.replace(/^slowly:?\s*/, '') } });
      }
      return runCommand(ctx, name, input);
    };
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl };
    adapter = (await createDiscordAdapter(sitrep, env, { run, deferAfterMs: 500, limiter: null, log: () => undefined })) as DiscordAdapter;
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    sitrep?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in through the gateway with only the intents it needs, and heartbeats', async () => {
    expect(fake.find('GET', /^\/gateway\/bot$/)[0].authorization).toBe(`Bot ${TOKEN}`);
    const identify = fake.gateway.received.find((f) => f.op === 2)!;
    expect(identify.d.intents).toBe((1 << 0) | (1 << 9)); // Guilds | GuildMessages, no MessageContent
    expect(adapter.client.user?.id).toBe(BOT.id);
    expect(adapter.client.channels.cache.has(IDS.thread)).toBe(true);
    await fake.waitFor(() => fake.gateway.received.some((f) => f.op === 1), 'a heartbeat');
  });

  it('defers a search command before running it, then edits the reply with the answer', async () => {
    const i = fake.invoke({ name: 'ask', options: { question: 'where did the missiles land?' } });
    const edit = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the answer');
    const [cb] = fake.forInteraction(i.token);
    expect(cb.method).toBe('POST');
    expect(cb.path).toBe(`/interactions/${i.id}/${i.token}/callback`);
    expect(cb.status).toBe(204);
    expect(cb.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    const data = edit.body as MessageBody;
    expect(edit.status).toBe(200);
    expect(data.allowed_mentions).toMatchObject({ parse: [] });
    expect(data.embeds![0].title).toBe('where did the missiles land?');
    expect(data.embeds![0].description).toMatch(/landed in a rural area of \*\*Iran\*\*/);
    expect(data.embeds![0].description).toMatch(/VOA News, 2015-10-08/);
    expectWithinLimits(data);
    expect(contexts.at(-1)).toMatchObject({ platform: 'discord', channelId: IDS.general, userId: BOB.id, canManage: false });
  });

  it('answers a quick command straight through the interaction callback', async () => {
    const i = fake.invoke({ name: 'help', options: {} });
    const cb = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.path.endsWith('/callback')), 'the callback');
    expect(cb.status).toBe(204);
    expect(cb.body.type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE
    expect((cb.body.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(cb.body.data.embeds[0].title).toMatch(/Sitrep/);
    expect(cb.body.data.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('defers a slow command inside the deadline, then edits the reply', async () => {
    const i = fake.invoke({ name: 'ask', options: { question: 'slowly: where did the missiles land?' } });
    const edit = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the edit');
    const [cb] = fake.forInteraction(i.token);
    expect(cb.path).toBe(`/interactions/${i.id}/${i.token}/callback`);
    expect(cb.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
    expect(edit.path).toBe(`/webhooks/${IDS.application}/${i.token}/messages/@original`);
    expect(edit.authorization).toBeUndefined(); // interaction webhooks are authorised by their token
    expect((edit.body as MessageBody).embeds![0].description).toMatch(/Iran/);
    expect((edit.body as MessageBody).allowed_mentions).toMatchObject({ parse: [] });
  });

  it('defers a command that blocks the CPU for 3.5 s before the work starts, inside the 3-second deadline', async () => {
    const i = fake.invoke({ name: 'ask', options: { question: 'block the event loop' } });
    const edit = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the answer', 20_000);
    const [cb, ...rest] = fake.forInteraction(i.token);
    expect(cb.body.type).toBe(5);
    expect(cb.status).toBe(204);
    expect(edit.status).toBe(200);
    expect((edit.body as MessageBody).embeds![0].description).toMatch(/Iran/);
    expect([cb, ...rest].every((r) => r.status < 400)).toBe(true);
  });

  it('is as strict as Discord: a late first answer is an unknown interaction, a second one is refused', async () => {
    const i = fake.invoke({ name: 'help', options: {} });
    await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the callback');
    const callback = `${fake.apiUrl}/v10/interactions/${i.id}/${i.token}/callback`;
    const again = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 5 }) });
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe(40060);
    fake.interactions.get(i.token)!.at -= 10_000;
    fake.interactions.get(i.token)!.acked = false;
    const late = await fetch(callback, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 5 }) });
    expect(late.status).toBe(404);
    expect((await late.json()).code).toBe(10062);
  });

  it('shows a bad argument to a quick command as a private (ephemeral) error', async () => {
    const i = fake.invoke({ name: 'digest', subcommand: 'subscribe', options: { time: '25:99' }, invoker: ALICE });
    const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the callback');
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toMatch(/not a time of day/);
  });

  it('answers privately when a deferred command ends in an error', async () => {
    const i = fake.invoke({ name: 'ask', options: { question: 'slowly ???' } });
    const followUp = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/')), 'the private follow-up');
    const reqs = fake.forInteraction(i.token);
    expect(reqs.map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
    expect(reqs[0].body.type).toBe(5);
    expect(reqs[1].path).toBe(`/webhooks/${IDS.application}/${i.token}/messages/@original`);
    expect(followUp.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp.body.embeds[0].description).toMatch(/Ask a question in words/);
  });

  it('answers a mention of the bot in a channel, as a reply that pings no one', async () => {
    const msg = fake.say({ content: `<@${BOT.id}> where did the missiles land?`, mentions: [BOT] });
    const sent = await fake.waitFor(() => fake.find('POST', new RegExp(`^/channels/${IDS.general}/messages$`)).find((r) => r.body.message_reference?.message_id === msg.id), 'the reply');
    const body = sent.body as MessageBody;
    expect(body.embeds![0].title).toBe('where did the missiles land?');
    expect(body.embeds![0].description).toMatch(/Iran/);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(contexts.at(-1)).toMatchObject({ channelId: IDS.general, userId: BOB.id, canManage: false });
  });

  it('answers a mention in a thread, and runs a /command written after the mention', async () => {
    const msg = fake.say({ content: `<@${BOT.id}> /stories`, mentions: [BOT], channelId: IDS.thread, author: ALICE });
    const sent = await fake.waitFor(() => fake.find('POST', new RegExp(`^/channels/${IDS.thread}/messages$`)).find((r) => r.body.message_reference?.message_id === msg.id), 'the reply in the thread');
    expect(sent.body.embeds[0].title).toMatch(/^Stories/);
    expect(contexts.at(-1)).toMatchObject({ channelId: IDS.thread, userId: ALICE.id, canManage: true });
  });

  it('routes a mention as every platform does: a command word runs the command, a question is /ask', async () => {
    const said = fake.say({ content: `<@${BOT.id}> who-said Carter`, mentions: [BOT] });
    const whoSaid = await fake.waitFor(() => fake.find('POST', /\/messages$/).find((r) => r.body.message_reference?.message_id === said.id), 'the who-said reply');
    expect(whoSaid.body.embeds[0].title).toMatch(/Carter/);
    expect(whoSaid.body.embeds[0].title).not.toBe('who-said Carter');
    const bare = fake.say({ content: `<@${BOT.id}>`, mentions: [BOT] });
    const help = await fake.waitFor(() => fake.find('POST', /\/messages$/).find((r) => r.body.message_reference?.message_id === bare.id), 'the help reply');
    expect(help.body.embeds[0].title).toMatch(/Sitrep/);
  });

  it('apologises for an internal error with an error id, and logs the details under that id', async () => {
    const logged: string[] = [];
    const previous = setErrorLog((m, e) => logged.push(`${m} ${(e as Error).message}`));
    (COMMANDS as Command[]).push(explode);
    try {
      const i = fake.invoke({ name: 'explode', options: {} });
      const reply = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'POST' && r.path.startsWith('/webhooks/')), 'the apology');
      const text = reply.body.embeds[0].description as string;
      const id = text.match(/error ([0-9a-f]{8})/)?.[1];
      expect(id).toBeTruthy();
      expect(reply.body.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(text).not.toContain('SQLITE_BUSY');
      expect(text).not.toContain('/var/lib');
      expect(logged.join('\n')).toContain(`error ${id}`);
      expect(logged.join('\n')).toContain('SQLITE_BUSY: database /var/lib/sitrep/index.db is locked');
    } finally {
      setErrorLog(previous);
      (COMMANDS as Command[]).splice(COMMANDS.indexOf(explode), 1);
    }
  });

  it('lets ordinary members read /digest now and /digest status', async () => {
    for (const sub of ['now', 'status']) {
      const i = fake.invoke({ name: 'digest', subcommand: sub, options: {}, invoker: BOB });
      const answer = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.path.endsWith('/callback') ? r.body.type === 4 : r.method === 'PATCH'), `/digest ${sub}`);
      const body = answer.path.endsWith('/callback') ? answer.body.data : answer.body;
      expect(body.embeds[0].description ?? '').not.toMatch(/Manage Server/);
      expect(body.embeds[0].title).toMatch(/digest/i);
    }
  });

  it('sends an answer holding a 100,000-character line in a few messages at most, the line cut with its source', async () => {
    const i = fake.invoke({ name: 'ask', options: { question: 'endless' } });
    const edit = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the answer');
    await new Promise((r) => setTimeout(r, 300));
    const sent = fake.forInteraction(i.token).filter((r) => r.method !== 'DELETE' && !r.path.endsWith('/callback'));
    expect(sent.length).toBe(1);
    const d = edit.body.embeds[0].description as string;
    expect(d.length).toBeLessThan(500);
    expect(d).toMatch(/… \(\[Wire\]\(https:\/\/example\.com\/endless\)\)$/);
  });

  it('ignores messages that do not mention the bot, and its own messages', async () => {
    const before = fake.find('POST', /\/messages$/).length;
    fake.say({ content: 'where did the missiles land?' });
    fake.say({ content: `<@${BOT.id}> hello from myself`, author: BOT, mentions: [BOT] });
    // A mention after them is answered; nothing was sent for the two before it.
    const msg = fake.say({ content: `<@${BOT.id}> how many missiles?`, mentions: [BOT] });
    await fake.waitFor(() => fake.find('POST', /\/messages$/).find((r) => r.body.message_reference?.message_id === msg.id), 'the reply');
    expect(fake.find('POST', /\/messages$/).length).toBe(before + 1);
  });

  it('lets no echoed "@everyone" or role mention ping', async () => {
    const question = '@everyone <@&123> where did the missiles land?';
    const i = fake.invoke({ name: 'ask', options: { question } });
    const edit = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.method === 'PATCH'), 'the answer');
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    expect(edit.body.embeds[0].title).toBe(question);
    const msg = fake.say({ content: `<@${BOT.id}> ${question}`, mentions: [BOT], mentionEveryone: true, mentionRoles: ['123'] });
    const sent = await fake.waitFor(() => fake.find('POST', /\/messages$/).find((r) => r.body.message_reference?.message_id === msg.id), 'the reply');
    expect(sent.body.allowed_mentions.parse).toEqual([]);
    await adapter.post(IDS.digest, { title: 'Heads up @everyone', intro: 'Ping <@&123> and <@42>?', sections: [] });
    const posted = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).at(-1)!;
    expect(posted.body.allowed_mentions.parse).toEqual([]);
    expect(posted.body.embeds[0].title).toBe('Heads up @everyone');
  });

  it('shows mention, channel and timestamp tokens from article text as written, and strips terminal escapes', async () => {
    const quote = 'Officials told <@1100000000000000502> in <#1100000000000000200> at <t:1444300000:R> and <@&123> \x1b[2Jnothing.';
    await adapter.post(IDS.digest, { sections: [{ items: [{ text: quote, cite: { article: { id: 'x', file: null, title: 'T', source: 'VOA News', url: null, published: null } } }] }] });
    const posted = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).at(-1)!;
    const d = posted.body.embeds[0].description as string;
    expect(d).toContain('\\<@1100000000000000502> in \\<#1100000000000000200> at \\<t:1444300000:R> and \\<@&123>');
    expect(d).not.toMatch(/(^|[^\\])<[@#t]/);
    expect(d).not.toContain('\x1b');
  });

  it('posts a digest to its channel', async () => {
    const digest = findCommand('digest');
    let reply: Reply;
    if (digest?.subcommands?.some((s) => s.name === 'now')) {
      reply = (await runCommand({ sitrep, platform: 'discord', channelId: IDS.digest, canManage: true }, 'digest', { subcommand: 'now', options: {} })).reply;
    } else {
      const stories = sitrep.stories();
      reply = {
        title: 'Daily digest',
        sections: [{ heading: 'Top stories', items: stories.map((s) => ({ text: s.title, note: `${s.articles.length} articles`, cite: { article: { ...s.articles[0], url: 'https://www.voanews.com/a/russian-missiles/2993061.html' } } })) }],
        footer: 'Sitrep digest',
      };
    }
    expect(reply.kind ?? 'answer').toBe('answer');
    await adapter.post(IDS.digest, reply);
    const posted = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).at(-1)!;
    expect(posted.status).toBe(200);
    expect(posted.body.allowed_mentions).toMatchObject({ parse: [] });
    expectWithinLimits(posted.body);
    if (reply.title) expect(posted.body.embeds[0].title).toBe(reply.title);
    if (!digest) expect(posted.body.embeds[0].description).toContain('](https://www.voanews.com/a/russian-missiles/2993061.html)');
  });

  it('refuses to post to a channel it cannot find', async () => {
    await expect(adapter.post('1100000000000009999', { sections: [], intro: 'x' })).rejects.toThrow();
    await expect(adapter.post('general', { sections: [], intro: 'x' })).rejects.toThrow(/not a Discord channel id/);
  });

  it('delivers a 1,200-word answer within the limits, continued in further messages, no word cut', async () => {
    const expected = renderReply(huge).length;
    expect(expected).toBeGreaterThan(1);
    // As a slash command: the callback, then follow-ups.
    const i = fake.invoke({ name: 'ask', options: { question: 'long' } });
    const reqs = await fake.waitFor(() => {
      const r = fake.forInteraction(i.token);
      return r.length >= expected + 1 && r;
    }, 'all the messages');
    expect(reqs[0].body.type).toBe(5);
    expect(reqs[1].method).toBe('PATCH');
    expect(reqs.slice(2).every((r) => r.method === 'POST' && r.path === `/webhooks/${IDS.application}/${i.token}` && r.query.get('wait') === 'true')).toBe(true);
    const bodies: MessageBody[] = reqs.slice(1).map((r) => r.body);
    for (const b of bodies) {
      expectWithinLimits(b);
      expect(b.allowed_mentions).toMatchObject({ parse: [] });
    }
    const seen = textOf(bodies).match(/\bw\d{4}\b/g);
    expect(seen).toEqual(hugeWords);
    // Through post(), as the digest would send it.
    const before = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).length;
    await adapter.post(IDS.digest, huge);
    const posted = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).slice(before).map((r) => r.body as MessageBody);
    expect(posted.length).toBe(expected);
    posted.forEach(expectWithinLimits);
    expect(textOf(posted).match(/\bw\d{4}\b/g)).toEqual(hugeWords);
    expect(textOf(posted)).toContain('[Wire, 2015-10-08](https://example.com/long)');
    expect(posted[0].embeds![0].title).toBe('A very long answer');
    expect(posted[1].embeds![0].title).toBe('A very long answer (continued)');
    expect(posted.at(-1)!.embeds!.at(-1)!.footer?.text).toBe('The end.');
    // A digest retry after the first part was delivered: only the rest is sent, each part reported with its id.
    const ids: [number, string][] = [];
    const again = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).length;
    await adapter.post(IDS.digest, huge, { sent: ['already'], delivered: (i, id) => ids.push([i, id]) });
    const resent = fake.find('POST', new RegExp(`^/channels/${IDS.digest}/messages$`)).slice(again).map((r) => r.body as MessageBody);
    expect(resent.length).toBe(expected - 1);
    expect(resent[0].embeds![0].title).toBe('A very long answer (continued)');
    expect(ids.map(([i]) => i)).toEqual(Array.from({ length: expected - 1 }, (_, k) => k + 1));
    expect(ids.every(([, id]) => /^\d+$/.test(id))).toBe(true);
  });

  it('answers autocomplete from the declared source of the option', async () => {
    // Whichever registered command declares an autocomplete option (who-said speakers, digest time zones).
    const { COMMANDS } = await import('../commands/index.ts');
    type Target = { c: (typeof COMMANDS)[number]; sub: string | undefined; o: NonNullable<(typeof COMMANDS)[number]['options']>[number] };
    const target = COMMANDS.flatMap((c): Target[] =>
      c.subcommands ? c.subcommands.flatMap((s) => s.options.filter((o) => o.autocomplete).map((o) => ({ c, sub: s.name, o }))) : (c.options ?? []).filter((o) => o.autocomplete).map((o) => ({ c, sub: undefined, o })),
    )[0];
    if (target) {
      const typed = target.o.autocomplete === 'timezones' ? 'london' : '';
      const i = fake.autocomplete({ name: target.c.name, subcommand: target.sub, options: { [target.o.name]: typed }, focused: target.o.name, invoker: ALICE });
      const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the choices');
      expect(cb.body.type).toBe(8); // APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
      expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
      if (target.o.autocomplete === 'timezones') expect(cb.body.data.choices).toContainEqual({ name: 'Europe/London', value: 'Europe/London' });
    } else {
      // No command declares one yet: an option without a source gets no suggestions.
      const i = fake.autocomplete({ name: 'ask', options: { question: 'miss' }, focused: 'question' });
      const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the choices');
      expect(cb.body).toEqual({ type: 8, data: { choices: [] } });
    }
  });

  it('does not let a member without Manage Server subscribe or unsubscribe', async () => {
    for (const sub of ['subscribe', 'unsubscribe']) {
      const n = contexts.length;
      const i = fake.invoke({ name: 'digest', subcommand: sub, options: sub === 'subscribe' ? { time: '08:00', timezone: 'Europe/London' } : {}, invoker: BOB });
      const cb = await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the refusal');
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.body.data.embeds[0].description).toMatch(/Manage Server/);
      expect(contexts.length).toBe(n); // the command never ran
    }
    // Nor by mentioning the bot.
    const n = contexts.length;
    const msg = fake.say({ content: `<@${BOT.id}> /digest subscribe 08:00 Europe/London`, mentions: [BOT], author: BOB });
    const refusal = await fake.waitFor(() => fake.find('POST', /\/messages$/).find((r) => r.body.message_reference?.message_id === msg.id), 'the refusal');
    expect(refusal.body.embeds[0].description).toMatch(/Manage Server/);
    expect(contexts.length).toBe(n);
    // A member with Manage Server gets through to the command, with canManage set.
    const i = fake.invoke({ name: 'digest', subcommand: 'subscribe', options: { time: '08:00', timezone: 'Europe/London' }, invoker: ALICE });
    await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the answer');
    expect(contexts.at(-1)).toMatchObject({ userId: ALICE.id, canManage: true });
  });

  it('registers the commands in one guild, or globally (deploy-commands)', async () => {
    const settings = readDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl });
    const guild = await deployCommands(settings, IDS.guild);
    expect(guild.scope).toBe('guild');
    const put = fake.find('PUT', /\/commands$/).at(-1)!;
    expect(put.path).toBe(`/applications/${IDS.application}/guilds/${IDS.guild}/commands`);
    expect(put.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(buildCommandDefinitions());
    const global = await deployCommands(settings);
    expect(global.scope).toBe('global');
    expect(fake.find('PUT', /\/commands$/).at(-1)!.path).toBe(`/applications/${IDS.application}/commands`);
    expect(global.names).toEqual(buildCommandDefinitions().map((d) => d.name));
  });

  it('sent every message with no mentions allowed', () => {
    const sends = fake.requests.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && (/\/messages/.test(r.path) || /^\/webhooks\/\d+\/[^/]+$/.test(r.path) || r.path.endsWith('/callback')));
    expect(sends.length).toBeGreaterThan(10);
    for (const r of sends) {
      const body = r.path.endsWith('/callback') ? r.body.data : r.body;
      if (body && (body.embeds || body.content !== undefined)) expect(body.allowed_mentions?.parse, r.path).toEqual([]);
    }
  });
});

describe('Discord rate limits', () => {
  it('answers one person at most N commands in a window, then a polite private reply, and others still get answers', async () => {
    const fake = await FakeDiscord.start();
    const sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: ':memory:' });
    await sitrep.sync();
    const limiter = new ChatRateLimiter({ points: 2, seconds: 60 }, { points: 100, seconds: 60 });
    const adapter = new DiscordAdapter(sitrep, { token: TOKEN, applicationId: IDS.application, apiUrl: fake.apiUrl }, { limiter, log: () => undefined });
    try {
      await adapter.start();
      const asks = [BOB, BOB, BOB, ALICE].map((invoker) => fake.invoke({ name: 'stories', options: {}, invoker }));
      const first = await Promise.all(asks.map((i) => fake.waitFor(() => fake.forInteraction(i.token)[0], 'a callback')));
      expect(first.map((r) => r.body.type)).toEqual([5, 5, 4, 5]);
      const refusal = first[2].body.data;
      expect(refusal.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(refusal.embeds[0].description).toMatch(/up to 2 commands every 60 seconds.*try again in \d+ seconds?/s);
      await fake.waitFor(() => fake.forInteraction(asks[3].token).find((r) => r.method === 'PATCH'), 'Alice\'s answer');
      // A mention counts too.
      const msg = fake.say({ content: `<@${BOT.id}> stories`, mentions: [BOT], author: BOB });
      const reply = await fake.waitFor(() => fake.find('POST', /\/messages$/).find((r) => r.body.message_reference?.message_id === msg.id), 'the refusal');
      expect(reply.body.embeds[0].description).toMatch(/try again in/);
    } finally {
      await adapter.stop();
      await fake.close();
      sitrep.close();
    }
  });
});

describe('Discord stop with an answer in flight', () => {
  it('sends the answer before disconnecting', async () => {
    const fake = await FakeDiscord.start();
    const sitrep = Sitrep.open({ dataDir: SAMPLES_DIR, dbPath: ':memory:' });
    await sitrep.sync();
    const run = async (ctx: CommandContext, name: string, input: CommandInput | string) => {
      await new Promise((r) => setTimeout(r, 800));
      return runCommand(ctx, name, input);
    };
    const adapter = new DiscordAdapter(sitrep, { token: TOKEN, applicationId: IDS.application, apiUrl: fake.apiUrl }, { run, limiter: null, log: () => undefined });
    try {
      await adapter.start();
      const i = fake.invoke({ name: 'stories', options: {} });
      await fake.waitFor(() => fake.forInteraction(i.token)[0], 'the deferral');
      await adapter.stop();
      expect(fake.forInteraction(i.token).find((r) => r.method === 'PATCH')?.status).toBe(200);
    } finally {
      await adapter.stop();
      await fake.close();
      sitrep.close();
    }
  });
});

describe('Discord slash-command definitions', () => {
  const defs = buildCommandDefinitions();

  it('has one chat-input command per registered command, with typed options', () => {
    for (const d of defs) {
      expect(d.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.description.length).toBeLessThanOrEqual(100);
    }
    const ask = defs.find((d) => d.name === 'ask')!;
    expect(ask.options).toEqual([{ type: 3, name: 'question', description: 'A question in plain words.', required: true, max_length: 500 }]);
  });

  it('shows /digest to every member: only subscribe and unsubscribe need Manage Server, checked when run', () => {
    const digest = defs.find((d) => d.name === 'digest')!;
    expect(digest.default_member_permissions).toBeUndefined();
    for (const d of defs) expect(d.default_member_permissions, d.name).toBeUndefined();
  });

  it('builds subcommands, autocomplete and Manage Server defaults from the declarations', async () => {
    const { commandDefinition } = await import('../src/adapters/discord/commands-definition.ts');
    const { MANAGE_GUILD } = await import('../src/adapters/discord/policy.ts');
    (MANAGE_GUILD as Record<string, true | readonly string[]>).admin = true;
    const admin = commandDefinition({ name: 'admin', description: 'Only for managers.', usage: '/admin', options: [], run: () => ({ reply: { sections: [] } }) });
    delete (MANAGE_GUILD as Record<string, unknown>).admin;
    expect(admin.default_member_permissions).toBe(String(1 << 5)); // ManageGuild: every part needs it
    const d = commandDefinition({
      name: 'digest',
      description: 'The daily digest.',
      usage: '/digest',
      subcommands: [
        { name: 'now', description: 'Post it now.', options: [] },
        { name: 'subscribe', description: 'Post it here daily.', options: [{ name: 'time', description: 'HH:MM.', required: true }, { name: 'timezone', description: 'IANA zone.', autocomplete: 'timezones' }] },
      ],
      run: () => ({ reply: { sections: [] } }),
    });
    expect(d.default_member_permissions).toBeUndefined(); // /digest now and status are for everyone
    expect(d.options![1]).toMatchObject({ type: 1, name: 'subscribe', options: [{ type: 3, name: 'time', required: true }, { type: 3, name: 'timezone', required: false, autocomplete: true }] });
  });
});

describe('Discord rendering', () => {
  it('splits between words and clips titles at a word', () => {
    const text = 'alpha beta gamma delta '.repeat(50).trim();
    const parts = splitWords(text, 37);
    expect(parts.every((p) => p.length <= 37)).toBe(true);
    expect(parts.join(' ')).toBe(text);
    expect(parts.every((p) => /^(alpha|beta|gamma|delta)( |$)/.test(p) && /(alpha|beta|gamma|delta)$/.test(p))).toBe(true);
    expect(clip('one two three four', 10)).toBe('one two…');
  });

  it('never spans more than five messages, and says when an answer was cut', () => {
    const messages = renderReply(longReply(6000).reply);
    expect(messages).toHaveLength(LIMITS.messagesPerReply);
    for (const m of messages) expectWithinLimits({ embeds: m.embeds });
    expect(messages.at(-1)!.embeds.at(-1)!.description).toMatch(/cut short \(\d+ more parts?\)/);
  });

  it('keeps a long title whole in the body when it must be shortened', () => {
    const title = 'word '.repeat(55).trim();
    const [m] = renderReply({ title, sections: [] });
    expect(m.embeds[0].title!.length).toBeLessThanOrEqual(256);
    expect(m.embeds[0].title!.endsWith('…')).toBe(true);
    expect(m.embeds[0].description).toContain(title);
  });

  it('escapes markdown in article text and links sources with URLs', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e)')).toBe('a \\*b\\* \\_c\\_ \\[d\\](e)');
    const [m] = renderReply({ sections: [{ items: [{ text: 'Hi', cite: { article: { id: 'x', file: null, title: 'T', source: 'VOA News', url: 'https://voa.example/a_(b)', published: null } } }] }] });
    expect(m.embeds[0].description).toBe('Hi ([VOA News](https://voa.example/a_%28b%29))');
  });

  it('keeps 25 fields per embed and cuts an over-long field value at a word', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, value: (i === 0 ? 'x ' : 'y ').repeat(i === 0 ? 700 : 100).trim() }));
    const messages = renderReply({ title: 'Fields', sections: [], fields });
    for (const m of messages) expectWithinLimits({ embeds: m.embeds });
    const all = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(all.length).toBe(30);
    expect(all[0].value.length).toBeLessThanOrEqual(1000);
    expect(all[0].value.endsWith('x…')).toBe(true);
  });

  it('reads what was asked after the mention', () => {
    expect(textAfterMention(`<@${BOT.id}> where?`, BOT.id)).toBe('where?');
    expect(textAfterMention(`hey <@!${BOT.id}>, /stories`, BOT.id)).toBe('hey , /stories');
  });
});

describe('Discord settings and autocomplete', () => {
  it('names missing settings without echoing the token', () => {
    expect(() => readDiscordSettings({ DISCORD_TOKEN: 'secret-value' })).toThrow(/DISCORD_APPLICATION_ID/);
    try {
      readDiscordSettings({ DISCORD_TOKEN: 'secret-value', DISCORD_APPLICATION_ID: 'nope' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret-value');
    }
    expect(normalizeApiUrl(undefined)).toBe('https://discord.com/api');
    expect(normalizeApiUrl('http://127.0.0.1:9/api/v10/')).toBe('http://127.0.0.1:9/api');
    expect(() => normalizeApiUrl('ftp://x')).toThrow(/http/);
  });

  it('is registered for `sitrep start`', async () => {
    const { ADAPTER_FACTORIES } = await import('../src/start.ts');
    const sitrep = Sitrep.open({ dataDir: null, dbPath: ':memory:' });
    try {
      const adapter = await ADAPTER_FACTORIES.discord!(sitrep, { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.application });
      expect(adapter).toBeInstanceOf(DiscordAdapter);
      expect(adapter.platform).toBe('discord');
      await expect(ADAPTER_FACTORIES.discord!(sitrep, { DISCORD_TOKEN: TOKEN })).rejects.toThrow(/DISCORD_APPLICATION_ID/);
    } finally {
      sitrep.close();
    }
  });

  it('reads deploy-commands arguments', () => {
    expect(parseDeployArgs(['--guild', '123456789'], {})).toBe('123456789');
    expect(parseDeployArgs([], { guildId: '123456789' })).toBe('123456789');
    expect(parseDeployArgs(['--global'], { guildId: '123456789' })).toBeUndefined();
    expect(() => parseDeployArgs(['--guild'], {})).toThrow(/numeric server id/);
    expect(() => parseDeployArgs(['--bogus'], {})).toThrow(/does not take/);
  });

  it('suggests time zones and speakers', async () => {
    const sitrep = Sitrep.open({ dataDir: join(import.meta.dirname, 'fixtures', 'samples'), dbPath: ':memory:' });
    try {
      await sitrep.sync();
      expect(suggest(sitrep, 'timezones', 'london').map((c) => c.value)).toContain('Europe/London');
      expect(suggest(sitrep, 'timezones', '').length).toBe(25);
      const speakers = suggest(sitrep, 'speakers', '');
      expect(speakers.length).toBeLessThanOrEqual(25);
      if (speakers.length) expect(suggest(sitrep, 'speakers', speakers[0].value.slice(0, 3)).map((c) => c.value)).toContain(speakers[0].value);
    } finally {
      sitrep.close();
    }
  });
});

describe('Discord adapter shutdown', () => {
  it('patches gateway internals only on the @discordjs/ws version line that needs it', async () => {
    const { installedWsVersion, needsWorkaround, destroyClient } = await import('../src/adapters/discord/shutdown.ts');
    expect(installedWsVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(needsWorkaround('1.2.3')).toBe(true);
    expect(needsWorkaround('2.0.0')).toBe(false);
    expect(needsWorkaround(null)).toBe(false);
    // On another version the shard is left alone: only the public destroy() is called.
    const shard = { internalConnect: async () => undefined };
    const original = shard.internalConnect;
    let destroyed = 0;
    const client = { ws: { _ws: { strategy: { shards: new Map([[0, shard]]) } } }, destroy: async () => void destroyed++ };
    await destroyClient(client as never, '2.0.0');
    expect(shard.internalConnect).toBe(original);
    expect(destroyed).toBe(1);
    await destroyClient(client as never, '1.2.3');
    expect(shard.internalConnect).not.toBe(original);
  });

  it('says the token was rejected, without showing it', async () => {
    const fake = await FakeDiscord.start({ acceptToken: TOKEN });
    const sitrep = Sitrep.open({ dataDir: null, dbPath: ':memory:' });
    const adapter = new DiscordAdapter(sitrep, { token: 'wrong-token-value', applicationId: IDS.application, apiUrl: fake.apiUrl }, { log: () => undefined });
    try {
      const err = await adapter.start().then(() => null, (e: Error) => e);
      expect(err?.message).toMatch(/rejected DISCORD_TOKEN/);
      expect(err?.message).not.toContain('wrong-token-value');
    } finally {
      await adapter.stop();
      await fake.close();
      sitrep.close();
    }
  });

  it('stops for good even while reconnecting after the gateway went away', async () => {
    const fake = await FakeDiscord.start();
    const sitrep = Sitrep.open({ dataDir: null, dbPath: ':memory:' });
    const adapter = new DiscordAdapter(sitrep, { token: TOKEN, applicationId: IDS.application, apiUrl: fake.apiUrl }, { log: () => undefined });
    const connecting: number[] = [];
    adapter.client.on('debug', (m) => {
      if (m.includes('Connecting to')) connecting.push(Date.now());
    });
    try {
      await adapter.start();
      await fake.close();
      const deadline = Date.now() + 15_000;
      while (connecting.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(connecting.length).toBeGreaterThanOrEqual(3); // it is retrying
    } finally {
      await adapter.stop();
    }
    const after = connecting.length;
    await new Promise((r) => setTimeout(r, 1500)); // longer than the 500 ms retry pause
    expect(connecting.length).toBe(after);
    sitrep.close();
  });
});
