// Bytes to text, or a reason the file cannot be read. Never throws. Whatever the encoding, the whole decoded
// file must read as text (textlike.ts), else it is skipped with the reason.
import { judgeText } from './textlike.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type Decoded =
  | { ok: true; text: string; warning?: string }
  | { ok: false; reason: string };

/** Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or Latin-1 as a fallback. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const decoded = decodeOnly(bytes);
  if (!decoded.ok) return decoded;
  const verdict = judgeText(decoded.text, decoded.warning === LATIN1_WARNING);
  return verdict.ok ? decoded : { ok: false, reason: verdict.reason! };
}

const LATIN1_WARNING = 'is not UTF-8; read as Windows-1252 (Latin-1)';

function decodeOnly(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, reason: `is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for one article file` };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (looksBinary(bytes)) return { ok: false, reason: 'is binary, not text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\ufeff/, '') };
  } catch {
    // A file cut off in the middle of a multi-byte character: keep what is whole.
    const tail = truncatedTail(bytes);
    if (tail > 0) {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - tail));
        return { ok: true, text: text.replace(/^\ufeff/, ''), warning: 'ends in a cut-off character (truncated file?); read up to it' };
      } catch {
        /* not just a cut-off tail: fall through */
      }
    }
    // Real-world files in Windows-1252 / Latin-1: decode them rather than lose them.
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warning: LATIN1_WARNING };
  }
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}

/** How many bytes at the end form an incomplete UTF-8 sequence (0 when none). */
function truncatedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}
