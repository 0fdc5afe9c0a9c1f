#!/usr/bin/env node
// Picks the BBC articles the /ask development set is written from, by a fixed rule (not by hand):
// every article path relative to the corpus folder ("business/001.txt"), sorted by its SHA-1, the first N.
// Position in that order decides the half: even positions are the dev half, odd the held-out half.
//   node eval/ask/pick.mjs [CORPUS_DIR] [N]
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '../shared/corpora/bbc/articles';
const n = Number(process.argv[3] ?? 56);
const paths = readdirSync(dir).flatMap((section) => readdirSync(join(dir, section)).map((f) => `${section}/${f}`));
const sha1 = (s) => createHash('sha1').update(s).digest('hex');
const picked = paths.map((p) => ({ p, h: sha1(p) })).sort((a, b) => a.h.localeCompare(b.h)).slice(0, n);
picked.forEach(({ p, h }, i) => console.log(`${i}\t${i % 2 === 0 ? 'dev' : 'heldout'}\t${p}\t${h.slice(0, 10)}`));
