// What a number measures: currencies (before or after it), percent signs and words, units of measure and of time.
import type { Token } from './lexer.ts';

/** Currency symbols written before a number, by the letters glued in front of them ("US$", "A$"). */
export function currencyOfSymbol(symbol: string, prefix: string | null): string | null {
  if (symbol === '£') return 'GBP';
  if (symbol === '€') return 'EUR';
  if (symbol === '¥') return 'JPY';
  if (symbol === '₹') return 'INR';
  if (symbol !== '$') return null;
  switch ((prefix ?? '').toUpperCase()) {
    case 'A': case 'AU': return 'AUD';
    case 'C': case 'CA': case 'CAN': return 'CAD';
    case 'HK': return 'HKD';
    case 'NZ': return 'NZD';
    case 'S': return 'SGD';
    default: return 'USD';
  }
}

/** Currency codes and abbreviations written as a word before a number ("USD 5", "Rs 300"). */
export const CURRENCY_CODES: Record<string, string> = {
  usd: 'USD', eur: 'EUR', gbp: 'GBP', jpy: 'JPY', cny: 'CNY', inr: 'INR', rs: 'INR', chf: 'CHF', rmb: 'CNY', aud: 'AUD', cad: 'CAD',
};

/** Currency names written after a number ("300 dollars", "19 cents"), to their unit. */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', euro: 'EUR', euros: 'EUR', yen: 'JPY',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  franc: 'CHF', francs: 'CHF', peso: 'MXN', pesos: 'MXN', cent: 'cents', cents: 'cents', pence: 'pence', p: 'pence',
  riyal: 'SAR', riyals: 'SAR', reais: 'BRL', real: 'BRL', baht: 'THB', naira: 'NGN', zloty: 'PLN', krona: 'SEK', kronor: 'SEK', kroner: 'NOK', rand: 'ZAR', dinar: 'dinars', dinars: 'dinars', shekel: 'ILS', shekels: 'ILS', lira: 'TRY',
};

/** Units of time: a number before one is a duration. Values are the unit's name. */
export const TIME_UNITS: Record<string, string> = {
  second: 'seconds', seconds: 'seconds', minute: 'minutes', minutes: 'minutes', hour: 'hours', hours: 'hours',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', month: 'months', months: 'months', year: 'years', years: 'years',
  hr: 'hours', hrs: 'hours', min: 'minutes', mins: 'minutes', sec: 'seconds', secs: 'seconds', yr: 'years', yrs: 'years',
  decade: 'decades', decades: 'decades', century: 'centuries', centuries: 'centuries', fortnight: 'fortnights', weekend: 'weekends',
};

/** Units of measure (lower case), to the unit reported. */
export const MEASURE_UNITS: Record<string, string> = {
  km: 'km', kms: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  mile: 'miles', miles: 'miles', mph: 'mph', kph: 'km/h', knots: 'knots',
  metre: 'm', metres: 'm', meter: 'm', meters: 'm', cm: 'cm', centimetres: 'cm', centimeters: 'cm', mm: 'mm', millimetres: 'mm', millimeters: 'mm',
  foot: 'feet', feet: 'feet', ft: 'feet', inch: 'inches', inches: 'inches', yard: 'yards', yards: 'yards',
  kg: 'kg', kgs: 'kg', kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg', gram: 'g', grams: 'g', mg: 'mg', milligrams: 'mg',
  tonne: 'tonnes', tonnes: 'tonnes', ton: 'tons', tons: 'tons', lb: 'lb', lbs: 'lb', ounce: 'ounces', ounces: 'ounces', oz: 'ounces', stone: 'stone',
  litre: 'litres', litres: 'litres', liter: 'litres', liters: 'litres', gallon: 'gallons', gallons: 'gallons', ml: 'ml',
  acre: 'acres', acres: 'acres', hectare: 'hectares', hectares: 'hectares', ha: 'hectares',
  degree: 'degrees', degrees: 'degrees', c: '°C', f: '°F', celsius: '°C', fahrenheit: '°F',
  mw: 'MW', megawatt: 'MW', megawatts: 'MW', gw: 'GW', gigawatts: 'GW', kw: 'kW', kilowatts: 'kW', kwh: 'kWh', twh: 'TWh', gwh: 'GWh',
  gb: 'GB', mb: 'MB', tb: 'TB', kb: 'KB', gigabytes: 'GB', gigabyte: 'GB', megabytes: 'MB', megabyte: 'MB', terabytes: 'TB', terabyte: 'TB', megapixel: 'megapixels', megapixels: 'megapixels', mbps: 'Mbps', gbps: 'Gbps', ghz: 'GHz', mhz: 'MHz',
  gigabit: 'gigabits', gigabits: 'gigabits', megabit: 'megabits', megabits: 'megabits', kilobit: 'kilobits', kilobits: 'kilobits',
  bpd: 'barrels a day', mpg: 'mpg', sq: 'sq',
};

/** Units that are also everyday words: only units after a digit number, never after a number word. */
const DIGIT_ONLY_UNITS = new Set(['c', 'f', 'ha', 'sq', 'ft', 'm', 'stone', 'ml', 'mg', 'kb']);

export interface UnitMatch {
  unit: string;
  kind: 'percent' | 'measure' | 'duration' | 'money';
  /** Index after the unit's last token. */
  end: number;
  /** The time unit word as written ("years"), for durations. */
  word?: string;
}

/** The unit written at tokens[j] after a number (percent, measure, duration, currency word), or null. */
export function readUnit(tokens: Token[], j: number, digits: boolean, value: number): UnitMatch | null {
  const t = tokens[j];
  if (!t) return null;
  if (t.text === '%') return { unit: 'per cent', kind: 'percent', end: j + 1 };
  if (t.text === '°') {
    const n = tokens[j + 1];
    if (n && n.glued && (n.lower === 'c' || n.lower === 'f')) return { unit: n.lower === 'c' ? '°C' : '°F', kind: 'measure', end: j + 2 };
    return { unit: 'degrees', kind: 'measure', end: j + 1 };
  }
  if (t.type !== 'word') return null;
  const w = t.lower;
  const n = tokens[j + 1];
  // "thirty more years", "two further weeks"
  if (/^(more|further|additional|extra|other)$/.test(w) && n && n.type === 'word' && n.lower !== 'than') {
    const u = readUnit(tokens, j + 1, digits, value);
    return u && u.kind !== 'money' ? u : null;
  }
  if (w === 'per' && n?.lower === 'cent') return { unit: 'per cent', kind: 'percent', end: j + 2 };
  if (w === 'percent' || w === 'pc' || w === 'pct') return { unit: 'per cent', kind: 'percent', end: j + 1 };
  if (w === 'percentage' && (n?.lower === 'points' || n?.lower === 'point')) return { unit: 'percentage points', kind: 'percent', end: j + 2 };
  if (w === 'basis' && (n?.lower === 'points' || n?.lower === 'point')) return { unit: 'basis points', kind: 'percent', end: j + 2 };
  // a capitalised unit before another capitalised word is a title: "24 Hour Party People"
  if (!t.glued && /^[A-Z][a-z]/.test(t.text) && /^[A-Z][a-z]/.test(n?.text ?? '') && j > 1) return null;
  if (w in TIME_UNITS && (w !== 'second' || value === 1)) return { unit: TIME_UNITS[w], kind: 'duration', end: j + 1, word: t.text };
  // a capitalised word is a name, not a unit: "21 Grams", "50 Cent"
  if (!t.glued && /^[A-Z][a-z]{2,}/.test(t.text)) return null;
  if (w in CURRENCY_WORDS) {
    if (w === 'p' && !(digits && t.glued)) return null;
    if ((w === 'pound' || w === 'pounds') && n?.lower === 'of') return { unit: 'lb', kind: 'measure', end: j + 1 };
    if (w === 'cent' && (tokens[j - 1]?.lower === 'per')) return null;
    return { unit: CURRENCY_WORDS[w], kind: 'money', end: j + 1 };
  }
  if (w === 'nautical' && (n?.lower === 'miles' || n?.lower === 'mile')) return { unit: 'nautical miles', kind: 'measure', end: j + 2 };
  if (w === 'square' || w === 'sq' || w === 'cubic') {
    const u = n && n.type === 'word' ? MEASURE_UNITS[n.lower] : undefined;
    if (u) return { unit: `${w === 'cubic' ? 'cubic' : 'sq'} ${u}`, kind: 'measure', end: j + 2 };
    return null;
  }
  const u = MEASURE_UNITS[w];
  if (u === undefined) return null;
  // a capitalised word is a name, not a unit: "21 Grams"
  if (!t.glued && /^[A-Z][a-z]{2,}/.test(t.text)) return null;
  // "-35 C": a capital C or F apart from the number is a temperature when nothing else follows it
  const degrees = (t.text === 'C' || t.text === 'F') && !(n && (n.type === 'num' || /^[A-Z]/.test(n.text) || n.text === '.' && n.glued && tokens[j + 2]?.glued));
  if (DIGIT_ONLY_UNITS.has(w) && !(digits && (t.glued || w === 'ft' || w === 'sq' || degrees))) return null;
  // "km/h", "km per hour"
  if ((w === 'km' || w === 'kilometres' || w === 'kilometers') && tokens[j + 1]?.text === '/' && tokens[j + 2]?.lower === 'h')
    return { unit: 'km/h', kind: 'measure', end: j + 3 };
  if (w === 'miles' && n?.lower === 'per' && tokens[j + 2]?.lower === 'hour') return { unit: 'mph', kind: 'measure', end: j + 3 };
  return { unit: u, kind: 'measure', end: j + 1 };
}
