// A fetched body's bytes to text: the charset named by the Content-Type header, else by the XML
// declaration or an HTML <meta charset>, else UTF-8 (with a Windows-1252 fallback for bytes that are not
// UTF-8). Latin-1 and Windows-1251 feeds read right; an unknown charset name falls back the same way.

export interface DecodedBody {
  text: string;
  /** The charset the text was decoded with ("utf-8", "windows-1251"). */
  charset: string;
}

/** How far into the body a declaration of its charset is looked for. */
const SNIFF_BYTES = 2048;

function charsetOfContentType(contentType: string | null): string | null {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1] : null;
}

/** `<?xml version="1.0" encoding="windows-1251"?>` or `<meta charset="iso-8859-1">` in the first bytes. */
function declaredCharset(head: string): string | null {
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return xml[1];
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return meta ? meta[1] : null;
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

export function decodeBody(body: Uint8Array, contentType: string | null): DecodedBody {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(body.subarray(3)), charset: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(body.subarray(2)), charset: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(body.subarray(2)), charset: 'utf-16be' };
  const head = new TextDecoder('latin1').decode(body.subarray(0, SNIFF_BYTES));
  const named = decoderFor(charsetOfContentType(contentType)) ?? decoderFor(declaredCharset(head));
  if (named && named.encoding !== 'utf-8') return { text: named.decode(body), charset: named.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), charset: 'windows-1252' };
  }
}
