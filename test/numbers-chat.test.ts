// Charts reach chat: /numbers on the ferry story (test/fixtures/ferry) answered through the real discord.js
// client against the fake Discord (the PNG in a multipart upload, with its description) and through the
// real Bolt app against the fake Slack Web API (the PNG shared with files.uploadV2, with alt text).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../src/adapters/discord/index.ts';
import { createSlackAdapter, type SlackAdapter } from '../src/adapters/slack/index.ts';
import { CHART_WIDTH } from '../src/charts/render.ts';
import { Sitrep } from '../src/service/sitrep.ts';
import { IDS } from './fakes/discord/payloads.ts';
import type { UploadedFile } from './fakes/discord/multipart.ts';
import { FakeDiscord } from './fakes/discord/server.ts';
import { mentionPayload, sendSigned, slashBody } from './fakes/slack/requests.ts';
import { FakeSlack } from './fakes/slack/web-api.ts';
import { decodePng } from './helpers/png.ts';

const FERRY = join(import.meta.dirname, 'fixtures', 'ferry');
let tmp: string;
let sitrep: Sitrep;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'sitrep-charts-'));
  sitrep = Sitrep.open({ dataDir: FERRY, dbPath: join(tmp, 'index.db') });
  sitrep.sync();
});

afterAll(() => {
  sitrep?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('/numbers on Discord attaches the chart', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 2000 });
    const env = { DISCORD_TOKEN: 'fake-bot-token-not-a-secret', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl };
    adapter = (await createDiscordAdapter(sitrep, env, { log: () => undefined })) as DiscordAdapter;
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it('uploads the step chart as a multipart file with its description, beside the text answer', async () => {
    const i = fake.invoke({ name: 'numbers', options: {} });
    // answered at once, or deferred and then edited: either way one request carries the file
    const withFile = await fake.waitFor(() => fake.forInteraction(i.token).find((r) => r.body?.files?.length), 'the answer with its chart', 20_000);
    expect(withFile.status).toBeLessThan(300);
    const [file] = withFile.body.files as UploadedFile[];
    expect(file.filename).toBe('people-killed-in-the-sinking-history.png');
    expect(file.description).toMatch(/^Step chart of people killed in the sinking: 12 \(Lakeside Herald, Mon 2 Mar\)/);
    expect(decodePng(file.bytes).width).toBe(CHART_WIDTH);
    const message = withFile.body.data ?? withFile.body;
    expect(message.allowed_mentions).toMatchObject({ parse: [] });
    expect(JSON.stringify(message.embeds)).toMatch(/12 \(Lakeside Herald, Mon 2 Mar\) → 19 \(Coastline Wire, Tue 3 Mar\)/);
  });

  it('refuses a multipart body whose file is not listed in payload_json, as Discord does', async () => {
    const boundary = 'x-boundary';
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="payload_json"', '', JSON.stringify({ content: 'hi' }), `--${boundary}`, 'Content-Disposition: form-data; name="files[0]"; filename="a.png"', 'Content-Type: image/png', '', 'PNG', `--${boundary}--`, ''].join('\r\n');
    const res = await fetch(`${fake.apiUrl.replace(/\/$/, '')}/v10/channels/${IDS.general}/messages`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(50035);
  });
});

describe('/numbers on Slack shares the chart with files.uploadV2', () => {
  const BOT_TOKEN = 'xoxb-test-bot-token';
  const SECRET = 'test-signing-secret';
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let eventsUrl: string;

  beforeAll(async () => {
    fake = new FakeSlack({ botToken: BOT_TOKEN, users: [{ id: 'U0000USER' }] });
    await fake.start();
    adapter = await createSlackAdapter(
      sitrep,
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' },
      { host: '127.0.0.1', logLevel: 'error', retryConfig: { retries: 0 }, log: { warn: () => {}, error: () => {} } },
    );
    await adapter.start();
    eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.stop();
  });

  it('answers through response_url, then uploads the PNG (alt text given) and shares it in the channel', async () => {
    const body = slashBody({ command: '/numbers', text: '', response_url: fake.responseUrl('n1'), channel_id: 'C0000NEWS' });
    const res = await sendSigned(eventsUrl, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(200);
    await fake.waitFor((calls) => calls.some((c) => c.method === 'files.completeUploadExternal'), 20_000, 'the chart upload');
    const order = fake.calls.map((c) => c.method).filter((m) => m === 'response_url' || m.startsWith('files.') || m === 'upload');
    expect(order).toEqual(['response_url', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const [shared] = fake.files.sharedIn('C0000NEWS');
    expect(shared.filename).toBe('people-killed-in-the-sinking-history.png');
    expect(shared.altText).toMatch(/^Step chart of people killed in the sinking: 12 \(Lakeside Herald, Mon 2 Mar\)/);
    expect(decodePng(shared.bytes!).width).toBe(CHART_WIDTH);
    expect(fake.callsOf('files.getUploadURLExternal')[0].token).toBe(BOT_TOKEN);
  });

  it('shares the chart in the thread of a mention', async () => {
    const payload = mentionPayload({ eventId: 'Ev1', text: '<@UBOT00001> numbers', channel: 'C0000NEWS', threadTs: '1700000000.000050' });
    await sendSigned(eventsUrl, JSON.stringify(payload), { secret: SECRET, contentType: 'application/json' });
    await fake.waitFor(() => fake.files.sharedIn('C0000NEWS').length === 2, 20_000, 'the second chart');
    expect(fake.files.sharedIn('C0000NEWS')[1].shared?.threadTs).toBe('1700000000.000050');
  });

  it('refuses bytes of another length than announced, as Slack does', () => {
    const got = fake.files.getUploadURL({ filename: 'x.png', length: 10 }, fake.url);
    const id = got.body.file_id as string;
    expect(fake.files.receive(id, Buffer.from('short'), 'application/octet-stream').status).toBe(400);
    expect(fake.files.complete({ files: JSON.stringify([{ id }]), channel_id: 'C1' }).body).toMatchObject({ ok: false, error: 'file_not_found' });
  });
});
