// The fake Slack's file uploads, as files.uploadV2 uses them: files.getUploadURLExternal (a file name and
// its length in bytes) gives an upload URL and a file id; the bytes are POSTed there; then
// files.completeUploadExternal shares the uploaded files in a channel. Each step is checked as Slack
// checks it: a missing name or length, bytes of another length, or completing a file never uploaded fails.

export interface FakeFile {
  id: string;
  filename: string;
  length: number;
  altText?: string;
  bytes?: Buffer;
  /** Set when files.completeUploadExternal shared the file. */
  shared?: { channel: string | null; threadTs: string | null; title: string | null };
}

/** Slack's limit on a file's alt text. */
const ALT_TEXT_MAX = 1000;

type Answer = { status: number; body: Record<string, unknown> };
const fail = (error: string, detail?: string): Answer => ({ status: 200, body: { ok: false, error, ...(detail ? { response_metadata: { messages: [detail] } } : {}) } });

export class FakeSlackFiles {
  readonly files = new Map<string, FakeFile>();
  private next = 1;

  getUploadURL(args: Record<string, any>, baseUrl: string): Answer {
    const length = Number(args.length);
    if (typeof args.filename !== 'string' || args.filename === '') return fail('invalid_arguments', '[ERROR] missing required field: filename');
    if (!Number.isInteger(length) || length <= 0) return fail('invalid_arguments', '[ERROR] missing required field: length');
    if (args.alt_text !== undefined && String(args.alt_text).length > ALT_TEXT_MAX) return fail('invalid_arguments', '[ERROR] alt_text too long');
    const id = `F${String(this.next++).padStart(8, '0')}`;
    this.files.set(id, { id, filename: args.filename, length, altText: args.alt_text });
    return { status: 200, body: { ok: true, upload_url: `${baseUrl}/upload/${id}`, file_id: id } };
  }

  /** The bytes POSTed to an upload URL: raw, or the one file part of a multipart form. */
  receive(id: string, raw: Buffer, contentType: string): { status: number; text: string } {
    const file = this.files.get(id);
    if (!file) return { status: 404, text: 'unknown upload' };
    if (file.bytes) return { status: 400, text: 'already uploaded' };
    const bytes = contentType.startsWith('multipart/form-data') ? filePart(raw, contentType) : raw;
    if (!bytes || bytes.length !== file.length) return { status: 400, text: `expected ${file.length} bytes, got ${bytes?.length ?? 0}` };
    file.bytes = bytes;
    return { status: 200, text: `OK - ${bytes.length}` };
  }

  complete(args: Record<string, any>): Answer {
    const list = typeof args.files === 'string' ? JSON.parse(args.files) : args.files;
    if (!Array.isArray(list) || list.length === 0) return fail('invalid_arguments', '[ERROR] missing required field: files');
    const done: FakeFile[] = [];
    for (const entry of list as { id?: string; title?: string }[]) {
      const file = entry.id ? this.files.get(entry.id) : undefined;
      if (!file || !file.bytes) return fail('file_not_found');
      if (file.shared) return fail('file_upload_already_completed');
      done.push(file);
      file.shared = { channel: args.channel_id ?? null, threadTs: args.thread_ts ?? null, title: entry.title ?? null };
    }
    return { status: 200, body: { ok: true, files: done.map((f) => ({ id: f.id, name: f.filename, title: f.shared!.title ?? f.filename, mimetype: 'image/png', size: f.length, alt_txt: f.altText })) } };
  }

  /** Files shared in a channel, in upload order. */
  sharedIn(channel: string): FakeFile[] {
    return [...this.files.values()].filter((f) => f.shared?.channel === channel);
  }
}

function filePart(raw: Buffer, contentType: string): Buffer | null {
  const boundary = contentType.match(/boundary=(?:"([^"]+)"|([^;]+))/i);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(delimiter);
  const headerEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(delimiter, headerEnd);
  if (start < 0 || headerEnd < 0 || end < 0) return null;
  return raw.subarray(headerEnd + 4, end - 2);
}
