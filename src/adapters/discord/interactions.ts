// Slash commands and autocomplete. A command that may be slow (any search or analysis) is deferred *before*
// it starts, then the event loop is let go once so the acknowledgement leaves, and only then does the work
// run: a command that holds the CPU for seconds is still acknowledged inside Discord's 3-second deadline.
// Quick commands (policy.ts) are answered in the callback, deferred anyway if they take deferAfterMs.
// Refusals (rights, rate limit) are answered at once, privately. The answer edits the deferred reply;
// errors and private replies are ephemeral; longer answers continue as follow-up messages.
import { MessageFlags, PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction, type CommandInteractionOption, type Interaction } from 'discord.js';
import { findCommand } from '../../../commands/index.ts';
import { internalError } from '../../../commands/run.ts';
import type { CommandContext, CommandInput, CommandResult, OptionSpec } from '../../../commands/types.ts';
import { errorReply, type Reply } from '../../reply.ts';
import { admit, runInbound, yieldToEventLoop } from '../inbound.ts';
import { suggest } from './autocomplete.ts';
import { NO_MENTIONS } from './client.ts';
import { defersUpFront, manageServerRefusal, needsManageGuild } from './policy.ts';
import { filesOf } from './attachments.ts';
import { isPrivate, renderReply } from './render.ts';
import type { HandlerDeps } from './run-types.ts';
import { isAllowed, REFUSAL } from './guilds.ts';

/** The command's input from the interaction's options (subcommand and option values as strings). */
export function inputFromOptions(options: readonly CommandInteractionOption[]): CommandInput {
  const sub = options.find((o) => o.options !== undefined && o.value === undefined && o.type === 1);
  const values = sub ? (sub.options ?? []) : options;
  const out: Record<string, string | undefined> = {};
  for (const o of values) if (o.value !== undefined && o.value !== null) out[o.name] = String(o.value);
  return { subcommand: sub?.name, options: out };
}

function optionSpec(name: string, subcommand: string | null, option: string): OptionSpec | undefined {
  const cmd = findCommand(name);
  if (!cmd) return undefined;
  const specs = cmd.subcommands ? cmd.subcommands.find((s) => s.name === subcommand)?.options : cmd.options;
  return specs?.find((s) => s.name === option);
}

export function canManage(interaction: Interaction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/** Sends the answer: reply, or edit the deferred reply, then follow-ups for any further messages. */
async function answer(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const messages = renderReply(reply);
  const ephemeral = isPrivate(reply);
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  const [first, ...rest] = messages;
  const files = filesOf(reply);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ embeds: first.embeds, files, flags, allowedMentions: NO_MENTIONS });
  } else if (ephemeral && !interaction.ephemeral) {
    // Deferred in public but the answer is private: drop the public "thinking…" and answer privately.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ embeds: first.embeds, files, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  } else {
    await interaction.editReply({ embeds: first.embeds, files, allowedMentions: NO_MENTIONS });
  }
  for (const m of rest) await interaction.followUp({ embeds: m.embeds, flags, allowedMentions: NO_MENTIONS });
}

/** Runs the command; a runner that throws anyway becomes an apology with an error id (details logged). */
function runSafely(ctx: CommandContext, name: string, input: CommandInput, deps: HandlerDeps): Promise<CommandResult> {
  return runInbound(ctx, name, input, deps.run).catch((e) => internalError(name, e, (m, err) => deps.log(`${m} ${(err as Error)?.stack ?? String(err)}`)));
}

/** Runs a quick command; defers it anyway when it has not answered within deferAfterMs. */
async function runQuick(interaction: ChatInputCommandInteraction, run: () => Promise<CommandResult>, deps: HandlerDeps): Promise<CommandResult> {
  const running = run();
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), deps.deferAfterMs)));
  const first = await Promise.race([running, slow]);
  clearTimeout(timer);
  if (first === 'slow') await interaction.deferReply();
  return running;
}

export async function handleChatInput(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const name = interaction.commandName;
  const input = inputFromOptions(interaction.options.data);
  const sub = input.subcommand ?? null;
  const manage = canManage(interaction);
  const ctx: CommandContext = {
    sitrep: deps.sitrep,
    platform: 'discord',
    channelId: interaction.channelId,
    place: interaction.guildId ? `discord:${interaction.guildId}` : undefined,
    userId: interaction.user.id,
    canManage: manage,
    services: deps.services,
  };
  const refusal = needsManageGuild(name, sub) && !manage ? manageServerRefusal(name, sub) : await admit(ctx, deps.limiter);
  if (refusal) {
    await answer(interaction, refusal);
    return;
  }
  const run = () => runSafely(ctx, name, input, deps);
  if (!defersUpFront(name, sub)) {
    await answer(interaction, (await runQuick(interaction, run, deps)).reply);
    return;
  }
  // Acknowledge first, let the acknowledgement go out, then work.
  await interaction.deferReply();
  await yieldToEventLoop();
  await answer(interaction, (await run()).reply);
}

export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = optionSpec(interaction.commandName, interaction.options.getSubcommand(false), focused.name);
  const choices = spec?.autocomplete ? suggest(deps.sitrep, spec.autocomplete, String(focused.value ?? ''), interaction.guildId ? `discord:${interaction.guildId}` : undefined) : [];
  await interaction.respond(choices);
}

/** An interaction from a server not on DISCORD_ALLOWED_GUILDS: a private refusal (no suggestions for autocomplete). */
async function refuseUnlisted(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isChatInputCommand()) await interaction.reply({ embeds: renderReply(errorReply(REFUSAL))[0].embeds, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** Routes one interaction; failures are logged and, where still possible, reported to the user privately. */
export async function handleInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  try {
    if (!isAllowed(deps.allowedGuilds ?? null, interaction.guildId)) return await refuseUnlisted(interaction);
    if (interaction.isChatInputCommand()) await (deps.inFlight ? deps.inFlight.track(handleChatInput(interaction, deps)) : handleChatInput(interaction, deps));
    else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, deps);
  } catch (e) {
    deps.log(`interaction ${interaction.isCommand() ? `/${interaction.commandName}` : interaction.type} failed: ${(e as Error).message}`);
    if (interaction.isChatInputCommand()) {
      const reply = errorReply('Sorry, something went wrong sending that answer. Please try again.');
      const payload = { embeds: renderReply(reply)[0].embeds, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
      await (interaction.deferred || interaction.replied ? interaction.followUp(payload) : interaction.reply(payload)).catch(() => undefined);
    }
  }
}
