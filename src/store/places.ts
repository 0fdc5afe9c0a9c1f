// Per-place settings: what a Discord server, a Slack workspace or the console chose for itself. The SQLite
// implementation is places-sqlite.ts, in the index's database file (kept when the index is rebuilt).

export interface PlaceSettings {
  /** 'discord:GUILD', 'slack:TEAM' or 'console'. */
  place: string;
  /** The zone a new digest subscription takes when none is given (IANA name); null: UTC. */
  timezone: string | null;
  /** Whether the place's answers read the shared sources (the data folder); null: SITREP_SHARE_DATA decides. */
  shareData: boolean | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface PlaceSettingsChange {
  timezone?: string | null;
  shareData?: boolean | null;
}

export interface PlaceSettingsStore {
  /** The place's settings; null when it never set any. */
  get(place: string): PlaceSettings | null;
  /** Changes the given settings (the others are kept) and returns them all. */
  set(place: string, change: PlaceSettingsChange, by: string | null, at?: Date): PlaceSettings;
}
