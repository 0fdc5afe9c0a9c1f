// Sources in a running Sitrep: poll them as they fall due, and tell the channel that added a source, through
// the running adapter of its platform, when it starts failing (once).
import type { ChatAdapter } from '../adapters/types.ts';
import type { Reply } from '../reply.ts';
import type { Sitrep } from '../service/sitrep.ts';
import type { SourceNotifier } from './poll.ts';
import { closeSources, sourcesOf } from './registry.ts';

export function sourceNotifier(adapters: Map<string, ChatAdapter>, log = (m: string) => console.error(`sitrep: ${m}`)): SourceNotifier {
  return async ({ source, message }) => {
    const adapter = adapters.get(source.platform);
    const reply: Reply = { title: 'A followed source is failing', intro: message, sections: [] };
    if (adapter && source.channelId) await adapter.post(source.channelId, reply);
    else log(message);
  };
}

/** Starts polling; the returned function stops it. A bad setting is reported and polling stays off. */
export function startSources(sitrep: Sitrep, adapters: Map<string, ChatAdapter>): () => Promise<void> {
  try {
    const service = sourcesOf(sitrep);
    service.setNotifier(sourceNotifier(adapters));
    service.start();
  } catch (e) {
    console.error(`sitrep: sources are not polled: ${(e as Error).message}`);
  }
  return () => closeSources(sitrep);
}
