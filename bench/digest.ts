// The digest's benchmarks, callable from the main bench or alone (node bin/run-ts.js bench/digest.ts):
//  (a) ROUGE-1/2/L F1 of a 3-sentence summary of every BBC article against the corpus's reference
//      summaries, for Lead-3, a tf-idf centroid ranking, and the digest's summarizer;
//  (b) the time to build a digest over 1,000 articles published in one day.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDigest } from '../src/core/digest/build.ts';
import { centroid, cosine, summarizeArticle, vectorOf } from '../src/core/digest/summarize.ts';
import type { DigestArticle } from '../src/core/digest/types.ts';
import { decodeBytes } from '../src/core/ingest/decode.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { groupStories } from '../src/core/stories/group.ts';
import { contentTerms } from '../src/core/text/terms.ts';
import { rouge, type Rouge } from './rouge.ts';

export const BBC_DIR = resolve(import.meta.dirname, '..', '..', 'shared', 'corpora', 'bbc');

/** The BBC corpus root (holding articles/ and summaries/), given it or its articles/ folder. */
export function bbcRoot(dir: string): string {
  return !existsSync(join(dir, 'articles')) && basename(dir) === 'articles' ? dirname(dir) : dir;
}

export interface RougeRow extends Rouge {
  system: string;
}

export interface RougeResult {
  articles: number;
  rows: RougeRow[];
  ms: number;
}

interface BbcDoc {
  sentences: string[];
  reference: string;
}

/** A reference summary's text: UTF-8, else Latin-1 (as the corpus's one Windows-1252 file). */
function referenceText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function loadBbc(dir: string): BbcDoc[] {
  const docs: BbcDoc[] = [];
  for (const section of readdirSync(join(dir, 'articles')).sort()) {
    for (const file of readdirSync(join(dir, 'articles', section)).sort()) {
      const decoded = decodeBytes(readFileSync(join(dir, 'articles', section, file)));
      const refPath = join(dir, 'summaries', section, file);
      if (!decoded.ok || !existsSync(refPath)) continue;
      const [article] = parseArticles(`${section}/${file}`, decoded.text);
      if (!article) continue;
      // A reference is a reference, not an article to judge as prose (its sentences run together).
      docs.push({ sentences: article.sentences.map((s) => s.text), reference: referenceText(readFileSync(refPath)) });
    }
  }
  return docs;
}

function idfOf(docs: BbcDoc[]): (t: string) => number {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d.sentences.flatMap((s) => contentTerms(s)))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
}

/** The baseline of Radev et al.: the sentences whose tf-idf vectors stand closest to the article's centroid. */
function centroidSummary(sentences: string[], idf: (t: string) => number, k: number): string[] {
  // Raw tf-idf sentence vectors; the centroid is their sum (cosine ignores its length).
  const vecs = sentences.map((s) => {
    const v = new Map<string, number>();
    for (const t of contentTerms(s)) v.set(t, (v.get(t) ?? 0) + idf(t));
    const norm = Math.sqrt([...v.values()].reduce((a, w) => a + w * w, 0)) || 1;
    return new Map([...v].map(([t, w]) => [t, w / norm]));
  });
  const sum = new Map<string, number>();
  sentences.forEach((s) => {
    for (const t of contentTerms(s)) sum.set(t, (sum.get(t) ?? 0) + idf(t));
  });
  const c = centroid([sum]);
  return sentences
    .map((text, i) => ({ text, i, sim: cosine(vecs[i], c) }))
    .sort((a, b) => b.sim - a.sim || a.i - b.i)
    .slice(0, k)
    .sort((a, b) => a.i - b.i)
    .map((s) => s.text);
}

export function benchRouge(corpus = BBC_DIR, k = 3): RougeResult | null {
  const dir = bbcRoot(corpus);
  if (!existsSync(join(dir, 'articles')) || !existsSync(join(dir, 'summaries'))) return null;
  const started = performance.now();
  const docs = loadBbc(dir);
  const idf = idfOf(docs);
  const systems: Record<string, (d: BbcDoc) => string[]> = {
    'Lead-3': (d) => d.sentences.slice(0, k),
    'tf-idf centroid': (d) => centroidSummary(d.sentences, idf, k),
    'Sitrep digest summarizer': (d) => summarizeArticle(d.sentences, { max: k, idf }),
  };
  const rows = Object.entries(systems).map(([system, summarize]) => {
    const sum = { r1: 0, r2: 0, rl: 0 };
    for (const d of docs) {
      const r = rouge(summarize(d).join(' '), d.reference);
      sum.r1 += r.r1;
      sum.r2 += r.r2;
      sum.rl += r.rl;
    }
    return { system, r1: (100 * sum.r1) / docs.length, r2: (100 * sum.r2) / docs.length, rl: (100 * sum.rl) / docs.length };
  });
  return { articles: docs.length, rows, ms: performance.now() - started };
}

export function formatRouge(r: RougeResult): string {
  const lines = [`ROUGE F1 of 3-sentence summaries, ${r.articles} BBC articles (${(r.ms / 1000).toFixed(1)} s)`, '| system | ROUGE-1 | ROUGE-2 | ROUGE-L |', '| --- | --- | --- | --- |'];
  for (const row of r.rows) lines.push(`| ${row.system} | ${row.r1.toFixed(1)} | ${row.r2.toFixed(1)} | ${row.rl.toFixed(1)} |`);
  return lines.join('\n');
}

export interface BuildResult {
  articles: number;
  stories: number;
  /** Median of the runs, in ms. */
  ms: number;
  runs: number[];
}

const OUTLETS = ['BBC News', 'Wire One', 'Daily Two', 'Radio Three', 'Evening Four'];

/** Builds a digest over `n` BBC articles all published on one day (outlets assigned in turn); median of 3 runs. */
export function benchBuild(corpus = BBC_DIR, n = 1000): BuildResult | null {
  const dir = bbcRoot(corpus);
  if (!existsSync(join(dir, 'articles'))) return null;
  const articles: DigestArticle[] = [];
  const sections = readdirSync(join(dir, 'articles')).sort();
  const files = sections.map((s) => readdirSync(join(dir, 'articles', s)).sort().map((f) => `${s}/${f}`));
  // Take the sections in turn, so the day's news is mixed.
  for (let i = 0; articles.length < n && i < 1000; i++) {
    for (const list of files) {
      const file = list[i];
      if (!file || articles.length >= n) continue;
      const decoded = decodeBytes(readFileSync(join(dir, 'articles', file)));
      if (!decoded.ok) continue;
      const [a] = parseArticles(file, decoded.text);
      articles.push({ ...a, source: OUTLETS[articles.length % OUTLETS.length], published: '2026-03-01', addedAt: '2026-03-01T12:00:00Z', quotes: [], figures: [] });
    }
  }
  const window = { since: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-03-02T00:00:00Z') };
  const runs: number[] = [];
  let stories = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const d = buildDigest({ articles, window });
    runs.push(performance.now() - t);
    stories = d.stories.length;
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { articles: articles.length, stories, ms: sorted[1], runs };
}

export interface StoriesResult {
  articles: number;
  stories: number;
  multiArticle: number;
  /** Stories holding articles from two sections (should be 0). */
  mixed: number;
  copiesFolded: number;
  /** Grouping time, first run (cold stemmer cache) and second run, in ms. */
  coldMs: number;
  warmMs: number;
}

/** Groups every BBC article into stories: how long it takes, and whether any story mixes two sections. */
export function benchStories(corpus = BBC_DIR): StoriesResult | null {
  const dir = bbcRoot(corpus);
  if (!existsSync(join(dir, 'articles'))) return null;
  const articles = [];
  const section = new Map<string, string>();
  for (const s of readdirSync(join(dir, 'articles')).sort()) {
    for (const f of readdirSync(join(dir, 'articles', s)).sort()) {
      const decoded = decodeBytes(readFileSync(join(dir, 'articles', s, f)));
      if (!decoded.ok) continue;
      for (const a of parseArticles(`${s}/${f}`, decoded.text)) {
        articles.push(a);
        section.set(a.id, s);
      }
    }
  }
  let t = performance.now();
  const stories = groupStories(articles);
  const coldMs = performance.now() - t;
  t = performance.now();
  groupStories(articles);
  const warmMs = performance.now() - t;
  return {
    articles: articles.length,
    stories: stories.length,
    multiArticle: stories.filter((st) => st.articleIds.length > 1).length,
    mixed: stories.filter((st) => new Set([...st.articleIds, ...Object.keys(st.duplicates)].map((id) => section.get(id))).size > 1).length,
    copiesFolded: stories.reduce((n, st) => n + Object.keys(st.duplicates).length, 0),
    coldMs,
    warmMs,
  };
}

/** Runs all three and prints them. `corpus`: the BBC folder or its articles/ folder. */
export async function main(corpus = process.argv[2] ? resolve(process.argv[2]) : BBC_DIR): Promise<void> {
  const st = benchStories(corpus);
  if (!st) console.log(`digest bench: skipped stories, no corpus at ${corpus}`);
  else
    console.log(
      `Stories over ${st.articles} BBC articles: ${st.stories} stories (${st.multiArticle} with more than one article), ${st.mixed} mixing two sections, ${st.copiesFolded} copies folded; grouped in ${st.coldMs.toFixed(0)} ms cold, ${st.warmMs.toFixed(0)} ms warm`,
    );
  const r = benchRouge(corpus);
  if (!r) console.log(`digest bench: skipped ROUGE, no corpus at ${corpus}`);
  else console.log(formatRouge(r));
  const b = benchBuild(corpus);
  if (!b) console.log(`digest bench: skipped the build timing, no corpus at ${corpus}`);
  else
    console.log(
      `Digest over ${b.articles} articles in one day: built in ${b.ms.toFixed(0)} ms (median of ${b.runs.map((x) => x.toFixed(0)).join(', ')} ms; first run includes stemming warm-up) ${b.ms < 2000 ? 'under' : 'OVER'} the 2 s target`,
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
