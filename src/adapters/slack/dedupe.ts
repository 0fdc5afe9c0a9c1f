// Slack retries an event it thinks went unanswered (X-Slack-Retry-Num over HTTP, retry_attempt in Socket
// Mode), with the same event_id. Sitrep answers each event id once: the first delivery claims it. The
// adapter keeps claims in SQLite (src/store/dedupe-sqlite.ts) so they survive a restart; this in-memory
// ledger is the fallback.

export interface DedupeOptions {
  /** How long an id is remembered; Slack retries within minutes. */
  ttlMs?: number;
  /** At most this many ids are kept (oldest forgotten first). */
  max?: number;
  now?: () => number;
}

import type { EventClaims } from '../../store/dedupe.ts';

/** In memory: used when the event ledger file cannot be opened, and in tests. */
export class EventDeduper implements EventClaims {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: DedupeOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 60 * 60 * 1000;
    this.max = opts.max ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /** True the first time an id is seen (within the TTL); false for every repeat. */
  claim(id: string): boolean {
    const now = this.now();
    this.prune(now);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  close(): void {
    this.seen.clear();
  }

  private prune(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
