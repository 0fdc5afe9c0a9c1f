// Small text helpers shared by the core: whitespace, quotes and hashing.
import { createHash } from 'node:crypto';

/** Collapses runs of white space (including non-breaking spaces) to one space and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** A short stable hex digest. */
export function digest(text: string | Buffer, length = 16): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** Number of words in a text. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Cuts a text to at most `max` characters at a word boundary, adding an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
