#!/usr/bin/env node
// Scores Sitrep on the held-out extraction set in this folder (issue 17): quotes with ../shared/eval/score.mjs (the
// Gender Gap Tracker's protocol) on quotes.gold.json, figures here on figures.gold.json by value, value + unit
// and value + change.
//   node eval/extract/score.mjs [quotes|figures] [--corpus ../shared/corpora/bbc/articles]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const facet = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'both';
if (!['quotes', 'figures', 'both'].includes(facet)) {
  console.error('usage: node eval/extract/score.mjs [quotes|figures] [--corpus DIR]');
  process.exit(2);
}
const at = process.argv.indexOf('--corpus');
const corpus = at > 0 ? process.argv[at + 1] : join(root, '..', 'shared', 'corpora', 'bbc', 'articles');
const scorer = join(root, '..', 'shared', 'eval', 'score.mjs');
if (!existsSync(corpus)) {
  console.error(`no BBC corpus at ${corpus} (pass --corpus DIR)`);
  process.exit(2);
}

// "politics-001.txt" is politics/001.txt of the corpus
function dataFolder(gold) {
  const data = mkdtempSync(join(tmpdir(), 'sitrep-extract-'));
  for (const doc of Object.keys(gold.documents)) {
    const [section, file] = doc.split('-');
    copyFileSync(join(corpus, section, file), join(data, doc));
  }
  return data;
}

if (facet !== 'figures' && existsSync(scorer)) {
  const goldPath = join(here, 'quotes.gold.json');
  const data = dataFolder(JSON.parse(readFileSync(goldPath, 'utf8')));
  const out = execFileSync('node', [scorer, '--gold', goldPath, '--data', data, '--cmd', 'node bin/sitrep.js', '--only', 'quotes'], { cwd: root, encoding: 'utf8' });
  process.stdout.write(out.split('\n').filter((l) => !l.startsWith('score:')).join('\n'));
  rmSync(data, { recursive: true, force: true });
}
if (facet === 'quotes') process.exit(0);

const gold = JSON.parse(readFileSync(join(here, 'figures.gold.json'), 'utf8'));
const data = dataFolder(gold);
const db = join(mkdtempSync(join(tmpdir(), 'sitrep-bbc-db-')), 'index.db');
const got = JSON.parse(execFileSync('node', ['bin/sitrep.js', '--data', data, '--db', db, 'numbers', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 })).numbers
  .filter((n) => !/date|time/.test(String(n.kind)));
const norm = (s) => String(s ?? '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
const unitOf = (u) => norm(u).replace(/^(?:percent|%)$/, 'per cent');
const docOf = (n) => String(n.article?.file ?? '').split('/').pop();
const sameRange = (a, b) => Array.isArray(a) && Array.isArray(b) && a[0] === b[0] && a[1] === b[1];
const valueMatch = (n, g) => docOf(n) === g.doc && (Math.abs(Number(n.value) - g.value) < 1e-9 || sameRange(n.range, g.range))
  && g.counted.some((c) => norm(`${n.counted ?? ''} ${n.text ?? ''}`).includes(norm(c)));

const used = new Map();
const ordered = [...gold.numbers].sort((a, b) => Number(b.required) - Number(a.required));
const missed = [];
for (const g of ordered) {
  const n = got.find((x) => !used.has(x) && valueMatch(x, g));
  if (n) used.set(n, g);
  else if (g.required) missed.push(g);
}
const pairs = [...used].filter(([, g]) => g.required);
const reported = got.length - [...used.values()].filter((g) => !g.required).length;
const required = gold.numbers.filter((g) => g.required).length;
const f1 = (tp) => {
  const p = reported ? tp / reported : 0, r = required ? tp / required : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const pct = (x) => (100 * x).toFixed(1);
const line = (name, tp) => {
  const { p, r, f } = f1(tp);
  return `${name} F1 ${pct(f)} (precision ${pct(p)}%, recall ${pct(r)}%)`;
};
const unitRight = pairs.filter(([n, g]) => g.unit === 'any' || unitOf(n.unit) === unitOf(g.unit));
const changeRight = pairs.filter(([n, g]) => g.change === 'any' || (n.change ?? null) === (g.change ?? null));
console.log(`figures (${required} required in ${Object.keys(gold.documents).length} articles, ${reported} reported): ${line('value', pairs.length)}; ${line('value + unit', unitRight.length)}; ${line('value + change', changeRight.length)}`);
for (const g of missed) console.log(`  missed: ${g.value} ${g.counted[0]} (${g.key})`);
for (const [n, g] of pairs) if (!unitRight.some(([m]) => m === n)) console.log(`  wrong unit: ${n.unit} for ${g.unit} (${g.key})`);
for (const [n, g] of pairs) if (!changeRight.some(([m]) => m === n)) console.log(`  wrong change: ${n.change ?? null} for ${g.change ?? null} (${g.key})`);
for (const n of got.filter((x) => !used.has(x))) console.log(`  not in the gold: ${n.value} [${n.counted}] "${n.text}" (${docOf(n)})`);
rmSync(data, { recursive: true, force: true });
rmSync(dirname(db), { recursive: true, force: true });
