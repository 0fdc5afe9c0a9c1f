// Slack installations in SQLite (table slack_installations, in the index's file; not an index table, so a
// rebuilt index keeps them). A removed installation keeps its row with the tokens cleared.
import type Database from 'better-sqlite3';
import type { InstallationStore, RemovedInstallation, SlackInstallation } from './installations.ts';
import { ensureTables } from './sqlite-standins.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS slack_installations (
  key TEXT PRIMARY KEY, team_id TEXT, enterprise_id TEXT, team_name TEXT, is_enterprise INTEGER NOT NULL DEFAULT 0,
  bot_token TEXT, bot_user_id TEXT, bot_id TEXT, scopes TEXT NOT NULL DEFAULT '', installed_by TEXT, installed_at TEXT NOT NULL,
  raw TEXT, removed_at TEXT, removed_reason TEXT) WITHOUT ROWID;`;

interface Row {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  team_name: string | null;
  is_enterprise: number;
  bot_token: string | null;
  bot_user_id: string | null;
  bot_id: string | null;
  scopes: string;
  installed_by: string | null;
  installed_at: string;
  raw: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}

function toInstallation(r: Row): SlackInstallation | null {
  if (r.removed_at || !r.bot_token || !r.raw) return null;
  return {
    key: r.key, teamId: r.team_id, enterpriseId: r.enterprise_id, teamName: r.team_name, isEnterpriseInstall: r.is_enterprise === 1,
    botToken: r.bot_token, botUserId: r.bot_user_id, botId: r.bot_id, scopes: r.scopes ? r.scopes.split(',') : [],
    installedBy: r.installed_by, installedAt: r.installed_at, raw: r.raw,
  };
}

export class SqliteInstallations implements InstallationStore {
  private readonly s: Record<'put' | 'get' | 'remove' | 'list', Database.Statement>;

  constructor(db: Database.Database) {
    // A read-only index from before installs were kept has no table: it has no installations.
    ensureTables(db, SCHEMA);
    this.s = {
      put: db.prepare(`INSERT INTO slack_installations(key, team_id, enterprise_id, team_name, is_enterprise, bot_token, bot_user_id, bot_id, scopes, installed_by, installed_at, raw, removed_at, removed_reason)
        VALUES (@key, @teamId, @enterpriseId, @teamName, @isEnterprise, @botToken, @botUserId, @botId, @scopes, @installedBy, @installedAt, @raw, NULL, NULL)
        ON CONFLICT(key) DO UPDATE SET team_id = @teamId, enterprise_id = @enterpriseId, team_name = @teamName, is_enterprise = @isEnterprise, bot_token = @botToken,
          bot_user_id = @botUserId, bot_id = @botId, scopes = @scopes, installed_by = @installedBy, installed_at = @installedAt, raw = @raw, removed_at = NULL, removed_reason = NULL`),
      get: db.prepare('SELECT * FROM slack_installations WHERE key = ?'),
      remove: db.prepare('UPDATE slack_installations SET bot_token = NULL, raw = NULL, removed_at = ?, removed_reason = ? WHERE key = ? AND removed_at IS NULL'),
      list: db.prepare('SELECT * FROM slack_installations WHERE removed_at IS NULL ORDER BY key'),
    };
  }

  put(i: SlackInstallation): void {
    this.s.put.run({ ...i, isEnterprise: i.isEnterpriseInstall ? 1 : 0, scopes: i.scopes.join(',') });
  }

  get(key: string): SlackInstallation | null {
    const r = this.s.get.get(key) as Row | undefined;
    return r ? toInstallation(r) : null;
  }

  remove(key: string, reason: string, at = new Date()): boolean {
    return this.s.remove.run(at.toISOString(), reason, key).changes > 0;
  }

  removal(key: string): RemovedInstallation | null {
    const r = this.s.get.get(key) as Row | undefined;
    return r?.removed_at ? { key: r.key, removedAt: r.removed_at, reason: r.removed_reason ?? '' } : null;
  }

  list(): SlackInstallation[] {
    return (this.s.list.all() as Row[]).map(toInstallation).filter((i): i is SlackInstallation => i !== null);
  }
}
