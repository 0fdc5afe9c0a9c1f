// The end-to-end load test (issue 10): `npm run bench -- --load [N|DIR]` (default 20,000 articles).
// A real `sitrep start` process (discord.js and all) runs against the fake Discord of test/fakes/discord,
// which runs here, in this process, so that its clock is not stopped when the bot's event loop is. It gets
// bursts of the heavy slash commands while new article files arrive in its data folder, and every
// interaction's time to its first acknowledgement (the callback: a reply or a defer) and to its final answer
// (a reply, or the edit after a defer) is measured. Bounded in count and time.
// Options: --bursts N (5), --burst-size N (8), --gap S (seconds between bursts, 5), --wait S (how long to
//          wait for answers after the last burst, 60), --login-cap S (180), --db FILE (reuse a built index).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDS } from '../test/fakes/discord/payloads.ts';
import type { RecordedRequest } from '../test/fakes/discord/rest.ts';
import { FakeDiscord } from '../test/fakes/discord/server.ts';
import type { IngestMessage } from './scale-ingest.ts';
import { articleFiles, copyDb, dropFiles, duration, fmt, headlines, mirrorFolder, percentile, prepareCorpus, prepareExtra, ROOT, runChild, stateFolder } from './scale-lib.ts';

const DEFAULT_ARTICLES = '20000';
const ACK_DEADLINE_MS = 3000;
const ANSWER_DEADLINE_MS = 10_000;
/** New files arrive in batches of this many, one batch per ARRIVAL_EVERY_MS, from the first burst on. */
const ARRIVAL_BATCH = 50;
const ARRIVAL_EVERY_MS = 1000;
const STOP_GRACE_MS = 10_000;
/** Discord's DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE and CHANNEL_MESSAGE_WITH_SOURCE callback types. */
const DEFERRED = 5;
const REPLIED = 4;

interface Options {
  spec: string;
  bursts: number;
  burstSize: number;
  gapMs: number;
  waitMs: number;
  loginCapMs: number;
  db?: string;
}

function readOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? argv[i + 1] : undefined;
    return v && !v.startsWith('--') ? v : undefined;
  };
  const num = (flag: string, dflt: number) => {
    const v = value(flag);
    if (v === undefined) return dflt;
    if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${flag} needs a number (got "${v}")`);
    return Number(v);
  };
  return {
    spec: value('--load') ?? DEFAULT_ARTICLES,
    bursts: num('--bursts', 5),
    burstSize: num('--burst-size', 8),
    gapMs: num('--gap', 5) * 1000,
    waitMs: num('--wait', 60) * 1000,
    loginCapMs: num('--login-cap', 180) * 1000,
    db: value('--db') && resolve(value('--db')!),
  };
}

interface Sent {
  label: string;
  token: string;
  at: number;
  ackMs?: number;
  ackType?: number;
  answerMs?: number;
}

/** The interactions of a burst, cycling through the heavy commands (topics and questions from headlines). */
function burstMix(titles: string[], topics: string[]): { label: string; name: string; subcommand?: string; options?: Record<string, string> }[] {
  const q = (i: number) => `What happened: ${titles[i % titles.length].replace(/[?'"]/g, '').toLowerCase()}?`;
  return [
    { label: '/ask', name: 'ask', options: { question: q(0) } },
    { label: '/numbers', name: 'numbers' },
    { label: '/who-said', name: 'who-said' },
    { label: '/stories', name: 'stories' },
    { label: '/digest now', name: 'digest', subcommand: 'now' },
    { label: '/ask', name: 'ask', options: { question: q(1) } },
    { label: '/who-said about TOPIC', name: 'who-said', options: { about: topics[0] ?? 'police' } },
    { label: '/numbers about TOPIC', name: 'numbers', options: { about: topics[1] ?? 'prices' } },
  ];
}

/** Stamps every request the fake records and every gateway frame it receives with the time it arrived. */
function stampArrivals(fake: FakeDiscord): { requests: Map<RecordedRequest, number>; identifiedAt: () => number | undefined } {
  const requests = new Map<RecordedRequest, number>();
  const push = fake.requests.push.bind(fake.requests);
  fake.requests.push = (...rs: RecordedRequest[]) => {
    for (const r of rs) requests.set(r, performance.now());
    return push(...rs);
  };
  let identified: number | undefined;
  const received = fake.gateway.received;
  const pushFrame = received.push.bind(received);
  received.push = (...fs) => {
    if (identified === undefined && fs.some((f) => f.op === 2)) identified = performance.now();
    return pushFrame(...fs);
  };
  return { requests, identifiedAt: () => identified };
}

/** Fills in each interaction's acknowledgement and answer from the requests recorded so far. */
function settle(sent: Sent[], fake: FakeDiscord, stamps: Map<RecordedRequest, number>): void {
  for (const s of sent) {
    if (s.answerMs !== undefined) continue;
    const reqs = fake.forInteraction(s.token);
    const cb = reqs.find((r) => r.path.endsWith('/callback'));
    if (cb && s.ackMs === undefined) {
      s.ackMs = stamps.get(cb)! - s.at;
      s.ackType = cb.body?.type;
    }
    const answer = reqs.find((r) => (r.path.endsWith('/callback') && r.body?.type === REPLIED) || (r.method === 'PATCH' && r.path.endsWith('/@original')) || (r.method === 'POST' && r.path.startsWith('/webhooks/')));
    if (answer) s.answerMs = stamps.get(answer)! - s.at;
  }
}

function startSitrep(data: string, db: string, fake: FakeDiscord): { child: ChildProcess; stderr: () => string; running: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DISCORD_|SLACK_)/.test(k)) env[k] = v;
  Object.assign(env, { DISCORD_TOKEN: 'bench-fake-token-not-a-secret', DISCORD_APPLICATION_ID: IDS.application, DISCORD_API_URL: fake.apiUrl });
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), '--data', data, '--db', db, '--quiet', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const running = new Promise<number | null>((res) => {
    child.stderr!.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-8000);
      if (/discord adapter running/.test(err)) res(performance.now() - t0);
    });
    child.on('exit', () => res(null));
  });
  return { child, stderr: () => err, running };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(t);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function summary(label: string, sent: Sent[]): string {
  const acked = sent.filter((s) => s.ackMs !== undefined && s.ackMs <= ACK_DEADLINE_MS).length;
  const answered = sent.filter((s) => s.answerMs !== undefined && s.answerMs <= ANSWER_DEADLINE_MS).length;
  const acks = sent.flatMap((s) => (s.ackMs === undefined ? [] : [s.ackMs])).sort((a, b) => a - b);
  const answers = sent.flatMap((s) => (s.answerMs === undefined ? [] : [s.answerMs])).sort((a, b) => a - b);
  const never = sent.length - answers.length;
  const spread = (xs: number[]) => (xs.length ? `p50 ${duration(percentile(xs, 50))}, max ${duration(xs.at(-1)!)}` : 'none');
  return (
    `${label}: ${acked} of ${sent.length} acknowledged within 3 s, ${answered} of ${sent.length} answered within 10 s; ` +
    `acknowledgement ${spread(acks)}; answer ${spread(answers)}${never ? `; ${never} never answered within the bound` : ''}`
  );
}

async function buildIndex(corpus: string, db: string): Promise<boolean> {
  const run = runChild<IngestMessage>('scale-ingest.ts', [corpus, db]);
  await run.done;
  const r = run.messages[0];
  if (!r) return false;
  console.log(`load discord: index built: ${fmt(r.articlesIndexed)} articles in ${fmt(r.ms / 1000, 1)} s`);
  return true;
}

async function exercise(opts: Options, titles: string[], topics: string[], data: string, db: string, extra: string): Promise<void> {
  const fake = await FakeDiscord.start({ heartbeatIntervalMs: 5000 });
  const { requests, identifiedAt } = stampArrivals(fake);
  const t0 = performance.now();
  const bot = startSitrep(data, db, fake);
  try {
    const cap = sleep(opts.loginCapMs).then(() => null);
    const runningMs = await Promise.race([bot.running, cap]);
    const login = identifiedAt();
    if (runningMs === null) {
      console.log(`load discord: FAILED: the bot did not come up within ${duration(opts.loginCapMs)}${login ? ` (gateway login after ${duration(login - t0)})` : ''}: ${bot.stderr().trim().split('\n').slice(-3).join(' | ')}`);
      return;
    }
    console.log(`load discord: \`sitrep start\` to gateway login ${login ? duration(login - t0) : 'never'}, adapter running after ${duration(runningMs)}`);
    const files = articleFiles(extra);
    let arriving = true;
    const arrivals = (async () => {
      for (let i = 0; arriving && i < files.length; i += ARRIVAL_BATCH) {
        await dropFiles(extra, data, files.slice(i, i + ARRIVAL_BATCH));
        await sleep(ARRIVAL_EVERY_MS);
      }
    })();
    const mix = burstMix(titles, topics);
    const sent: Sent[] = [];
    for (let b = 0; b < opts.bursts; b++) {
      if (b) await sleep(opts.gapMs);
      for (let i = 0; i < opts.burstSize; i++) {
        const m = mix[(b * opts.burstSize + i) % mix.length];
        const interaction = fake.invoke({ name: m.name, subcommand: m.subcommand, options: m.options });
        sent.push({ label: m.label, token: interaction.token, at: performance.now() });
      }
    }
    const deadline = performance.now() + opts.waitMs;
    for (;;) {
      settle(sent, fake, requests);
      if (sent.every((s) => s.answerMs !== undefined) || performance.now() > deadline) break;
      await sleep(100);
    }
    arriving = false;
    await arrivals;
    const dropped = Math.min(files.length, articleFiles(join(data, 'bench-new')).length);
    console.log(`load discord: ${sent.length} interactions in ${opts.bursts} bursts of ${opts.burstSize}, ${duration(opts.gapMs)} apart, while ${fmt(dropped)} new files arrived (${ARRIVAL_BATCH} a second)`);
    console.log(summary('load discord', sent) + ` [target: all within 3 s and 10 s: ${sent.every((s) => (s.ackMs ?? Infinity) <= ACK_DEADLINE_MS && (s.answerMs ?? Infinity) <= ANSWER_DEADLINE_MS) ? 'met' : 'MISSED'}]`);
    const deferred = sent.filter((s) => s.ackType === DEFERRED).length;
    console.log(`load discord: ${deferred} of ${sent.length} were deferred before the answer`);
    for (const label of [...new Set(sent.map((s) => s.label))]) console.log(summary(`load discord ${label}`, sent.filter((s) => s.label === label)));
  } finally {
    await stop(bot.child);
    await fake.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const opts = readOptions(argv);
  const corpus = prepareCorpus(opts.spec);
  if (!corpus.ok) return console.log(`load discord: skipped, ${corpus.reason}`);
  console.log(`load discord: corpus ${corpus.dir} (${fmt(corpus.count)} articles); the machine is shared, so timings are noisy`);
  const extra = prepareExtra(corpus.dir, corpus.count);
  const state = stateFolder('load');
  try {
    const db = join(state, 'index.db');
    if (opts.db && existsSync(opts.db)) {
      copyDb(opts.db, db);
      console.log(`load discord: using a copy of the built index ${opts.db}`);
    } else if (!(await buildIndex(corpus.dir, db))) return console.log('load discord: FAILED to build the index (see above)');
    if (opts.db && !existsSync(opts.db)) {
      copyDb(db, opts.db);
    }
    const data = join(state, 'data');
    mirrorFolder(corpus.dir, data);
    const titles = headlines(corpus.dir, 20);
    const topics = [...new Set(titles.map((t) => t.toLowerCase().split(/[^\p{L}]+/u).find((w) => w.length >= 6)).filter((w): w is string => Boolean(w)))];
    await exercise(opts, titles, topics, data, db, extra);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}
