// The story index's postings (term -> articles with the term's weight, by day), held in the writer's memory
// so that each arriving article's neighbours are found without a query per term. The record is the table
// `article_postings`, one row per article (its telling terms, appended as articles arrive: a table keyed by
// term took a page write for each of an article's twenty terms); the writer reads the days it needs into
// memory and keeps them in step.
//
// Compact: every posting is one slot of four typed columns (article row, day, weight, next slot of the
// same term), and each term keeps only the slot of its newest posting: about 20 bytes a posting, where
// objects and arrays per term and day took hundreds.
import { decodeVector } from './codec.ts';

const FIRST_CAPACITY = 1024;
/** An empty link. */
const NONE = -1;

export class MemoryPostings {
  private ns = new Int32Array(FIRST_CAPACITY);
  private days = new Int32Array(FIRST_CAPACITY);
  private ws = new Float64Array(FIRST_CAPACITY);
  private next = new Int32Array(FIRST_CAPACITY);
  private used = 0;
  private live = 0;
  /** Each term's newest slot. */
  private readonly heads = new Map<string, number>();

  /** Postings held. */
  get count(): number {
    return this.live;
  }

  private grow(): void {
    const size = this.ns.length * 2;
    const copy = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.ns = copy(this.ns, new Int32Array(size));
    this.days = copy(this.days, new Int32Array(size));
    this.ws = copy(this.ws, new Float64Array(size));
    this.next = copy(this.next, new Int32Array(size));
  }

  add(term: string, day: number, n: number, w: number): void {
    if (this.used === this.ns.length) this.grow();
    const slot = this.used++;
    this.ns[slot] = n;
    this.days[slot] = day;
    this.ws[slot] = w;
    this.next[slot] = this.heads.get(term) ?? NONE;
    this.heads.set(term, slot);
    this.live++;
  }

  /** Forgets an article's posting of a term (its slot is left empty). */
  remove(term: string, day: number, n: number): void {
    for (let s = this.heads.get(term) ?? NONE; s !== NONE; s = this.next[s]) {
      if (this.ns[s] === n && this.days[s] === day) {
        this.ns[s] = NONE;
        this.live--;
        return;
      }
    }
  }

  /**
   * The articles holding `term` on the days from `fromDay` to `toDay` (inclusive) and on `extraDay`, with
   * the term's weight in each; null when there are more than `max` of them (the term is too common there).
   */
  find(term: string, fromDay: number, toDay: number, extraDay: number | null, max: number): { ns: number[]; ws: number[] } | null {
    const out = { ns: [] as number[], ws: [] as number[] };
    for (let s = this.heads.get(term) ?? NONE; s !== NONE; s = this.next[s]) {
      const n = this.ns[s];
      if (n === NONE) continue;
      const day = this.days[s];
      if ((day < fromDay || day > toDay) && day !== extraDay) continue;
      if (out.ns.length === max) return null;
      out.ns.push(n);
      out.ws.push(this.ws[s]);
    }
    // Oldest first, as the table lists them within a day.
    out.ns.reverse();
    out.ws.reverse();
    return out;
  }
}

/** The postings of the days read so far (`all`: every day), each article's terms as stored ("term weight ..."). */
export class DayPostings {
  readonly memory = new MemoryPostings();
  readonly days = new Set<number>();
  all = false;

  holds(day: number): boolean {
    return this.all || this.days.has(day);
  }

  add(n: number, day: number, terms: string): void {
    for (const [t, w] of decodeVector(terms)) this.memory.add(t, day, n, w);
  }
}
