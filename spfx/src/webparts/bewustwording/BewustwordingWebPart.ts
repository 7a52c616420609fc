import * as React from 'react';
import type { LearningClient } from '@weerbaar/shared';
import * as strings from 'BewustwordingWebPartStrings';
import { AadTransport } from '../../services/AadTransport';
import { resolveApiSettings } from '../../services/apiSettings';
import { HttpLearningClient } from '../../services/LearningClients';
import { ApiWebPart, type ApiPaneStrings, type IApiWebPartProps } from '../common/ApiWebPart';
import { ApiNotConfigured } from '../signaaldashboard/components/ApiNotConfigured';
import { Bewustwording } from './components';

export type IBewustwordingWebPartProps = IApiWebPartProps;

/**
 * Composition root of the Bewustwording view: the LearningClient over AadHttpClient and the
 * view; the host theme and React root come from the shared base. All UI lives in ./components.
 */
export default class BewustwordingWebPart extends ApiWebPart<IBewustwordingWebPartProps> {
  private client: LearningClient | undefined;

  protected override get paneStrings(): ApiPaneStrings {
    return strings;
  }

  protected override async connect(): Promise<void> {
    const settings = await resolveApiSettings(this.properties, this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    this.client = settings
      ? new HttpLearningClient(new AadTransport(this.context.aadHttpClientFactory, settings.apiBaseUrl, settings.appIdUri), strings.Locale)
      : undefined;
  }

  protected override renderContent(): React.ReactElement {
    return this.client
      ? React.createElement(Bewustwording, { client: this.client, strings })
      : React.createElement(ApiNotConfigured, { message: strings.ApiNotConfigured });
  }
}
