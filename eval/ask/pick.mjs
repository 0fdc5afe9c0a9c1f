#!/usr/bin/env node
// Picks the BBC articles the /ask evaluation sets are written from, by a fixed rule (not by hand): every
// article path relative to the corpus folder ("business/001.txt"), sorted by its SHA-1; N of them from
// position OFFSET on. Positions 0-55 are the development set (both of its former halves); positions 56 on
// are the held-out set written in the second round (see README.md).
//   node eval/ask/pick.mjs [CORPUS_DIR] [N] [OFFSET]
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '../shared/corpora/bbc/articles';
const n = Number(process.argv[3] ?? 56);
const offset = Number(process.argv[4] ?? 0);
if (!Number.isInteger(n) || n < 0 || !Number.isInteger(offset) || offset < 0) throw new Error('N and OFFSET must be whole numbers of 0 or more');
const paths = readdirSync(dir).flatMap((section) => readdirSync(join(dir, section)).map((f) => `${section}/${f}`));
const sha1 = (s) => createHash('sha1').update(s).digest('hex');
const sorted = paths.map((p) => ({ p, h: sha1(p) })).sort((a, b) => a.h.localeCompare(b.h));
sorted.slice(offset, offset + n).forEach(({ p, h }, i) => console.log(`${offset + i}\t${offset + i < 56 ? 'dev' : 'heldout'}\t${p}\t${h.slice(0, 10)}`));
