import * as React from 'react';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'BasisOpOrdeWebPartStrings';
import { AadTransport } from '../../services/AadTransport';
import { HubRoundsClient } from '../../services/RoundsClients';
import { TwenteOverzicht } from '../basisoporde/components/TwenteOverzicht';
import { PartsWebPartBase, notConfigured } from '../basisoporde/PartsWebPartBase';

export interface ITwenteOverzichtWebPartProps {
  hubBaseUrl?: string;
  hubAppIdUri?: string;
}

/**
 * Composition root of "Twente-overzicht": the Twente-wide outcome of the closed rounds from
 * the district hub, for the DVO and the district roles. The hub sends bands only.
 */
export default class TwenteOverzichtWebPart extends PartsWebPartBase<ITwenteOverzichtWebPartProps> {
  private client: HubRoundsClient | undefined;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    this.connect();
  }

  private connect(): void {
    const url = this.properties.hubBaseUrl?.trim() ?? '';
    const appIdUri = this.properties.hubAppIdUri?.trim() ?? '';
    this.client = /^https:\/\//i.test(url) && appIdUri
      ? new HubRoundsClient(new AadTransport(this.context.aadHttpClientFactory, url, appIdUri), strings.Locale)
      : undefined;
  }

  protected content(): React.ReactElement {
    return this.client ? React.createElement(TwenteOverzicht, { client: this.client }) : notConfigured();
  }

  protected override onAfterPropertyPaneChangesApplied(): void {
    this.connect();
    this.render();
  }

  protected override getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneTextField('hubBaseUrl', { label: strings.HubBaseUrlLabel }),
                PropertyPaneTextField('hubAppIdUri', { label: strings.HubAppIdUriLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
