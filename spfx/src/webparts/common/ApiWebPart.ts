import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { HostThemedWebPart } from './HostThemedWebPart';

/** Properties of a web part that talks to its municipality's instance API. */
export interface IApiWebPartProps {
  /** The municipality instance's base URL; empty means: use the tenant property. */
  apiBaseUrl?: string;
  /** The Entra application id URI of the API; empty means: use the tenant property. */
  apiAppIdUri?: string;
}

export interface ApiPaneStrings {
  PropertyPaneDescription: string;
  ApiBaseUrlLabel: string;
  ApiAppIdUriLabel: string;
}

/**
 * A host-themed web part whose clients reach the instance API through AadHttpClient: it
 * (re)creates them at start and when the API settings change, and offers those settings
 * in the property pane.
 */
export abstract class ApiWebPart<P extends IApiWebPartProps> extends HostThemedWebPart<P> {
  /** (Re)creates the clients from the web part or tenant properties; none when neither names the API. */
  protected abstract connect(): Promise<void>;

  protected abstract get paneStrings(): ApiPaneStrings;

  protected override async onInit(): Promise<void> {
    await super.onInit();
    await this.connect();
  }

  protected override onAfterPropertyPaneChangesApplied(): void {
    this.renderWhenDone(this.connect());
  }

  protected override getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const s = this.paneStrings;
    return {
      pages: [
        {
          header: { description: s.PropertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneTextField('apiBaseUrl', { label: s.ApiBaseUrlLabel }),
                PropertyPaneTextField('apiAppIdUri', { label: s.ApiAppIdUriLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
