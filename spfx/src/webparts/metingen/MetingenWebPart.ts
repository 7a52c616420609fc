import * as React from 'react';
import { PropertyPaneChoiceGroup, PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'BasisOpOrdeWebPartStrings';
import { AadTransport } from '../../services/AadTransport';
import { HubRoundsClient, InstanceRoundsClient, type RoundsClient } from '../../services/RoundsClients';
import { resolveApiSettings } from '../../services/apiSettings';
import { Metingen } from '../basisoporde/components/Metingen';
import { PartsWebPartBase, notConfigured } from '../basisoporde/PartsWebPartBase';

export interface IMetingenWebPartProps {
  /** "instance": the secretary's own municipality through its instance; "hub": all of Twente at the hub. */
  source?: 'instance' | 'hub';
  apiBaseUrl?: string;
  apiAppIdUri?: string;
  hubBaseUrl?: string;
  hubAppIdUri?: string;
  /** The municipality's name, for the report's file name. */
  municipalityName?: string;
}

/**
 * Composition root of "Metingen": the measurement rounds through the API that may show them,
 * the municipality's instance (its secretary, her results only) or the district hub (the
 * district coordinator and the specialist). Both answer with the policy applied.
 */
export default class MetingenWebPart extends PartsWebPartBase<IMetingenWebPartProps> {
  private client: RoundsClient | undefined;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.properties.source === 'hub') {
      const url = this.properties.hubBaseUrl?.trim() ?? '';
      const appIdUri = this.properties.hubAppIdUri?.trim() ?? '';
      this.client = /^https:\/\//i.test(url) && appIdUri
        ? new HubRoundsClient(new AadTransport(this.context.aadHttpClientFactory, url, appIdUri), strings.Locale)
        : undefined;
      return;
    }
    const settings = await resolveApiSettings(this.properties, this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    this.client = settings
      ? new InstanceRoundsClient(new AadTransport(this.context.aadHttpClientFactory, settings.apiBaseUrl, settings.appIdUri), strings.Locale)
      : undefined;
  }

  protected content(): React.ReactElement {
    return this.client ? React.createElement(Metingen, { client: this.client, municipalityName: this.properties.municipalityName }) : notConfigured();
  }

  protected override onAfterPropertyPaneChangesApplied(): void {
    this.renderWhenDone(this.connect());
  }

  protected override getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneChoiceGroup('source', {
                  label: strings.SourceLabel,
                  options: [
                    { key: 'instance', text: strings.SourceInstance },
                    { key: 'hub', text: strings.SourceHub }
                  ]
                }),
                PropertyPaneTextField('apiBaseUrl', { label: strings.ApiBaseUrlLabel }),
                PropertyPaneTextField('apiAppIdUri', { label: strings.ApiAppIdUriLabel }),
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
