// JSON answers that may be larger than memory: a command puts a LazyList where a list may be long, and the
// command line writes it item by item (writeJson) instead of building one string. JSON.stringify still
// works on it (toJSON), for tests and small answers.

/** A list computed when it is read, as often as it is read. */
export class LazyList<T> implements Iterable<T> {
  constructor(private readonly make: () => Iterable<T>) {}

  [Symbol.iterator](): Iterator<T> {
    return this.make()[Symbol.iterator]();
  }

  toJSON(): T[] {
    return [...this];
  }
}

export const lazyList = <T>(make: () => Iterable<T>): LazyList<T> => new LazyList(make);

/** Bytes gathered before a write. */
const CHUNK_CHARS = 1 << 16;

/** Writes `value` as JSON through `write`, streaming every LazyList in it. */
export function writeJson(value: unknown, write: (s: string) => void): void {
  let buf = '';
  const out = (s: string) => {
    buf += s;
    if (buf.length >= CHUNK_CHARS) {
      write(buf);
      buf = '';
    }
  };
  const walk = (v: unknown): void => {
    if (v instanceof LazyList) {
      out('[');
      let first = true;
      for (const item of v) {
        if (!first) out(',');
        first = false;
        walk(item);
      }
      out(']');
    } else if (Array.isArray(v)) {
      out('[');
      v.forEach((item, i) => {
        if (i) out(',');
        walk(item === undefined || typeof item === 'function' ? null : item);
      });
      out(']');
    } else if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      out('{');
      let first = true;
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || typeof x === 'function') continue;
        if (!first) out(',');
        first = false;
        out(`${JSON.stringify(k)}:`);
        walk(x);
      }
      out('}');
    } else out(JSON.stringify(v) ?? 'null');
  };
  walk(value);
  if (buf) write(buf);
}
