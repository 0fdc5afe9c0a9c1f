// Per-place settings in SQLite (table place_settings, in the index's file; not an index table, so a rebuilt
// index keeps them).
import type Database from 'better-sqlite3';
import type { PlaceSettings, PlaceSettingsChange, PlaceSettingsStore } from './places.ts';
import { ensureTables } from './sqlite-standins.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS place_settings (
  place TEXT PRIMARY KEY, timezone TEXT, share_data INTEGER, updated_at TEXT NOT NULL, updated_by TEXT) WITHOUT ROWID;`;

interface Row {
  place: string;
  timezone: string | null;
  share_data: number | null;
  updated_at: string;
  updated_by: string | null;
}

const toSettings = (r: Row): PlaceSettings => ({
  place: r.place,
  timezone: r.timezone,
  shareData: r.share_data === null ? null : r.share_data === 1,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export class SqlitePlaceSettings implements PlaceSettingsStore {
  private readonly s;

  constructor(db: Database.Database) {
    ensureTables(db, SCHEMA);
    this.s = {
      get: db.prepare('SELECT * FROM place_settings WHERE place = ?'),
      put: db.prepare(`INSERT INTO place_settings(place, timezone, share_data, updated_at, updated_by) VALUES (@place, @timezone, @shareData, @at, @by)
        ON CONFLICT(place) DO UPDATE SET timezone = @timezone, share_data = @shareData, updated_at = @at, updated_by = @by`),
    };
  }

  get(place: string): PlaceSettings | null {
    const r = this.s.get.get(place) as Row | undefined;
    return r ? toSettings(r) : null;
  }

  set(place: string, change: PlaceSettingsChange, by: string | null, at = new Date()): PlaceSettings {
    const current = this.get(place);
    const timezone = change.timezone !== undefined ? change.timezone : (current?.timezone ?? null);
    const shareData = change.shareData !== undefined ? change.shareData : (current?.shareData ?? null);
    this.s.put.run({ place, timezone, shareData: shareData === null ? null : shareData ? 1 : 0, at: at.toISOString(), by });
    return this.get(place)!;
  }
}
