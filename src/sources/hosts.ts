// One request at a time per host, spaced: each host has a queue; a request starts when the one before it
// has finished and the spacing has passed.

export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly spacingMs: number) {}

  /** Runs `fn` when the host is free; requests to other hosts are not held up. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const key = host.toLowerCase();
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    ).then(() => (this.spacingMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, this.spacingMs)) : undefined));
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
