#!/usr/bin/env node
// Scores a gold set in two halves split by a fixed rule (documents in name order, even and odd positions),
// so a rule can be checked on both: a change that helps one half only is fitted to it.
//   node eval/extract/halves.mjs --gold G.json --data DIR [--only quotes]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const gold = JSON.parse(readFileSync(opt('gold'), 'utf8'));
const data = resolve(opt('data'));
const only = opt('only', 'quotes');
const docs = Object.keys(gold.documents).sort();
for (const half of [0, 1]) {
  const keep = new Set(docs.filter((_, i) => i % 2 === half));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-half-'));
  for (const d of keep) copyFileSync(join(data, d), join(dir, d));
  const part = {
    ...gold,
    documents: Object.fromEntries([...keep].map((d) => [d, gold.documents[d]])),
    quotes: (gold.quotes ?? []).filter((q) => keep.has(q.doc)),
    numbers: (gold.numbers ?? []).filter((n) => keep.has(n.doc)),
    speakers: [],
  };
  writeFileSync(join(dir, '.gold.json'), JSON.stringify(part));
  const out = execFileSync('node', [join(root, '..', 'shared', 'eval', 'score.mjs'), '--gold', join(dir, '.gold.json'), '--data', dir, '--cmd', 'node bin/sitrep.js', '--only', only], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = out.split('\n').filter((l) => /^(quotes|speakers|numbers):/.test(l));
  console.log(`${half === 0 ? 'even' : 'odd'} (${keep.size} documents): ${lines.join(' | ')}`);
  rmSync(dir, { recursive: true, force: true });
}
