// Settings from the command line and the environment (a `.env` file in the working directory is read).
// Secrets stay in the environment: nothing here logs them.
import { existsSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { digest } from './core/text/normalize.ts';
import { isPostgresUrl, parsePgUrl } from './store/pg/url.ts';

/** Loads `.env` from the working directory into process.env (variables already set win). */
export function loadDotEnv(file = '.env'): void {
  if (!existsSync(file)) return;
  const before = { ...process.env };
  try {
    process.loadEnvFile(file);
  } catch (e) {
    console.error(`sitrep: could not read ${file}: ${(e as Error).message}`);
  }
  Object.assign(process.env, before);
}

/** The folder for Sitrep's own state: SITREP_STATE_DIR, else $XDG_STATE_HOME/sitrep, else ~/.local/state/sitrep. */
export function stateDir(env = process.env): string {
  if (env.SITREP_STATE_DIR) return resolve(env.SITREP_STATE_DIR);
  const base = env.XDG_STATE_HOME ? resolve(env.XDG_STATE_HOME) : join(homedir(), '.local', 'state');
  return join(base, 'sitrep');
}

/** The data folder: --data, else SITREP_DATA, else ./data. */
export function dataDir(flag: string | undefined, env = process.env): string {
  return resolve(flag ?? env.SITREP_DATA ?? 'data');
}

/** The index file: --db, else SITREP_DB, else one file per data folder in the state folder. */
export function dbPath(flag: string | undefined, data: string, env = process.env): string {
  if (flag) return flag === ':memory:' ? flag : resolve(flag);
  if (env.SITREP_DB) return resolve(env.SITREP_DB);
  return join(stateDir(env), `index-${digest(resolve(data), 10)}.db`);
}

/** A setting in the environment that cannot be used: its message names the variable and what it takes. */
export class SettingError extends Error {}

/**
 * SITREP_DATABASE_URL: a postgres:// address keeps the index (and everything else Sitrep keeps) in
 * PostgreSQL instead of the SQLite file; unset, SQLite. It may hold a password: no message repeats it.
 */
export function databaseUrl(env = process.env): string | null {
  const v = env.SITREP_DATABASE_URL?.trim();
  if (!v) return null;
  if (!isPostgresUrl(v)) throw new SettingError('SITREP_DATABASE_URL must be a postgres:// address (postgres://user:password@host:5432/database), or unset for the SQLite index.');
  try {
    parsePgUrl(v);
  } catch (e) {
    throw new SettingError((e as Error).message);
  }
  return v;
}

/** Days an article is kept after it was last published or indexed, unless SITREP_RETENTION_DAYS says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

/** SITREP_RETENTION_DAYS: a whole number of days, 0 to keep everything. A bad value is an error naming it. */
export function retentionDays(env = process.env): number {
  const v = env.SITREP_RETENTION_DAYS?.trim();
  if (!v) return DEFAULT_RETENTION_DAYS;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new SettingError(`SITREP_RETENTION_DAYS must be a whole number of days (0 keeps everything), not "${v.slice(0, 40)}".`);
  return n;
}

/** Worker threads that read and analyse files during ingest: SITREP_INGEST_THREADS, else one per core. */
export function ingestThreads(env = process.env): number {
  const n = Number(env.SITREP_INGEST_THREADS);
  return Number.isInteger(n) && n > 0 ? n : availableParallelism();
}

/** The place of the console and the command line. */
export const CONSOLE_SCOPE = 'console';

/** The scope of the data folder's articles: every place sees them (unless SITREP_SHARE_DATA is off). */
export const SHARED_SCOPE = 'shared';

/** SITREP_SHARE_DATA: whether places other than the console read the data folder (on unless off/0/false/no). */
export function shareDataByDefault(env = process.env): boolean {
  return !/^(0|false|no|off)$/i.test(env.SITREP_SHARE_DATA?.trim() ?? '');
}

/**
 * The scopes a place's answers read: its own sources' articles, and the shared ones (the data folder) when
 * they are on for it: the place's own choice (`placeChoice`, from /sources shared on|off) when it made one,
 * else SITREP_SHARE_DATA (on by default; off: the data folder is the console's own).
 */
export function visibleScopes(place: string, env = process.env, placeChoice: boolean | null = null): string[] {
  const shareData = placeChoice ?? (shareDataByDefault(env) || place === CONSOLE_SCOPE);
  return shareData ? [SHARED_SCOPE, place] : [place];
}
