// Followed sources (feeds and article pages) and their poll state: the SourceStore interface. The SQLite
// implementation is sources-sqlite.ts, in its own tables of the index's database file. The articles a
// source's items become are stored through the Store (store.ts) like files, with origin 'source'.

export type SourceKind = 'feed' | 'page';

/** 'new' until the first fetch, 'ok' while fetches succeed or fail for less than a day, 'failing' after. */
export type SourceStatus = 'new' | 'ok' | 'failing';

/** One followed source in one place. The same address followed in two places is two sources. */
export interface Source {
  id: string;
  /** The place that added it and whose answers use it: 'discord:GUILD', 'slack:TEAM' or 'console'. */
  scope: string;
  /** The feed's address (after autodiscovery), or the page's. */
  url: string;
  /** What the user typed, when it was a page that named the feed. */
  addedUrl: string;
  kind: SourceKind;
  title: string | null;
  /** Where it was added: the platform and channel told when it starts failing. */
  platform: string;
  channelId: string | null;
  addedBy: string | null;
  addedAt: string;
  // Poll state.
  status: SourceStatus;
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  nextFetchAt: string;
  /** The interval between fetches while all is well (the feed's TTL or Cache-Control, within bounds). */
  intervalMs: number;
  /** Failures in a row since the last success. */
  failures: number;
  /** When the current run of failures began. */
  failingSince: string | null;
  lastError: string | null;
  /** The channel was told the source is failing (once per run of failures). */
  notified: boolean;
  /** The feed gives its items new GUIDs on each fetch: items are known by link or by title and date instead. */
  guidChurn: boolean;
  /** A note from the last fetch (a repaired feed, duplicate GUIDs). */
  warning: string | null;
  /** Items seen so far (each one article). */
  items: number;
}

/** One item of a source: which article it became. */
export interface SourceItem {
  sourceId: string;
  /** The item's identity: its GUID, else its canonical link, else a hash of title and date. */
  key: string;
  /** Its canonical link (or title-and-date hash): how an item is recognised when its GUID changes. */
  altKey: string;
  /** The article's file path in the index: `source:<sourceId>/<hash of key>`. */
  path: string;
  /** Hash of the item as the feed gave it: a change means the item was edited. */
  hash: string;
  firstSeen: string;
  lastSeen: string;
  /** Only the feed's summary is indexed (the page was paywalled or could not be read). */
  summaryOnly: boolean;
}

export interface SourceStore {
  add(source: Source): void;
  get(id: string): Source | null;
  /** The place's source with this address (feed address or the address it was added by). */
  find(scope: string, url: string): Source | null;
  /** Every source, or a place's. */
  list(scope?: string): Source[];
  /** Saves a source's poll state and title. */
  save(source: Source): void;
  /**
   * Claims the sources due at `now` (their next fetch at or before it) for `leaseMs`: their next fetch moves
   * to the lease's end, so no other instance on the same database fetches them meanwhile, and the fetch's
   * outcome (`save`) sets the next time. A claimer that dies leaves the lease to run out; then another
   * instance takes the source. The claimed sources, in `list` order.
   */
  claimDue(now: Date, leaseMs: number): Source[];
  /** Drops a source and its item rows (the articles are removed through the Store by the caller). */
  remove(id: string): void;
  items(sourceId: string): SourceItem[];
  putItem(item: SourceItem): void;
}
