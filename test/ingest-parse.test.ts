import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { isFurniture } from '../src/core/ingest/furniture.ts';
import { readByline } from '../src/core/ingest/byline.ts';
import { SAMPLES_DIR, SAMPLE_CLEAN, SAMPLE_SLOPPY } from './helpers/sitrep.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'formats');
const sample = (file: string) => parseArticles(file, readFileSync(join(SAMPLES_DIR, file), 'utf8'))[0];
const fixture = (file: string) => parseArticles(file, readFileSync(join(FIXTURES, file), 'utf8'));

describe('a plain-text article from a clean outlet', () => {
  const a = sample(SAMPLE_CLEAN);

  it('takes the first line as its title', () => {
    expect(a.title).toBe('US Official: Russian Missiles Aimed at Syria Crash in Iran');
  });

  it('reads "by VOA News October 08, 2015" as the byline: source VOA News, published 2015-10-08', () => {
    expect(a.source).toBe('VOA News');
    expect(a.published).toBe('2015-10-08');
    expect(a.paragraphs.join(' ')).not.toMatch(/by VOA News/);
  });

  it('keeps section headings as headings, never glued to the next sentence', () => {
    expect(a.headings).toEqual(['NATO rapid response force', 'Military risks', "'End of Cold War'", 'Defensive move', 'Weakened IS']);
    expect(a.sentences.some((s) => s.text.startsWith('NATO rapid response force'))).toBe(false);
    const stoltenberg = a.sentences.find((s) => s.text.includes("Stoltenberg's comments came in Brussels"));
    expect(stoltenberg?.heading).toBe('NATO rapid response force');
  });

  it('drops the mailing-list line at the foot of the page', () => {
    expect(a.paragraphs.join(' ')).not.toMatch(/mailing list/i);
    expect(a.paragraphs.at(-1)).toMatch(/^Carla Babb contributed/);
  });
});

describe('a sloppy rewrite with site boilerplate', () => {
  const a = sample(SAMPLE_SLOPPY);

  it('reads the category line above the title as categories', () => {
    expect(a.categories).toEqual(['Syrian War', 'War and Conflict']);
    expect(a.title).toBe('US Claims Russian Missiles Hit Iran Instead of Syria');
  });

  it('drops the comment form and the job-board advert at the foot', () => {
    const body = a.paragraphs.join(' ');
    for (const furniture of ['Leave a Comment', 'Your email address will not be published', 'Required fields are marked', 'JOIN NOW', 'Security-Cleared'])
      expect(body).not.toContain(furniture);
    expect(a.paragraphs.at(-1)).toMatch(/not the Islamic State\.$/);
  });
});

describe('page furniture', () => {
  it('is recognised by what it asks of the reader, not by a list of sites', () => {
    for (const line of ['Leave a Comment', 'Join the mailing list', 'Subscribe now for unlimited access', 'Share this article', 'Sign up for our newsletter', 'Click here to read more', '© 2019 Metro Herald. All rights reserved.'])
      expect(isFurniture(line), line).toBe(true);
  });

  it('is never a sentence of news, even a short one', () => {
    for (const line of ['The official said there has been no information on damage.', 'Russia insists its air bombardments primarily target the Islamist extremist group and its allies.', 'Carla Babb contributed to this report from the Pentagon.'])
      expect(isFurniture(line), line).toBe(false);
  });
});

describe('bylines', () => {
  it('separate a person from their outlet and date', () => {
    expect(readByline('By Jane Smith, Reuters | March 3, 2019')).toEqual({ byline: 'Jane Smith, Reuters', source: 'Reuters', published: '2019-03-03' });
  });

  it('are not any sentence that happens to start with "by"', () => {
    expect(readByline('By the end of the week, officials said, the border had reopened to traffic from the south.')).toBeNull();
  });
});

describe('sentence splitting', () => {
  const split = (text: string) => parseArticles('x.txt', `Title line\n\n${text}`)[0].sentences.map((s) => s.text);

  it('survives "U.S.", "Gen.", "a.m." and "No. 2"', () => {
    expect(split('Gen. Ali Ayoub met U.S. officials at 10 a.m. on Thursday. He is the army\'s No. 2 commander. The talks ended late.')).toEqual([
      'Gen. Ali Ayoub met U.S. officials at 10 a.m. on Thursday.',
      "He is the army's No. 2 commander.",
      'The talks ended late.',
    ]);
  });

  it('keeps an ellipsis with the sentence it ends', () => {
    const s = split("'This will have consequences for Russia itself. ... In coming days, the Russians will begin to suffer from casualties,' Carter said at the meeting.");
    expect(s[0]).toBe("'This will have consequences for Russia itself. ...");
    expect(s[1]).toMatch(/^In coming days/);
  });

  it('splits a quotation that runs over several sentences without losing its closing mark', () => {
    const s = split('"It is clear from Ankara that they see this as a hostile act. They are very worried," Nilsson said. NATO met on Thursday.');
    expect(s).toEqual(['"It is clear from Ankara that they see this as a hostile act.', 'They are very worried," Nilsson said.', 'NATO met on Thursday.']);
  });
});

describe('other formats', () => {
  it('reads an HTML page: metadata from its meta tags, body from the article, furniture left out', () => {
    const [a] = fixture('council-vote.html');
    expect(a).toMatchObject({ title: 'Council approves new transit line', source: 'Metro Herald', published: '2019-03-14', url: 'https://example.org/news/transit-line' });
    expect(a.headings).toEqual(['What happens next']);
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs.join(' ')).not.toMatch(/newsletter|Share this|All rights reserved|Most read|tracker/);
  });

  it('reads Markdown with front matter, headings and a call to action at the foot', () => {
    const [a] = fixture('flood-warning.md');
    expect(a).toMatchObject({ title: 'Flood warnings issued along the river', source: 'Valley Gazette', published: '2020-02-16', categories: ['Weather', 'Local'] });
    expect(a.headings).toEqual(['Evacuations']);
    expect(a.paragraphs.join(' ')).not.toMatch(/mailing list/);
  });

  it('reads a JSON list of articles under their many field names', () => {
    const [port, ferry] = fixture('wire.json');
    expect(port).toMatchObject({ title: 'Port strike ends after three weeks', source: 'Coastal Wire', published: '2021-06-02' });
    expect(port.paragraphs).toHaveLength(2);
    expect(ferry).toMatchObject({ title: 'Ferry service resumes', source: 'Coastal Wire', published: '2021-06-03' });
    expect(port.id).not.toBe(ferry.id);
  });

  it('names the problem in broken JSON', () => {
    expect(() => parseArticles('broken.json', '{"title": "Cut off', undefined)).toThrow(/is not valid JSON/);
  });
});
