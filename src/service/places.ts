// What a place (a Discord server, a Slack workspace, the console) sees of the index: its own sources and,
// when they are on for it, the shared ones. Every answer, suggestion and digest of a place goes through here.
import { visibleScopes } from '../config.ts';
import type { Sitrep } from './sitrep.ts';

/** The scopes the place's answers read, with its own choice about the shared sources. */
export function placeScopes(sitrep: Sitrep, place: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return visibleScopes(place, env, sitrep.root.store.places().get(place)?.shareData ?? null);
}

/** The index as the place sees it. */
export function placeView(sitrep: Sitrep, place: string, env: NodeJS.ProcessEnv = process.env): Sitrep {
  return sitrep.root.withScopes(placeScopes(sitrep, place, env));
}
