#!/usr/bin/env node
// Picks the BBC articles of the held-out extraction set (issue 17) by a fixed rule, not by hand: every
// article path relative to the corpus folder ("business/001.txt"), sorted by SHA-1 of "extract:" + path,
// the first N that neither eval/ask nor eval/bbc uses (those take the first 56 paths by plain SHA-1).
//   node eval/extract/pick.mjs [CORPUS_DIR] [N]
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '../shared/corpora/bbc/articles';
const n = Number(process.argv[3] ?? 16);
const OTHER_SETS = 56;
const paths = readdirSync(dir).flatMap((section) => readdirSync(join(dir, section)).map((f) => `${section}/${f}`));
const sha1 = (s) => createHash('sha1').update(s).digest('hex');
const taken = new Set(paths.map((p) => ({ p, h: sha1(p) })).sort((a, b) => a.h.localeCompare(b.h)).slice(0, OTHER_SETS).map(({ p }) => p));
const picked = paths.filter((p) => !taken.has(p)).map((p) => ({ p, h: sha1(`extract:${p}`) })).sort((a, b) => a.h.localeCompare(b.h)).slice(0, n);
picked.forEach(({ p, h }, i) => console.log(`${i}\t${p}\t${h.slice(0, 10)}\t${p.replace('/', '-')}`));
