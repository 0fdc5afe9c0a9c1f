// Slack installations (one per workspace that added Sitrep through "Add to Slack"): the storage boundary
// behind Bolt's installationStore (src/adapters/slack/installations.ts adapts it). The SQLite implementation
// is installations-sqlite.ts, in the index's database file. An uninstall removes the tokens and keeps a
// line saying when and why, so /digest status and the scheduler can say what happened.

export interface SlackInstallation {
  /** The workspace (team) id; for an organisation-wide install, the enterprise id. */
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  teamName: string | null;
  isEnterpriseInstall: boolean;
  /** The bot token (secret: never logged). */
  botToken: string;
  botUserId: string | null;
  botId: string | null;
  scopes: string[];
  installedBy: string | null;
  installedAt: string;
  /** Everything Bolt gave for the installation (JSON), so it gets all of it back. Holds the tokens. */
  raw: string;
}

export interface RemovedInstallation {
  key: string;
  removedAt: string;
  reason: string;
}

export interface InstallationStore {
  /** Adds or replaces a workspace's installation (a reinstall clears an earlier removal). */
  put(installation: SlackInstallation): void;
  /** The workspace's installation, or null when it has none (never installed, or removed). */
  get(key: string): SlackInstallation | null;
  /** Deletes the workspace's tokens, recording when and why; false when it had none. */
  remove(key: string, reason: string, at?: Date): boolean;
  /** When and why the workspace's installation was removed, if it was. */
  removal(key: string): RemovedInstallation | null;
  /** Every workspace installed now. */
  list(): SlackInstallation[];
}
