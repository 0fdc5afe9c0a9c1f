// The one interface every chat platform implements (as Hubot's and vercel/chat's adapters do): start,
// stop, and post a Reply to a channel. Incoming commands and mentions are run through commands/run.ts.
import type { Reply } from '../reply.ts';

export interface ChatAdapter {
  readonly platform: 'console' | 'discord' | 'slack';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply to a channel (the digest uses this). */
  post(channelId: string, reply: Reply): Promise<void>;
}
