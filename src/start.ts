// `sitrep start` (and `npm start`): index the data folder, then run the adapters the settings ask for.
import type { CommandContext } from '../commands/types.ts';
import { ConsoleAdapter } from './adapters/console/console.ts';
import { AdapterStartError, startAll, stopAll } from './adapters/lifecycle.ts';
import { planAdapters } from './adapters/select.ts';
import type { ChatAdapter, Delivery } from './adapters/types.ts';
import { renderText } from './adapters/console/render.ts';
import type { Reply } from './reply.ts';
import { DigestScheduler } from './scheduler/scheduler.ts';
import { graceHours } from './scheduler/settings.ts';
import { composeFor, scheduleStoreOf } from './service/digest.ts';
import { summarizeIngest } from './service/ingest.ts';
import type { Sitrep } from './service/sitrep.ts';
import { analysisPool } from './service/analysis-pool.ts';
import type { SourceNotifier } from './sources/poll.ts';
import { sourceNotifier } from './sources/start.ts';

/** Builds the adapter for a chat platform. Platforms register here as they are built. */
export type AdapterFactory = (sitrep: Sitrep, env: NodeJS.ProcessEnv) => Promise<ChatAdapter>;
export const ADAPTER_FACTORIES: Partial<Record<'discord' | 'slack', AdapterFactory>> = {};
// Loaded only when Discord is configured, so other platforms never load discord.js.
ADAPTER_FACTORIES.discord = async (sitrep, env) => (await import('./adapters/discord/index.ts')).createDiscordAdapter(sitrep, env);
// Slack: loaded only when Slack settings are present, so the core never pulls in @slack/*.
ADAPTER_FACTORIES.slack = async (sitrep, env) => (await import('./adapters/slack/index.ts')).createSlackAdapter(sitrep, env);

/** How often a running Sitrep looks for new, changed and deleted files in the data folder. */
export const RESYNC_MS = 60_000;

/** A running Sitrep's watch on its data folder and sources. */
export interface Watch {
  /** Resolves when the first sync is done (whatever its outcome). */
  first: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps the index up to date while Sitrep runs: the background indexer (its own thread) syncs at once and
 * then every `ms`, so articles dropped in are answered from. The chat thread only asks and logs.
 */
export function watchDataFolder(sitrep: Sitrep, ms = RESYNC_MS, sources?: { notify: SourceNotifier }): Watch {
  // Followed sources are polled in the indexer's thread too; their notices come back here to be posted.
  const indexer = sitrep.startIndexer({ pollSources: Boolean(sources), onNotice: (n) => void Promise.resolve(sources?.notify(n)).catch(() => {}) });
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    if (running) return running;
    running = indexer
      .sync()
      .then((report) => {
        if (report && (report.filesIndexed || report.removed || report.skipped.length || report.expired)) console.error(`sitrep: ${summarizeIngest(report)}`);
      })
      .catch((e: Error) => console.error(`sitrep: re-indexing the data folder failed: ${e.message}`))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = tick();
  const timer = setInterval(tick, ms);
  timer.unref();
  return {
    first,
    async stop() {
      clearInterval(timer);
      await running;
      await indexer.close();
    },
  };
}

/** Platforms whose digests print to standard output when no adapter of theirs runs. */
const PRINTED_PLATFORMS = new Set(['console', 'cli']);

/**
 * The daily digest scheduler, posting through the running adapter of each subscription's platform.
 * Console and command-line subscriptions print to standard output. Runs of a platform with no running
 * adapter here are left for an instance that has one (never claimed and lost).
 */
export function digestScheduler(sitrep: Sitrep, adapters: Map<string, ChatAdapter>, env: NodeJS.ProcessEnv = process.env): DigestScheduler {
  const post = async (platform: string, channelId: string, reply: Reply, delivery: Delivery, place: string) => {
    const adapter = adapters.get(platform);
    if (adapter) return adapter.post(channelId, reply, delivery, place || undefined);
    if (PRINTED_PLATFORMS.has(platform)) {
      if (delivery.sent.length) return;
      process.stdout.write(`[digest for ${platform}/${channelId}]\n${renderText(reply)}\n`);
      delivery.delivered(0, 'stdout');
      return;
    }
    throw new Error(`no ${platform} adapter is running`);
  };
  const canPost = (platform: string) => adapters.has(platform) || PRINTED_PLATFORMS.has(platform);
  return new DigestScheduler({ store: scheduleStoreOf(sitrep), compose: composeFor(sitrep), post, canPost, graceHours: graceHours(env) });
}

export async function start(sitrep: Sitrep, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const plan = planAdapters(env);
  for (const r of plan.reasons) console.error(`sitrep: ${r}`);
  const running = new Map<string, ChatAdapter>();
  // What the chat thread itself must analyse (a source's first items on /sources add) goes to a thread.
  const pool = analysisPool(1);
  sitrep.usePool(pool);
  const watch = watchDataFolder(sitrep, RESYNC_MS, { notify: sourceNotifier(running) });
  // An empty index (a first run) has nothing to answer from yet: wait for the first sync. A built index
  // answers at once while the indexer catches up.
  if (sitrep.store.count() === 0) {
    console.error('sitrep: indexing the data folder for the first time…');
    await watch.first;
  }
  const unwatch = async () => {
    await watch.stop();
    sitrep.usePool(null);
    await pool.close();
  };
  if (plan.start.includes('console')) {
    const context: CommandContext = { sitrep, platform: 'console', channelId: 'console', canManage: true };
    const adapter = new ConsoleAdapter({ context });
    running.set('console', adapter);
    const scheduler = digestScheduler(sitrep, running, env);
    scheduler.start();
    try {
      await adapter.start();
    } finally {
      await scheduler.stop();
      await unwatch();
    }
    return 0;
  }
  const log = (m: string) => console.error(`sitrep: ${m}`);
  let adapters: ChatAdapter[];
  try {
    adapters = await startAll(plan.start, (p) => ADAPTER_FACTORIES[p as 'discord' | 'slack']?.(sitrep, env) ?? null, log);
  } catch (e) {
    if (!(e instanceof AdapterStartError)) throw e;
    log(e.message);
    await unwatch();
    return 1;
  }
  for (const a of adapters) running.set(a.platform, a);
  if (adapters.length === 0) {
    await unwatch();
    return 1;
  }
  const scheduler = digestScheduler(sitrep, running, env);
  scheduler.start();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await scheduler.stop();
  // Each adapter waits for answers still being sent, a few seconds at most.
  await stopAll(adapters, log);
  await unwatch();
  return 0;
}
