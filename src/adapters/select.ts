// Which adapters `sitrep start` runs, decided by which settings are present, with the reason for each.

export interface AdapterPlan {
  /** Platforms to start; 'console' when no chat platform is configured. */
  start: Array<'console' | 'discord' | 'slack'>;
  /** One line per platform saying why it runs or does not. */
  reasons: string[];
}

export function planAdapters(env: NodeJS.ProcessEnv = process.env): AdapterPlan {
  const start: AdapterPlan['start'] = [];
  const reasons: string[] = [];
  if (env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID) {
    start.push('discord');
    reasons.push('Discord: DISCORD_TOKEN and DISCORD_APPLICATION_ID are set.');
  } else if (env.DISCORD_TOKEN || env.DISCORD_APPLICATION_ID) {
    reasons.push(`Discord: not started, ${env.DISCORD_TOKEN ? 'DISCORD_APPLICATION_ID' : 'DISCORD_TOKEN'} is missing.`);
  }
  if (env.SLACK_CLIENT_ID && !env.SLACK_BOT_TOKEN) {
    // Installs in many workspaces: the Slack adapter checks the rest of the OAuth settings and says what is missing.
    start.push('slack');
    reasons.push('Slack: SLACK_CLIENT_ID is set (installs in many workspaces, Add to Slack at /slack/install).');
  } else if (env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)) {
    start.push('slack');
    reasons.push(`Slack: SLACK_BOT_TOKEN and ${env.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN are set (Socket Mode)' : 'SLACK_SIGNING_SECRET are set (HTTP events)'}.`);
  } else if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
    reasons.push(`Slack: not started, ${env.SLACK_BOT_TOKEN ? 'SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP) is missing' : 'SLACK_BOT_TOKEN is missing'}.`);
  }
  if (start.length === 0) {
    start.push('console');
    reasons.push('Console: no Discord or Slack credentials in the environment or .env, so Sitrep runs here in the terminal.');
  }
  return { start, reasons };
}
