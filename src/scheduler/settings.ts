// The scheduler's settings from the environment.

export const DEFAULT_GRACE_HOURS = 6;

/** SITREP_DIGEST_GRACE_HOURS: how late a missed digest may still be posted (hours, 0-24; default 6). */
export function graceHours(env: NodeJS.ProcessEnv = process.env, warn: (msg: string) => void = console.error): number {
  const raw = env.SITREP_DIGEST_GRACE_HOURS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_GRACE_HOURS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 24) {
    warn(`sitrep: SITREP_DIGEST_GRACE_HOURS="${raw}" is not a number of hours from 0 to 24; using ${DEFAULT_GRACE_HOURS}.`);
    return DEFAULT_GRACE_HOURS;
  }
  return n;
}
