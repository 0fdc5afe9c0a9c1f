import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractFigures } from '../src/core/numbers/extract.ts';
import { compatible, groupFigures } from '../src/core/numbers/agreement.ts';
import { refOf, type Figure, type WithArticle } from '../src/core/types.ts';

const figuresOf = (file: string, text: string): WithArticle<Figure>[] =>
  parseArticles(file, text).flatMap((a) => extractFigures(a).map((f) => ({ ...f, article: refOf(a) })));
const sample = (file: string) => figuresOf(file, readFileSync(new URL(`./fixtures/samples/${file}`, import.meta.url), 'utf8'));

describe('agreement between the two sample reports', () => {
  const groups = groupFigures([...sample('000_1c765ed5a3505be5.txt'), ...sample('004_d812bad6fd6cf605.txt')]);
  const about = (value: number) => groups.filter((g) => g.values.some((v) => v.value === value) && g.counted?.endsWith('missiles'));

  it('puts the four missiles that crashed in Iran in one group both sources agree on', () => {
    const [g, ...rest] = about(4);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ agree: true, differ: false, sources: 2, kind: 'count' });
    expect(g.values[0].articles.map((a) => a.file).sort()).toEqual(['000_1c765ed5a3505be5.txt', '004_d812bad6fd6cf605.txt']);
    expect(g.label).toBe('cruise missiles crashed in Iran');
  });

  it('puts the 26 cruise missiles launched in one agreeing group, with every mention', () => {
    const [g, ...rest] = about(26);
    expect(rest).toEqual([]);
    expect(g).toMatchObject({ agree: true, sources: 2, counted: 'cruise missiles' });
    expect(g.values[0].figures).toHaveLength(3);
    expect(g.label).toMatch(/^cruise missiles launched/);
  });

  it('never joins 4 and 26 missiles, which count different things', () => {
    expect(groups.some((g) => g.values.length > 1 && g.counted?.endsWith('missiles'))).toBe(false);
    expect(groups.filter((g) => g.differ)).toEqual([]);
  });
});

describe('differences between sources', () => {
  it('flags two reports giving 12 and 15 killed in one attack', () => {
    const a = figuresOf('a.txt', 'Bombing in Kabul\n\nAt least 12 people were killed when a suicide bomber struck a crowded market in Kabul on Tuesday, police said.');
    const b = figuresOf('b.txt', 'Kabul market attack\n\nA suicide bomber killed 15 people at a busy market in central Kabul, officials said.');
    const [g] = groupFigures([...a, ...b]);
    expect(g).toMatchObject({ agree: false, differ: true, sources: 2, counted: 'people' });
    expect(g.values.map((v) => v.value).sort()).toEqual([12, 15]);
    expect(g.values.every((v) => v.figures[0].sentence.includes(String(v.value)))).toBe(true);
  });

  it('compares "12 dead" with "15 people killed" as one toll', () => {
    const a = figuresOf('a.txt', 'Blast\n\nThe blast in the market in Quetta left 12 dead, police said.');
    const b = figuresOf('b.txt', 'Quetta\n\nA bomb in a crowded Quetta market killed 15 people, officials said.');
    const [g] = groupFigures([...a, ...b]);
    expect(g).toMatchObject({ differ: true, sources: 2 });
  });

  it('does not flag different things that merely share a noun', () => {
    const a = figuresOf('a.txt', "Strikes\n\nRussia's air force hit 27 Islamic State targets overnight in the Syrian provinces of Homs, Hama and Raqqa.");
    const b = figuresOf('b.txt', 'Missiles\n\nRussian officials had said 26 cruise missiles were launched at 11 Islamic State targets, which were destroyed.');
    const groups = groupFigures([...a, ...b]);
    const targets = groups.filter((g) => g.counted === 'targets');
    expect(targets).toHaveLength(2);
    expect(targets.every((g) => g.agree && g.sources === 1)).toBe(true);
  });

  it('leaves dates out of the comparison', () => {
    const a = figuresOf('a.txt', 'Vote\n\nThe vote took place on October 8, 2015, with 300 observers.');
    expect(groupFigures(a).map((g) => g.kind)).toEqual(['count']);
  });
});

describe('what counts as the same value', () => {
  it('takes a rounded or truncated figure as agreeing with the exact one', () => {
    expect(compatible(27e9, 27.5e9)).toBe(true);
    expect(compatible(9.3e9, 9.37e9)).toBe(true);
    expect(compatible(9.3e9, 9.4e9)).toBe(false);
    expect(compatible(26, 27)).toBe(false);
  });

  it('groups "$27bn" and "$27.5bn" for one tax bill as agreeing', () => {
    const a = figuresOf('a.txt', 'Yukos\n\nYukos was forced to sell the unit to meet a $27bn back-tax bill from the Russian government.');
    const b = figuresOf('b.txt', 'Yukos sale\n\nThe Russian government sold the unit to settle a $27.5bn back-tax bill owed by Yukos.');
    const [g] = groupFigures([...a, ...b]);
    expect(g).toMatchObject({ agree: true, differ: false, sources: 2, counted: 'back-tax bill' });
  });

  it('leaves a sum repeated in brackets in another currency out of the comparison', () => {
    const a = figuresOf('a.txt', 'Sale\n\nRosneft bought the unit for $9.3bn (£5bn) at the auction.');
    expect(a.find((f) => f.unit === 'GBP')?.conversion).toBe(true);
    expect(groupFigures(a).every((g) => g.unit !== 'GBP')).toBe(true);
  });

  it('takes troops and soldiers as one thing, and a value inside a range as agreeing', () => {
    const a = figuresOf('a.txt', 'Deployment\n\nNATO will send between 3,000 and 4,000 troops to Poland next year, officials said.');
    const b = figuresOf('b.txt', 'NATO plan\n\nNATO officials said 3,500 soldiers would be sent to Poland next year.');
    const [g] = groupFigures([...a, ...b]);
    expect(g).toMatchObject({ sources: 2, agree: true, differ: false });
  });

  it('does not compare values said of different names', () => {
    const a = figuresOf('a.txt', 'Oscars\n\nAt the Oscars, The Aviator leads the field with 11 nominations this year.');
    const b = figuresOf('b.txt', 'Oscars race\n\nAt the Oscars, Million Dollar Baby has seven nominations this year.');
    expect(groupFigures([...a, ...b]).some((g) => g.differ)).toBe(false);
  });
});
