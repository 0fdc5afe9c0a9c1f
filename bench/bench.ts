// npm run bench [-- CORPUS_DIR]: ingest speed, /ask latency, story grouping, summary quality (ROUGE), digest
// build time and peak memory on a real corpus.
// npm run bench -- --scale N|DIR [options]: the scale bench (bench/scale.ts); --load [N|DIR]: the load test
// on the fake Discord (bench/load-discord.ts).
// Default corpus: ../shared/corpora/bbc/articles (2,225 BBC articles). Skips, saying why, when absent.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analysisPool } from '../src/service/analysis-pool.ts';
import { Sitrep } from '../src/service/sitrep.ts';

const args = process.argv.slice(2);
const mode = args.includes('--scale') ? 'scale' : args.includes('--load') ? 'load' : 'corpus';
const corpus = resolve((mode === 'corpus' ? args[0] : undefined) ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'bbc', 'articles'));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** 200 questions of every form, written from the corpus's own headlines. */
function questions(sitrep: Sitrep): string[] {
  const forms = ['What happened: %s?', 'How many people were affected by %s?', 'Who said %s?', 'Where is %s?', 'When did %s happen?'];
  const titles = [...sitrep.store.eachArticle()].map((a) => a.title.replace(/[?'"]/g, ''));
  const out: string[] = [];
  for (let i = 0; out.length < 200 && titles.length; i++) out.push(forms[i % forms.length].replace('%s', titles[(i * 11) % titles.length].toLowerCase()));
  return out;
}

export async function benchIndex(dir: string): Promise<void> {
  const state = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const sitrep = Sitrep.open({ dataDir: dir, dbPath: join(state, 'index.db') });
  try {
    const pool = analysisPool();
    sitrep.usePool(pool);
    const report = (await sitrep.sync())!;
    sitrep.usePool(null);
    await pool.close();
    const seconds = report.ms / 1000;
    console.log(`ingest: ${fmt(report.articlesIndexed)} articles, ${fmt(report.words)} words in ${fmt(seconds, 2)} s: ${fmt(report.articlesIndexed / seconds)} articles/s, ${fmt(report.words / seconds)} words/s (parse, sentences, quotes, figures, SQLite + FTS5)`);
    console.log(`ingest: ${report.skipped.length} skipped, ${report.warnings.length} warnings${report.warnings.length ? ` (${report.warnings.map((w) => `${w.file} ${w.reason}`).join('; ')})` : ''}`);
    const again = (await sitrep.sync())!;
    console.log(`re-sync with nothing changed: ${fmt(again.ms)} ms`);
    const qs = questions(sitrep);
    sitrep.ask(qs[0]); // warm the statement cache
    const times: number[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      sitrep.ask(q);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`/ask over ${qs.length} questions: p50 ${fmt(percentile(times, 50), 1)} ms, p99 ${fmt(percentile(times, 99), 1)} ms, max ${fmt(times.at(-1)!, 1)} ms`);
    indexedStories(sitrep);
  } finally {
    sitrep.close();
    rmSync(state, { recursive: true, force: true });
  }
}

/**
 * The stories the index made as the articles arrived (incremental assignment): how many, how many mix two
 * of the corpus's sections (its top-level folders: a wrong join), and how many copies were folded.
 */
function indexedStories(sitrep: Sitrep): void {
  const stories = [...sitrep.eachStory({})];
  const section = (file: string | null) => (file ?? '').split('/')[0];
  const mixed = stories.filter((s) => new Set(s.articles.map((a) => section(a.file))).size > 1).length;
  const several = stories.filter((s) => s.articles.length > 1).length;
  const copies = stories.reduce((n, s) => n + s.duplicates, 0);
  console.log(`stories as indexed (incremental): ${fmt(stories.length)} stories (${fmt(several)} with more than one article), ${mixed} mixing two sections, ${copies} copies folded`);
}

/** Runs the scale bench or the load test; a bad option is a one-line error, not a stack trace. */
async function runMode(load: () => Promise<{ main(argv: string[]): Promise<void> }>): Promise<void> {
  const { main } = await load();
  await main(args).catch((e: Error) => {
    console.error(`bench: ${e.message}`);
    process.exitCode = 2;
  });
}

if (mode === 'scale') {
  await runMode(() => import('./scale.ts'));
} else if (mode === 'load') {
  await runMode(() => import('./load-discord.ts'));
  // The fake's sockets may keep the process alive after the report: the bench is done.
  process.exit(process.exitCode ?? 0);
} else if (!existsSync(corpus)) {
  console.log(`bench: skipped, no corpus at ${corpus} (pass a folder of articles: npm run bench -- DIR)`);
} else {
  console.log(`bench: corpus ${corpus}`);
  await benchIndex(corpus);
  // Stories, summaries (ROUGE against the BBC reference summaries) and the digest build time.
  await (await import('./digest.ts')).main(corpus);
  console.log(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
}
