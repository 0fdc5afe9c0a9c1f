// Polling one source: a conditional GET, then the feed's items reconciled with those seen before (new
// items become articles, edited items update theirs, items dropped from the feed keep their articles),
// then the next fetch time. A failure is counted, backed off, and after a day marked failing, once.
import { dayMonthYear } from './dates.ts';
import type { ParsedArticle } from '../core/types.ts';
import type { IndexedArticle, Store } from '../store/store.ts';
import type { Source, SourceItem, SourceStore } from '../store/sources.ts';
import { itemArticle } from './article.ts';
import { FeedParseError, readFeed, type Feed, type FeedItem } from './feed.ts';
import { ACCEPT_FEED, ACCEPT_PAGE, httpReason, type SourceHttp, type SourceResponse } from './http.ts';
import { itemKeys, itemPath, reconcile, type ItemKeys } from './identity.ts';
import { analyzeArticles } from '../service/analysis-task.ts';
import { indexSourceItems } from './ingest-items.ts';
import { isFullArticle, MIN_ARTICLE_WORDS, readPage, type PageArticle } from './page.ts';
import { intervalAfterSuccess, jittered, retryAfterMs, waitAfterFailure, type PollPolicy } from './policy.ts';

/** Told once when a source starts failing: the adapters post it in the channel that added the source. */
export interface SourceNotice {
  source: Source;
  message: string;
}
export type SourceNotifier = (notice: SourceNotice) => Promise<void> | void;

export interface PollDeps {
  store: Store;
  sources: SourceStore;
  http: SourceHttp;
  policy: PollPolicy;
  notify?: SourceNotifier;
  /** Analyses items off the calling thread (the analysis pool); inline when absent. */
  analyze?: (parsed: ParsedArticle[]) => Promise<IndexedArticle[]>;
  now: () => Date;
  log: (message: string) => void;
}

export interface PollOutcome {
  sourceId: string;
  ok: boolean;
  notModified: boolean;
  newItems: number;
  editedItems: number;
  error: string | null;
}

const wordsIn = (html: string | null) => (html ? (html.replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length : 0);
const yieldToChat = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The linked page in full, or null when it is paywalled, too short, or cannot be fetched. */
async function fullPage(deps: PollDeps, link: string | null): Promise<PageArticle | null> {
  if (!link) return null;
  try {
    const res = await deps.http.getOk(link, ACCEPT_PAGE);
    const page = readPage(res.text, res.url);
    return isFullArticle(page) ? page : null;
  } catch (e) {
    deps.log(`sources: the page ${link} could not be read (${(e as Error).message}); the feed's summary is kept`);
    return null;
  }
}

/** A new or edited item, read and ready to be indexed. */
interface Prepared {
  kind: 'new' | 'edited';
  article: ParsedArticle;
  row: SourceItem;
}

/** Items analysed and written per transaction; the chat loop gets a turn between batches. */
const BATCH = 10;

/** Reads one new or edited item (fetching its page when the feed has only a summary); null when nothing readable is in it. */
async function prepareItem(deps: PollDeps, source: Source, item: FeedItem, key: string, known: SourceItem | undefined, keys: ItemKeys): Promise<Omit<Prepared, 'kind'> | null> {
  const now = deps.now();
  const path = known?.path ?? itemPath(source.id, key);
  const firstSeen = known ? new Date(known.firstSeen) : now;
  const page = wordsIn(item.content) >= MIN_ARTICLE_WORDS ? null : await fullPage(deps, item.link);
  try {
    const article = itemArticle({ path, item, outlet: source.title, page, firstSeen, now });
    const row: SourceItem = { sourceId: source.id, key: known?.key ?? key, altKey: keys.altKey, path, hash: keys.hash, firstSeen: firstSeen.toISOString(), lastSeen: now.toISOString(), summaryOnly: Boolean(article.summaryOnly) };
    return { article, row };
  } catch (e) {
    deps.log(`sources: an item of ${source.url} has no readable text (${(e as Error).message})`);
    return null;
  }
}

/** Analyses a batch of items (in worker threads when the deps have them) and stores it in one transaction. */
async function store(deps: PollDeps, source: Source, batch: Prepared[]): Promise<void> {
  const articles = await (deps.analyze ?? ((parsed: ParsedArticle[]) => analyzeArticles(parsed)))(batch.map((p) => p.article));
  indexSourceItems(deps.store, batch.map((p, i) => ({ item: { path: p.row.path, hash: p.row.hash, scope: source.scope }, article: articles[i] })), () => batch.forEach((p) => deps.sources.putItem(p.row)), deps.now().getTime());
}

/** Reconciles a feed's items with those seen before and indexes what is new or edited. */
export async function applyFeed(deps: PollDeps, source: Source, feed: Feed): Promise<{ newItems: number; editedItems: number }> {
  const known = deps.sources.items(source.id);
  const byKey = new Map(known.map((k) => [k.key, k]));
  const keys = feed.items.map(itemKeys);
  const result = reconcile(keys, known, source.guidChurn);
  let batch: Prepared[] = [];
  let newItems = 0;
  let editedItems = 0;
  const flush = async () => {
    await store(deps, source, batch);
    newItems += batch.filter((p) => p.kind === 'new').length;
    editedItems += batch.filter((p) => p.kind === 'edited').length;
    batch = [];
    await yieldToChat();
  };
  for (let i = 0; i < feed.items.length; i++) {
    const fate = result.fates[i];
    if (fate.kind === 'unchanged' || fate.kind === 'duplicate') continue;
    const prepared = await prepareItem(deps, source, feed.items[i], fate.key, fate.kind === 'edited' ? byKey.get(fate.known.key) : undefined, keys[i]);
    if (prepared) batch.push({ kind: fate.kind, ...prepared });
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  if (result.churn) source.guidChurn = true;
  const notes = [feed.warning, result.duplicateGuids ? `${result.duplicateGuids} item${result.duplicateGuids === 1 ? ' shares' : 's share'} a GUID with another item` : null, source.guidChurn ? 'the feed changes its items\' GUIDs on every fetch; items are known by their links' : null];
  source.warning = notes.filter(Boolean).join('; ') || null;
  source.items = deps.sources.items(source.id).length;
  if (!source.title && feed.title) source.title = feed.title;
  return { newItems, editedItems };
}

/** A followed article page is one item: the page itself, updated when it changes. */
export async function applyPage(deps: PollDeps, source: Source, page: PageArticle): Promise<{ newItems: number; editedItems: number }> {
  const item: FeedItem = { guid: null, link: source.url, title: page.title, published: page.published, updated: null, summary: null, content: page.content, author: page.author, categories: [] };
  source.title ??= page.publisher ?? page.title;
  return applyFeed(deps, source, { format: 'rss', title: null, link: null, ttlMinutes: null, items: [item] });
}

function succeed(deps: PollDeps, source: Source, res: SourceResponse, ttlMinutes: number | null): void {
  const now = deps.now();
  const etag = res.headers.get('etag');
  if (res.status !== 304) {
    source.etag = etag && etag.trim() ? etag.trim() : null;
    source.lastModified = res.headers.get('last-modified');
  }
  source.intervalMs = intervalAfterSuccess({ ttlMinutes, cacheControl: res.headers.get('cache-control'), expires: res.headers.get('expires') }, now, deps.policy);
  Object.assign(source, { status: 'ok', failures: 0, failingSince: null, lastError: null, notified: false, lastFetchAt: now.toISOString(), lastSuccessAt: now.toISOString() });
  source.nextFetchAt = new Date(now.getTime() + jittered(source.intervalMs, deps.policy)).toISOString();
}

async function fail(deps: PollDeps, source: Source, reason: string, retryAfter: number | null): Promise<void> {
  const now = deps.now();
  source.failures += 1;
  source.failingSince ??= now.toISOString();
  source.lastError = reason;
  source.lastFetchAt = now.toISOString();
  source.nextFetchAt = new Date(now.getTime() + waitAfterFailure(source.failures, source.intervalMs, retryAfter, deps.policy)).toISOString();
  if (now.getTime() - Date.parse(source.failingSince) >= deps.policy.failingAfterMs) source.status = 'failing';
  if (source.status === 'failing' && !source.notified) {
    source.notified = true;
    const since = dayMonthYear(source.failingSince);
    const message = `${source.title ?? source.url} has failed every fetch since ${since}: ${reason}. Sitrep keeps trying, less often; /sources status shows it, /sources remove ${source.url} stops it.`;
    try {
      await deps.notify?.({ source, message });
    } catch (e) {
      deps.log(`sources: could not tell ${source.platform}/${source.channelId} that ${source.url} is failing (${(e as Error).message})`);
    }
  }
}

/** Fetches one source once and stores what came of it. */
export async function pollSource(deps: PollDeps, source: Source): Promise<PollOutcome> {
  const outcome: PollOutcome = { sourceId: source.id, ok: false, notModified: false, newItems: 0, editedItems: 0, error: null };
  try {
    const res = await deps.http.get(source.url, source.kind === 'page' ? ACCEPT_PAGE : ACCEPT_FEED, source);
    if (res.status === 304) {
      succeed(deps, source, res, null);
      Object.assign(outcome, { ok: true, notModified: true });
    } else if (res.status === 429 || res.status === 503) {
      await fail(deps, source, httpReason(res.status), retryAfterMs(res.headers.get('retry-after'), deps.now()));
    } else if (res.status < 200 || res.status > 299) {
      await fail(deps, source, httpReason(res.status), null);
    } else {
      const feed = source.kind === 'page' ? null : readFeed(res.text);
      const counts = feed ? await applyFeed(deps, source, feed) : await applyPage(deps, source, readPage(res.text, res.url));
      succeed(deps, source, res, feed?.ttlMinutes ?? null);
      Object.assign(outcome, { ok: true, ...counts });
    }
  } catch (e) {
    const reason = e instanceof FeedParseError ? e.message : (e as Error).message;
    await fail(deps, source, reason, null);
  }
  outcome.error = outcome.ok ? null : source.lastError;
  deps.sources.save(source);
  return outcome;
}
