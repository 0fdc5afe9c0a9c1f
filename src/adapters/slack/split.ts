// Splitting text to fit Slack's limits without cutting a word in half. Lengths are measured by a caller's
// function (the escaped length, since `&` becomes `&amp;` on the way out).

export type Measure = (text: string) => number;

const plainLength: Measure = (s) => s.length;

/** Cuts one over-long word (a huge URL, say) into pieces; the only place a word is ever split. */
function cutWord(word: string, max: number, measure: Measure): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of Array.from(word)) {
    if (current && measure(current + ch) > max) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Splits text into pieces of at most `max` (by `measure`), breaking only at whitespace. Line breaks inside
 * a piece are kept; whitespace at a break is dropped. A single word longer than `max` is the one exception.
 */
export function splitWords(text: string, max: number, measure: Measure = plainLength): string[] {
  if (max <= 0) throw new RangeError('splitWords: max must be positive');
  const trimmed = text.trim();
  if (measure(trimmed) <= max) return trimmed ? [trimmed] : [];
  const pieces: string[] = [];
  let current = '';
  for (const token of trimmed.split(/(\s+)/)) {
    if (!token) continue;
    const isSpace = /^\s+$/.test(token);
    if (measure(current + token) <= max) {
      current += token;
      continue;
    }
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
    if (isSpace) continue;
    if (measure(token) <= max) current = token;
    else {
      const parts = cutWord(token, max, measure);
      pieces.push(...parts.slice(0, -1));
      current = parts[parts.length - 1];
    }
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

/** Shortens text to at most `max` at a word boundary, with an ellipsis when anything was left out. */
export function shorten(text: string, max: number, measure: Measure = plainLength): string {
  const t = text.trim();
  if (measure(t) <= max) return t;
  const first = splitWords(t, Math.max(1, max - 1), measure)[0] ?? '';
  return `${first}…`;
}

/** Packs lines into chunks of at most `max` (joined by newlines); a line longer than `max` must be split first. */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= max) current = next;
    else {
      if (current) chunks.push(current);
      current = line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
