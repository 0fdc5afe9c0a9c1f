// Every chat command, one module each. Adapters and the CLI find commands here by name.
import { ask } from './ask.ts';
import { digest } from './digest.ts';
import { help } from './help.ts';
import { numbers } from './numbers.ts';
import { sources } from './sources.ts';
import { stories } from './stories.ts';
import type { Command } from './types.ts';
import { whoSaid } from './who-said.ts';

export const COMMANDS: readonly Command[] = [ask, whoSaid, numbers, stories, digest, sources, help];

export function findCommand(name: string): Command | undefined {
  const n = name.toLowerCase().replace(/^\//, '');
  return COMMANDS.find((c) => c.name === n);
}
