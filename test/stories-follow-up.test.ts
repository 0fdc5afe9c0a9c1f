// Follow-ups join their story: articles that update an event in new headline words join it when they name
// the same people, places and figures (src/core/stories/same-event.ts), measured on a set written for it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { groupStories } from '../src/core/stories/group.ts';
import { eventSignature, isSameEvent, rarityFrom, sameEventScore } from '../src/core/stories/same-event.ts';
import { HELD_OUT_FILE, loadEvents, pairwise } from './helpers/pairwise.ts';

const FERRY = join(import.meta.dirname, 'fixtures', 'ferry');
const ferry = readdirSync(FERRY).sort().flatMap((f) => parseArticles(f, readFileSync(join(FERRY, f), 'utf8')));

describe('an event signature', () => {
  it('holds the names, places and figures an article reports, not its sentence openers or weekdays', () => {
    const sig = eventSignature(ferry[0]);
    expect(sig.names.has('joseph okello')).toBe(true);
    expect(sig.names.has('okello')).toBe(true);
    expect(sig.places.has('bukakata')).toBe(true);
    expect(sig.figures.has('250')).toBe(true);
    expect(sig.names.has('monday')).toBe(false);
    expect(sig.names.has('the')).toBe(false);
  });

  it('scores a follow-up in new headline words as the same event, and an unrelated report as not', () => {
    const sigs = ferry.map(eventSignature);
    const rarity = rarityFrom(sigs);
    const followUp = sigs[4];
    expect(isSameEvent(sigs[1], followUp, rarity)).toBe(true);
    expect(sameEventScore(sigs[1], followUp, rarity).shared).toEqual(expect.arrayContaining(['okello', 'bukakata', '96']));
    const other = eventSignature({ title: 'Council approves cycle lanes', paragraphs: ['The city council approved 14 kilometres of new cycle lanes on Wednesday, councillor Ruth Okafor said.'] });
    expect(isSameEvent(sigs[1], other, rarity)).toBe(false);
  });
});

describe('grouping with follow-ups', () => {
  it('puts the ferry follow-up ("Divers end search as Bukakata toll reaches 51") in the story of the sinking', () => {
    const stories = groupStories(ferry);
    expect(stories).toHaveLength(1);
    expect(stories[0].articleIds).toHaveLength(5);
    // without the follow-up evidence the follow-up and the first report stay stories of their own
    expect(groupStories(ferry, { followUps: false }).length).toBeGreaterThan(1);
  });

  it('joins 10 events told by three outlets over two or three days, and keeps unrelated articles apart', () => {
    const { gold, inputs } = loadEvents();
    const withFollowUps = pairwise(groupStories(inputs), gold);
    const without = pairwise(groupStories(inputs, { followUps: false }), gold);
    expect(withFollowUps.truePairs).toBe(45);
    expect(withFollowUps.precision).toBeGreaterThanOrEqual(0.95);
    expect(withFollowUps.recall).toBeGreaterThanOrEqual(0.9);
    expect(without.recall).toBeLessThan(0.2);
  });

  it('joins the events of a held-out set written after the rule was fixed (4 events, 3 unrelated articles)', () => {
    const { gold, inputs } = loadEvents(HELD_OUT_FILE);
    const scored = pairwise(groupStories(inputs), gold);
    expect(scored.truePairs).toBe(15);
    expect(scored.precision).toBeGreaterThanOrEqual(0.9);
    expect(scored.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('does not join undated articles by names alone (another story about the same people is as likely)', () => {
    const undated = ferry.map((a) => ({ ...a, published: null }));
    expect(groupStories(undated).length).toBeGreaterThan(1);
  });
});
