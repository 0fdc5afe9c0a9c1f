// An article page to its story: Mozilla Readability (Firefox Reader View) over a linkedom DOM finds the
// article's content; JSON-LD NewsArticle metadata (headline, datePublished, publisher, author,
// isAccessibleForFree) is read from the page's <script type="application/ld+json">. The content is
// returned as HTML that the article reader (src/core/ingest/formats/html.ts) turns into plain paragraphs,
// so no markup, script or attribute from the page is ever stored: that is the sanitising step.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface PageArticle {
  title: string | null;
  /** The article's content as HTML, or null when Readability found none. */
  content: string | null;
  /** Words in the content. */
  words: number;
  published: string | null;
  publisher: string | null;
  author: string | null;
  /** The page's canonical address, when it names one. */
  url: string | null;
  /** The page says it is not free to read (JSON-LD isAccessibleForFree: false). */
  paywalled: boolean;
  /** The page's JSON-LD calls it a news article (or another kind of article). */
  declaredArticle: boolean;
}

/** Fewer words than this and the page is not taken as the full article (a teaser, a paywall). */
export const MIN_ARTICLE_WORDS = 80;
/** A page whose JSON-LD says it is an article needs only this many words. */
export const MIN_DECLARED_ARTICLE_WORDS = 40;

/** The page holds an article worth indexing as the full text. */
export function isFullArticle(page: PageArticle): boolean {
  return Boolean(page.content) && !page.paywalled && page.words >= (page.declaredArticle ? MIN_DECLARED_ARTICLE_WORDS : MIN_ARTICLE_WORDS);
}

type Rec = Record<string, unknown>;
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|LiveBlogPosting|OpinionNewsArticle|BackgroundNewsArticle|Report)$/;

function typesOf(node: Rec): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || null;
  if (v && typeof v === 'object') return nameOf((v as Rec).name);
  return null;
}

/** Every object in the page's JSON-LD blocks, @graph and arrays flattened. */
function jsonLdNodes(document: Document): Rec[] {
  const nodes: Rec[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      nodes.push(v as Rec);
      if ((v as Rec)['@graph']) visit((v as Rec)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      /* a broken JSON-LD block is skipped; the page is still read */
    }
  }
  return nodes;
}

export interface NewsMeta {
  headline: string | null;
  published: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  free: boolean | null;
}

export function newsArticleMeta(document: Document): NewsMeta | null {
  const node = jsonLdNodes(document).find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  if (!node) return null;
  const free = node.isAccessibleForFree;
  const page = node.mainEntityOfPage;
  return {
    headline: nameOf(node.headline) ?? nameOf(node.name),
    published: typeof node.datePublished === 'string' ? node.datePublished : null,
    publisher: nameOf(node.publisher),
    author: nameOf(node.author),
    url: typeof node.url === 'string' ? node.url : typeof page === 'string' ? page : nameOf((page as Rec | undefined)?.['@id']),
    free: free === false || free === 'false' || free === 'False' ? false : free === undefined ? null : true,
  };
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function readPage(html: string, pageUrl: string): PageArticle {
  const { document } = parseHTML(html);
  const meta = newsArticleMeta(document as unknown as Document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    // Readability changes the DOM it reads; the JSON-LD was read first.
    parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    parsed = null;
  }
  const words = parsed?.textContent ? wordCount(parsed.textContent) : 0;
  let url: string | null = null;
  try {
    url = new URL(meta?.url ?? canonical ?? pageUrl, pageUrl).href;
  } catch {
    url = pageUrl;
  }
  return {
    title: meta?.headline ?? parsed?.title ?? null,
    content: parsed?.content ?? null,
    words,
    published: meta?.published ?? parsed?.publishedTime ?? null,
    publisher: meta?.publisher ?? parsed?.siteName ?? null,
    author: meta?.author ?? parsed?.byline ?? null,
    url,
    paywalled: meta?.free === false,
    declaredArticle: meta !== null,
  };
}
