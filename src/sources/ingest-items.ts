// The one place where a source's item joins the index: as a virtual file `source:<sourceId>/<itemKey>`
// holding one analysed article, through the Store's replaceFile, exactly as a data file is indexed
// (src/service/ingest.ts). An edited item replaces its article (same path, same id, first-seen date kept).
// Kept to this one small function so the indexing can move to the ingest worker without touching the rest.
// Items are written in batches: one transaction per batch is far faster than one per item (the FTS index).
import { storeFile, writeBatch } from '../service/ingest.ts';
import type { FileRecord, IndexedArticle, Store } from '../store/store.ts';

export interface SourceItemRecord {
  path: string;
  /** Hash of the item: a changed hash is an edited item. */
  hash: string;
  /** The place the source belongs to ('discord:GUILD', 'slack:TEAM', 'console'). */
  scope: string;
}

/** Stores a batch of items' analysed articles, in one transaction (with `alongside`, the caller's own rows). */
export function indexSourceItems(store: Store, batch: { item: SourceItemRecord; article: IndexedArticle }[], alongside: () => void = () => {}, now = Date.now()): void {
  writeBatch(store, () => {
    for (const { item, article } of batch) {
      const record: FileRecord = { path: item.path, size: article.words, mtimeMs: now, hash: item.hash, origin: 'source', scope: item.scope };
      storeFile(store, record, [article]);
    }
    alongside();
  });
}

/** Drops the articles of a removed source. */
export function removeSourceItems(store: Store, paths: string[]): void {
  store.transaction(() => paths.forEach((p) => store.removeFile(p)));
}
