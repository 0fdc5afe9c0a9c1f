// A reply's files (charts) as discord.js uploads them: multipart form parts with a name and a description
// (Discord's alt text). They go with the first message of the answer; the text never depends on them.
import type { AttachmentPayload } from 'discord.js';
import type { Reply } from '../../reply.ts';

/** Discord's limit on a description (alt text). */
const DESCRIPTION_MAX = 1024;
/** Files per message Discord accepts. */
const FILES_MAX = 10;

export function filesOf(reply: Reply): AttachmentPayload[] {
  return (reply.attachments ?? []).slice(0, FILES_MAX).map((a) => ({
    attachment: Buffer.from(a.bytes),
    name: a.name,
    description: a.description.length > DESCRIPTION_MAX ? `${a.description.slice(0, DESCRIPTION_MAX - 1)}…` : a.description,
  }));
}
