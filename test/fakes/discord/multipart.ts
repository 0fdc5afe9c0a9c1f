// multipart/form-data as Discord takes it for messages with files: a `payload_json` part (the message) and
// one `files[n]` part per file, each listed in the payload's `attachments` by id n. Anything else is
// refused as Discord refuses it ("Invalid Form Body"), so a test sees only uploads Discord would accept.

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface UploadedFile {
  /** The part's field name ("files[0]"). */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** The description given in payload_json's attachments (alt text on Discord). */
  description?: string;
}

export class InvalidFormBody extends Error {}

export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
  const boundary = contentType.match(/boundary=(?:"([^"]+)"|([^;]+))/i);
  if (!boundary) throw new InvalidFormBody('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: FormPart[] = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new InvalidFormBody('multipart body without its boundary');
  while (true) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', at);
    const next = body.indexOf(delimiter, headerEnd);
    if (headerEnd < 0 || next < 0) throw new InvalidFormBody('multipart body cut off');
    const headers = body.subarray(at + 2, headerEnd).toString('utf8');
    const data = body.subarray(headerEnd + 4, next - 2);
    const disposition = headers.match(/content-disposition:\s*form-data;([^\r\n]*)/i);
    if (!disposition) throw new InvalidFormBody('multipart part without Content-Disposition: form-data');
    const name = disposition[1].match(/\bname="([^"]*)"/)?.[1];
    if (!name) throw new InvalidFormBody('multipart part without a name');
    const filename = disposition[1].match(/\bfilename="([^"]*)"/)?.[1];
    const type = headers.match(/content-type:\s*([^\r\n]+)/i)?.[1]?.trim();
    parts.push({ name, filename, contentType: type, data });
    at = next;
  }
  return parts;
}

/** The message and its files, checked as Discord checks them. */
export function readDiscordForm(body: Buffer, contentType: string): Record<string, unknown> & { files: UploadedFile[] } {
  const parts = parseMultipart(body, contentType);
  const payloadPart = parts.find((p) => p.name === 'payload_json');
  if (!payloadPart) throw new InvalidFormBody('no payload_json part');
  const payload = JSON.parse(payloadPart.data.toString('utf8')) as Record<string, any>;
  // an interaction callback carries the message under data
  const message = (payload.data ?? payload) as { attachments?: { id: string | number; filename?: string; description?: string }[] };
  const files: UploadedFile[] = [];
  for (const p of parts) {
    if (p.name === 'payload_json') continue;
    const index = p.name.match(/^files\[(\d+)\]$/);
    if (!index) throw new InvalidFormBody(`unexpected form field "${p.name}"`);
    if (!p.filename) throw new InvalidFormBody(`${p.name} has no filename`);
    if (p.data.length === 0) throw new InvalidFormBody(`${p.name} is empty`);
    const listed = message.attachments?.find((a) => String(a.id) === index[1]);
    if (!listed) throw new InvalidFormBody(`${p.name} is not listed in payload_json attachments`);
    files.push({ field: p.name, filename: p.filename, contentType: p.contentType ?? 'application/octet-stream', bytes: p.data, description: listed.description });
  }
  for (const a of message.attachments ?? []) if (!parts.some((p) => p.name === `files[${a.id}]`)) throw new InvalidFormBody(`attachment ${a.id} has no files[${a.id}] part`);
  return { ...payload, files };
}
