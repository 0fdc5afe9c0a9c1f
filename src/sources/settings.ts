// The sources' settings, from the environment (see README, Sources). Each has a default; a bad value is an
// error that names the variable.
import { parseAllowList } from './address.ts';
import type { FetchSettings } from './fetch.ts';
import type { PollPolicy } from './policy.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const USER_AGENT = 'Sitrep/0.1 (news briefing bot; feed reader; +https://github.com/sitrep)';

export interface SourceSettings {
  fetch: FetchSettings;
  policy: PollPolicy;
  /** Pause between two requests to one host. */
  hostSpacingMs: number;
  /** Hosts polled at the same time (one request at a time per host). */
  hostConcurrency: number;
  /** How often `sitrep start` looks for sources due a fetch. */
  tickMs: number;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max} (it is "${raw}").`);
  return n;
}

export function sourceSettings(env: NodeJS.ProcessEnv = process.env): SourceSettings {
  const interval = number(env, 'SITREP_SOURCES_INTERVAL_MINUTES', 10, 1, 1440) * MINUTE;
  return {
    fetch: {
      allow: parseAllowList(env.SITREP_ALLOW_PRIVATE_HOSTS),
      connectTimeoutMs: number(env, 'SITREP_FETCH_CONNECT_TIMEOUT_SECONDS', 10, 0.01, 120) * 1000,
      totalTimeoutMs: number(env, 'SITREP_FETCH_TIMEOUT_SECONDS', 20, 0.01, 600) * 1000,
      maxBytes: number(env, 'SITREP_FETCH_MAX_MB', 10, 0.001, 100) * 1048576,
      maxRedirects: 5,
      userAgent: USER_AGENT,
    },
    policy: {
      defaultIntervalMs: interval,
      minIntervalMs: Math.min(interval, 5 * MINUTE),
      maxIntervalMs: 6 * HOUR,
      maxBackoffMs: 6 * HOUR,
      failingAfterMs: number(env, 'SITREP_SOURCES_FAILING_AFTER_HOURS', 24, 0, 720) * HOUR,
      random: Math.random,
    },
    hostSpacingMs: number(env, 'SITREP_SOURCES_HOST_SPACING_SECONDS', 2, 0, 60) * 1000,
    hostConcurrency: 8,
    tickMs: MINUTE,
  };
}
