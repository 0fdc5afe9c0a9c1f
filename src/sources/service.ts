// Sources for the commands and for `sitrep start`: add (with autodiscovery), list, remove, status, OPML
// import, one poll of everything, and the schedule that polls sources as they fall due. Each source belongs
// to the place that added it (its scope).
import { digest } from '../core/text/normalize.ts';
import type { ParsedArticle } from '../core/types.ts';
import type { IndexedArticle, Store } from '../store/store.ts';
import type { Source, SourceStore } from '../store/sources.ts';
import { GuardedFetcher } from './fetch.ts';
import { HostGate, hostOf } from './hosts.ts';
import { SourceHttp } from './http.ts';
import { removeSourceItems } from './ingest-items.ts';
import { readOpml } from './opml.ts';
import { applyFeed, applyPage, pollSource, type PollDeps, type PollOutcome, type SourceNotifier } from './poll.ts';
import { intervalAfterSuccess, jittered } from './policy.ts';
import { resolveSource, SourceError } from './resolve.ts';
import type { SourceSettings } from './settings.ts';

/** How long a claimed source is left to its claimer before another instance may fetch it (ms): longer than a poll. */
export const POLL_LEASE_MS = 10 * 60_000;

/** Who is adding a source, and where: the place it will belong to and the channel told of failures. */
export interface Place {
  scope: string;
  platform: string;
  channelId: string | null;
  userId: string | null;
}

export interface AddResult {
  source: Source;
  /** Already followed here: nothing was added. */
  existing: boolean;
  newItems: number;
}

export interface PollSummary {
  sources: number;
  ok: number;
  notModified: number;
  failed: number;
  newItems: number;
  editedItems: number;
  ms: number;
}

export interface SourcesServiceOptions {
  store: Store;
  sources: SourceStore;
  settings: SourceSettings;
  notify?: SourceNotifier;
  now?: () => Date;
  log?: (message: string) => void;
  /** Called after a poll indexed new or edited articles. */
  onIndexed?: () => void;
  /** Analyses items off the calling thread (the Sitrep's analysis pool). */
  analyze?: (parsed: ParsedArticle[]) => Promise<IndexedArticle[]>;
}

export { CONSOLE_SCOPE } from '../config.ts';

function checkAddress(text: string): string {
  const typed = text.trim().replace(/^<(.*)>$/, '$1').replace(/\|.*$/, '');
  // "www.example.com/rss" (as chat apps show a link typed without its scheme) is taken as https.
  const url = /^[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/.test(typed) ? `https://${typed}` : typed;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SourceError(`"${text.trim()}" is not a web address; give the feed's or the page's full address, such as https://www.example.com/news/rss.xml.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new SourceError(`Only http and https addresses can be followed (not ${parsed.protocol.replace(/:$/, '')}:).`);
  return parsed.href;
}

export class SourcesService {
  readonly http: SourceHttp;
  private readonly deps: PollDeps;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<PollSummary> | null = null;

  constructor(private readonly opts: SourcesServiceOptions) {
    this.http = new SourceHttp(new GuardedFetcher(opts.settings.fetch), new HostGate(opts.settings.hostSpacingMs));
    this.deps = {
      store: opts.store,
      sources: opts.sources,
      http: this.http,
      policy: opts.settings.policy,
      notify: (n) => this.opts.notify?.(n),
      analyze: opts.analyze,
      now: opts.now ?? (() => new Date()),
      log: opts.log ?? ((m) => console.error(`sitrep: ${m}`)),
    };
  }

  /** Sets who is told when a source starts failing (the running adapters, wired by `sitrep start`). */
  setNotifier(notify: SourceNotifier | undefined): void {
    this.opts.notify = notify;
  }

  list(scope?: string): Source[] {
    return this.opts.sources.list(scope);
  }

  /** The place's source by its address, or null. */
  find(scope: string, url: string): Source | null {
    const u = url.trim();
    let normal = u;
    try {
      normal = new URL(u).href;
    } catch {
      /* matched as typed */
    }
    return this.opts.sources.find(scope, normal) ?? this.opts.sources.find(scope, u) ?? this.list(scope).find((s) => s.id === u) ?? null;
  }

  /** Follows an address in a place: a feed, a page naming its feed, or an article page. */
  async add(address: string, place: Place): Promise<AddResult> {
    const url = checkAddress(address);
    const already = this.find(place.scope, url);
    if (already) return { source: already, existing: true, newItems: 0 };
    const resolved = await resolveSource(this.http, url);
    const same = this.opts.sources.find(place.scope, resolved.url);
    if (same) return { source: same, existing: true, newItems: 0 };
    const now = this.deps.now();
    const source: Source = {
      id: digest(`${place.scope}\n${resolved.url}`, 12),
      scope: place.scope,
      url: resolved.url,
      addedUrl: url,
      kind: resolved.kind,
      title: resolved.kind === 'feed' ? resolved.feed.title : (resolved.page.publisher ?? resolved.page.title),
      platform: place.platform,
      channelId: place.channelId,
      addedBy: place.userId,
      addedAt: now.toISOString(),
      status: 'new',
      etag: null,
      lastModified: null,
      lastFetchAt: null,
      lastSuccessAt: null,
      nextFetchAt: now.toISOString(),
      intervalMs: this.opts.settings.policy.defaultIntervalMs,
      failures: 0,
      failingSince: null,
      lastError: null,
      notified: false,
      guidChurn: false,
      warning: null,
      items: 0,
    };
    this.opts.sources.add(source);
    const counts = resolved.kind === 'feed' ? await applyFeed(this.deps, source, resolved.feed) : await applyPage(this.deps, source, resolved.page);
    this.recordFirstFetch(source, resolved.response.headers, resolved.kind === 'feed' ? resolved.feed.ttlMinutes : null);
    this.opts.sources.save(source);
    if (counts.newItems) this.opts.onIndexed?.();
    return { source, existing: false, newItems: counts.newItems };
  }

  private recordFirstFetch(source: Source, headers: Headers, ttlMinutes: number | null): void {
    const now = this.deps.now();
    const etag = headers.get('etag');
    source.etag = etag && etag.trim() ? etag.trim() : null;
    source.lastModified = headers.get('last-modified');
    source.intervalMs = intervalAfterSuccess({ ttlMinutes, cacheControl: headers.get('cache-control'), expires: headers.get('expires') }, now, this.opts.settings.policy);
    Object.assign(source, { status: 'ok', lastFetchAt: now.toISOString(), lastSuccessAt: now.toISOString() });
    source.nextFetchAt = new Date(now.getTime() + jittered(source.intervalMs, this.opts.settings.policy)).toISOString();
  }

  /** Stops following a source and drops its articles from the index. */
  remove(source: Source): number {
    const items = this.opts.sources.items(source.id);
    removeSourceItems(this.opts.store, items.map((i) => i.path));
    this.opts.sources.remove(source.id);
    if (items.length) this.opts.onIndexed?.();
    return items.length;
  }

  /** Adds every feed an OPML file lists; each feed's failure is reported, the others still added. */
  async importOpml(text: string, place: Place): Promise<{ url: string; result?: AddResult; error?: string }[]> {
    const feeds = readOpml(text);
    const out: { url: string; result?: AddResult; error?: string }[] = [];
    for (const f of feeds) {
      try {
        out.push({ url: f.url, result: await this.add(f.url, place) });
      } catch (e) {
        out.push({ url: f.url, error: (e as Error).message });
      }
    }
    return out;
  }

  /** Polls the given sources: hosts side by side (a few at a time), one request at a time per host. */
  private async pollSources(list: Source[]): Promise<PollSummary> {
    const started = performance.now();
    const byHost = new Map<string, Source[]>();
    for (const s of list) byHost.set(hostOf(s.url), [...(byHost.get(hostOf(s.url)) ?? []), s]);
    const queues = [...byHost.values()];
    const outcomes: PollOutcome[] = [];
    const worker = async () => {
      for (let q = queues.shift(); q; q = queues.shift()) for (const s of q) outcomes.push(await pollSource(this.deps, s));
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.settings.hostConcurrency, queues.length) }, worker));
    const summary: PollSummary = {
      sources: outcomes.length,
      ok: outcomes.filter((o) => o.ok).length,
      notModified: outcomes.filter((o) => o.notModified).length,
      failed: outcomes.filter((o) => !o.ok).length,
      newItems: outcomes.reduce((n, o) => n + o.newItems, 0),
      editedItems: outcomes.reduce((n, o) => n + o.editedItems, 0),
      ms: performance.now() - started,
    };
    if (summary.newItems || summary.editedItems) this.opts.onIndexed?.();
    return summary;
  }

  /** Fetches every source once (`sitrep sources poll`). */
  pollAll(scope?: string): Promise<PollSummary> {
    return this.pollSources(this.list(scope));
  }

  /**
   * Fetches the sources whose next fetch time has come; one poll at a time. Each is claimed for a lease
   * first, so an instance sharing the database does not fetch it too, and one that dies mid-poll leaves it
   * to another when the lease ends.
   */
  pollDue(): Promise<PollSummary> {
    if (this.polling) return this.polling;
    const due = this.opts.sources.claimDue(this.deps.now(), POLL_LEASE_MS);
    this.polling = this.pollSources(due).finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  /** Polls due sources every tick while Sitrep runs. */
  start(): void {
    if (this.timer) return;
    const tick = () =>
      void this.pollDue().catch((e) => this.deps.log(`sources: polling failed: ${(e as Error).message}`));
    tick();
    this.timer = setInterval(tick, this.opts.settings.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling?.catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.stop();
    await this.http.fetcher.close();
  }
}
