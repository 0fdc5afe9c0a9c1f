// Which inbound events have been answered, so a platform's redelivery of one (Slack retries an event it
// thinks went unanswered, with the same event id) is answered once, also across a restart.

export interface EventClaims {
  /** True the first time an id is claimed (within the store's memory window); false for every repeat. */
  claim(id: string): boolean;
  close(): void;
}
