// Fairness: how many commands one person, and one channel, may run in a window, so that one person repeating
// /numbers cannot stall everyone. Counted with rate-limiter-flexible's in-memory limiter (one process).
// A command over the limit is not run; the person gets a short private reply saying when to try again.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { errorReply, type Reply } from '../reply.ts';

export interface Rate {
  /** Commands allowed ... */
  points: number;
  /** ... per this many seconds. */
  seconds: number;
}

export const DEFAULT_USER_RATE: Rate = { points: 6, seconds: 30 };
export const DEFAULT_CHANNEL_RATE: Rate = { points: 20, seconds: 30 };

/** "6/30s", "6/30" or "6 per 30s" -> { points: 6, seconds: 30 }; throws naming the variable on anything else. */
export function parseRate(raw: string | undefined, variable: string, fallback: Rate): Rate {
  if (raw === undefined || raw.trim() === '') return fallback;
  const m = raw.trim().match(/^(\d+)\s*(?:\/|per)\s*(\d+)\s*s?$/i);
  const points = m ? Number(m[1]) : NaN;
  const seconds = m ? Number(m[2]) : NaN;
  if (!m || points < 1 || seconds < 1) throw new Error(`${variable} should be COUNT/SECONDS, such as 6/30s (got "${raw}").`);
  return { points, seconds };
}

/** Who is asking, and where. */
export interface RateKey {
  platform: string;
  userId?: string;
  channelId?: string;
}

export class ChatRateLimiter {
  private readonly users: RateLimiterMemory;
  private readonly channels: RateLimiterMemory;

  constructor(
    readonly userRate: Rate = DEFAULT_USER_RATE,
    readonly channelRate: Rate = DEFAULT_CHANNEL_RATE,
  ) {
    this.users = new RateLimiterMemory({ keyPrefix: 'user', points: userRate.points, duration: userRate.seconds });
    this.channels = new RateLimiterMemory({ keyPrefix: 'channel', points: channelRate.points, duration: channelRate.seconds });
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): ChatRateLimiter {
    return new ChatRateLimiter(parseRate(env.SITREP_RATE_LIMIT_USER, 'SITREP_RATE_LIMIT_USER', DEFAULT_USER_RATE), parseRate(env.SITREP_RATE_LIMIT_CHANNEL, 'SITREP_RATE_LIMIT_CHANNEL', DEFAULT_CHANNEL_RATE));
  }

  /** null when the command may run (and counts it), else the polite refusal to show the person privately. */
  async admit(key: RateKey): Promise<Reply | null> {
    const user = key.userId ? `${key.platform}:${key.userId}` : null;
    const channel = key.channelId ? `${key.platform}:${key.channelId}` : null;
    if (user) {
      const limited = await this.take(this.users, user);
      if (limited) return refusal('you', this.userRate, limited);
    }
    if (channel) {
      const limited = await this.take(this.channels, channel);
      if (limited) {
        // The person's own count does not pay for a refusal the channel caused.
        if (user) await this.users.reward(user, 1).catch(() => undefined);
        return refusal('this channel', this.channelRate, limited);
      }
    }
    return null;
  }

  /** null when a point was taken, else the limiter's answer (how long until the next point). */
  private async take(limiter: RateLimiterMemory, key: string): Promise<RateLimiterRes | null> {
    try {
      await limiter.consume(key, 1);
      return null;
    } catch (e) {
      if (e instanceof RateLimiterRes) return e;
      throw e;
    }
  }
}

function refusal(who: 'you' | 'this channel', rate: Rate, res: RateLimiterRes): Reply {
  const wait = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const whose = who === 'you' ? 'each person' : 'each channel';
  const subject = who === 'you' ? 'You have' : 'This channel has';
  return errorReply(`${subject} asked a lot in a short time: Sitrep answers ${whose} up to ${rate.points} commands every ${rate.seconds} seconds, so everyone gets answers quickly. Please try again in ${wait} second${wait === 1 ? '' : 's'}.`);
}
