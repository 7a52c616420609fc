import type { TurnContext } from 'botbuilder';

/** Gives the bot's own Bot Framework access token for this turn, when it has one. */
export type BotTokenSource = () => Promise<string | undefined>;

/**
 * Hosts where Teams keeps inline images (pasted photos) behind the bot's token. The token is
 * sent to these hosts only, over https: never to a URL an activity happens to carry.
 */
const BOT_TOKEN_HOSTS = [/^smba\.trafficmanager\.net$/i, /\.botframework\.com$/i, /\.asm\.skype\.com$/i, /^api\.botframework\.com$/i];

export function isBotAttachmentHost(hostname: string): boolean {
  return BOT_TOKEN_HOSTS.some((host) => host.test(hostname));
}

export function mayCarryBotToken(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && isBotAttachmentHost(parsed.hostname);
  } catch {
    return false;
  }
}

/** The token source of a turn: the CloudAdapter's connector credentials (none in local mode). */
export function botTokenFor(context: TurnContext): BotTokenSource {
  return async () => {
    try {
      const key = (context.adapter as { ConnectorClientKey?: symbol }).ConnectorClientKey;
      const connector = key ? context.turnState.get<{ credentials?: { getToken?(forceRefresh?: boolean): Promise<string> } } | undefined>(key) : undefined;
      const token = await connector?.credentials?.getToken?.();
      return token ? token : undefined;
    } catch {
      // No credentials (local mode) or no token: the download goes without, and may be refused.
      return undefined;
    }
  };
}
