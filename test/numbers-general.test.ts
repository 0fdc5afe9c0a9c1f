// Figures in news at large: currencies written with codes or after the number, technical units, signs,
// leading-dot decimals, ages written apart, and the direction of a move carried to the level it reaches.
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../src/core/ingest/parse.ts';
import { extractFigures, figuresOfSentence } from '../src/core/numbers/extract.ts';
import type { Figure } from '../src/core/types.ts';

const counts = (sentence: string): Figure[] => figuresOfSentence(sentence, '2019-03-04').filter((f) => f.kind !== 'date');
const pairs = (sentence: string) => counts(sentence).map((f) => [f.value, f.unit]);

describe('currencies', () => {
  it('reads a ringgit price and its sen', () => {
    expect(pairs('Shares of the Kuala Lumpur lender closed at RM8.20, up 35 sen.')).toEqual([[8.2, 'MYR'], [35, 'sen']]);
  });

  it('reads a euro sign written after the amount', () => {
    expect(pairs('A season ticket now costs 2,500€ at the club.')).toEqual([[2500, 'EUR']]);
  });

  it('keeps a minus sign written between the dollar sign and the amount', () => {
    expect(counts('The insurer booked a result of $-12.3bn for the year.')[0]).toMatchObject({ value: -12_300_000_000, unit: 'USD' });
  });
});

describe('technical units', () => {
  it('reads engine power and torque written glued or apart', () => {
    expect(pairs('The new V8 makes 500bhp and 320 Nm of torque, or 236 lb-ft in the US.')).toEqual([[500, 'bhp'], [320, 'Nm'], [236, 'lb-ft']]);
    expect(pairs('The motor gives 180 hp (134 kW).')).toEqual([[180, 'hp'], [134, 'kW']]);
  });

  it('reads frequencies, dotted speeds and square metres after "sub-"', () => {
    expect(pairs('The chip samples at 12kHz.')).toEqual([[12, 'kHz']]);
    expect(pairs('Lorries are limited to 60 m.p.h. on the bridge.')).toEqual([[60, 'mph']]);
    expect(pairs('Developers are building sub-200 sq m flats.')).toEqual([[200, 'sq m']]);
  });

  it('reads a glued m before a length in feet as metres, not millions', () => {
    expect(pairs('A 25m (82ft)-long whale washed up on the beach.')).toEqual([[25, 'm'], [82, 'feet']]);
  });
});

describe('signs and decimals', () => {
  it('reads "minus" before a number as a negative', () => {
    expect(counts('Overnight the temperature fell to minus 40 degrees.')[0]).toMatchObject({ value: -40, unit: 'degrees' });
  });

  it('reads decimals written without a leading zero', () => {
    expect(counts('The shortstop is batting .300 this season.')[0]).toMatchObject({ value: 0.3 });
    expect(counts('The bank raised its rate by .05 per cent.')[0]).toMatchObject({ value: 0.05, unit: 'per cent' });
  });

  it('reads an age written apart from its number', () => {
    expect(counts('Police arrested a 45 year-old man in Leeds.')[0]).toMatchObject({ value: 45, unit: 'years' });
  });
});

describe('direction of a move', () => {
  it('gives the level a move reaches the move\'s direction', () => {
    const [pct, level] = counts('Shares in the carmaker climbed 3.2 percent to 45.10 euros.');
    expect(pct).toMatchObject({ value: 3.2, change: 'up' });
    expect(level).toMatchObject({ value: 45.1, unit: 'EUR', change: 'up' });
  });

  it('carries a fall to the same fall restated after ", or"', () => {
    const [points, pct] = counts('The Dow shed 240 points, or 0.9%, by the close.');
    expect(points).toMatchObject({ value: 240, change: 'down' });
    expect(pct).toMatchObject({ value: 0.9, change: 'down' });
  });

  it('reads a verb of change a few words before "by"', () => {
    expect(counts('The retailer raised its sales forecast for the year by 4%.')[0]).toMatchObject({ value: 4, change: 'up' });
  });

  it('does not read "up to" as a rise', () => {
    expect(counts('The storm could dump up to 30 cm of snow.')[0].change).toBeUndefined();
  });
});

describe('lists and names', () => {
  it('reads each number of a list whose hyphens hang before the last compound', () => {
    expect(counts('The carmaker builds two-, three- and four-door models.').map((f) => [f.value, f.counted])).toEqual([[2, 'door'], [3, 'door'], [4, 'door']]);
  });

  it('counts a capitalised plural after an adjective', () => {
    expect(counts('The singer won three prestigious Grammy Awards last night.')[0]).toMatchObject({ value: 3, counted: 'awards' });
  });

  it('does not let a count run on into a place name', () => {
    expect(counts('It lacked half the attacking flair Wales had shown.')[0]?.counted ?? null).not.toContain('wales');
  });
});

describe('fractions and eras', () => {
  it('reads a share of the people a participle names, and a fraction of a cup', () => {
    expect(counts('A quarter of those tested in the trial were positive.')[0]).toMatchObject({ value: 0.25, counted: 'those tested' });
    expect(counts('Stir in 1/8 of a cup of sugar.')[0]).toMatchObject({ value: 0.125, counted: 'cup' });
  });

  it('reads "a quarter of a million" as a number', () => {
    expect(counts('Nearly a quarter of a million people fled the floods.')[0]).toMatchObject({ value: 250_000, counted: 'people' });
  });

  it('leaves out years of an era', () => {
    expect(counts('The coin dates from A.D. 800 and the wall from 300 BC.')).toEqual([]);
  });
});

describe('issue 17: signs, levels after a restated move, eras split from their year', () => {
  it('reads a plus sign against a figure as a rise', () => {
    expect(counts('The FTSE +0.4% at the open, and the Dax was -0.2%.').map((f) => [f.value, f.change ?? null])).toEqual([[0.4, 'up'], [-0.2, null]]);
  });

  it('gives the level reached after ", to" the direction of the move before it', () => {
    expect(counts('The index shed 240 points, or 0.9%, to 26,100.').map((f) => [f.value, f.change])).toEqual([[240, 'down'], [0.9, 'down'], [26100, 'down']]);
  });
});

describe('issue 17: a count before a capitalised name', () => {
  it('counts a capitalised plural whose lower-case reading is a verb', () => {
    expect(counts('She has won five straight Grand Slams.').map((f) => [f.value, f.counted])).toEqual([[5, 'slams']]);
  });
});

describe('issue 17: an era the sentence splitter cut from its year', () => {
  it('does not read the year after "A.D." as a figure when the year opens the next sentence', () => {
    const a = parseArticles('t.txt', 'Old town\n\nThe harbour town dates from A.D. 800 and grew into a port of 4,000 people.')[0];
    expect(extractFigures(a).filter((f) => f.kind !== 'date').map((f) => f.value)).toEqual([4000]);
  });
});

describe('figures named in issue 17, in sentences written for these tests', () => {
  it('reads a New Zealand dollar prefix and a yen sign with magnitudes', () => {
    expect(pairs('The fund raised NZ$3.5bn and the bank lent ¥300bn to builders.')).toEqual([[3_500_000_000, 'NZD'], [300_000_000_000, 'JPY']]);
  });

  it('reads memory and power units glued to the number', () => {
    expect(pairs('The phone has 4GB of memory and the plant produces 3.5GW of power.')).toEqual([[4, 'GB'], [3.5, 'GW']]);
  });

  it('reads "one fifth of" as a proportion of what follows', () => {
    expect(counts('One fifth of voters backed the plan.')[0]).toMatchObject({ value: 0.2, counted: 'voters' });
  });

  it('does not report the numbers inside index names, summit names or postcodes', () => {
    expect(pairs('The FTSE 100 rose 12 points while leaders met at the G7 summit.')).toEqual([[12, null]]);
    expect(pairs('The depot near postcode SW1A 2AA employs 300 staff.')).toEqual([[300, null]]);
  });
});
