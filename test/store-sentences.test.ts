// What /ask reads of the articles it ranks: each article's reference and its sentences, in order, and
// nothing else (no body, quotes or figures), from the store behind its interface.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refOf } from '../src/core/types.ts';
import type { Store } from '../src/store/store.ts';
import { tempSitrep } from './helpers/sitrep.ts';

const FERRY = 'Ferry capsizes on Lake Victoria\n\nA ferry capsized on Lake Victoria on Monday. It was carrying 40 passengers.\n\nRescuers found 12 of them.';
const BAKERY = 'Bakery chain closes\n\nThe Crumbs bakery chain was set up in 1953.';

/** Runs `check` on an index of the two articles above, then removes it. */
async function withFerryAndBakery(check: (store: Store) => void): Promise<void> {
  const local = tempSitrep();
  try {
    writeFileSync(join(local.dataDir, 'ferry.txt'), FERRY);
    writeFileSync(join(local.dataDir, 'bakery.txt'), BAKERY);
    await local.sitrep.sync();
    check(local.sitrep.store);
  } finally {
    local.cleanup();
  }
}

describe('the sentences of articles, as /ask ranks them', () => {
  it('are each article\'s reference and its sentences in order, with their paragraphs, as the full article holds them', async () => {
    await withFerryAndBakery((store) => {
      const ids = [...store.eachArticle()].map((a) => a.id);
      for (const got of store.articleSentences(ids)) {
        const full = store.article(got.id)!;
        expect({ ...got, sentences: undefined }).toEqual({ ...refOf(full), sentences: undefined });
        expect(got.sentences).toEqual(full.sentences.map((s) => ({ index: s.index, paragraph: s.paragraph, text: s.text })));
      }
      const ferry = store.articleSentences(ids).find((a) => a.file === 'ferry.txt')!;
      expect(ferry.title).toBe('Ferry capsizes on Lake Victoria');
      expect(ferry.sentences.map((s) => s.text)).toEqual(['A ferry capsized on Lake Victoria on Monday.', 'It was carrying 40 passengers.', 'Rescuers found 12 of them.']);
      expect(ferry.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
      expect(ferry.sentences[0].paragraph).toBe(ferry.sentences[1].paragraph);
      expect(ferry.sentences[2].paragraph).not.toBe(ferry.sentences[1].paragraph);
    });
  });

  it('come in the order the ids were asked, leaving out ids the index does not hold', async () => {
    await withFerryAndBakery((store) => {
      const [a, b] = [...store.eachArticle()].map((x) => x.id);
      expect(store.articleSentences([b, 'no-such-article', a]).map((x) => x.id)).toEqual([b, a]);
      expect(store.articleSentences([])).toEqual([]);
    });
  });

  it('give a full-text hit that refers back the sentence before it as context, with its headline, in either search order', async () => {
    await withFerryAndBakery((store) => {
      for (const order of ['rank', 'newest'] as const) {
        const [carrying] = store.searchSentences(['passengers'], 5, undefined, true, order);
        expect(carrying.text).toBe('It was carrying 40 passengers.');
        expect(carrying.context).toBe('Ferry capsizes on Lake Victoria A ferry capsized on Lake Victoria on Monday.');
        const first = store.searchSentences(['capsized', 'monday'], 5, undefined, true, order).find((h) => h.index === 0)!;
        expect(first.text).toBe('A ferry capsized on Lake Victoria on Monday.');
        expect(first.context).toBe('Ferry capsizes on Lake Victoria');
        const [rescuers] = store.searchSentences(['rescuers'], 5, undefined, true, order);
        expect(rescuers.context).toBe('Ferry capsizes on Lake Victoria'); // it does not refer back
      }
    });
  });
});
