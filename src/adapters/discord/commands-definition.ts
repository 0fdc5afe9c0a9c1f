// Slash-command definitions built from the command registry, so every command declared in commands/ becomes
// a Discord command with no Discord-specific code: options keep their names, descriptions, required flags
// and lengths; commands with subcommands (/digest now|subscribe|unsubscribe|status) get Discord subcommands;
// options whose spec names an autocomplete source get autocomplete.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMANDS } from '../../../commands/index.ts';
import type { Command, OptionSpec } from '../../../commands/types.ts';
import { LIMITS } from './limits.ts';
import { allNeedManageGuild } from './policy.ts';
import { clip } from './split.ts';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function checkName(name: string, what: string): string {
  const n = name.toLowerCase();
  if (!NAME.test(n)) throw new Error(`${what} "${name}" cannot be a Discord command name (1-32 lowercase letters, digits, - or _).`);
  return n;
}

const describe = (text: string) => clip(text || '-', LIMITS.commandDescription);

/** Option types a spec may name; plain specs are strings. */
const TYPES: Record<string, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
};

export function optionDefinition(spec: OptionSpec): APIApplicationCommandBasicOption {
  const declared = (spec as OptionSpec & { type?: string }).type;
  const type = (declared && TYPES[declared]) ?? ApplicationCommandOptionType.String;
  const option: Record<string, unknown> = {
    type,
    name: checkName(spec.name, 'Option'),
    description: describe(spec.description),
    required: Boolean(spec.required),
  };
  if (type === ApplicationCommandOptionType.String && spec.maxLength) option.max_length = Math.min(spec.maxLength, 6000);
  if (spec.autocomplete && type !== ApplicationCommandOptionType.Boolean) option.autocomplete = true;
  return option as unknown as APIApplicationCommandBasicOption;
}

/** Discord wants required options before optional ones. */
function options(specs: OptionSpec[] = []): APIApplicationCommandBasicOption[] {
  if (specs.length > 25) throw new Error('Discord allows at most 25 options per command.');
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)].map(optionDefinition);
}

export function commandDefinition(cmd: Command): CommandDefinition {
  const name = checkName(cmd.name, 'Command');
  const def: CommandDefinition = {
    type: ApplicationCommandType.ChatInput,
    name,
    description: describe(cmd.description),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  };
  if (cmd.subcommands?.length) {
    def.options = cmd.subcommands.map(
      (s): APIApplicationCommandSubcommandOption => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: checkName(s.name, 'Subcommand'),
        description: describe(s.description),
        options: options(s.options),
      }),
    );
  } else def.options = options(cmd.options);
  // Discord sets default permissions per top-level command, not per subcommand: only a command that is all
  // Manage Server is hidden from members by default. /digest is visible to everyone (now and status are for
  // all); subscribe and unsubscribe are checked again when they run (policy.ts).
  if (allNeedManageGuild(name)) def.default_member_permissions = PermissionFlagsBits.ManageGuild.toString();
  return def;
}

/** Every registered command as a Discord slash command. */
export function buildCommandDefinitions(commands: readonly Command[] = COMMANDS): CommandDefinition[] {
  return commands.map(commandDefinition);
}
