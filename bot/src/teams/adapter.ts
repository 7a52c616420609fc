import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from '../logging.js';
import type { ServiceConfig } from '../config/config.js';

/**
 * The real botbuilder CloudAdapter. With no MicrosoftAppId, authentication is off: that
 * is accepted only in local mode (config validation refuses production without it), where
 * the Agents Playground and tests post unsigned activities.
 */
export function createCloudAdapter(config: ServiceConfig, logger: Logger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.bot.appId
    ? {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword ?? '',
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.appTenantId ?? '',
        ...(config.bot.openIdMetadataUrl
          ? { ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl, ToBotFromEmulatorOpenIdMetadataUrl: config.bot.openIdMetadataUrl }
          : {}),
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Never log the activity: it may hold what a reporter typed.
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    const nl = !context.activity.locale?.toLowerCase().startsWith('en');
    await context.sendActivity(
      nl
        ? 'Er ging iets mis aan onze kant. Wat je al had ingevuld is bewaard; probeer het zo nog eens.'
        : 'Something went wrong on our side. What you entered is kept; please try again shortly.',
    );
  };
  return adapter;
}
