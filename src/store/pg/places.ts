// Per-place settings in PostgreSQL (table place_settings), as places-sqlite.ts.
import type { PlaceSettings, PlaceSettingsChange, PlaceSettingsStore } from '../places.ts';
import type { PgBridge } from './bridge.ts';

type Row = { place: string; timezone: string | null; share_data: boolean | null; updated_at: string; updated_by: string | null };

const toSettings = (r: Row): PlaceSettings => ({ place: r.place, timezone: r.timezone, shareData: r.share_data, updatedAt: r.updated_at, updatedBy: r.updated_by });

export class PgPlaceSettings implements PlaceSettingsStore {
  constructor(private readonly db: PgBridge) {}

  get(place: string): PlaceSettings | null {
    const r = this.db.query<Row>('SELECT * FROM place_settings WHERE place = $1', [place]).rows[0];
    return r ? toSettings(r) : null;
  }

  /** Changes the given settings in one statement (the others kept as they are in the row). */
  set(place: string, change: PlaceSettingsChange, by: string | null, at = new Date()): PlaceSettings {
    const r = this.db.query<Row>(
      `INSERT INTO place_settings(place, timezone, share_data, updated_at, updated_by) VALUES ($1, $3, $5, $6, $7)
      ON CONFLICT (place) DO UPDATE SET timezone = CASE WHEN $2 THEN excluded.timezone ELSE place_settings.timezone END,
        share_data = CASE WHEN $4 THEN excluded.share_data ELSE place_settings.share_data END, updated_at = excluded.updated_at, updated_by = excluded.updated_by
      RETURNING *`,
      [place, change.timezone !== undefined, change.timezone ?? null, change.shareData !== undefined, change.shareData ?? null, at.toISOString(), by],
    ).rows[0];
    return toSettings(r);
  }
}
