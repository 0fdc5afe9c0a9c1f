// HTML pages: metadata from <title>, <meta> (Open Graph, article:*), <link rel=canonical>; the body from
// <p>, <h1>-<h6>, <li> and <blockquote>, inside <article> or <main> when the page has one. Scripts, styles,
// navigation, headers, footers, asides, forms and figures are page furniture and are skipped.
import { Parser } from 'htmlparser2';
import { emptyDraft, type Block, type Draft } from '../draft.ts';
import { trimFurniture } from '../furniture.ts';
import { applyMeta, type Meta } from './meta.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'header', 'aside', 'form', 'figure', 'figcaption', 'button', 'svg', 'iframe', 'template', 'select', 'textarea']);
const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'td', 'dd', 'div', 'section', 'article', 'main', 'br', 'tr']);

export function readHtml(html: string): Draft {
  const draft = emptyDraft();
  const meta: Meta = {};
  let skipDepth = 0;
  let inTitle = false;
  let pageTitle = '';
  let h1: string | null = null;
  let buffer = '';
  let bufferTag = 'p';
  let scopeDepth = 0; // inside <article>/<main>
  const inScope: Block[] = [];
  const all: Block[] = [];

  const flush = () => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (!text) return;
    if (bufferTag === 'h1' && !h1) {
      h1 = text;
      return;
    }
    const block: Block = { kind: /^h[2-6]$/.test(bufferTag) ? 'heading' : 'paragraph', text };
    all.push(block);
    if (scopeDepth > 0) inScope.push(block);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skipDepth++;
        if (skipDepth) return;
        if (name === 'title') inTitle = true;
        if (name === 'article' || name === 'main') scopeDepth++;
        if (name === 'meta') {
          const key = (attrs.property || attrs.name || attrs.itemprop || '').toLowerCase();
          const value = attrs.content;
          if (key && value) {
            const short = key.replace(/^(og|article|twitter|dc|dcterms|sailthru|parsely)[:.-]/, '');
            if (!(short in meta)) meta[short.replace(/[:-]/g, '_')] = value;
          }
        }
        if (name === 'link' && (attrs.rel || '').toLowerCase() === 'canonical' && attrs.href) meta.canonical ??= attrs.href;
        if (BLOCK.has(name)) {
          flush();
          bufferTag = name;
        }
      },
      ontext(text) {
        if (skipDepth) return;
        if (inTitle) pageTitle += text;
        else buffer += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (name === 'title') inTitle = false;
        if (BLOCK.has(name)) {
          flush();
          bufferTag = 'p';
        }
        if (name === 'article' || name === 'main') scopeDepth = Math.max(0, scopeDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();

  applyMeta(draft, {
    ...meta,
    title: meta.title ?? h1 ?? (pageTitle.trim() || undefined),
    source: meta.site_name,
    published: meta.published_time ?? meta.datepublished ?? meta.date,
    url: meta.url ?? meta.canonical,
    author: meta.author,
    categories: meta.section ?? meta.tag ?? meta.keywords,
  });
  const blocks = inScope.length ? inScope : all;
  draft.blocks = trimFurniture(blocks.filter((b) => b.text !== draft.title));
  return draft;
}
