// Sources in a running Sitrep are polled in the indexer's thread (service/indexer-thread.ts); this tells the
// channel that added a source, through the running adapter of its platform, when it starts failing (once).
import type { ChatAdapter } from '../adapters/types.ts';
import type { Reply } from '../reply.ts';
import type { SourceNotifier } from './poll.ts';

export function sourceNotifier(adapters: Map<string, ChatAdapter>, log = (m: string) => console.error(`sitrep: ${m}`)): SourceNotifier {
  return async ({ source, message }) => {
    const adapter = adapters.get(source.platform);
    const reply: Reply = { title: 'A followed source is failing', intro: message, sections: [] };
    if (adapter && source.channelId) await adapter.post(source.channelId, reply);
    else log(message);
  };
}
