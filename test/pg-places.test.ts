// A place's settings on PostgreSQL are kept for a moment after they are read (each command reads them):
// the instance that changes them sees the change at once, another instance within KEPT_MS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgBridge } from '../src/store/pg/bridge.ts';
import { KEPT_MS, PgPlaceSettings } from '../src/store/pg/places.ts';
import { migrate } from '../src/store/pg/schema.ts';
import { PG_URL, pgUnavailable, tempSchema } from './helpers/pg.ts';

const unavailable = await pgUnavailable();
if (unavailable) console.warn(`skipping the PostgreSQL place settings tests: ${unavailable}`);

describe.skipIf(unavailable !== null)('place settings on PostgreSQL, two instances', () => {
  let schema: Awaited<ReturnType<typeof tempSchema>>;
  let a: PgBridge;
  let b: PgBridge;
  beforeAll(async () => {
    schema = await tempSchema();
    a = new PgBridge(PG_URL, { schema: schema.schema });
    b = new PgBridge(PG_URL, { schema: schema.schema });
    migrate(a);
  });
  afterAll(async () => {
    a?.close();
    b?.close();
    await schema?.drop();
  });

  it('shows a change to the instance that made it at once, and to another one within a couple of seconds', () => {
    let now = 1_000_000;
    const clock = () => now;
    const here = new PgPlaceSettings(a, clock);
    const there = new PgPlaceSettings(b, clock);
    expect(there.get('discord:42')).toBeNull();
    here.set('discord:42', { shareData: false }, 'admin');
    expect(here.get('discord:42')).toMatchObject({ place: 'discord:42', shareData: false, updatedBy: 'admin' });
    // The other instance read the place a moment ago: it answers from what it read until that is KEPT_MS old.
    now += KEPT_MS - 1;
    expect(there.get('discord:42')).toBeNull();
    now += 1;
    expect(there.get('discord:42')).toMatchObject({ shareData: false, timezone: null });
    here.set('discord:42', { timezone: 'Europe/Paris' }, 'admin');
    expect(here.get('discord:42')).toMatchObject({ shareData: false, timezone: 'Europe/Paris' });
    now += KEPT_MS;
    expect(there.get('discord:42')).toMatchObject({ shareData: false, timezone: 'Europe/Paris' });
  });

  it('gives a copy, so a caller changing what it got changes nothing kept', () => {
    const places = new PgPlaceSettings(a);
    places.set('slack:T9', { shareData: true }, null);
    places.get('slack:T9')!.shareData = false;
    expect(places.get('slack:T9')!.shareData).toBe(true);
  });
});
