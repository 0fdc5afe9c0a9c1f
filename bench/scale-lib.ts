// Shared pieces of the scale bench (bench/scale.ts) and the Discord load test (bench/load-discord.ts): the
// corpus and its 1,000 extra articles, mirrored data folders, and child processes that report back over IPC.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHARED = resolve(ROOT, '..', 'shared');
export const SCALE_CORPUS_TOOL = join(SHARED, 'tools', 'scale-corpus.mjs');
/** Days the synthetic corpus spreads its articles over. */
export const CORPUS_DAYS = 60;
/** New articles indexed while the event loop is watched, and arriving during the load test. */
export const EXTRA_ARTICLES = 1000;
/** Hidden (the scan skips dot files), written when a cached corpus is complete. */
const COMPLETE_MARK = '.sitrep-scale-complete';

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** "87 ms", "1.4 s". */
export function duration(ms: number): string {
  return ms >= 1000 ? `${fmt(ms / 1000, 1)} s` : `${fmt(ms, ms < 10 ? 1 : 0)} ms`;
}

export const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;

/** Article files under a folder (recursive, hidden entries skipped), sorted by relative path. */
export function articleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.(txt|md|html?|json)$/i.test(e.name)) out.push(relative(dir, abs));
    }
  };
  walk(dir);
  return out.sort();
}

export type Prepared = { ok: true; dir: string; count: number } | { ok: false; reason: string };

function runScaleCorpus(out: string, count: number): void {
  const r = spawnSync(process.execPath, [SCALE_CORPUS_TOOL, out, String(count), String(CORPUS_DAYS)], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`scale-corpus.mjs ${count} failed (exit ${r.status})`);
}

/** `--scale N`: the synthetic corpus of N articles, built once under the temporary folder and reused. */
export function prepareCorpus(spec: string): Prepared {
  if (!/^\d+$/.test(spec)) {
    const dir = resolve(spec);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, reason: `${dir} is not a folder (give --scale N or --scale DIR)` };
    return { ok: true, dir, count: articleFiles(dir).length };
  }
  const count = Number(spec);
  const dir = join(tmpdir(), `sitrep-scale-${count}`);
  if (existsSync(join(dir, COMPLETE_MARK))) return { ok: true, dir, count };
  if (!existsSync(SCALE_CORPUS_TOOL)) return { ok: false, reason: `no ${SCALE_CORPUS_TOOL} to build a corpus with (../shared is absent); pass a folder of articles instead: --scale DIR` };
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  console.log(`scale corpus: writing ${fmt(count)} articles to ${dir} (once; reused afterwards)`);
  runScaleCorpus(partial, count);
  writeFileSync(join(partial, COMPLETE_MARK), `${count} articles over ${CORPUS_DAYS} days\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { ok: true, dir, count };
}

/**
 * 1,000 articles not in a corpus of `count`: the tool is deterministic, so a corpus of count+1,000 holds the
 * same first `count` articles and 1,000 new ones after them. Without the tool, copies of corpus articles
 * with their paragraphs reversed (new text, same kind of news). Cached beside the corpus.
 */
export function prepareExtra(corpus: string, count: number): string {
  const dir = join(tmpdir(), `sitrep-scale-extra-${count}${existsSync(SCALE_CORPUS_TOOL) ? '' : `-${basename(corpus)}`}`);
  if (existsSync(join(dir, COMPLETE_MARK))) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  if (existsSync(SCALE_CORPUS_TOOL)) {
    const whole = `${dir}.whole`;
    rmSync(whole, { recursive: true, force: true });
    runScaleCorpus(whole, count + EXTRA_ARTICLES);
    for (const f of articleFiles(whole)) {
      if (Number(basename(f).replace(/\D/g, '')) < count) continue;
      mkdirSync(join(partial, dirname(f)), { recursive: true });
      renameSync(join(whole, f), join(partial, f));
    }
    rmSync(whole, { recursive: true, force: true });
  } else {
    const files = articleFiles(corpus);
    const step = Math.max(1, Math.floor(files.length / EXTRA_ARTICLES));
    for (let i = 0; i < EXTRA_ARTICLES && i * step < files.length; i++) {
      const f = files[i * step];
      const [title, ...rest] = readFileSync(join(corpus, f), 'utf8').split('\n');
      const paragraphs = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      const [byline, ...body] = paragraphs;
      mkdirSync(join(partial, dirname(f)), { recursive: true });
      writeFileSync(join(partial, dirname(f), `extra-${basename(f)}`), `${title}\n\n${byline}\n\n${body.reverse().join('\n\n')}\n`);
    }
  }
  writeFileSync(join(partial, COMPLETE_MARK), 'extra articles\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return dir;
}

/**
 * A data folder that holds the corpus as hard links (their size and mtime are the originals', so an index
 * built on the corpus sees nothing changed), and that the bench may add files to without touching the
 * corpus, which other people may share.
 */
export function mirrorFolder(corpus: string, into: string): void {
  // Hard links (a data folder never follows a link that leads out of it); copies across file systems.
  for (const f of articleFiles(corpus)) {
    mkdirSync(join(into, dirname(f)), { recursive: true });
    try {
      linkSync(join(corpus, f), join(into, f));
    } catch {
      copyFileSync(join(corpus, f), join(into, f));
      const st = statSync(join(corpus, f));
      utimesSync(join(into, f), st.atime, st.mtime);
    }
  }
}

/** Copies the extra articles into `dataDir/bench-new/` (asynchronously, a few at a time, as files arrive). */
export async function dropFiles(extra: string, dataDir: string, files: string[]): Promise<void> {
  const { copyFile, mkdir } = await import('node:fs/promises');
  for (const f of files) {
    const to = join(dataDir, 'bench-new', f);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(join(extra, f), to);
  }
}

/** The index file and its write-ahead log, in bytes. */
export function dbBytes(dbPath: string): number {
  return [dbPath, `${dbPath}-wal`].reduce((n, p) => n + (existsSync(p) ? statSync(p).size : 0), 0);
}

/** Copies an index (and its WAL, if any) so that a phase can change it without touching the original. */
export function copyDb(from: string, to: string): void {
  copyFileSync(from, to);
  for (const ext of ['-wal', '-shm']) if (existsSync(from + ext)) copyFileSync(from + ext, to + ext);
}

export interface ChildRun<M> {
  child: ChildProcess;
  /** Every message the child sent, in order. */
  messages: M[];
  /** Resolves when the child exits: its code, or the signal that ended it. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a TypeScript bench script in its own Node process, with an IPC channel for its results. */
export function runChild<M>(script: string, args: string[], onMessage?: (m: M) => void): ChildRun<M> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'run-ts.js'), join(ROOT, 'bench', script), ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const messages: M[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  child.on('message', (m) => {
    messages.push(m as M);
    onMessage?.(m as M);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => {
      if (code) process.stderr.write(`bench: ${script} exited with ${code}: ${stderr.trim().split('\n').slice(-5).join('\n')}\n`);
      res({ code, signal });
    }),
  );
  return { child, messages, done };
}

/** Sends a message to the parent, when there is one. */
export function report(message: unknown): void {
  if (process.send) process.send(message);
  else console.log(JSON.stringify(message));
}

/** Ends a child and waits for it (SIGTERM, then SIGKILL after a grace period). */
export async function stopChild(run: ChildRun<unknown>, graceMs = 3000): Promise<void> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  run.child.kill('SIGTERM');
  const t = setTimeout(() => run.child.kill('SIGKILL'), graceMs);
  await run.done;
  clearTimeout(t);
}

/** A fresh temporary folder for a phase's state. */
export function stateFolder(name: string): string {
  const dir = join(tmpdir(), `sitrep-bench-${name}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Headlines (each file's first line) of up to `n` corpus files chosen by a fixed rule (evenly spaced). */
export function headlines(corpus: string, n: number): string[] {
  const files = articleFiles(corpus);
  const step = Math.max(1, Math.floor(files.length / n));
  const out: string[] = [];
  for (let i = 0; out.length < n && i * step < files.length; i++) {
    const line = readFileSync(join(corpus, files[i * step]), 'utf8').split('\n', 1)[0].trim();
    if (line) out.push(line);
  }
  return out;
}
