// Answers being worked on or sent. On shutdown an adapter waits for them, but never longer than a few
// seconds: a stop must not hang on a slow platform.

/** How long stop() waits for answers still being sent. */
export const DRAIN_MS = 5000;

export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work`, remembering it until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves when everything tracked has settled, or after `ms`; true when nothing was left waiting. */
  async drain(ms = DRAIN_MS): Promise<boolean> {
    if (this.pending.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const all = Promise.allSettled([...this.pending]).then(() => true as const);
    const settled = await Promise.race([all, timeout]);
    clearTimeout(timer);
    return settled;
  }
}
