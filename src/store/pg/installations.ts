// Slack installations in PostgreSQL (table slack_installations), as installations-sqlite.ts: a removed
// installation keeps its row with the tokens cleared. The tokens are never logged.
import type { InstallationStore, RemovedInstallation, SlackInstallation } from '../installations.ts';
import type { PgBridge } from './bridge.ts';

interface Row {
  key: string;
  team_id: string | null;
  enterprise_id: string | null;
  team_name: string | null;
  is_enterprise: boolean;
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
    key: r.key, teamId: r.team_id, enterpriseId: r.enterprise_id, teamName: r.team_name, isEnterpriseInstall: r.is_enterprise,
    botToken: r.bot_token, botUserId: r.bot_user_id, botId: r.bot_id, scopes: r.scopes ? r.scopes.split(',') : [],
    installedBy: r.installed_by, installedAt: r.installed_at, raw: r.raw,
  };
}

export class PgInstallations implements InstallationStore {
  constructor(private readonly db: PgBridge) {}

  put(i: SlackInstallation): void {
    this.db.query(
      `INSERT INTO slack_installations(key, team_id, enterprise_id, team_name, is_enterprise, bot_token, bot_user_id, bot_id, scopes, installed_by, installed_at, raw, removed_at, removed_reason)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL, NULL)
      ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, team_name = excluded.team_name, is_enterprise = excluded.is_enterprise,
        bot_token = excluded.bot_token, bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id, scopes = excluded.scopes, installed_by = excluded.installed_by,
        installed_at = excluded.installed_at, raw = excluded.raw, removed_at = NULL, removed_reason = NULL`,
      [i.key, i.teamId, i.enterpriseId, i.teamName, i.isEnterpriseInstall, i.botToken, i.botUserId, i.botId, i.scopes.join(','), i.installedBy, i.installedAt, i.raw],
    );
  }

  get(key: string): SlackInstallation | null {
    const r = this.db.query<Row>('SELECT * FROM slack_installations WHERE key = $1', [key]).rows[0];
    return r ? toInstallation(r) : null;
  }

  remove(key: string, reason: string, at = new Date()): boolean {
    return this.db.query('UPDATE slack_installations SET bot_token = NULL, raw = NULL, removed_at = $1, removed_reason = $2 WHERE key = $3 AND removed_at IS NULL', [at.toISOString(), reason, key]).rowCount > 0;
  }

  removal(key: string): RemovedInstallation | null {
    const r = this.db.query<Row>('SELECT * FROM slack_installations WHERE key = $1', [key]).rows[0];
    return r?.removed_at ? { key: r.key, removedAt: r.removed_at, reason: r.removed_reason ?? '' } : null;
  }

  list(): SlackInstallation[] {
    return this.db.query<Row>('SELECT * FROM slack_installations WHERE removed_at IS NULL ORDER BY key').rows.map(toInstallation).filter((i): i is SlackInstallation => i !== null);
  }
}
