// A store that cannot reach its database right now (a server restarting, a lost connection): the command
// asked gets a short "try again" instead of an apology for a failure, and the next one may work.

export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** What a person is told when the store is unavailable. */
export const TRY_AGAIN = 'The database is not answering right now; please try again in a moment.';
