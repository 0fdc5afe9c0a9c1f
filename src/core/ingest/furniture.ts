// Page furniture: the short call-to-action and form lines that sites put at the head or foot of a page
// ("Leave a Comment", "Join the mailing list", "Subscribe now", "Share this article", "Required fields are
// marked *", "... - JOIN NOW"). The rule is general: a short block at the edge of the page that tells the
// reader to do something, or talks about the page rather than the news, is dropped. Blocks in the middle
// of the story are never touched, and a block of news at the edge stops the trimming.

import { splitWhiteSpace } from '../text/normalize.ts';

/** Imperatives that open a call to action. */
const IMPERATIVE = /^(join|subscribe|sign\s?up|sign in|log\s?in|register|donate|support|follow|share|like|tweet|email|print|download|install|click|tap|watch|listen|read more|continue reading|see (more|also|all)|view (more|all|comments)|get (the|our|free|access)|try|shop|buy|apply|leave|post|add|write|load|show|hide|advertisement|sponsored|related|recommended|most (read|popular)|skip to|back to top|comments?\b|share this)\b/i;
/** Phrases about the page itself, wherever they stand in the block. */
const ABOUT_THE_PAGE = /\b(mailing list|newsletter|all rights reserved|copyright|cookies?|privacy policy|terms of (use|service)|email address will not be published|required fields are marked|leave a (comment|reply)|comments? (are|is) closed)\b|^\s*(©|\(c\))/i;
/** A shouted ending: "JOIN NOW", "SIGN UP TODAY". */
const SHOUTED = /\b[A-Z]{3,}(?: [A-Z]{2,})+[!.]?\s*$/;

const MAX_FURNITURE_WORDS = 40;

/** True when a block reads as page furniture rather than news. */
export function isFurniture(block: string): boolean {
  const text = block.trim();
  if (!text) return true;
  if (splitWhiteSpace(text).length > MAX_FURNITURE_WORDS) return false;
  return IMPERATIVE.test(text) || ABOUT_THE_PAGE.test(text) || SHOUTED.test(text);
}

/**
 * Drops furniture blocks from the head and the foot of a page. `protect` marks blocks that must stay
 * (the title, a byline). Trimming stops at the first block of news from each end.
 */
export function trimFurniture<T extends { text: string }>(blocks: T[], protect: (b: T) => boolean = () => false): T[] {
  let start = 0;
  while (start < blocks.length && (protect(blocks[start]) || isFurniture(blocks[start].text))) start++;
  let end = blocks.length;
  while (end > start && !protect(blocks[end - 1]) && isFurniture(blocks[end - 1].text)) end--;
  return [...blocks.slice(0, start).filter(protect), ...blocks.slice(start, end)];
}
