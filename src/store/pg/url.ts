// SITREP_DATABASE_URL: a postgres:// address, optionally with `?schema=NAME` (the schema Sitrep keeps its
// tables in; default public). The URL may hold a password: only `describeUrl` is ever shown.

export interface PgLocation {
  /** The URL as pg takes it (without Sitrep's own `schema` parameter). */
  url: string;
  schema: string | undefined;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** True for an address the PostgreSQL store takes (postgres:// or postgresql://). */
export function isPostgresUrl(value: string | undefined): value is string {
  return typeof value === 'string' && /^postgres(ql)?:\/\//i.test(value.trim());
}

export function parsePgUrl(value: string): PgLocation {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw new Error('SITREP_DATABASE_URL is not a URL (postgres://user@host:5432/database)');
  }
  const schema = u.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`the schema in SITREP_DATABASE_URL must be a plain name (letters, digits, _), not "${schema.slice(0, 40)}"`);
  u.searchParams.delete('schema');
  return { url: u.toString(), schema };
}

/** The address without its password or parameters: what messages may show. */
export function describeUrl(value: string): string {
  try {
    const u = new URL(value.trim());
    const user = u.username ? `${decodeURIComponent(u.username)}@` : '';
    const schema = u.searchParams.get('schema');
    return `postgres://${user}${u.host}${u.pathname}${schema ? ` (schema ${schema})` : ''}`;
  } catch {
    return 'the PostgreSQL database';
  }
}
