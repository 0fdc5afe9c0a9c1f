// A reply's files (charts) on Slack: shared in the channel (or thread) after the answer with
// files.uploadV2, each with its description as alt text. A private answer shares none (files cannot be
// ephemeral), and a failed upload is logged: the text answer has already gone out whole.
import type { Reply } from '../../reply.ts';
import { isPrivate, type WebClient } from './send.ts';

/** Slack's limit on a file's alt text. */
const ALT_TEXT_MAX = 1000;

export interface UploadOptions {
  threadTs?: string;
  log?: { warn(message: string): void };
}

export async function uploadAttachments(client: WebClient, channel: string, reply: Reply, opts: UploadOptions = {}): Promise<void> {
  const files = reply.attachments ?? [];
  if (files.length === 0 || isPrivate(reply)) return;
  const file_uploads = files.map((a) => ({
    file: Buffer.from(a.bytes),
    filename: a.name,
    title: a.name.replace(/\.\w+$/, '').replace(/-/g, ' '),
    alt_text: a.description.length > ALT_TEXT_MAX ? `${a.description.slice(0, ALT_TEXT_MAX - 1)}…` : a.description,
  }));
  try {
    await client.files.uploadV2({ channel_id: channel, ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}), file_uploads } as Parameters<WebClient['files']['uploadV2']>[0]);
  } catch (e) {
    opts.log?.warn(`sitrep: Slack could not share ${files.map((f) => f.name).join(', ')}: ${(e as Error).message}`);
  }
}
