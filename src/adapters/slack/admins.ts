// Who may manage digests (subscribe and unsubscribe a channel): workspace admins and owners, as users.info
// reports them, and the user ids listed in SLACK_ADMIN_USERS. Answers are cached for a few minutes so a
// busy channel does not call users.info on every command.

export interface SlackUserFlags {
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

/** Looks a user up (users.info in production); undefined when Slack does not know them. */
export type UserLookup = (userId: string) => Promise<SlackUserFlags | undefined>;

export interface AdminCheckOptions {
  lookup: UserLookup;
  extraAdmins: ReadonlySet<string>;
  ttlMs?: number;
  now?: () => number;
  warn?: (message: string) => void;
}

export class AdminCheck {
  private readonly cache = new Map<string, { admin: boolean; at: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: AdminCheckOptions) {
    this.ttlMs = opts.ttlMs ?? 5 * 60 * 1000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Whether the user may manage digests in their workspace (`teamId`). `lookup` asks that workspace's Slack
   * (with its own token, when Sitrep is installed in many); the answer is cached per workspace and user.
   */
  async canManage(userId: string | undefined, lookup: UserLookup = this.opts.lookup, teamId = ''): Promise<boolean> {
    if (!userId) return false;
    if (this.opts.extraAdmins.has(userId)) return true;
    const key = `${teamId}/${userId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.admin;
    try {
      const flags = await lookup(userId);
      const admin = Boolean(flags?.is_admin || flags?.is_owner || flags?.is_primary_owner);
      this.cache.set(key, { admin, at: this.now() });
      return admin;
    } catch (e) {
      // Not cached: the next command asks again. The error names the method, never the token.
      (this.opts.warn ?? console.error)(`sitrep: Slack users.info failed for ${userId} (${(e as Error).message}); treating them as not an admin.`);
      return false;
    }
  }
}
