// The intermediate shape every format reader produces, and the shared rules that turn plain blocks of
// text into a title, a byline, headings and paragraphs.
import { readByline } from './byline.ts';
import { trimFurniture } from './furniture.ts';
import { countWords } from '../text/normalize.ts';

export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
}

export interface Draft {
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  byline: string | null;
  categories: string[];
  blocks: Block[];
  /** Things worth a warning that did not stop the reading (an ambiguous date, say). */
  notes: string[];
}

export function emptyDraft(): Draft {
  return { title: null, source: null, url: null, published: null, byline: null, categories: [], blocks: [], notes: [] };
}

/** Words in a text (as `s.trim().split(/\s+/).filter(Boolean).length`). */
const words = countWords;
/** Strips wrapping quote marks: "'End of Cold War'" -> "End of Cold War". */
const unquoted = (s: string) => s.trim().replace(/^["'\u2018\u201c]+|["'\u2019\u201d]+$/g, '').trim();
/** Ends like a sentence of running text (a full stop, comma, colon...), not like a headline. */
const endsLikeProse = (s: string) => /[.,;:]$/.test(unquoted(s)) && !/\b[A-Z]\.$/.test(unquoted(s));

/** A short line that names a section: no closing punctuation, at most 12 words, not a bare number. */
export function isHeadingLike(text: string): boolean {
  const t = unquoted(text);
  return t.length > 0 && words(t) <= 12 && !/[.,;:!?]$/.test(t) && /\p{L}/u.test(t) && !/^\d+$/.test(t);
}

function isTitleLike(text: string): boolean {
  return words(text) <= 25 && !endsLikeProse(text);
}

/** "Syrian War, War and Conflict": a short comma-separated list of capitalised labels. */
function isCategoryList(text: string): boolean {
  const parts = text.split(/\s*[,|;]\s*/).filter(Boolean);
  return words(text) <= 12 && !endsLikeProse(text) && parts.every((p) => words(p) <= 4 && /^[\p{Lu}\d]/u.test(p));
}

/** Splits plain text into blocks at blank lines (or at line breaks when the text has no blank line). */
export function splitBlocks(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  const sep = /\n[ \t]*\n/.test(normalized) ? /\n[ \t]*\n+/ : /\n+/;
  return normalized
    .split(sep)
    .map((b) => oneLine(b).trim())
    .filter(Boolean);
}

/** A block's lines joined with single spaces, runs of spaces, tabs and no-break spaces made one space. */
function oneLine(block: string): string {
  // (the replacements are skipped where they would change nothing)
  const joined = block.includes('\n') ? block.replace(/\s*\n\s*/g, ' ') : block;
  return /[\t\u00a0]| {2}/.test(joined) ? joined.replace(/[ \t\u00a0]+/g, ' ') : joined;
}

/**
 * Reads the layout of a plain-text page: optional category line, title, optional byline, then body
 * blocks where short unpunctuated lines followed by text are headings. Known metadata in `draft` wins.
 */
export function readPlainLayout(rawBlocks: string[], draft: Draft = emptyDraft(), opts: { hasTitle?: boolean } = {}): Draft {
  let blocks = trimFurniture(rawBlocks.map((text) => ({ text }))).map((b) => b.text);
  if (opts.hasTitle !== false && !draft.title && blocks.length > 1) {
    if (blocks.length > 2 && isCategoryList(blocks[0]) && isTitleLike(blocks[1]) && !readByline(blocks[1])) {
      draft.categories = draft.categories.length ? draft.categories : blocks[0].split(/\s*[,|;]\s*/).filter(Boolean);
      blocks = blocks.slice(1);
    }
    if (isTitleLike(blocks[0]) && !readByline(blocks[0])) {
      draft.title = unquoted(blocks[0]) === blocks[0] ? blocks[0] : blocks[0].trim();
      blocks = blocks.slice(1);
    }
  }
  // A byline right under the title (or first on the page).
  for (let i = 0; i < Math.min(2, blocks.length); i++) {
    const by = readByline(blocks[i]);
    if (by) {
      draft.byline ??= by.byline;
      draft.source ??= by.source;
      draft.published ??= by.published;
      blocks = [...blocks.slice(0, i), ...blocks.slice(i + 1)];
      break;
    }
  }
  draft.blocks.push(...classifyBlocks(blocks));
  return draft;
}

/** Marks short unpunctuated blocks that are followed by a paragraph as headings. */
export function classifyBlocks(blocks: string[]): Block[] {
  return blocks.map((text, i) => {
    const next = blocks[i + 1];
    const heading = next !== undefined && isHeadingLike(text) && !isHeadingLike(next);
    return { kind: heading ? 'heading' : 'paragraph', text };
  });
}
