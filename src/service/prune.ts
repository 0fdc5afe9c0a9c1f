// Which indexed files a sync may drop. A file that is gone from the data folder is dropped, unless that
// would empty most of the index at once: a folder that suddenly holds far fewer files (an unmounted disk,
// a moved folder, a typo) is far more often a mistake than a deliberate clear-out, so that needs an
// explicit `--prune`. Pure: known records and the paths seen in, the decision out.
import type { FileRecord } from '../store/store.ts';

/** A sync that would drop more than this share of the data folder's indexed files refuses without --prune. */
export const MAX_PRUNE_SHARE = 0.5;

export interface PruneOptions {
  /** Drop every missing file, however many (the CLI's --prune). */
  prune?: boolean;
  /** Folders (relative, `/`-separated) that could not be read this time: their files are kept. */
  keepUnder?: string[];
}

export interface PrunePlan {
  /** Paths to drop from the index. */
  remove: string[];
  /** Set when the sync refused to drop missing files; the message says why and what to do. */
  refused: string | null;
}

/** The files of the data folder (origin `data`) that a sync of `seen` would drop, or why it will not. */
export function prunePlan(known: Map<string, FileRecord>, seen: Set<string>, opts: PruneOptions = {}): PrunePlan {
  const fromData = [...known.values()].filter((r) => r.origin === 'data');
  const kept = (path: string) => (opts.keepUnder ?? []).some((dir) => path.startsWith(`${dir}/`));
  const missing = fromData.filter((r) => !seen.has(r.path) && !kept(r.path)).map((r) => r.path);
  if (missing.length === 0 || opts.prune) return { remove: missing, refused: null };
  if (missing.length / fromData.length > MAX_PRUNE_SHARE) {
    const share = Math.round((missing.length / fromData.length) * 100);
    return {
      remove: [],
      refused:
        `${missing.length} of the ${fromData.length} indexed files (${share}%) are no longer in the data folder; ` +
        `kept them in the index, since losing more than ${MAX_PRUNE_SHARE * 100}% at once is usually a moved or unmounted folder. ` +
        'If they were deleted on purpose, run `sitrep ingest --prune`.',
    };
  }
  return { remove: missing, refused: null };
}
