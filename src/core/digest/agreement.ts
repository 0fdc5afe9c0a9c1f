// Facts several outlets agree on: numbers that appear in the articles of more than one outlet of a story.
// A sentence stating such a number carries a fact the story is about (four missiles crashed, 26 launched).

const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

/** The numbers a text states, as digit strings: "26", "40,000" -> "40000", "four" -> "4". Years are left out. */
export function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b\d[\d,]*(?:\.\d+)?\b/g)) {
    const n = m[0].replace(/,(?=\d{3}\b)/g, '').replace(/,$/, '');
    if (/^(1[89]|20)\d\d$/.test(n)) continue; // a year says when, not what
    out.add(n);
  }
  for (const m of text.toLowerCase().matchAll(/\b[a-z]+\b/g)) if (WORDS[m[0]] !== undefined) out.add(String(WORDS[m[0]]));
  return out;
}

/** Numbers stated by at least two of the outlets. `texts` holds each outlet's text. */
export function agreedNumbers(texts: Map<string, string>): Set<string> {
  const count = new Map<string, number>();
  for (const text of texts.values()) for (const n of numbersIn(text)) count.set(n, (count.get(n) ?? 0) + 1);
  return new Set([...count].filter(([, k]) => k >= 2).map(([n]) => n));
}
