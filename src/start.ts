// `sitrep start` (and `npm start`): index the data folder, then run the adapters the settings ask for.
import type { CommandContext } from '../commands/types.ts';
import { ConsoleAdapter } from './adapters/console/console.ts';
import { planAdapters } from './adapters/select.ts';
import type { ChatAdapter } from './adapters/types.ts';
import type { Sitrep } from './service/sitrep.ts';

/** Builds the adapter for a chat platform. Platforms register here as they are built. */
export type AdapterFactory = (sitrep: Sitrep, env: NodeJS.ProcessEnv) => Promise<ChatAdapter>;
export const ADAPTER_FACTORIES: Partial<Record<'discord' | 'slack', AdapterFactory>> = {};
// Loaded only when Discord is configured, so other platforms never load discord.js.
ADAPTER_FACTORIES.discord = async (sitrep, env) => (await import('./adapters/discord/index.ts')).createDiscordAdapter(sitrep, env);

export async function start(sitrep: Sitrep, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const plan = planAdapters(env);
  for (const r of plan.reasons) console.error(`sitrep: ${r}`);
  if (plan.start.includes('console')) {
    const context: CommandContext = { sitrep, platform: 'console', channelId: 'console', canManage: true };
    await new ConsoleAdapter({ context }).start();
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
    console.error(`sitrep: ${platform} adapter running.`);
  }
  if (adapters.length === 0) return 1;
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await Promise.all(adapters.map((a) => a.stop()));
  return 0;
}

// Slack: loaded only when Slack settings are present, so the core never pulls in @slack/*.
ADAPTER_FACTORIES.slack = async (sitrep, env) => (await import('./adapters/slack/index.ts')).createSlackAdapter(sitrep, env);
