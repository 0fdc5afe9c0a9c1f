import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractFigures, figuresOfSentence } from '../src/core/numbers/extract.ts';
import type { Figure } from '../src/core/types.ts';

const figures = (sentence: string, published: string | null = '2015-10-08'): Figure[] => figuresOfSentence(sentence, published);
const counts = (sentence: string) => figures(sentence).filter((f) => f.kind !== 'date');
const one = (sentence: string): Figure => {
  const found = counts(sentence);
  expect(found, `one figure in: ${sentence}`).toHaveLength(1);
  return found[0];
};
const article = (file: string) => parseArticles(file, readFileSync(new URL(`./fixtures/samples/${file}`, import.meta.url), 'utf8'))[0];

describe('digits', () => {
  it('reads thousands separators and decimals', () => {
    expect(one('NATO agreed to double the size of its rapid response force, to 40,000 troops.')).toMatchObject({ value: 40000, counted: 'troops', kind: 'count' });
    expect(one('The average household now has 3.5 cars.')).toMatchObject({ value: 3.5, counted: 'cars' });
  });

  it('applies a magnitude written against the number or after it', () => {
    expect(one('The service now has 1.2m subscribers.')).toMatchObject({ value: 1_200_000, counted: 'subscribers' });
    expect(one('Almost 2.5 million people voted.')).toMatchObject({ value: 2_500_000, counted: 'people', qualifier: 'almost' });
  });
});

describe('money', () => {
  it('keeps the currency of a symbol, with its magnitude', () => {
    expect(one('Rent rose to £1,400 a month.')).toMatchObject({ value: 1400, unit: 'GBP', kind: 'money', per: 'month' });
    expect(one('The deal is worth €1.1bn.')).toMatchObject({ value: 1.1e9, unit: 'EUR', kind: 'money' });
    expect(one('Quarterly profits reached $1.13bn.')).toMatchObject({ value: 1.13e9, unit: 'USD' });
    expect(one('The firm offered to pay $5 billion to settle charges.')).toMatchObject({ value: 5e9, unit: 'USD', kind: 'money' });
  });

  it('reads magnitudes written out, abbreviated or hyphenated, and Indian ones', () => {
    expect(one('A $5.4-billion deal was signed.')).toMatchObject({ value: 5.4e9, unit: 'USD' });
    expect(one('Exports rose to 5.2 bln yuan.')).toMatchObject({ value: 5.2e9, unit: 'CNY' });
    expect(one('The project cost Rs 500 crore.')).toMatchObject({ value: 5e9, unit: 'INR' });
  });

  it('reads a currency named before the symbol and a price per unit', () => {
    expect(one('Light crude closed at US $58.24 per barrel.')).toMatchObject({ value: 58.24, unit: 'USD', per: 'barrel', text: 'US $58.24 per barrel' });
  });

  it('reads currency words after the number and keeps the direction of a move', () => {
    expect(one('Oil rose 19 cents in early trade.')).toMatchObject({ value: 19, unit: 'cents', kind: 'money', change: 'up' });
    expect(one('Shares fell four pence.')).toMatchObject({ value: 4, unit: 'pence', change: 'down' });
  });
});

describe('number words', () => {
  it('reads cardinals, hyphenated compounds and magnitudes', () => {
    expect(one('Four Russian cruise missiles crashed in Iran.')).toMatchObject({ value: 4, counted: 'cruise missiles' });
    expect(one('Police arrested twenty-six people overnight.')).toMatchObject({ value: 26, counted: 'people' });
    expect(one('The plan would cost three hundred and fifty thousand jobs.')).toMatchObject({ value: 350_000, counted: 'jobs' });
  });

  it('reads a dozen and fractions', () => {
    expect(one('A dozen soldiers were wounded.')).toMatchObject({ value: 12, counted: 'soldiers' });
    const f = one('Two-thirds of voters backed the plan.');
    expect(f.value).toBeCloseTo(2 / 3, 6);
    expect(f.counted).toBe('voters');
  });

  it('reads halves and quarters of a whole', () => {
    expect(one('Half the members voted against.')).toMatchObject({ value: 0.5, counted: 'members' });
    expect(one('Three-quarters of the staff left.')).toMatchObject({ value: 0.75, counted: 'staff' });
  });

  it('reads a share with nothing after it, and half a unit', () => {
    expect(one('Costs were cut by a third last year.')).toMatchObject({ change: 'down' });
    expect(one('Costs were cut by a third last year.').value).toBeCloseTo(1 / 3, 6);
    expect(one('More than a quarter have bought software.')).toMatchObject({ value: 0.25, qualifier: 'more than' });
    expect(one('The train was half an hour late.')).toMatchObject({ value: 0.5, kind: 'duration', unit: 'hours' });
    expect(counts('In the first half of 2015 the economy grew.')).toEqual([]);
  });

  it('takes "one" only when it plainly counts a noun', () => {
    expect(counts('No one was hurt, and one of the officials said it was the right thing.')).toEqual([]);
    expect(one('Only one soldier was hurt.')).toMatchObject({ value: 1, counted: 'soldier' });
  });
});

describe('percentages and measures', () => {
  it('reads per cent, percent and the sign as one unit', () => {
    expect(one('Unemployment fell by 10 per cent.')).toMatchObject({ value: 10, unit: 'per cent', kind: 'percent', change: 'down' });
    expect(one('Sales rose 10% last year.')).toMatchObject({ value: 10, unit: 'per cent', change: 'up' });
    expect(one('Turnout was 61.4 percent.')).toMatchObject({ value: 61.4, unit: 'per cent' });
  });

  it('reads units of measure', () => {
    expect(one('The convoy travelled 120 km.')).toMatchObject({ value: 120, unit: 'km', kind: 'measure' });
    expect(one('Winds reached 90 mph.')).toMatchObject({ value: 90, unit: 'mph' });
    expect(one('The ship carried 2,000 tonnes of grain.')).toMatchObject({ value: 2000, unit: 'tonnes', counted: 'grain', text: '2,000 tonnes of grain' });
    expect(one('The missiles flew more than 1,500 miles.')).toMatchObject({ value: 1500, unit: 'miles', qualifier: 'more than' });
  });
});

describe('durations', () => {
  it('reads a number of time units as a duration of that unit', () => {
    expect(one("For 40 years, NATO's central task was deterring Russia.")).toMatchObject({ value: 40, kind: 'duration', unit: 'years', text: '40 years' });
    expect(one('The coalition launched airstrikes in the previous 24 hours.')).toMatchObject({ value: 24, unit: 'hours', kind: 'duration' });
  });

  it('reads "a decade" after a word that makes it a length of time', () => {
    expect(one('Now, after a decade of involvement in Afghanistan, the alliance faces a new threat.')).toMatchObject({ value: 1, unit: 'decades', kind: 'duration' });
    expect(counts('He was elected a second time.')).toEqual([]);
  });
});

describe('the counted thing', () => {
  it('is the noun phrase head with one noun modifier, adjectives and names left out', () => {
    expect(one('These errant missiles were part of the 26 long range cruise missiles launched a day before.').counted).toBe('cruise missiles');
    expect(one("Russia's air force hit 27 Islamic State targets overnight.")).toMatchObject({ counted: 'targets', text: '27 Islamic State targets' });
    expect(one('Officials counted 150 unmanned aerial vehicles.').counted).toBe('vehicles');
  });

  it('reads through a name in the possessive and stops at a participle after the head', () => {
    expect(one("Three former Stella's Cafe employees outlined their demands.").counted).toBe('employees');
    expect(one('More than 1,100 trucks carrying parts pass through Dover every day.')).toMatchObject({ counted: 'trucks', text: 'More than 1,100 trucks' });
    expect(one('Carolina added three more unanswered goals.').counted).toBe('goals');
  });

  it('counts the whole and the part in "3 of 12 games"', () => {
    expect(counts('He won 3 of 12 games.').map((f) => [f.value, f.counted])).toEqual([[3, 'games'], [12, 'games']]);
    expect(counts('The team has lost five of its last six games.').map((f) => [f.value, f.counted])).toEqual([[5, 'games'], [6, 'games']]);
  });

  it('is carried over after a second verb too', () => {
    const [, b] = counts('The blast killed 12 people and injured 30, police said.');
    expect(b).toMatchObject({ value: 30, counted: 'people' });
  });

  it('is carried over to a number whose noun is left out', () => {
    const [a, b] = counts('It had launched 18 strikes against the group in Iraq and two in Syria in the previous 24 hours.');
    expect(a).toMatchObject({ value: 18, counted: 'strikes' });
    expect(b).toMatchObject({ value: 2, counted: 'strikes' });
  });
});

describe('parts of a whole', () => {
  it('a number inside a partitive is a figure of its own', () => {
    const found = counts('About half of the 4,000 residents have been evacuated.');
    expect(found.map((f) => [f.value, f.counted])).toEqual([[0.5, 'residents'], [4000, 'residents']]);
    expect(counts("Just 13 of Britain's 659 MPs are from ethnic minority groups.").map((f) => [f.value, f.counted])).toEqual([[13, 'mps'], [659, 'mps']]);
  });

  it('a fraction counts the people named after it', () => {
    expect(one('Nearly two-thirds of Americans support the measure.')).toMatchObject({ counted: 'americans', qualifier: 'nearly' });
  });

  it('a bare number takes the collection it is the size of', () => {
    expect(one('A crowd of 50,000 watched the final.')).toMatchObject({ value: 50000, counted: 'crowd' });
    expect(one('The death toll from the earthquake has risen to 2,300.')).toMatchObject({ value: 2300, counted: 'toll' });
    expect(one('The number of jobless fell by 7,000.')).toMatchObject({ value: 7000, counted: 'jobless', change: 'down' });
  });

  it('an age in apposition is an age', () => {
    expect(one('Mr Ebbers, 63, is accused of being the mastermind.')).toMatchObject({ value: 63, counted: 'age' });
    expect(one('A man, 34, was arrested on suspicion of murder.')).toMatchObject({ value: 34, counted: 'age' });
  });
});

describe('qualifiers and ranges', () => {
  it('keeps the qualifier before the number', () => {
    expect(one('About 60 people attended.').qualifier).toBe('about');
    expect(one('Nearly 300 homes were flooded.').qualifier).toBe('nearly');
    expect(one('At least 12 people were killed.').qualifier).toBe('at least');
    expect(one('Up to 2,500 jobs could go.').qualifier).toBe('up to');
    expect(one('Fewer than 10 firms applied.').qualifier).toBe('fewer than');
  });

  it('keeps a qualifier written after the number', () => {
    expect(one('The change affects 12 or more people.')).toMatchObject({ value: 12, counted: 'people', qualifier: 'or more' });
    expect(one('All the 100,000 or so net cafes must comply.')).toMatchObject({ counted: 'cafes', qualifier: 'or so' });
    expect(one('He has 10+ years of experience.')).toMatchObject({ value: 10, kind: 'duration', qualifier: 'plus' });
  });

  it('a range keeps both ends', () => {
    expect(one('The fighting displaced 10 to 15 families.')).toMatchObject({ value: 10, range: [10, 15], counted: 'families' });
    expect(one('The blast killed between 300 and 400 people.')).toMatchObject({ range: [300, 400], counted: 'people' });
    expect(one('The missiles have a range of anywhere from 252 miles to 287 miles.')).toMatchObject({ range: [252, 287], unit: 'miles' });
    expect(one('The upgrade will cost $5-6bn.')).toMatchObject({ range: [5e9, 6e9], unit: 'USD' });
  });

  it('a unit written once after two numbers belongs to both', () => {
    expect(counts('Voters rejected the plan by a margin of 52 to 48 percent.').map((f) => [f.value, f.unit])).toEqual([[52, 'per cent'], [48, 'per cent']]);
    expect(counts('Rates rose from 4.5 to 4.75 per cent.').map((f) => [f.value, f.unit])).toEqual([[4.5, 'per cent'], [4.75, 'per cent']]);
  });

  it('keeps a qualified number word with nothing after it', () => {
    expect(one('Police fired tear gas, injuring at least a dozen.')).toMatchObject({ value: 12, qualifier: 'at least' });
  });

  it('a move from one level to another is two figures, not a range', () => {
    expect(counts('Inflation rose from 2.1% to 2.4%.').map((f) => [f.value, f.range])).toEqual([[2.1, undefined], [2.4, undefined]]);
    const found = counts('Revenues grew 6.4% to $42.09bn.');
    expect(found.map((f) => f.value)).toEqual([6.4, 42.09e9]);
    expect(found[0].range).toBeUndefined();
  });
});

describe('dates', () => {
  it('resolves a weekday against the publication date, apart from counts', () => {
    const found = figures('On Thursday, US officials said four missiles landed in Iran.', '2015-10-08');
    expect(found.find((f) => f.kind === 'date')).toMatchObject({ date: '2015-10-08', text: 'Thursday' });
    expect(found.find((f) => f.kind === 'count')).toMatchObject({ value: 4, counted: 'missiles' });
    expect(figures('Russia on Wednesday ramped up its air campaign.', '2015-10-08')[0].date).toBe('2015-10-07');
  });

  it('reads calendar dates and never counts their day or year', () => {
    expect(figures('The vote is due on October 18, 2015.')).toEqual([expect.objectContaining({ kind: 'date', date: '2015-10-18' })]);
    expect(figures('Talks resume on 5 November.')).toEqual([expect.objectContaining({ kind: 'date', date: '2015-11-05' })]);
  });
});

describe('not figures', () => {
  it('leaves numbers inside names alone', () => {
    expect(counts('Operators are rolling out 5G across the country.')).toEqual([]);
    expect(counts('Under Section 427 of the act, the ministry can intervene.')).toEqual([]);
    expect(counts('Turkey scrambled F-16 jets.')).toEqual([]);
    expect(counts('The Boeing 747 landed safely.')).toEqual([]);
  });

  it('leaves page furniture alone', () => {
    expect(counts('Posted 3 hours ago')).toEqual([]);
    expect(counts('Photo 3 of 12')).toEqual([]);
  });

  it('leaves labels, rankings and codes alone', () => {
    expect(counts('The prime minister returned to No 10 Downing Street.')).toEqual([]);
    expect(counts('The single reached the Top 10 of the charts.')).toEqual([]);
    expect(counts('The show airs on Channel 4 and BBC One.')).toEqual([]);
    expect(counts('Call 0800 for details.')).toEqual([]);
    expect(counts('It was a one-off payment; one day he will return.')).toEqual([]);
  });

  it('leaves years, times of day and decades alone', () => {
    expect(counts('He served in the 2004-05 season.')).toEqual([]);
    expect(counts('TimeWarner has to restate 2000 and 2003 results.')).toEqual([]);
    expect(counts('Shares rose by 1200 GMT, and the meeting starts at 10 am.')).toEqual([]);
    expect(counts('Prices have risen since the 1990s.')).toEqual([]);
    expect(counts('It was the 12th world record of her career.')).toEqual([]);
  });
});

describe('odd input', () => {
  it('never throws on fragments that end inside a figure', () => {
    for (const s of ['half 2015 . 8 –', '$', '10 to', 'between 5 and', '£5 (', 'a third of', 'Thursday,', '5-', 'one', '1,2,3', '0.5.5'])
      expect(() => figures(s)).not.toThrow();
  });
});

describe('the sample articles', () => {
  it('finds the figures of the VOA report and only those', () => {
    const found = extractFigures(article('004_d812bad6fd6cf605.txt')).filter((f) => f.kind !== 'date');
    const seen = found.map((f) => `${f.value} ${f.counted}`);
    for (const want of ['4 cruise missiles', '26 cruise missiles', '11 targets', '40000 troops', '40 years', '18 strikes', '24 hours', '6 cities', '27 targets'])
      expect(seen).toContain(want);
    expect(found.length).toBeLessThanOrEqual(14);
    expect(found.every((f) => f.sentence.includes(f.text))).toBe(true);
  });

  it('finds the three missile figures of the other report', () => {
    const found = extractFigures(article('000_1c765ed5a3505be5.txt')).filter((f) => f.kind !== 'date');
    expect(found.map((f) => [f.value, f.text])).toEqual([
      [4, 'four Russian missiles'],
      [26, '26 long range cruise missiles'],
      [26, '26 missiles'],
    ]);
  });
});

describe('general news constructions', () => {
  it('reads a quantity with a unit after a capitalised name ("Moreau 48 seconds in")', () => {
    expect(one('The referee stopped the bout with Moreau 48 seconds into the second round.')).toMatchObject({ value: 48, unit: 'seconds', kind: 'duration' });
    expect(counts('The Airbus 320 jets were grounded.')).toEqual([]);
  });

  it('reads a figure after a year in the possessive', () => {
    expect(one("Inflation stayed below 2019's 4.2%.")).toMatchObject({ value: 4.2, kind: 'percent' });
  });

  it('counts capitalised plurals of people and reads the whole of a partitive number', () => {
    const found = counts("Roughly 2.4m of the country's 3.1m Catholics attended mass.");
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [2_400_000, 'catholics'],
      [3_100_000, 'catholics'],
    ]);
    expect(one('The rally drew 8,000 Democrats to the square.')).toMatchObject({ value: 8000, counted: 'democrats' });
  });
});

describe('ages, owners and compounds', () => {
  it('reads an age after a name at the end of a sentence and after "aged" with a qualifier', () => {
    expect(one('The prize went to the painter Maria Lopez, 71.')).toMatchObject({ value: 71, counted: 'age' });
    expect(one('The scheme is open to anyone aged under 25.')).toMatchObject({ value: 25, counted: 'age', qualifier: 'under' });
  });

  it("carries the counted noun to the next owner's number", () => {
    const found = counts("The RMT's 80,000 members, the GMB's 600,000 and Unite's 1,200,000 will vote.");
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [80_000, 'members'],
      [600_000, 'members'],
      [1_200_000, 'members'],
    ]);
  });

  it('counts the noun of a compound adjective with a number word', () => {
    expect(one('A three-judge panel will hear the appeal.')).toMatchObject({ value: 3, counted: 'judge', kind: 'count' });
    expect(counts('It was a two-way contest decided by a one-off vote.')).toEqual([]);
  });
});

describe('scores', () => {
  // an annotator reads each side of a score as a number: values with nothing counted (kept out of key figures)
  it('reads each side of a score or record as a number counting nothing', () => {
    const side = (s: string) => counts(s).map((f) => [f.value, f.counted, f.text]);
    expect(side('Rovers beat Wanderers 4-2 at home.')).toEqual([[4, null, '4-2'], [2, null, '4-2']]);
    expect(side('They were trailing 0-1 at half-time.')).toEqual([[0, null, '0-1'], [1, null, '0-1']]);
    expect(side('Leeds lost 1–3 to Hull.')).toEqual([[1, null, '1–3'], [3, null, '1–3']]);
    expect(side('Ottawa (21-30-4) lost again.').map((x) => x[0])).toEqual([21, 30, 4]);
  });

  it('keeps a hyphenated range of things a range, and model numbers out', () => {
    expect(one('The firm will hire 20-30 engineers.')).toMatchObject({ value: 20, range: [20, 30], counted: 'engineers' });
    expect(counts('The Boeing 747-400 landed safely.')).toEqual([]);
    expect(counts('Call 613-555-0199 for tickets.')).toEqual([]);
    expect(counts('He switched to a 4-4-2 formation.')).toEqual([]);
  });
});

describe('signs and codes', () => {
  it('reads a minus sign against a number and a capital C apart from it as a temperature', () => {
    expect(one('Overnight lows reached -18 C in the north.')).toMatchObject({ value: -18, unit: '°C', kind: 'measure' });
    expect(one('The economy shrank, with growth of -0.4% in the quarter.')).toMatchObject({ value: -0.4, kind: 'percent' });
    expect(counts('The MiG-29 crashed.')).toEqual([]);
  });

  it('leaves a phone number written in groups alone', () => {
    expect(counts('Anyone with information should call 0845 7 123 456 or 0800 555 111.')).toEqual([]);
  });
});

describe('ratios, halves and joined currencies', () => {
  it('counts the noun of "X out of Y nouns" for both numbers', () => {
    const found = counts('Seven out of 10 voters backed the plan.');
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [7, 'voters'],
      [10, 'voters'],
    ]);
  });

  it('reads "and a half" after a number word', () => {
    expect(one('The flight took eleven and a half hours.')).toMatchObject({ value: 11.5, unit: 'hours', kind: 'duration' });
  });

  it('reads a magnitude joined to a currency word', () => {
    expect(one('The bank reported a 2bn-euro loss.')).toMatchObject({ value: 2e9, unit: 'EUR', kind: 'money', counted: 'loss' });
  });

  it('reads a record of single digits, but not a formation', () => {
    expect(counts('The champion is 3-0-1 this season.').map((f) => f.value)).toEqual([3, 0, 1]);
    expect(counts('They played a 3-5-2 attacking formation.')).toEqual([]);
  });
});

describe('magnitudes and currencies written together', () => {
  it('reads a magnitude joined to "plus" or a rate', () => {
    expect(one('The app now has 25 million-plus users.')).toMatchObject({ value: 25e6, counted: 'users', qualifier: 'plus' });
    expect(one('He signed a £2.5m-a-year contract.')).toMatchObject({ value: 2.5e6, unit: 'GBP', kind: 'money' });
  });

  it('reads currencies named with their country', () => {
    expect(one('The club was fined 50,000 Swiss francs.')).toMatchObject({ value: 50000, unit: 'CHF', kind: 'money' });
    expect(one('The grant is worth 3 million Canadian dollars.')).toMatchObject({ value: 3e6, unit: 'CAD', kind: 'money' });
  });

  it('reads a glued m before a word of size as metres', () => {
    expect(one('The new sea wall is 4.5m high.')).toMatchObject({ value: 4.5, unit: 'm', kind: 'measure' });
  });
});

describe('shares written as "one in N"', () => {
  it('reads both numbers of "one in five adults", counting the same noun', () => {
    const found = counts('Roughly one in five adults now works from home.');
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [1, 'adults'],
      [5, 'adults'],
    ]);
  });
});

describe('numbers joined to words', () => {
  it('reads a qualifier joined to a number, but not a team label', () => {
    expect(one('The firm reported a near-40 per cent fall in sales.')).toMatchObject({ value: 40, kind: 'percent' });
    expect(counts('He captained the under-19 side.')).toEqual([]);
  });

  it('reads a unit glued to a number after a capitalised word', () => {
    expect(counts('She took European 400m gold last year.').map((f) => [f.value, f.unit])).toEqual([[400, 'm']]);
  });

  it('reads data rates in gigabits', () => {
    expect(one('The link carries ten gigabits a second.')).toMatchObject({ value: 10, unit: 'gigabits', kind: 'measure' });
  });
});

describe('ages and elided nouns after a repeated verb', () => {
  it('reads ages after "turned" and "at the age of"', () => {
    expect(one('The actor, who turned 70 in May, is retiring.')).toMatchObject({ value: 70, counted: 'age' });
    expect(one('The poet died at the age of 91.')).toMatchObject({ value: 91, counted: 'age' });
  });

  it('carries the counted noun when the same verb repeats after "and"', () => {
    const found = counts('Unite has 1.4 million members and the GMB has 460,000.');
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [1_400_000, 'members'],
      [460_000, 'members'],
    ]);
  });
});

describe('more number forms', () => {
  it('reads vulgar fractions against digits and alone', () => {
    expect(one('The project took 3½ years.')).toMatchObject({ value: 3.5, unit: 'years' });
    expect(one('Only ¼ of the seats were filled.')).toMatchObject({ value: 0.25, counted: 'seats' });
  });

  it('reads "Rs." and magnitudes joined to any word', () => {
    expect(one('Tickets cost Rs. 250 each.')).toMatchObject({ value: 250, unit: 'INR', kind: 'money' });
    expect(one('The 2 million-strong union voted.')).toMatchObject({ value: 2e6 });
    expect(one('It was a 10 million-dollar film.')).toMatchObject({ value: 1e7, unit: 'USD', kind: 'money' });
  });

  it('reads the number inside a share and what it counts: "75% of the 2,000 staff"', () => {
    const found = counts('Nearly 80% of the 3,000 nurses voted to strike.');
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [80, 'nurses'],
      [3000, 'nurses'],
    ]);
  });

  it('carries the counted noun to a level moved from', () => {
    const found = counts('Some 12,000 people have signed, up from 8,000 last week.');
    expect(found.map((f) => [f.value, f.counted])).toEqual([
      [12000, 'people'],
      [8000, 'people'],
    ]);
  });
});

describe('modifiers read first as verbs', () => {
  it('keeps a verb-like modifier before a plural noun in the counted phrase', () => {
    expect(one('The charity runs 22 foster homes.')).toMatchObject({ value: 22, counted: 'homes' });
  });
});

describe('titles and chart places', () => {
  it('leaves a number in a title with a capitalised unit alone', () => {
    expect(counts('She starred in the film 28 Days Later, released in 2002.')).toEqual([]);
    expect(one('The talks lasted 36 hours.')).toMatchObject({ value: 36, unit: 'hours' });
  });

  it('leaves the second of two chart places alone', () => {
    expect(counts('The band held the number one and two spots in the chart.')).toEqual([]);
  });
});

describe('quoted modifiers', () => {
  it('reads through a quoted modifier to the counted noun', () => {
    expect(one('The referee missed four "reckless" tackles.')).toMatchObject({ value: 4, counted: 'tackles' });
  });
});
