// `sitrep start` (and `npm start`): index the data folder, then run the adapters the settings ask for.
import type { CommandContext } from '../commands/types.ts';
import { ConsoleAdapter } from './adapters/console/console.ts';
import { planAdapters } from './adapters/select.ts';
import type { ChatAdapter, Delivery } from './adapters/types.ts';
import { renderText } from './adapters/console/render.ts';
import type { Reply } from './reply.ts';
import { DigestScheduler } from './scheduler/scheduler.ts';
import { graceHours } from './scheduler/settings.ts';
import { composeFor, scheduleStoreOf } from './service/digest.ts';
import { summarizeIngest } from './service/ingest.ts';
import type { Sitrep } from './service/sitrep.ts';

/** Builds the adapter for a chat platform. Platforms register here as they are built. */
export type AdapterFactory = (sitrep: Sitrep, env: NodeJS.ProcessEnv) => Promise<ChatAdapter>;
export const ADAPTER_FACTORIES: Partial<Record<'discord' | 'slack', AdapterFactory>> = {};
// Loaded only when Discord is configured, so other platforms never load discord.js.
ADAPTER_FACTORIES.discord = async (sitrep, env) => (await import('./adapters/discord/index.ts')).createDiscordAdapter(sitrep, env);
// Slack: loaded only when Slack settings are present, so the core never pulls in @slack/*.
ADAPTER_FACTORIES.slack = async (sitrep, env) => (await import('./adapters/slack/index.ts')).createSlackAdapter(sitrep, env);

/** How often a running Sitrep looks for new, changed and deleted files in the data folder. */
export const RESYNC_MS = 60_000;

/** Re-indexes the data folder every `ms` while Sitrep runs, so articles dropped in are answered from. */
export function watchDataFolder(sitrep: Sitrep, ms = RESYNC_MS): () => void {
  const timer = setInterval(() => {
    try {
      const report = sitrep.sync();
      if (report && (report.filesIndexed || report.removed)) {
        console.error(`sitrep: ${summarizeIngest(report)}`);
        sitrep.warm();
      }
    } catch (e) {
      console.error(`sitrep: re-indexing the data folder failed: ${(e as Error).message}`);
    }
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** Platforms whose digests print to standard output when no adapter of theirs runs. */
const PRINTED_PLATFORMS = new Set(['console', 'cli']);

/**
 * The daily digest scheduler, posting through the running adapter of each subscription's platform.
 * Console and command-line subscriptions print to standard output. Runs of a platform with no running
 * adapter here are left for an instance that has one (never claimed and lost).
 */
export function digestScheduler(sitrep: Sitrep, adapters: Map<string, ChatAdapter>, env: NodeJS.ProcessEnv = process.env): DigestScheduler {
  const post = async (platform: string, channelId: string, reply: Reply, delivery: Delivery) => {
    const adapter = adapters.get(platform);
    if (adapter) return adapter.post(channelId, reply, delivery);
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
  // Group stories and resolve speakers now, so the first command answers inside chat deadlines.
  sitrep.warm();
  const unwatch = watchDataFolder(sitrep);
  if (plan.start.includes('console')) {
    const context: CommandContext = { sitrep, platform: 'console', channelId: 'console', canManage: true };
    const adapter = new ConsoleAdapter({ context });
    running.set('console', adapter);
    const scheduler = digestScheduler(sitrep, running, env);
    scheduler.start();
    try {
      await adapter.start();
    } finally {
      unwatch();
      await scheduler.stop();
    }
    return 0;
  }
  const adapters: ChatAdapter[] = [];
  for (const platform of plan.start) {
    const factory = ADAPTER_FACTORIES[platform as 'discord' | 'slack'];
    if (!factory) {
      console.error(`sitrep: ${platform} support is not part of this build.`);
      continue;
    }
    const adapter = await factory(sitrep, env);
    await adapter.start();
    adapters.push(adapter);
    running.set(platform, adapter);
    console.error(`sitrep: ${platform} adapter running.`);
  }
  if (adapters.length === 0) {
    unwatch();
    return 1;
  }
  const scheduler = digestScheduler(sitrep, running, env);
  scheduler.start();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  unwatch();
  await scheduler.stop();
  await Promise.all(adapters.map((a) => a.stop()));
  return 0;
}
