// Stories: articles about one event from different outlets are one story; one article arriving twice is one
// article; unrelated articles stay apart.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/core/ingest/decode.ts';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { canonicalUrl } from '../src/core/stories/duplicates.ts';
import { groupStories, type StoryInput } from '../src/core/stories/group.ts';
import { articleVectors, cosine } from '../src/core/stories/vectors.ts';
import type { ParsedArticle } from '../src/core/types.ts';

const DATA = join(import.meta.dirname, 'fixtures', 'samples');
const BBC = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'bbc', 'articles');

function samples(): ParsedArticle[] {
  return readdirSync(DATA).sort().flatMap((f) => parseArticles(f, readFileSync(join(DATA, f), 'utf8')));
}

function article(file: string, text: string, extra: Partial<StoryInput> = {}): StoryInput {
  return { ...parseArticles(file, text)[0], ...extra };
}

const QUAKE = `Earthquake kills dozens in eastern Turkey

A magnitude 6.8 earthquake struck eastern Turkey on Friday evening, killing at least 29 people and injuring more than 1,400, the country's disaster agency said.

The quake was centred near the town of Sivrice in Elazig province and was felt across the region, bringing down buildings and sending people fleeing into the freezing streets.

Rescue teams worked through the night to free people trapped under the rubble of collapsed apartment blocks in Elazig and Malatya.`;

const QUAKE_OTHER_OUTLET = `Turkey earthquake: rescuers search rubble as death toll rises to 29

Rescuers in eastern Turkey searched through the rubble of collapsed buildings on Saturday after a powerful earthquake killed at least 29 people.

The magnitude 6.8 quake hit Elazig province on Friday evening, the disaster agency said, and more than 1,400 people were injured.

In Sivrice, near the epicentre, people spent the freezing night outdoors, afraid to return to damaged homes, while rescue teams in Elazig and Malatya pulled survivors from the rubble.`;

const BUDGET = `City council approves school budget after long debate

The city council approved a $2.4 billion school budget on Tuesday after a nine-hour debate over teacher pay and class sizes.

Council members voted 9 to 4 for the plan, which adds 300 teaching posts and raises the pay of new teachers by 6 percent.

Parents who packed the chamber cheered the vote, though several members warned the city would need to raise property taxes next year to pay for it.`;

const FINAL = `Rovers win the cup final on penalties

Rovers won the cup final on penalties on Saturday after a goalless two hours against United at a sold-out national stadium.

Their goalkeeper saved two spot kicks in the shoot-out, and the captain scored the winning penalty to give the club its first trophy in 30 years.

Thousands of fans celebrated in the town centre late into the night.`;

describe('stories', () => {
  it('puts the two sample articles from different outlets about the missiles in one story', () => {
    const stories = groupStories(samples());
    expect(stories).toHaveLength(1);
    expect(stories[0].articleIds).toHaveLength(2);
  });

  it('keeps unrelated articles apart, even next to the samples', () => {
    const stories = groupStories([...samples(), article('quake.txt', QUAKE), article('budget.txt', BUDGET), article('final.txt', FINAL)]);
    expect(stories.map((s) => s.articleIds.length).sort()).toEqual([1, 1, 1, 2]);
  });

  it('folds an exact copy into one article', () => {
    const a = article('a.txt', QUAKE);
    const b = article('copy/a.txt', QUAKE);
    const stories = groupStories([a, b]);
    expect(stories).toHaveLength(1);
    expect(stories[0].articleIds).toEqual([a.id]);
    expect(stories[0].duplicates).toEqual({ [b.id]: a.id });
  });

  it('keeps the first publication of a re-post with a new date and an edited line', () => {
    const first = article('first.txt', QUAKE, { published: '2020-01-24' });
    const edited = QUAKE.replace('killing at least 29 people', 'killing at least 31 people');
    const repost = article('repost.txt', edited, { published: '2020-01-25' });
    const [story, ...rest] = groupStories([repost, first]);
    expect(rest).toHaveLength(0);
    expect(story.articleIds).toEqual([first.id]);
    expect(story.duplicates[repost.id]).toBe(first.id);
  });

  it('treats two addresses of one page (tracking, www, amp) as one article', () => {
    const a = article('a.txt', QUAKE, { url: 'https://www.example.com/world/quake-turkey?utm_source=twitter' });
    const b = article('b.txt', `${QUAKE}\n\nRead more on our site.`, { url: 'http://example.com/world/quake-turkey/amp/' });
    expect(canonicalUrl(a.url)).toBe(canonicalUrl(b.url));
    expect(groupStories([a, b])).toHaveLength(1);
  });

  it("merges two outlets' reports of the quake from the same day, but not when they are weeks apart", () => {
    const a = (published: string) => article('a.txt', QUAKE, { published, source: 'Wire One' });
    const b = (published: string) => article('b.txt', QUAKE_OTHER_OUTLET, { published, source: 'Daily Two' });
    expect(groupStories([a('2020-01-24'), b('2020-01-25')])).toHaveLength(1);
    expect(groupStories([a('2020-01-24'), b('2020-02-20')])).toHaveLength(2);
  });

  it('does not chain: an article close to two unrelated ones does not make them one story', () => {
    const quake = article('quake.txt', QUAKE);
    const budget = article('budget.txt', BUDGET);
    // A round-up that tells both events, so it is close to each.
    const roundup = article('roundup.txt', `Earthquake and school budget: the day's news\n\n${QUAKE.split('\n\n').slice(1, 3).join('\n\n')}\n\n${BUDGET.split('\n\n').slice(1, 3).join('\n\n')}`);
    const loose = { threshold: 0.2, strong: 0.2 };
    // Each pair with the round-up is above the threshold, the quake and the budget far below it.
    const [q, r, b] = articleVectors([quake, roundup, budget]);
    expect(cosine(q, r)).toBeGreaterThan(loose.threshold);
    expect(cosine(r, b)).toBeGreaterThan(loose.threshold);
    expect(cosine(q, b)).toBeLessThan(0.05);
    const stories = groupStories([quake, roundup, budget], loose);
    const together = stories.find((s) => s.articleIds.includes(quake.id))!;
    expect(together.articleIds).not.toContain(budget.id);
  });

  it('groups an empty list into no stories', () => {
    expect(groupStories([])).toEqual([]);
  });
});

describe.skipIf(!existsSync(BBC))('stories on the BBC corpus (needs ../shared/corpora/bbc, absent in a plain clone)', () => {
  const articles: ParsedArticle[] = [];
  const section = new Map<string, string>();
  for (const s of existsSync(BBC) ? readdirSync(BBC).sort() : []) {
    for (const f of readdirSync(join(BBC, s)).sort()) {
      const decoded = decodeBytes(readFileSync(join(BBC, s, f)));
      if (!decoded.ok) continue;
      for (const a of parseArticles(`${s}/${f}`, decoded.text)) {
        articles.push(a);
        section.set(a.id, s);
      }
    }
  }
  const stories = groupStories(articles);

  it('never mixes articles from two sections in one story', () => {
    const mixed = stories.filter((st) => new Set([...st.articleIds, ...Object.keys(st.duplicates)].map((id) => section.get(id))).size > 1);
    expect(mixed.map((st) => st.title)).toEqual([]);
  });

  it('makes each exact duplicate pair one article', () => {
    const byHash = new Map<string, string[]>();
    for (const a of articles) byHash.set(a.contentHash, [...(byHash.get(a.contentHash) ?? []), a.id]);
    const pairs = [...byHash.values()].filter((ids) => ids.length > 1);
    expect(pairs.length).toBeGreaterThan(50);
    const shown = new Set(stories.flatMap((s) => s.articleIds));
    for (const ids of pairs) expect(ids.filter((id) => shown.has(id))).toHaveLength(1);
  });

  it('finds some multi-article stories, not only singletons', () => {
    expect(stories.filter((s) => s.articleIds.length > 1).length).toBeGreaterThan(30);
  });
});
