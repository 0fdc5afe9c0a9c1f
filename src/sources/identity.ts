// Which items are the same item: an item is known by its GUID (or Atom/JSON Feed id), else by its
// canonical link (tracking parameters, "www.", "amp" dropped: canonicalUrl), else by a hash of its title
// and date. Its canonical link (or that hash) is also kept as a second key, which recognises an item whose
// GUID changed. reconcile() compares one fetch with the items already seen and says what each item is.
import { canonicalUrl } from '../core/stories/duplicates.ts';
import { digest } from '../core/text/normalize.ts';
import type { FeedItem } from './feed.ts';

export interface ItemKeys {
  /** The identity: 'guid:...', 'link:...' or 'hash:...'. */
  key: string;
  /** The canonical link, else the title-and-date hash. */
  altKey: string;
  /** Hash of what the feed says of the item: a change is an edit. */
  hash: string;
}

export function itemKeys(item: FeedItem): ItemKeys {
  const link = canonicalUrl(item.link);
  const titleDate = `hash:${digest(`${(item.title ?? '').trim().toLowerCase()}\n${item.published ?? ''}`, 16)}`;
  const altKey = link ? `link:${link}` : titleDate;
  const key = item.guid ? `guid:${item.guid.trim()}` : altKey;
  const hash = digest(JSON.stringify([item.title, item.link, item.summary, item.content, item.published, item.updated, item.author]), 16);
  return { key, altKey, hash };
}

export interface KnownItem {
  key: string;
  altKey: string;
  hash: string;
}

export type ItemFate =
  | { kind: 'new'; key: string }
  | { kind: 'edited'; key: string; known: KnownItem }
  | { kind: 'unchanged'; key: string; known: KnownItem }
  /** A second item with a GUID already in this fetch and the same link: one item listed twice. */
  | { kind: 'duplicate'; key: string };

export interface Reconciled {
  fates: ItemFate[];
  /** Items recognised by link although their GUID changed. */
  rekeyed: number;
  /** Items sharing a GUID with another item of the same fetch. */
  duplicateGuids: number;
  /** Most of the feed's items came back under new GUIDs: the feed changes them on every fetch. */
  churn: boolean;
}

/** Items re-keyed in one fetch at which a feed is taken to change its GUIDs each time. */
const CHURN_MIN_ITEMS = 3;

/** What each fetched item is, against the items seen before. `byLink`: the feed is known to churn GUIDs. */
export function reconcile(fetched: ItemKeys[], known: KnownItem[], byLink: boolean): Reconciled {
  const byKey = new Map(known.map((k) => [k.key, k]));
  const byAlt = new Map(known.map((k) => [k.altKey, k]));
  const used = new Map<string, string>(); // key -> altKey, in this fetch
  const fates: ItemFate[] = [];
  let rekeyed = 0;
  let duplicateGuids = 0;
  for (const f of fetched) {
    let key = byLink ? f.altKey : f.key;
    if (used.has(key)) {
      if (used.get(key) === f.altKey || used.has(f.altKey)) {
        fates.push({ kind: 'duplicate', key });
        continue;
      }
      // The same GUID on a different item: that item is known by its link instead.
      duplicateGuids++;
      key = f.altKey;
    }
    used.set(key, f.altKey);
    let known = byKey.get(key);
    if (!known) {
      const same = byAlt.get(f.altKey);
      if (same && !used.has(same.key)) {
        known = same;
        rekeyed++;
        key = same.key;
        used.set(key, f.altKey);
      }
    }
    if (!known) fates.push({ kind: 'new', key });
    else if (known.hash !== f.hash) fates.push({ kind: 'edited', key, known });
    else fates.push({ kind: 'unchanged', key, known });
  }
  const churn = !byLink && rekeyed >= CHURN_MIN_ITEMS && rekeyed * 2 >= fetched.length;
  return { fates, rekeyed, duplicateGuids, churn };
}

/** The article's path in the index for one item of a source. */
export function itemPath(sourceId: string, key: string): string {
  return `source:${sourceId}/${digest(key, 16)}`;
}
