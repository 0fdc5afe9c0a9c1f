// Starting and stopping several adapters as one: when one fails to start after others connected, the
// started ones are stopped again and the error says which failed and why; stopping waits for each adapter
// (they wait for answers still being sent) but never longer than a few seconds in all.
import type { ChatAdapter } from './types.ts';

/** The longest a stop may take in all before Sitrep exits anyway. */
export const STOP_TIMEOUT_MS = 8000;

export type Platform = ChatAdapter['platform'];
export type Log = (message: string) => void;

/** An adapter that could not start, after the ones before it were stopped again. */
export class AdapterStartError extends Error {}

/** Stops every adapter, in parallel, giving up on any still stopping after `ms`. */
export async function stopAll(adapters: readonly ChatAdapter[], log: Log, ms = STOP_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  const stops = adapters.map((a) =>
    a.stop().then(
      () => a.platform,
      (e) => {
        log(`${a.platform} did not stop cleanly: ${(e as Error).message}`);
        return a.platform;
      },
    ),
  );
  const all = Promise.all(stops);
  const result = await Promise.race([all, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') log(`stopping took longer than ${Math.round(ms / 1000)} s; exiting anyway.`);
}

/**
 * Builds and starts each platform's adapter in turn. If one fails, those already started are stopped and an
 * AdapterStartError names the platform and the reason. Platforms without a builder are skipped with a note.
 */
export async function startAll(platforms: readonly Platform[], build: (p: Platform) => Promise<ChatAdapter> | null, log: Log, stopMs = STOP_TIMEOUT_MS): Promise<ChatAdapter[]> {
  const started: ChatAdapter[] = [];
  for (const platform of platforms) {
    try {
      const made = build(platform);
      if (!made) {
        log(`${platform} support is not part of this build.`);
        continue;
      }
      const adapter = await made;
      await adapter.start();
      started.push(adapter);
      log(`${platform} adapter running.`);
    } catch (e) {
      const others = started.map((a) => a.platform);
      await stopAll(started, log, stopMs);
      const stopped = others.length ? ` Stopped ${others.join(' and ')} again, so Sitrep does not run half-connected.` : '';
      const reason = (e as Error).message.replace(/\s+$/, '');
      throw new AdapterStartError(`${platform} did not start: ${/[.!?]$/.test(reason) ? reason : `${reason}.`}${stopped}`);
    }
  }
  return started;
}
