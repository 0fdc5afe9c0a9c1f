// Gateway and REST payloads for the fake Discord, typed against discord-api-types (re-exported by
// discord.js) so their shapes follow the real API.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIEmbed,
  type APIGuildMember,
  type APIMessage,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type GatewayReadyDispatchData,
  type APIApplicationCommandAutocompleteInteraction,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type MessageFlags,
  type RoleFlags,
} from 'discord.js';

const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;
const NO_CHANNEL_FLAGS = 0 as ChannelFlags;
const NO_MESSAGE_FLAGS = 0 as MessageFlags;

const EPOCH = 1420070400000n;
let counter = 0n;
/** A fresh snowflake: the time since Discord's epoch, and a counter. */
export function snowflake(): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - EPOCH) << 22n) | counter).toString();
}

export const IDS = {
  application: '1100000000000000001',
  bot: '1100000000000000001',
  guild: '1100000000000000100',
  general: '1100000000000000200',
  digest: '1100000000000000201',
  thread: '1100000000000000300',
  adminRole: '1100000000000000400',
  alice: '1100000000000000501',
  bob: '1100000000000000502',
} as const;

const EVERYONE_PERMISSIONS = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands | PermissionFlagsBits.ReadMessageHistory;
const ADMIN_PERMISSIONS = EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild;

export function user(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

export const BOT = user(IDS.bot, 'Sitrep', true);
/** Alice manages the server (admin role with Manage Server); Bob is an ordinary member. */
export const ALICE = user(IDS.alice, 'alice');
export const BOB = user(IDS.bob, 'bob');

export function member(u: APIUser): APIGuildMember {
  return {
    user: u,
    roles: u.id === IDS.alice ? [IDS.adminRole] : [],
    joined_at: '2026-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: NO_MEMBER_FLAGS,
    premium_since: null,
    nick: null,
    avatar: null,
    banner: null,
  };
}

/** A server the bot is in: its id, name, text channels and system channel (the default test server if not given). */
export interface GuildSpec {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
  systemChannelId?: string | null;
}

export const DEFAULT_GUILD: GuildSpec = { id: IDS.guild, name: 'Sitrep Test Server', channels: [{ id: IDS.general, name: 'general' }, { id: IDS.digest, name: 'news-digest' }] };

export function ready(resumeUrl: string, sessionId: string, guilds: GuildSpec[] = [DEFAULT_GUILD]): GatewayReadyDispatchData {
  return {
    v: 10,
    user: BOT,
    guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: IDS.application, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

function textChannel(id: string, name: string, position: number, guildId: string = IDS.guild) {
  return { id, type: ChannelType.GuildText as const, name, position, guild_id: guildId, parent_id: null, permission_overwrites: [], topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, flags: NO_CHANNEL_FLAGS };
}

export function guildCreate(spec: GuildSpec = DEFAULT_GUILD): GatewayGuildCreateDispatchData {
  const isDefault = spec.id === IDS.guild;
  const guild: GatewayGuildCreateDispatchData = {
    id: spec.id,
    name: spec.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '1100000000000000999',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: [
      { id: spec.id, name: '@everyone', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: EVERYONE_PERMISSIONS.toString(), managed: false, mentionable: false, flags: 0 as RoleFlags },
      { id: IDS.adminRole, name: 'admin', color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: 1, permissions: ADMIN_PERMISSIONS.toString(), managed: false, mentionable: true, flags: 0 as RoleFlags },
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: spec.systemChannelId ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    stickers: [],
    hub_type: null,
    incidents_data: null,
    region: 'us-east',
    joined_at: '2026-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [member(BOT)],
    channels: spec.channels.map((c, i) => textChannel(c.id, c.name, i, spec.id)),
    threads: !isDefault ? [] : [
      {
        id: IDS.thread,
        type: ChannelType.PublicThread,
        name: 'missiles thread',
        guild_id: IDS.guild,
        parent_id: IDS.general,
        owner_id: IDS.alice,
        flags: NO_CHANNEL_FLAGS,
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 1,
        member_count: 1,
        total_message_sent: 1,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2026-01-01T00:00:00.000Z', locked: false },
      },
    ],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
  return guild;
}

/** A slash command as a member invokes it: options are flat, or nested under a subcommand. */
export interface InvokeOptions {
  name: string;
  subcommand?: string;
  options?: Record<string, string>;
  invoker?: APIUser;
  channelId?: string;
  /** The server it comes from (default: the default test server). */
  guildId?: string;
}

function commandOptions(o: InvokeOptions, focused?: string): APIApplicationCommandInteractionDataOption[] {
  const values = Object.entries(o.options ?? {}).map(([name, value]) => ({ name, type: ApplicationCommandOptionType.String as const, value, ...(name === focused ? { focused: true } : {}) }));
  return o.subcommand ? [{ name: o.subcommand, type: ApplicationCommandOptionType.Subcommand, options: values }] : values;
}

function memberPermissions(u: APIUser): string {
  return (u.id === IDS.alice ? ADMIN_PERMISSIONS : EVERYONE_PERMISSIONS).toString();
}

function interactionBase(o: InvokeOptions) {
  const invoker = o.invoker ?? BOB;
  const channelId = o.channelId ?? IDS.general;
  const guildId = o.guildId ?? IDS.guild;
  return {
    id: snowflake(),
    application_id: IDS.application,
    token: `fake-interaction-token-${snowflake()}`,
    version: 1 as const,
    guild_id: guildId,
    guild: { id: guildId, features: [], locale: Locale.EnglishUS },
    channel_id: channelId,
    channel: { id: channelId, type: ChannelType.GuildText as const, name: 'general', guild_id: guildId, position: 0, parent_id: null, permission_overwrites: [], flags: NO_CHANNEL_FLAGS },
    member: { ...member(invoker), permissions: memberPermissions(invoker) },
    app_permissions: (EVERYONE_PERMISSIONS | PermissionFlagsBits.EmbedLinks).toString(),
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export function chatInput(o: InvokeOptions): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(o),
    type: InteractionType.ApplicationCommand,
    data: { id: snowflake(), name: o.name, type: ApplicationCommandType.ChatInput, guild_id: o.guildId ?? IDS.guild, options: commandOptions(o) },
  } as APIChatInputApplicationCommandInteraction;
}

export function autocomplete(o: InvokeOptions & { focused: string }): APIApplicationCommandAutocompleteInteraction {
  return {
    ...interactionBase(o),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: snowflake(), name: o.name, type: ApplicationCommandType.ChatInput, guild_id: o.guildId ?? IDS.guild, options: commandOptions(o, o.focused) },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** A member's message in a channel (MESSAGE_CREATE). `mentions` lists users mentioned in the content. */
export function messageCreate(o: { content: string; author?: APIUser; channelId?: string; mentions?: APIUser[]; mentionRoles?: string[]; mentionEveryone?: boolean }): GatewayMessageCreateDispatchData {
  const author = o.author ?? BOB;
  const { user: _u, ...partialMember } = member(author);
  const message: GatewayMessageCreateDispatchData = {
    id: snowflake(),
    channel_id: o.channelId ?? IDS.general,
    guild_id: IDS.guild,
    author,
    member: partialMember,
    content: o.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: o.mentionEveryone ?? false,
    mentions: (o.mentions ?? []).map((u) => ({ ...u, member: partialMember })),
    mention_roles: o.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    flags: NO_MESSAGE_FLAGS,
    components: [],
  };
  return message;
}

/** The message object Discord returns after a send or edit. */
export function sentMessage(channelId: string, body: { content?: string; embeds?: APIEmbed[]; flags?: number }, extra: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    channel_id: channelId,
    author: BOT,
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    pinned: false,
    type: MessageType.Default,
    flags: (body.flags ?? 0) as MessageFlags,
    ...extra,
  };
}
