// `--workspace PLATFORM:ID`: the place the command line acts as (`discord:123456789012345678`,
// `slack:T0123ABCD`, or `console`, the default). A malformed value is an error naming the expected form;
// a workspace Sitrep knows was uninstalled, or one Slack never installed when installs are recorded, is
// refused in words.
import { CONSOLE_SCOPE } from './config.ts';
import type { Store } from './store/store.ts';

export const WORKSPACE_FORM = 'PLATFORM:ID, such as discord:123456789012345678 or slack:T0123ABCD (or console)';

/** A --workspace value that is not of the form PLATFORM:ID, or a workspace Sitrep cannot act as. */
export class WorkspaceError extends Error {}

export interface Workspace {
  /** The place as stored on sources and articles: 'discord:GUILD', 'slack:TEAM' or 'console'. */
  place: string;
  platform: 'console' | 'discord' | 'slack';
  id: string | null;
}

const FORMS: Record<string, { pattern: RegExp; what: string }> = {
  discord: { pattern: /^\d{5,25}$/, what: 'a Discord server id is a number (right-click the server > Copy Server ID)' },
  slack: { pattern: /^[TE][A-Z0-9]{2,20}$/, what: 'a Slack workspace id starts with T (or E for an organisation) followed by capital letters and digits' },
};

/** Reads a --workspace value; throws WorkspaceError naming the expected form. */
export function parseWorkspace(raw: string | undefined): Workspace {
  const value = raw?.trim() ?? '';
  if (value === '' || value.toLowerCase() === CONSOLE_SCOPE) return { place: CONSOLE_SCOPE, platform: 'console', id: null };
  const m = value.match(/^([a-z]+):(.+)$/i);
  const shown = value.slice(0, 40);
  if (!m) throw new WorkspaceError(`--workspace takes ${WORKSPACE_FORM}, not "${shown}".`);
  const platform = m[1].toLowerCase();
  const form = FORMS[platform];
  if (!form) throw new WorkspaceError(`--workspace: "${m[1].slice(0, 20)}" is not a platform Sitrep serves (discord or slack); it takes ${WORKSPACE_FORM}.`);
  const id = platform === 'slack' ? m[2].trim().toUpperCase() : m[2].trim();
  if (!form.pattern.test(id)) throw new WorkspaceError(`--workspace ${shown}: ${form.what}; it takes ${WORKSPACE_FORM}.`);
  return { place: `${platform}:${id}`, platform: platform as 'discord' | 'slack', id };
}

/**
 * Refuses a Slack workspace Sitrep cannot act for: one whose installation was removed (the reason and date
 * are told), or, when Slack installs are recorded (OAuth), one that never installed Sitrep.
 */
export function checkInstalled(store: Store, ws: Workspace): void {
  if (ws.platform !== 'slack' || !ws.id) return;
  const installs = store.installations();
  if (installs.get(ws.id)) return;
  const removed = installs.removal(ws.id);
  if (removed) throw new WorkspaceError(`Sitrep has no installation for ${ws.place}: it was removed on ${removed.removedAt.slice(0, 10)} (${removed.reason}). Add Sitrep to that workspace again to act for it.`);
  const known = installs.list();
  if (known.length) throw new WorkspaceError(`Sitrep has no installation for ${ws.place}. Installed: ${known.slice(0, 10).map((i) => `slack:${i.key}`).join(', ')}${known.length > 10 ? ', …' : ''}.`);
}
