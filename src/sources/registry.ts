// The sources service of a running Sitrep, in the same database file as its index (as the digest's
// schedule store is). Built on first use from the environment's settings; `sitrep start` and tests may
// install their own (with a notifier, or short timeouts).
import type { Sitrep } from '../service/sitrep.ts';
import { SourcesService, type SourcesServiceOptions } from './service.ts';
import { sourceSettings, type SourceSettings } from './settings.ts';

const services = new WeakMap<Sitrep, SourcesService>();

export function createSources(sitrep: Sitrep, settings: SourceSettings = sourceSettings(), extra: Partial<SourcesServiceOptions> = {}): SourcesService {
  const service = new SourcesService({ store: sitrep.store, sources: sitrep.store.sources(), settings, analyze: (parsed) => sitrep.analyzeArticles(parsed), ...extra });
  services.set(sitrep.root, service);
  return service;
}

/** The Sitrep's sources service (created from the environment on first use). */
export function sourcesOf(sitrep: Sitrep): SourcesService {
  return services.get(sitrep.root) ?? createSources(sitrep.root);
}

/** Stops the Sitrep's sources service, if it has one (its timer and its open connections). */
export async function closeSources(sitrep: Sitrep): Promise<void> {
  const service = services.get(sitrep.root);
  services.delete(sitrep.root);
  await service?.close();
}
