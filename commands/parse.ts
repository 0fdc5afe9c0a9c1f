// Reading a command's input the way people write it: `/who-said Carter about casualties`,
// `/digest subscribe 08:00 Europe/London`, `@sitrep how many troops?`, or CLI words and flags.
import { CommandError, type Command, type CommandInput, type OptionSpec } from './types.ts';

function optionsOf(cmd: Command, subcommand?: string): OptionSpec[] {
  if (cmd.subcommands) return cmd.subcommands.find((s) => s.name === subcommand)?.options ?? [];
  return cmd.options ?? [];
}

function pickSubcommand(cmd: Command, words: string[]): { subcommand?: string; rest: string[] } {
  if (!cmd.subcommands) return { rest: words };
  const first = words[0]?.toLowerCase();
  const match = cmd.subcommands.find((s) => s.name === first);
  if (match) return { subcommand: match.name, rest: words.slice(1) };
  if (words.length === 0) return { subcommand: cmd.subcommands[0].name, rest: [] };
  throw new CommandError(`"${words[0]}" is not a ${cmd.name} subcommand; try one of: ${cmd.subcommands.map((s) => s.name).join(', ')}.`, cmd.usage);
}

/** Fills positional options in order; the last one takes the rest of the words. */
function assignPositional(specs: OptionSpec[], words: string[], options: Record<string, string | undefined>, cmd: Command): void {
  const open = specs.filter((s) => !s.keyword && options[s.name] === undefined);
  if (words.length === 0) return;
  // A command whose options are all keyword options takes bare words as the first one that is unset:
  // `/numbers missiles` is `/numbers about missiles`, as the usage hint `[topic]` promises.
  const keyword = specs.find((s) => s.keyword && options[s.name] === undefined);
  if (open.length === 0 && keyword && specs.every((s) => s.keyword)) {
    options[keyword.name] = words.join(' ');
    return;
  }
  if (open.length === 0) throw new CommandError(`${cmd.usage.split(' ')[0]} takes no more words than that ("${words.join(' ')}" was left over).`, cmd.usage);
  open.forEach((spec, i) => {
    const value = i === open.length - 1 ? words.slice(i).join(' ') : words[i];
    if (value) options[spec.name] = value;
  });
}

/**
 * An option named as people would say it: "That question is", and for a keyword option the noun its
 * description starts with ("A topic the figures must be about." -> "That topic is"), else "The words after
 * \"about\" are". Never the bare keyword ("That about is").
 */
function optionInWords(spec: OptionSpec): string {
  if (!spec.keyword) return `That ${spec.name.replace(/[-_]/g, ' ')} is`;
  const noun = spec.description.match(/^(?:A|An|The)\s+([a-z]+)\b(?![’'])/i)?.[1];
  return noun ? `That ${noun.toLowerCase()} is` : `The words after "${spec.keyword}" are`;
}

function checkRequired(cmd: Command, specs: OptionSpec[], options: Record<string, string | undefined>): void {
  for (const s of specs) {
    const v = options[s.name];
    if (s.required && (v === undefined || v.trim() === '')) throw new CommandError(`${cmd.usage.split(' ')[0]} needs ${s.description.replace(/\.$/, '').toLowerCase()}.`, cmd.usage);
    if (v !== undefined && s.maxLength && v.length > s.maxLength) throw new CommandError(`${optionInWords(s)} ${v.length.toLocaleString('en-US')} characters long; please keep ${optionInWords(s).endsWith('are') ? 'them' : 'it'} under ${s.maxLength.toLocaleString('en-US')}.`, cmd.usage);
  }
}

/** Parses free chat text against a command's declared options. */
export function parseText(cmd: Command, text: string): CommandInput {
  const { subcommand, rest } = pickSubcommand(cmd, text.trim() ? text.trim().split(/\s+/) : []);
  const specs = optionsOf(cmd, subcommand);
  const options: Record<string, string | undefined> = {};
  let words = rest;
  // `--about casualties` or `about casualties`: a keyword option takes the words up to the next keyword.
  for (const spec of specs.filter((s) => s.keyword)) {
    const idx = words.findIndex((w) => w.toLowerCase() === spec.keyword || w.toLowerCase() === `--${spec.keyword}` || w.toLowerCase() === `--${spec.name}`);
    if (idx < 0) continue;
    let end = words.length;
    for (const other of specs.filter((s) => s.keyword && s !== spec)) {
      const j = words.findIndex((w, k) => k > idx && (w.toLowerCase() === other.keyword || w.toLowerCase() === `--${other.keyword}`));
      if (j >= 0) end = Math.min(end, j);
    }
    const value = words.slice(idx + 1, end).join(' ');
    if (!value) throw new CommandError(`"${spec.keyword}" needs words after it (${spec.description.replace(/\.$/, '').toLowerCase()}).`, cmd.usage);
    options[spec.name] = value;
    words = [...words.slice(0, idx), ...words.slice(end)];
  }
  assignPositional(specs, words, options, cmd);
  checkRequired(cmd, specs, options);
  return { subcommand, options };
}

/** Parses command-line words: `--name value` flags for any option, then positionals in order. */
export function parseArgv(cmd: Command, argv: string[]): CommandInput {
  const { subcommand, rest } = pickSubcommand(cmd, argv);
  const specs = optionsOf(cmd, subcommand);
  const options: Record<string, string | undefined> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i].match(/^--([\w-]+)(?:=(.*))?$/);
    const spec = flag && specs.find((s) => s.name === flag[1] || s.keyword === flag[1]);
    if (flag && !spec) throw new CommandError(`${cmd.name} has no option --${flag[1]}.`, cmd.usage);
    if (spec) {
      const value = flag![2] ?? rest[++i];
      if (value === undefined) throw new CommandError(`--${flag![1]} needs a value.`, cmd.usage);
      options[spec.name] = value;
    } else positional.push(rest[i]);
  }
  assignPositional(specs, positional, options, cmd);
  checkRequired(cmd, specs, options);
  return { subcommand, options };
}
