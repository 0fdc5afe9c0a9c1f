// The story index's postings (term -> day -> articles with the term's weight), held in the writer's memory
// during a large ingest so that each arriving article's neighbours are found without a query per term.
// The table `article_terms` stays the record; this is a copy the writer keeps in step with it.

/** One term's articles on one day: parallel lists of row numbers and weights. */
interface DayPostings {
  ns: number[];
  ws: number[];
}

export class MemoryPostings {
  private readonly byTerm = new Map<string, Map<number, DayPostings>>();
  private size = 0;

  /** Postings held. */
  get count(): number {
    return this.size;
  }

  add(term: string, day: number, n: number, w: number): void {
    let days = this.byTerm.get(term);
    if (!days) this.byTerm.set(term, (days = new Map()));
    let list = days.get(day);
    if (!list) days.set(day, (list = { ns: [], ws: [] }));
    list.ns.push(n);
    list.ws.push(w);
    this.size++;
  }

  remove(term: string, day: number, n: number): void {
    const list = this.byTerm.get(term)?.get(day);
    if (!list) return;
    const i = list.ns.indexOf(n);
    if (i < 0) return;
    list.ns.splice(i, 1);
    list.ws.splice(i, 1);
    this.size--;
  }

  /**
   * The articles holding `term` on the days from `fromDay` to `toDay` (inclusive) and on `extraDay`, with
   * the term's weight in each; null when there are more than `max` of them (the term is too common there).
   */
  find(term: string, fromDay: number, toDay: number, extraDay: number | null, max: number): { ns: number[]; ws: number[] } | null {
    const days = this.byTerm.get(term);
    const out = { ns: [] as number[], ws: [] as number[] };
    if (!days) return out;
    const take = (list: DayPostings | undefined) => {
      if (!list) return;
      for (let i = 0; i < list.ns.length; i++) {
        out.ns.push(list.ns[i]);
        out.ws.push(list.ws[i]);
      }
    };
    // Few days in a window: look each up; a wide range (an undated article's) walks the term's days instead.
    if (toDay - fromDay <= days.size) for (let d = fromDay; d <= toDay; d++) take(days.get(d));
    else for (const [d, list] of days) if (d >= fromDay && d <= toDay) take(list);
    if (extraDay !== null && (extraDay < fromDay || extraDay > toDay)) take(days.get(extraDay));
    return out.ns.length > max ? null : out;
  }
}
