// The scale bench (issue 10): `npm run bench -- --scale N` (a synthetic corpus of N articles, built once with
// ../shared/tools/scale-corpus.mjs and cached) or `--scale DIR` (an existing folder of articles).
// Each phase runs in its own child process, so its peak RSS is its own and a slow command can be stopped:
//   ingest       a fresh index: articles/s, peak RSS, database size per article
//   cold start   a new `sitrep ... ask` process on the built index, from launch to its answer
//   commands     warm p50/p99/max of every command through commands/run.ts's runCommand, and autocomplete
//   stall        the longest event-loop stall while 1,000 new articles are indexed by a running Sitrep
// Options: --cap S (per-run limit, default 20), --budget S (time per command, default 45),
//          --db FILE (reuse a built index, or keep the one built), --phases ingest,cold,commands,stall,
//          --commands ask,stories,... (a subset of the commands),
//          --database-url postgres://...?schema=NAME (or SITREP_DATABASE_URL): the index is kept in that
//          PostgreSQL schema instead of --db; one that already holds articles is reused (drop the schema to
//          rebuild it), and the stall phase is left out (it would add articles to the kept index).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { databaseUrl } from '../src/config.ts';
import { PgStore } from '../src/store/pg/store.ts';
import { describeUrl } from '../src/store/pg/url.ts';
import type { CaseName, CommandMessage, CommandSpec } from './scale-commands.ts';
import type { IngestMessage } from './scale-ingest.ts';
import {
  copyDb,
  dbBytes,
  duration,
  fmt,
  headlines,
  mb,
  mirrorFolder,
  percentile,
  prepareCorpus,
  prepareExtra,
  ROOT,
  runChild,
  stateFolder,
} from './scale-lib.ts';
import type { StallMessage } from './scale-stall.ts';

const TARGET = {
  articlesPerSecond: 300,
  peakRssBytes: 1024 ** 3,
  fastP99Ms: 50,
  otherP99Ms: 300,
  stallMs: 50,
  coldStartMs: 3000,
};

const CASES: { name: CaseName; label: string; runs: number; fast: boolean }[] = [
  { name: 'ask', label: '/ask', runs: 200, fast: true },
  { name: 'who-said', label: '/who-said', runs: 30, fast: false },
  { name: 'who-said SPEAKER', label: '/who-said SPEAKER', runs: 30, fast: false },
  { name: 'numbers', label: '/numbers', runs: 30, fast: false },
  { name: 'numbers about TOPIC', label: '/numbers about TOPIC', runs: 30, fast: false },
  { name: 'stories', label: '/stories', runs: 30, fast: false },
  { name: 'digest now', label: '/digest now', runs: 30, fast: false },
  { name: 'autocomplete', label: 'autocomplete (speakers)', runs: 200, fast: true },
];
const PHASES = ['ingest', 'cold', 'commands', 'stall'] as const;
type Phase = (typeof PHASES)[number];

const COLD_RUNS = 3;
const COLD_CAP_MS = 120_000;
const STALL_CAP_MS = 20 * 60_000;
export const QUESTIONS = 200;
/** A case's setup (opening, choosing speakers: which fills autocomplete's one-minute speaker list) is shown from this long. */
const SHOWN_SETUP_MS = 1000;
const TOPICS = 6;
/** A topic word from a headline: its first word of at least this many letters. */
const TOPIC_MIN_LETTERS = 6;

interface Options {
  scale: string;
  capMs: number;
  budgetMs: number;
  db?: string;
  phases: Set<Phase>;
  cases: Set<string> | null;
  /** The PostgreSQL database (and schema) the index is kept in, or null for the SQLite file. */
  databaseUrl: string | null;
}

function readOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (flag: string) => value(flag)?.split(',').map((s) => s.trim()).filter(Boolean);
  const phases = list('--phases') ?? [...PHASES];
  const bad = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
  if (bad.length) throw new Error(`unknown phase ${bad.join(', ')} (phases: ${PHASES.join(', ')})`);
  const cases = list('--commands');
  const unknown = (cases ?? []).filter((c) => !CASES.some((k) => k.name === c || k.label === c));
  if (unknown.length) throw new Error(`unknown command ${unknown.join(', ')} (commands: ${CASES.map((c) => `"${c.name}"`).join(', ')})`);
  const seconds = (flag: string, dflt: number) => {
    const v = value(flag);
    if (v === undefined) return dflt * 1000;
    if (!/^\d+(\.\d+)?$/.test(v)) throw new Error(`${flag} needs a number of seconds (got "${v}")`);
    return Number(v) * 1000;
  };
  const scale = value('--scale');
  if (!scale || scale.startsWith('--')) throw new Error('--scale needs N (articles) or DIR (a folder of articles)');
  // The children (ingest, commands, cold start) read SITREP_DATABASE_URL as Sitrep does.
  const url = value('--database-url');
  if (url !== undefined) process.env.SITREP_DATABASE_URL = url;
  return {
    scale, capMs: seconds('--cap', 20), budgetMs: seconds('--budget', 45), db: value('--db') && resolve(value('--db')!), phases: new Set(phases as Phase[]), cases: cases ? new Set(cases) : null,
    databaseUrl: databaseUrl(),
  };
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function ingest(corpus: string, dbPath: string): Promise<IngestMessage | null> {
  const run = runChild<IngestMessage>('scale-ingest.ts', [corpus, dbPath]);
  await run.done;
  const r = run.messages[0];
  if (!r) {
    console.log('scale ingest: FAILED (the ingest process sent no report; see above)');
    return null;
  }
  const rate = r.articlesIndexed / (r.ms / 1000);
  console.log(
    `scale ingest: ${fmt(r.articlesIndexed)} articles in ${fmt(r.ms / 1000, 1)} s: ${fmt(rate)} articles/s, peak RSS ${mb(r.maxRssBytes)}` +
      `${r.skipped || r.warnings ? ` (${r.skipped} skipped, ${r.warnings} warnings)` : ''}` +
      ` [target ≥ ${TARGET.articlesPerSecond} articles/s: ${verdict(rate >= TARGET.articlesPerSecond)}; RSS ≤ 1 GB: ${verdict(r.maxRssBytes <= TARGET.peakRssBytes)}]`,
  );
  if (r.writerCpuMs !== null) {
    const per = (ms: number) => `${fmt(ms / r.articlesIndexed, 2)} ms/article`;
    console.log(`scale ingest CPU: writer thread ${fmt(r.writerCpuMs / 1000, 1)} s (${per(r.writerCpuMs)}), analysis and other threads ${fmt((r.processCpuMs - r.writerCpuMs) / 1000, 1)} s (${per(r.processCpuMs - r.writerCpuMs)})`);
  }
  return r;
}

function dbSize(dbPath: string, articles: number, url: string | null): void {
  const bytes = url ? pgStore(url, (s) => s.sizeBytes()) : dbBytes(dbPath);
  console.log(`scale database: ${mb(bytes)} for ${fmt(articles)} articles: ${fmt(bytes / articles / 1024, 1)} KB per article (${url ? 'tables and indexes' : 'db + WAL'})`);
}

/** Something read from the PostgreSQL index through its store (opened for the call, then closed). */
function pgStore<T>(url: string, read: (store: PgStore) => T): T {
  const store = new PgStore(url);
  try {
    return read(store);
  } finally {
    store.close();
  }
}

/** Launch to exit of one `sitrep COMMAND` process on the built index. */
function coldRun(corpus: string, dbPath: string, command: string[]): Promise<{ ms: number; ok: boolean; capped: boolean }> {
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sitrep.js'), '--data', corpus, '--db', dbPath, ...command, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), COLD_CAP_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      res({ ms: performance.now() - t0, ok: code === 0 && out.trim().length > 0, capped: signal === 'SIGKILL' });
    });
  });
}

/** A new process's first answer: `ask` (the full-text path) and `stories` (what a restarted bot answers first). */
async function coldStart(corpus: string, dbPath: string, command: string[]): Promise<void> {
  const label = `\`sitrep ${command[0]}\``;
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const r = await coldRun(corpus, dbPath, command);
    runs.push(r);
    if (r.capped) break;
  }
  if (runs.some((r) => r.capped)) return console.log(`scale cold start ${label}: over ${duration(COLD_CAP_MS)} (stopped) [target ≤ 3 s: MISSED]`);
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const failed = runs.filter((r) => !r.ok).length;
  console.log(
    `scale cold start ${label} (new process on the built index, launch to answer): median ${duration(percentile(ms, 50))}, max ${duration(ms.at(-1)!)} of ${runs.length}` +
      `${failed ? ` (${failed} gave no answer)` : ''} [target ≤ 3 s: ${verdict(ms.at(-1)! <= TARGET.coldStartMs && !failed)}]`,
  );
}

/** Runs one command case in a child; stops it when a single run passes the cap. */
async function commandCase(corpus: string, dbPath: string, spec: CommandSpec, label: string, fast: boolean, capMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let capped = false;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      capped = true;
      run.child.kill('SIGKILL');
    }, capMs);
  };
  const run = runChild<CommandMessage>('scale-commands.ts', [corpus, dbPath, JSON.stringify(spec)], (m) => (m.phase === 'done' ? clearTimeout(timer) : arm()));
  arm();
  await run.done;
  clearTimeout(timer);
  const setup = run.messages.find((m) => m.phase === 'setup');
  const warm = run.messages.find((m) => m.phase === 'warm');
  const times = run.messages.flatMap((m) => (m.phase === 'run' ? [m.ms] : [])).sort((a, b) => a - b);
  const trips = run.messages.flatMap((m) => (m.phase === 'run' ? [m.trips] : [])).sort((a, b) => a - b);
  const done = run.messages.find((m) => m.phase === 'done');
  const target = fast ? TARGET.fastP99Ms : TARGET.otherP99Ms;
  const tripsShown = trips.at(-1) ? `${fmt(percentile(trips, 50))} database calls per run (max ${fmt(trips.at(-1)!)})` : '';
  const about = [setup?.detail ? setup.detail : '', setup && setup.ms >= SHOWN_SETUP_MS ? `setup ${duration(setup.ms)}` : '', warm ? `first call ${duration(warm.ms)}` : '', tripsShown, done ? `peak RSS ${mb(done.maxRssBytes)}` : ''].filter(Boolean).join('; ');
  if (capped && times.length === 0) {
    const where = !setup ? 'opening and setting up' : !warm ? 'the first call' : 'a run';
    console.log(`scale ${label}: over ${duration(capMs)} (${where} took longer; stopped) [target p99 ≤ ${target} ms: MISSED]${about ? ` (${about})` : ''}`);
    return;
  }
  if (times.length === 0) {
    console.log(`scale ${label}: no runs (${setup?.detail || 'the process failed; see above'})`);
    return;
  }
  const p99 = percentile(times, 99);
  const stopped = capped ? `; then a run took over ${duration(capMs)} and it was stopped` : times.length < spec.runs ? `; stopped after ${duration(spec.budgetMs)}` : '';
  console.log(
    `scale ${label}: p50 ${duration(percentile(times, 50))}, p99 ${duration(p99)}, max ${duration(times.at(-1)!)} over ${times.length} runs${stopped}` +
      ` [target p99 ≤ ${target} ms: ${verdict(!capped && p99 <= target)}] (${about})`,
  );
}

function topicsFrom(titles: string[]): string[] {
  const words = titles.map((t) => t.toLowerCase().split(/[^\p{L}]+/u).find((w) => w.length >= TOPIC_MIN_LETTERS)).filter((w): w is string => Boolean(w));
  return [...new Set(words)].slice(0, TOPICS);
}

/** 200 questions of several forms, written from the corpus's own headlines (as bench.ts does). */
export function questionsFrom(titles: string[]): string[] {
  const forms = ['What happened: %s?', 'How many people were affected by %s?', 'Who said %s?', 'Where is %s?', 'When did %s happen?'];
  return titles.map((t, i) => forms[i % forms.length].replace('%s', t.replace(/[?'"]/g, '').toLowerCase()));
}

async function stall(corpus: string, count: number, dbPath: string): Promise<void> {
  const extra = prepareExtra(corpus, count);
  const state = stateFolder('stall');
  try {
    const data = join(state, 'data');
    mirrorFolder(corpus, data);
    const db = join(state, 'index.db');
    copyDb(dbPath, db);
    const run = runChild<StallMessage>('scale-stall.ts', [data, db, extra]);
    const timer = setTimeout(() => run.child.kill('SIGKILL'), STALL_CAP_MS);
    await run.done;
    clearTimeout(timer);
    const r = run.messages[0];
    if (!r) return console.log(`scale stall: no result (over ${duration(STALL_CAP_MS)} or failed; see above) [target ≤ ${TARGET.stallMs} ms: MISSED]`);
    console.log(
      `scale stall: ${fmt(r.files)} new articles indexed in ${duration(r.indexMs)} (${r.path}${r.total !== null ? `, ${fmt(r.total)} in the index after` : ''}): ` +
        `longest event-loop stall ${duration(r.maxStallMs)}, peak RSS ${mb(r.maxRssBytes)} [target ≤ ${TARGET.stallMs} ms: ${verdict(r.maxStallMs <= TARGET.stallMs)}]`,
    );
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}

export async function main(argv: string[]): Promise<void> {
  const opts = readOptions(argv);
  const corpus = prepareCorpus(opts.scale);
  if (!corpus.ok) return console.log(`scale bench: skipped, ${corpus.reason}`);
  console.log(`scale bench: corpus ${corpus.dir} (${fmt(corpus.count)} articles); each phase in its own process; the machine is shared, so timings are noisy`);
  const state = stateFolder('scale');
  const started = performance.now();
  try {
    const dbPath = opts.db ?? join(state, 'index.db');
    let articles = corpus.count;
    const url = opts.databaseUrl;
    const kept = url ? pgStore(url, (s) => s.count()) : 0;
    if (url) console.log(`scale database: PostgreSQL, ${describeUrl(url)}`);
    if (url && kept > 0) {
      console.log(`scale ingest: skipped, using the built index in ${describeUrl(url)} (${fmt(kept)} articles; drop the schema to rebuild it)`);
      articles = kept;
    } else if (!url && opts.db && existsSync(opts.db)) console.log(`scale ingest: skipped, using the built index ${opts.db}`);
    else {
      // Every other phase needs the index, so it is built even when --phases leaves ingest out.
      const r = await ingest(corpus.dir, dbPath);
      if (!r) return;
      articles = r.total;
    }
    dbSize(dbPath, articles, url);
    const titles = headlines(corpus.dir, QUESTIONS);
    const questions = questionsFrom(titles);
    if (opts.phases.has('cold')) {
      await coldStart(corpus.dir, dbPath, ['ask', questions[0]]);
      await coldStart(corpus.dir, dbPath, ['stories']);
    }
    if (opts.phases.has('commands')) {
      for (const c of CASES) {
        if (opts.cases && !opts.cases.has(c.name) && !opts.cases.has(c.label)) continue;
        const spec: CommandSpec = { case: c.name, runs: c.runs, budgetMs: opts.budgetMs, questions, topics: topicsFrom(titles) };
        await commandCase(corpus.dir, dbPath, spec, c.label, c.fast, opts.capMs);
      }
    }
    if (opts.phases.has('stall')) {
      if (url) console.log('scale stall: skipped on PostgreSQL (it adds 1,000 articles, and the kept index is not copied)');
      else await stall(corpus.dir, corpus.count, dbPath);
    }
    console.log(`scale bench: done in ${duration(performance.now() - started)}`);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
}
