// Which Discord gateway shards this instance runs, so several Sitrep instances can split one bot's servers:
// SITREP_DISCORD_SHARDS (shard ids, e.g. "0,1") of SITREP_DISCORD_SHARD_COUNT (how many shards there are
// in all). Discord sends a server's events to shard (server id >> 22) % count, so every instance must give
// the same count, and together their shard lists must cover 0 .. count - 1 once each.

/** The shards of this instance and the count they are of; absent: one shard, Discord's default. */
export interface ShardPlan {
  ids: number[];
  count: number;
}

/** More shards than this is a typo (Discord's largest bots run tens of thousands, none a million). */
const MAX_SHARD_COUNT = 100_000;

export class ShardSettingError extends Error {}

function count(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > MAX_SHARD_COUNT) throw new ShardSettingError(`SITREP_DISCORD_SHARD_COUNT must be a whole number of shards from 1 to ${MAX_SHARD_COUNT.toLocaleString('en-US')} (got "${raw.slice(0, 20)}").`);
  return n;
}

/** Reads the two settings; null when neither is set. Throws ShardSettingError naming the variable at fault. */
export function readShardPlan(env: NodeJS.ProcessEnv): ShardPlan | null {
  const rawIds = env.SITREP_DISCORD_SHARDS?.trim() ?? '';
  const rawCount = env.SITREP_DISCORD_SHARD_COUNT?.trim() ?? '';
  if (!rawIds && !rawCount) return null;
  if (!rawCount) throw new ShardSettingError('SITREP_DISCORD_SHARDS needs SITREP_DISCORD_SHARD_COUNT, the number of shards in all (the same on every instance).');
  const total = count(rawCount);
  // The count alone: this instance runs every shard.
  if (!rawIds) return { ids: Array.from({ length: total }, (_, i) => i), count: total };
  const ids: number[] = [];
  for (const part of rawIds.split(',').map((p) => p.trim())) {
    const id = Number(part);
    if (!/^\d+$/.test(part) || id >= total) throw new ShardSettingError(`SITREP_DISCORD_SHARDS must list shard ids from 0 to ${total - 1} (SITREP_DISCORD_SHARD_COUNT is ${total}), comma-separated; "${part.slice(0, 20)}" is not one.`);
    if (ids.includes(id)) throw new ShardSettingError(`SITREP_DISCORD_SHARDS lists shard ${id} twice.`);
    ids.push(id);
  }
  return { ids: ids.sort((a, b) => a - b), count: total };
}

/** The shard Discord sends a server's events to (its DMs, with no server, go to shard 0). */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
