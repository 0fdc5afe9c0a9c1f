// Per-place settings in PostgreSQL (table place_settings), as places-sqlite.ts. Every command reads its
// place's settings (which sources it may answer from), so a place's row is kept for a moment: one trip to
// the database fewer per command; a change made by another instance is seen within KEPT_MS.
import type { PlaceSettings, PlaceSettingsChange, PlaceSettingsStore } from '../places.ts';
import type { PgBridge } from './bridge.ts';

type Row = { place: string; timezone: string | null; share_data: boolean | null; updated_at: string; updated_by: string | null };

const toSettings = (r: Row): PlaceSettings => ({ place: r.place, timezone: r.timezone, shareData: r.share_data, updatedAt: r.updated_at, updatedBy: r.updated_by });

/** How long a place's settings as read are used again (ms). */
export const KEPT_MS = 2000;
/** Places whose settings are kept at most (the oldest read is dropped first). */
const KEPT_PLACES = 1000;

export class PgPlaceSettings implements PlaceSettingsStore {
  private readonly kept = new Map<string, { at: number; settings: PlaceSettings | null }>();

  constructor(
    private readonly db: PgBridge,
    private readonly now: () => number = Date.now,
  ) {}

  get(place: string): PlaceSettings | null {
    const k = this.kept.get(place);
    if (k && this.now() - k.at < KEPT_MS) return k.settings && { ...k.settings };
    const r = this.db.query<Row>('SELECT * FROM place_settings WHERE place = $1', [place]).rows[0];
    return this.keep(place, r ? toSettings(r) : null);
  }

  private keep(place: string, settings: PlaceSettings | null): PlaceSettings | null {
    this.kept.delete(place);
    this.kept.set(place, { at: this.now(), settings });
    if (this.kept.size > KEPT_PLACES) this.kept.delete(this.kept.keys().next().value!);
    return settings && { ...settings };
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
    return this.keep(place, toSettings(r))!;
  }
}
