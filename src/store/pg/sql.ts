// Small helpers for the PostgreSQL modules: numbered parameters built as a statement is written, and the
// place (scope) filter every article query may carry.
import type { Statement } from './bridge.ts';

/** A statement's parameters, numbered as they are added: `p.v(x)` returns `$n` for x. */
export class Params {
  readonly values: unknown[] = [];

  v(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  statement(sql: string): Statement {
    return { sql, params: this.values };
  }
}

/** ` AND a.scope = ANY($n)`, or nothing without scopes; an empty list matches nothing (as SQLite's ` AND 0`). */
export function scopeFilter(p: Params, scopes: string[] | undefined, column = 'a.scope'): string {
  return scopes ? ` AND ${column} = ANY(${p.v(scopes)}::text[])` : '';
}
