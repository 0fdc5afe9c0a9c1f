// Stopping the client for good. The public API is client.destroy(). @discordjs/ws 1.x (discord.js 14's
// gateway) has a gap: a shard that lost its connection waits 500 ms before reconnecting, and a destroy()
// that lands in that pause finds it "idle", does nothing, and the shard then reconnects forever (and keeps
// the process alive; compare discordjs/discord.js#10382). Only for that version line, and only when the
// internals have the shape that version has (client.ws._ws.strategy.shards, shard.internalConnect), each
// shard is told not to connect again before destroy(), and a socket still mid-handshake is dropped. Any
// other version, or other internals, gets the plain client.destroy().
import { createRequire } from 'node:module';
import type { Client } from 'discord.js';

interface ShardInternals {
  internalConnect?: () => Promise<void>;
  connection?: { readyState: number; on?: (event: 'error', fn: () => void) => void; terminate?: () => void } | null;
}

/** The @discordjs/ws versions the workaround was written and tested against. */
export const PATCHED_WS_MAJOR = 1;

/** The installed @discordjs/ws version (the copy discord.js itself loads), or null when it cannot be read. */
export function installedWsVersion(): string | null {
  try {
    const fromDiscord = createRequire(createRequire(import.meta.url).resolve('discord.js'));
    const version = (fromDiscord('@discordjs/ws') as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

/** True only for the version line with the gap. */
export function needsWorkaround(version: string | null): boolean {
  return version !== null && Number(version.split('.')[0]) === PATCHED_WS_MAJOR;
}

function shardsOf(client: Client): ShardInternals[] {
  const ws = (client.ws as unknown as { _ws?: { strategy?: { shards?: Map<number, ShardInternals> } } })._ws;
  const shards = ws?.strategy?.shards;
  if (!shards || typeof shards.values !== 'function') return [];
  return [...shards.values()].filter((s) => typeof s.internalConnect === 'function');
}

export async function destroyClient(client: Client, wsVersion: string | null = installedWsVersion()): Promise<void> {
  const shards = needsWorkaround(wsVersion) ? shardsOf(client) : [];
  for (const shard of shards) shard.internalConnect = async () => undefined;
  await client.destroy();
  for (const shard of shards) {
    const c = shard.connection;
    if (c && c.readyState === 0 /* CONNECTING */ && c.terminate) {
      c.on?.('error', () => undefined);
      c.terminate();
    }
  }
}
