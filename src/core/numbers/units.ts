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
  rm: 'MYR', nzd: 'NZD', hkd: 'HKD', sgd: 'SGD', myr: 'MYR', zar: 'ZAR', sek: 'SEK', nok: 'NOK', dkk: 'DKK', krw: 'KRW', brl: 'BRL', mxn: 'MXN', rub: 'RUB', try: 'TRY',
};

/** Currency names written after a number ("300 dollars", "19 cents"), to their unit. */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', euro: 'EUR', euros: 'EUR', yen: 'JPY',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  franc: 'CHF', francs: 'CHF', peso: 'MXN', pesos: 'MXN', cent: 'cents', cents: 'cents', pence: 'pence', p: 'pence',
  riyal: 'SAR', riyals: 'SAR', reais: 'BRL', real: 'BRL', baht: 'THB', naira: 'NGN', zloty: 'PLN', krona: 'SEK', kronor: 'SEK', kroner: 'NOK', rand: 'ZAR', dinar: 'dinars', dinars: 'dinars', shekel: 'ILS', shekels: 'ILS', lira: 'TRY',
  ringgit: 'MYR', sen: 'sen', rupiah: 'IDR', dirham: 'AED', dirhams: 'AED',
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
  hp: 'hp', bhp: 'bhp', horsepower: 'hp', ps: 'PS', hz: 'Hz', khz: 'kHz', hertz: 'Hz', kilohertz: 'kHz', megahertz: 'MHz', gigahertz: 'GHz',
  nm: 'Nm', 'lb-ft': 'lb-ft', 'ft-lb': 'lb-ft', kv: 'kV', volts: 'V', amps: 'A', mah: 'mAh', pb: 'PB', kt: 'kt', mt: 'Mt',
};

/** Units that are also everyday words: only units after a digit number, never after a number word. */
const DIGIT_ONLY_UNITS = new Set(['c', 'f', 'ha', 'sq', 'ft', 'm', 'stone', 'ml', 'mg', 'kb', 'hp', 'ps', 'hz', 'nm', 'kv', 'amps', 'pb', 'kt', 'mt']);

/** Digit-only units that may also stand apart from the digits ("12 ft", "180 hp", "320 Nm"). */
const SPACED_AFTER_DIGITS = new Set(['ft', 'sq', 'hp', 'nm', 'kv', 'hz']);

/** Currency symbols that may also stand after a number ("2,500€"). */
const SYMBOL_AFTER: Record<string, string> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

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
  if (t.type === 'sym' && t.glued && t.text in SYMBOL_AFTER) return { unit: SYMBOL_AFTER[t.text], kind: 'money', end: j + 1 };
  if (t.type !== 'word') return null;
  const w = t.lower;
  const n = tokens[j + 1];
  // "60 m.p.h.", "100 k.p.h."
  if ((w === 'm' || w === 'k') && digits && n?.text === '.' && n.glued && tokens[j + 2]?.lower === 'p' && tokens[j + 3]?.text === '.' && tokens[j + 4]?.lower === 'h')
    return { unit: w === 'm' ? 'mph' : 'km/h', kind: 'measure', end: tokens[j + 5]?.text === '.' && tokens[j + 5].glued ? j + 6 : j + 5 };
  // "a 45 year-old": an age written apart from its number
  if (w.endsWith('-old')) {
    const base = w.slice(0, -4);
    if (base in TIME_UNITS) return { unit: TIME_UNITS[base], kind: 'duration', end: j + 1, word: base };
  }
  // "320 Nm" (newton metres) but "7 nm" (nanometres)
  if (w === 'nm' && t.text === 'nm') return digits ? { unit: 'nm', kind: 'measure', end: j + 1 } : null;
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
    const u = n && n.type === 'word' ? (n.lower === 'm' ? 'm' : MEASURE_UNITS[n.lower]) : undefined;
    if (u) return { unit: `${w === 'cubic' ? 'cubic' : 'sq'} ${u}`, kind: 'measure', end: j + 2 };
    return null;
  }
  const u = MEASURE_UNITS[w];
  if (u === undefined) return null;
  // a capitalised word is a name, not a unit: "21 Grams"
  if (!t.glued && /^[A-Z][a-z]{2,}/.test(t.text)) return null;
  // "-35 C": a capital C or F apart from the number is a temperature when nothing else follows it
  const degrees = (t.text === 'C' || t.text === 'F') && !(n && (n.type === 'num' || /^[A-Z]/.test(n.text) || n.text === '.' && n.glued && tokens[j + 2]?.glued));
  if (DIGIT_ONLY_UNITS.has(w) && !(digits && (t.glued || SPACED_AFTER_DIGITS.has(w) || degrees))) return null;
  // "km/h", "km per hour"
  if ((w === 'km' || w === 'kilometres' || w === 'kilometers') && tokens[j + 1]?.text === '/' && tokens[j + 2]?.lower === 'h')
    return { unit: 'km/h', kind: 'measure', end: j + 3 };
  if (w === 'miles' && n?.lower === 'per' && tokens[j + 2]?.lower === 'hour') return { unit: 'mph', kind: 'measure', end: j + 3 };
  return { unit: u, kind: 'measure', end: j + 1 };
}
