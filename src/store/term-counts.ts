// The collection's document frequencies as the writer keeps them in memory: each term is given a slot once,
// and its count and its increment since the last write live in typed arrays. An arriving article adds one
// to each of a few hundred terms; with a Map of counts and a Map of increments that was four lookups in
// large maps per term, the largest single cost of placing an article. Here it is one.

/** What callers read: a term's document frequency, or undefined when no article holds it. */
export interface TermFrequencyView {
  get(term: string): number | undefined;
}

const FIRST_CAPACITY = 4096;

export class TermCounts implements TermFrequencyView {
  private readonly slots = new Map<string, number>();
  private readonly terms: string[] = [];
  private counts = new Int32Array(FIRST_CAPACITY);
  private pending = new Int32Array(FIRST_CAPACITY);
  /** Slots whose pending increment is not zero, each once. */
  private touched: number[] = [];

  get(term: string): number | undefined {
    const slot = this.slots.get(term);
    return slot === undefined || this.counts[slot] === 0 ? undefined : this.counts[slot];
  }

  /** Sets a term's count as stored (no pending increment). */
  load(term: string, count: number): void {
    this.counts[this.slotOf(term)] = count;
  }

  /** Adds `by` to a term's count and to its increment waiting to be written. */
  add(term: string, by = 1): void {
    const slot = this.slotOf(term);
    this.counts[slot] += by;
    if (this.pending[slot] === 0) this.touched.push(slot);
    this.pending[slot] += by;
  }

  /** How many terms have an increment waiting to be written. */
  get pendingSize(): number {
    return this.touched.length;
  }

  /** The increments waiting to be written, as (term, increment); they are cleared. */
  takePending(): [string, number][] {
    const out: [string, number][] = [];
    for (const slot of this.touched) {
      if (this.pending[slot] !== 0) out.push([this.terms[slot], this.pending[slot]]);
      this.pending[slot] = 0;
    }
    this.touched = [];
    return out;
  }

  /** The increments waiting to be written, left in place. */
  peekPending(): [string, number][] {
    return this.touched.filter((slot) => this.pending[slot] !== 0).map((slot) => [this.terms[slot], this.pending[slot]]);
  }

  private slotOf(term: string): number {
    let slot = this.slots.get(term);
    if (slot === undefined) {
      slot = this.terms.length;
      this.slots.set(term, slot);
      this.terms.push(term);
      if (slot >= this.counts.length) this.grow();
    }
    return slot;
  }

  private grow(): void {
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.counts = bigger(this.counts);
    this.pending = bigger(this.pending);
  }
}

/**
 * The document frequencies a writer keeps in memory, read from its store once (`read`), and the increments
 * it has not written yet. Dropping them (another connection wrote) keeps those increments for the next read.
 */
export class KeptFrequencies {
  private counts: TermCounts | null = null;
  /** Increments carried over while the counts are dropped. */
  private carried: [string, number][] = [];

  constructor(private readonly read: () => Iterable<{ term: string; df: number }>) {}

  /** The counts, read from the store when they are not kept. */
  view(): TermCounts {
    if (!this.counts) {
      const counts = new TermCounts();
      for (const r of this.read()) counts.load(r.term, r.df);
      for (const [t, n] of this.carried) counts.add(t, n);
      this.carried = [];
      this.counts = counts;
    }
    return this.counts;
  }

  /** Counts one more article holding each term. */
  add(terms: Iterable<string>): void {
    const counts = this.view();
    for (const t of terms) counts.add(t);
  }

  hasPending(): boolean {
    return (this.counts?.pendingSize ?? 0) > 0 || this.carried.length > 0;
  }

  /** Forgets the counts, keeping the increments not yet written. */
  drop(): void {
    if (this.counts) this.carried.push(...this.counts.peekPending());
    this.counts = null;
  }

  /** The increments to write, as (term, increment); they are cleared. */
  takePending(): [string, number][] {
    const pending = [...(this.counts?.takePending() ?? []), ...this.carried];
    this.carried = [];
    return pending;
  }

  /** Forgets everything, the unwritten increments too (after a failed batch). */
  reset(): void {
    this.counts = null;
    this.carried = [];
  }
}
