// The one interface every chat platform implements (as Hubot's and vercel/chat's adapters do): start,
// stop, and post a Reply to a channel. Incoming commands and mentions are run through commands/run.ts.
import type { Reply } from '../reply.ts';

/**
 * Delivery of a reply that the adapter sends as several messages (the digest uses it): parts already
 * delivered are skipped, and each part is reported as it is delivered, so a retry sends only the rest.
 */
export interface Delivery {
  /** Message ids of the parts already delivered, in order; these parts are not sent again. */
  readonly sent: readonly string[];
  /** Called after part `index` is delivered, with the platform's message id. */
  delivered(index: number, messageId: string): void;
}

export interface ChatAdapter {
  readonly platform: 'console' | 'discord' | 'slack';
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Posts a reply to a channel of a workspace (`place`: 'slack:T0123', 'discord:GUILD'; the digest uses this),
   * skipping and reporting parts through `delivery`. Throws PlaceUnavailableError when the workspace can no
   * longer be posted to at all (uninstalled, token revoked, server left).
   */
  post(channelId: string, reply: Reply, delivery?: Delivery, place?: string): Promise<void>;
}

/** The workspace cannot be posted to any more (uninstalled, its token revoked): retrying will not help. */
export class PlaceUnavailableError extends Error {
  constructor(
    readonly place: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlaceUnavailableError';
  }
}
