import * as React from 'react';
import * as strings from 'SignaaldashboardWebPartStrings';
import { AadSignalsClient } from '../../services/AadSignalsClient';
import { resolveApiSettings, type SignalsApiSettings } from '../../services/apiSettings';
import { ApiWebPart, type ApiPaneStrings, type IApiWebPartProps } from '../common/ApiWebPart';
import { ApiNotConfigured } from './components/ApiNotConfigured';
import { DashboardProvider, type DashboardServices } from './components/DashboardContext';
import { Signaaldashboard } from './components/Signaaldashboard';

export type ISignaaldashboardWebPartProps = IApiWebPartProps;

/**
 * Composition root of the signal dashboard: creates the SignalsClient (AadHttpClient with the
 * API's application id URI) and renders the dashboard; the host theme (Teams or SharePoint) and
 * the React root come from the shared base. All UI lives in ./components.
 */
export default class SignaaldashboardWebPart extends ApiWebPart<ISignaaldashboardWebPartProps> {
  private services: DashboardServices | undefined;

  protected override get paneStrings(): ApiPaneStrings {
    return strings;
  }

  protected override async connect(): Promise<void> {
    const settings: SignalsApiSettings | undefined = await resolveApiSettings(
      this.properties,
      this.context.spHttpClient,
      this.context.pageContext.web.absoluteUrl
    );
    this.services = settings
      ? {
          client: new AadSignalsClient(this.context.aadHttpClientFactory, settings.apiBaseUrl, settings.appIdUri, strings.Locale),
          strings
        }
      : undefined;
  }

  protected override renderContent(): React.ReactElement {
    return this.services
      ? React.createElement(DashboardProvider, { value: this.services }, React.createElement(Signaaldashboard, { initialView: 'all' }))
      : React.createElement(ApiNotConfigured, { message: strings.ApiNotConfigured });
  }
}
