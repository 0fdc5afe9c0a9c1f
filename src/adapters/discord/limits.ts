// Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Characters across all embeds of one message (titles, descriptions, field names and values, footers). */
  embedTotal: 6000,
  embedsPerMessage: 10,
  /**
   * Sitrep's own cap: messages one reply may span. Higher than Slack's (slack/render.ts) because a
   * Discord message carries about 3,700 characters of text (one full embed), a Slack one up to 12,000; a
   * day's digest of eight stories fits.
   */
  messagesPerReply: 5,
  /** Slash commands: names 32, descriptions 100, options 25, choices 25. */
  commandName: 32,
  commandDescription: 100,
  choices: 25,
  choiceName: 100,
} as const;
