import * as React from 'react';
import type { AgendaClient } from '@weerbaar/shared';
import * as strings from 'AfdelingsagendaWebPartStrings';
import { AadTransport } from '../../services/AadTransport';
import { HttpAgendaClient } from '../../services/AgendaClients';
import { HttpOrganisationClient, type OrganisationClient } from '../../services/OrganisationClients';
import { resolveApiSettings } from '../../services/apiSettings';
import { ApiWebPart, type ApiPaneStrings, type IApiWebPartProps } from '../common/ApiWebPart';
import { ApiNotConfigured } from '../signaaldashboard/components/ApiNotConfigured';
import { Afdelingsagenda } from './components';

export type IAfdelingsagendaWebPartProps = IApiWebPartProps;

/**
 * Composition root of the Afdelingsagenda: the AgendaClient and OrganisationClient over
 * AadHttpClient and the view; the host theme and React root come from the shared base.
 * All UI lives in ./components.
 */
export default class AfdelingsagendaWebPart extends ApiWebPart<IAfdelingsagendaWebPartProps> {
  private client: AgendaClient | undefined;
  private organisation: OrganisationClient | undefined;

  protected override get paneStrings(): ApiPaneStrings {
    return strings;
  }

  protected override async connect(): Promise<void> {
    const settings = await resolveApiSettings(this.properties, this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    const transport = settings ? new AadTransport(this.context.aadHttpClientFactory, settings.apiBaseUrl, settings.appIdUri) : undefined;
    this.client = transport ? new HttpAgendaClient(transport, strings.Locale) : undefined;
    this.organisation = transport ? new HttpOrganisationClient(transport, strings.Locale) : undefined;
  }

  protected override renderContent(): React.ReactElement {
    return this.client
      ? React.createElement(Afdelingsagenda, { client: this.client, organisation: this.organisation, strings })
      : React.createElement(ApiNotConfigured, { message: strings.ApiNotConfigured });
  }
}
