// Text that is safe to index and to show: terminal control sequences and characters that change how text
// looks without being seen are removed. Applied where article text enters (ingest) and again by every
// renderer, so nothing from an article can clear a terminal, retitle a window, split a name or reverse a
// figure on screen.
//
// Removed:
// - ANSI/ECMA-48 escape sequences: CSI (`ESC [ ... final`, and the 8-bit CSI 0x9b), OSC (`ESC ] ... BEL`
//   or `... ESC \`, and 0x9d), DCS/SOS/PM/APC strings, and two-character escapes;
// - C0 controls except tab and newline (a carriage return becomes a newline), DEL, and C1 controls;
// - zero-width characters (ZWSP, ZWNJ, word joiner, BOM, soft hyphen, Mongolian vowel separator), and the
//   zero-width joiner except between two emoji (family and profession emoji keep their joiners);
// - bidirectional controls (LRM, RLM, ALM, embeddings, overrides and isolates).

/** A string introduced by OSC, DCS, SOS, PM or APC, up to its terminator (BEL or ST), or the end of line. */
const CONTROL_STRING = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?/g;
/** CSI: parameters, intermediates, a final byte. */
const CSI = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?/g;
/** Any other escape: intermediates and a final byte ("ESC c" resets a terminal, "ESC ( B" picks a charset). */
const OTHER_ESCAPE = /\x1b[ -/]*[0-~]?/g;
/** C0 (but tab and newline), DEL and C1 controls. */
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;
/** Invisible characters that split words: ZWSP, ZWNJ, word joiner, invisible operators, BOM, soft hyphen, MVS. */
const ZERO_WIDTH = /[\u200b\u200c\u2060-\u2064\ufeff\u00ad\u180e]/g;
/** A zero-width joiner that does not join two emoji (an emoji may carry a variation selector or skin tone). */
const LONE_ZWJ = /(?<!\p{Extended_Pictographic}[\u{fe0f}\u{1f3fb}-\u{1f3ff}]?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** LRM, RLM, ALM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2060-\u2069\u202a-\u202e\ufeff\u00ad\u180e\u061c]/;

/** The text with control sequences, controls, zero-width and bidi characters removed (see above). */
export function sanitizeText(text: string): string {
  // Most text has none of these: leave it as it is, quickly.
  if (!UNSAFE.test(text)) return text;
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_STRING, '')
    .replace(CSI, '')
    .replace(OTHER_ESCAPE, '')
    .replace(CONTROLS, '')
    .replace(ZERO_WIDTH, '')
    .replace(LONE_ZWJ, '')
    .replace(BIDI, '');
}
