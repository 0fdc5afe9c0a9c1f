// Stopping the client for good. @discordjs/ws 1.x has a gap: a shard that lost its connection waits 500 ms
// before reconnecting, and a destroy() that lands in that pause finds it "idle", does nothing, and the shard
// then reconnects forever (and keeps the process alive; compare discordjs/discord.js#10382). So before
// destroying, each shard is told not to connect again, and a socket still mid-handshake is dropped.
// These are internals of discord.js (client.ws._ws) and @discordjs/ws (strategy.shards); when they are
// not there, this is a plain client.destroy().
import type { Client } from 'discord.js';

interface ShardInternals {
  internalConnect?: () => Promise<void>;
  connection?: { readyState: number; on?: (event: 'error', fn: () => void) => void; terminate?: () => void } | null;
}

function shardsOf(client: Client): ShardInternals[] {
  const ws = (client.ws as unknown as { _ws?: { strategy?: { shards?: Map<number, ShardInternals> } } })._ws;
  const shards = ws?.strategy?.shards;
  return shards && typeof shards.values === 'function' ? [...shards.values()] : [];
}

export async function destroyClient(client: Client): Promise<void> {
  const shards = shardsOf(client);
  for (const shard of shards) if (typeof shard.internalConnect === 'function') shard.internalConnect = async () => undefined;
  await client.destroy();
  for (const shard of shards) {
    const c = shard.connection;
    if (c && c.readyState === 0 /* CONNECTING */ && c.terminate) {
      c.on?.('error', () => undefined);
      c.terminate();
    }
  }
}
