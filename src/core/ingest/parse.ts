// One file's text to articles: picks the reader by extension, then builds sentences, ids and hashes.
import type { ParsedArticle, Sentence } from '../types.ts';
import { countWords, digest, squash } from '../text/normalize.ts';
import { sanitizeText } from '../text/sanitize.ts';
import { splitSentences } from '../text/sentences.ts';
import { readByline } from './byline.ts';
import { readPlainLayout, splitBlocks, type Draft } from './draft.ts';
import { readHtml } from './formats/html.ts';
import { readJson } from './formats/json.ts';
import { readMarkdown } from './formats/markdown.ts';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json'] as const;

/** Thrown when a file's text cannot be read as an article; the message names the problem. */
export class ArticleParseError extends Error {}

function extensionOf(file: string): string {
  const m = file.toLowerCase().match(/\.[a-z0-9]+$/);
  return m ? m[0] : '';
}

/** Reads the articles in one file's text. `file` is the path relative to the data folder. */
export function parseArticles(file: string | null, text: string, format?: string): ParsedArticle[] {
  return readArticles(file, text, format).articles;
}

/** As parseArticles, with the warnings worth telling the user (an ambiguous date, ...). */
export function readArticles(file: string | null, raw: string, format?: string): { articles: ParsedArticle[]; warnings: string[] } {
  // Layout is read from the text as it will be shown; entities decoded by a reader are cleaned in finish().
  const text = sanitizeText(raw);
  const ext = format ?? (file ? extensionOf(file) : '.txt');
  let drafts: Draft[];
  try {
    if (ext === '.json') drafts = readJson(text);
    else if (ext === '.html' || ext === '.htm') drafts = [readHtml(text)];
    else if (ext === '.md' || ext === '.markdown') drafts = [readMarkdown(text)];
    else drafts = [readPlainLayout(splitBlocks(text))];
  } catch (e) {
    throw new ArticleParseError((e as Error).message);
  }
  const articles = drafts.map((d, i) => finish(d, file, drafts.length > 1 ? i : null)).filter((a) => a.sentences.length > 0);
  if (articles.length === 0) throw new ArticleParseError('has no article text (nothing left after page furniture)');
  return { articles, warnings: [...new Set(drafts.flatMap((d) => d.notes))] };
}

/** Article text as it is kept: no control sequences, zero-width or bidi characters, white space squashed. */
const clean = (text: string): string => squash(sanitizeText(text));

function finish(draft: Draft, file: string | null, index: number | null): ParsedArticle {
  // A byline among the first blocks, when the reader did not see one.
  if (!draft.byline) {
    for (let i = 0; i < Math.min(2, draft.blocks.length); i++) {
      const by = readByline(draft.blocks[i].text);
      if (!by) continue;
      draft.byline = by.byline;
      draft.source ??= by.source;
      draft.published ??= by.published;
      draft.blocks.splice(i, 1);
      break;
    }
  }
  const headings: string[] = [];
  const paragraphs: string[] = [];
  const sentences: Sentence[] = [];
  let heading: string | null = null;
  for (const block of draft.blocks) {
    const text = clean(block.text);
    if (!text) continue;
    if (block.kind === 'heading') {
      headings.push(text);
      heading = text;
      continue;
    }
    const paragraph = paragraphs.length;
    paragraphs.push(text);
    for (const s of splitSentences(text)) sentences.push({ index: sentences.length, paragraph, heading, text: s });
  }
  const body = paragraphs.join('\n\n');
  const title = clean(draft.title ?? '') || fallbackTitle(sentences[0]?.text ?? file ?? 'Untitled');
  const key = file === null ? `text:${digest(body)}` : index === null ? file : `${file}#${index}`;
  return {
    id: digest(key),
    file,
    title,
    source: draft.source ? clean(draft.source) : null,
    url: draft.url ? sanitizeText(draft.url).trim() || null : null,
    published: draft.published,
    byline: draft.byline ? clean(draft.byline) : null,
    categories: draft.categories.map(clean).filter(Boolean),
    headings,
    paragraphs,
    sentences,
    words: countWords(body),
    contentHash: digest(body.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()),
  };
}

/** A title for a page that has none: its first sentence, cut to a dozen words. */
function fallbackTitle(first: string): string {
  const words = first.split(/\s+/);
  return words.length <= 12 ? first : `${words.slice(0, 12).join(' ')}…`;
}
