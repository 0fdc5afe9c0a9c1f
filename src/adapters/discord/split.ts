// Splitting text to fit a limit without cutting words: at a line break when there is one in reach, else at
// a space. Only a single "word" longer than the limit (a very long URL) is ever cut, as it must be.

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const newline = window.lastIndexOf('\n');
  if (newline > max / 2) return newline;
  const m = window.match(/[\s\S]*\s/);
  const space = m ? m[0].length - 1 : -1;
  if (space > 0) return space;
  if (newline > 0) return newline;
  // One word longer than the limit: cut, but not inside a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Pieces of at most `max` characters, split between words. */
export function splitWords(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const at = cutPoint(rest, max);
    const head = rest.slice(0, at).trimEnd();
    if (head) out.push(head);
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** Joins lines into chunks of at most `max` characters; lines too long on their own are split between words. */
export function packLines(lines: string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => (l.length > max ? splitWords(l, max) : [l]))) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= max) current = next;
    else {
      if (current.trim()) chunks.push(current.replace(/\n+$/, ''));
      current = line;
    }
  }
  if (current.trim()) chunks.push(current.replace(/\n+$/, ''));
  return chunks;
}

/** At most `max` characters, ending at a word with "…" when shortened. */
export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  return `${splitWords(t, max - 1)[0]}…`;
}
